// One SPARQL query over an RDF dataset file, on Oxigraph (in-process,
// WebAssembly), its results as tab-separated rows in the query's variable
// order, as virtuoso.sh's sparql() prints them, so that the two engines'
// answers compare byte for byte.
//
//   node oxigraph_query.mjs DATASET.nq|DATASET.trig QUERY.rq
//
// The dataset keeps its named graphs; the default graph is queried as the
// union of all graphs, as Virtuoso's /sparql does.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(new URL("./node/package.json", import.meta.url));
const oxigraph = require("oxigraph");

const [dataset, queryPath] = process.argv.slice(2);
if (!dataset || !queryPath) {
  console.error("usage: node oxigraph_query.mjs DATASET.nq|DATASET.trig QUERY.rq");
  process.exit(2);
}
const format = dataset.endsWith(".trig") ? "application/trig" : "application/n-quads";
const store = new oxigraph.Store();
store.load(readFileSync(dataset, "utf8"), { format });
const json = store.query(readFileSync(queryPath, "utf8"), {
  use_default_graph_as_union: true,
  results_format: "application/sparql-results+json",
});
const results = JSON.parse(json);
const esc = (v) => v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n");
for (const b of results.results.bindings) {
  console.log(results.head.vars.map((v) => esc(b[v]?.value ?? "")).join("\t"));
}
