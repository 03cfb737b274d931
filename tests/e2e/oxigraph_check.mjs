// The SPARQL checks of tests/e2e/virtuoso.sh, run in-process on Oxigraph (a
// second, independent SPARQL engine) over the same examples/queries/*.rq;
// for the symmetric query, also its property-path form.
//
//   node oxigraph_check.mjs GRAPH.ttl QUERIES_DIR EVIDENCE_COUNT
//
// GRAPH.ttl is loaded into a named graph, as `claimgraph load --graph` does,
// and queried with the default graph as the union of all graphs, as
// Virtuoso's /sparql does.  Prints one line per check; exits 1 on the first
// failure.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";

// The package lives in tests/e2e/node/node_modules (installed by
// scripts/install-deps), not beside this file.
const require = createRequire(new URL("./node/package.json", import.meta.url));
const oxigraph = require("oxigraph");

const ENTITY = "https://example.org/claimgraph/entity/";
const VOCAB = "https://w3id.org/claimgraph/ns#";
const GRAPH = "https://example.org/claimgraph/graph/oxigraph-test";

function fail(message) {
  console.error(`FAIL: ${message}`);
  process.exit(1);
}

function pass(message) {
  console.log(`ok: ${message}`);
}

// Rows as plain objects of strings, the way the store's JSON results read.
function select(store, queriesDir, name) {
  const text = readFileSync(join(queriesDir, name), "utf8");
  const rows = store.query(text, { use_default_graph_as_union: true });
  return rows.map((row) => Object.fromEntries([...row].map(([k, v]) => [k, v.value])));
}

function loadGraph(path) {
  const store = new oxigraph.Store();
  store.load(readFileSync(path, "utf8"), {
    format: "text/turtle",
    to_graph_name: oxigraph.namedNode(GRAPH),
  });
  return store;
}

function checkRelation(store, queriesDir) {
  const [s, p, o] = ["north-korea", "deploysTroopsTo", "russia"];
  const triple = [ENTITY + s, VOCAB + p, ENTITY + o].map((iri) => oxigraph.namedNode(iri));
  if (!store.match(...triple, null).length) fail(`no triple ${s} ${p} ${o}`);
  const rows = select(store, queriesDir, "relations-with-sources.rq");
  const hit = rows.find(
    (r) => r.subject === "North Korea" && r.predicate === p && r.object === "Russia",
  );
  if (!hit) fail(`relations-with-sources.rq lacks North Korea ${p} Russia`);
  if (rows.some((r) => !r.quote || !r.document)) fail("a relation row lacks its quote or document");
  pass(`${rows.length} relation rows with sources, among them North Korea ${p} Russia`);
}

function checkEvidenceCount(store, queriesDir, want) {
  const [row] = select(store, queriesDir, "evidence-count.rq");
  if (!row || Number(row.count) !== want) fail(`evidence count ${row?.count}, want ${want}`);
  pass(`evidence count ${want}, as in the file`);
}

// Offsets count Unicode characters (code points), as NIF does.
function checkQuotes(store, queriesDir) {
  const rows = select(store, queriesDir, "quote-for-relation.rq");
  if (!rows.length) fail("quote-for-relation.rq found no quote");
  for (const r of rows) {
    const text = Array.from(readFileSync(r.document, "utf8"));
    const span = text.slice(Number(r.begin), Number(r.end)).join("");
    if (span !== r.quote) fail(`${r.document}[${r.begin},${r.end}) is not the quote '${r.quote}'`);
  }
  pass(`${rows.length} quotes for the relation, each found at its offsets in its document`);
}

// Symmetric relations are written once per pair (the smaller id as subject),
// so the query asks both directions; the property path cg:metWith|^cg:metWith,
// which Oxigraph supports, must give the same people.
function checkSymmetric(store, queriesDir) {
  const rows = select(store, queriesDir, "symmetric-met-with.rq");
  const met = rows.map((r) => r.metWith).join(", ");
  if (met !== "Olaf Scholz") fail(`symmetric-met-with.rq: Putin met [${met}], want [Olaf Scholz]`);
  const path = store.query(
    `PREFIX cg: <${VOCAB}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
     SELECT DISTINCT ?metWith WHERE {
       <${ENTITY}vladimir-putin> cg:metWith|^cg:metWith ?o . ?o rdfs:label ?metWith
     } ORDER BY ?metWith`,
    { use_default_graph_as_union: true },
  );
  const viaPath = path.map((row) => row.get("metWith").value).join(", ");
  if (viaPath !== met) fail(`cg:metWith|^cg:metWith gives [${viaPath}], the UNION [${met}]`);
  pass(`Vladimir Putin met ${met}, by UNION and by property path`);
}

const [graphPath, queriesDir, evidence] = process.argv.slice(2);
if (!graphPath || !queriesDir || evidence === undefined) {
  fail("usage: node oxigraph_check.mjs GRAPH.ttl QUERIES_DIR EVIDENCE_COUNT");
}
const store = loadGraph(graphPath);
checkRelation(store, queriesDir);
checkEvidenceCount(store, queriesDir, Number(evidence));
checkQuotes(store, queriesDir);
checkSymmetric(store, queriesDir);
