# `claimgraph load` into a real Virtuoso, then the examples/queries/*.rq over
# HTTP: the shared corpus's relations, its evidence count, a quote with its
# document and a symmetric relation asked both ways round come back out.
# Also: a refused connection, a wrong password, anonymous writes, and
# --replace against --add.  Last, the examples as TriG (each document's
# evidence in its own named graph), bulk-loaded with Virtuoso's ld_dir:
# relations-in-two-documents.rq gives the answer in
# relations-in-two-documents.tsv, as on Oxigraph (oxigraph.sh).
#
# The test starts Virtuoso itself (Debian's virtuoso-opensource-7-bin, from
# scripts/install-deps) on loopback, from a throwaway database in $TMP on two
# free ports, and stops it on exit.  Writes go to the Graph Store endpoint
# that takes credentials, /sparql-graph-crud-auth, as dba (a new database's
# dba password is "dba"), so no grants are needed; the anonymous
# /sparql-graph-crud refuses writes with 403, which is checked too.
. "$(dirname "$0")/../lib.sh"
need_shared
command -v virtuoso-t >/dev/null ||
  fail "virtuoso-t is missing: run scripts/install-deps (Debian's virtuoso-opensource-7-bin)"
QUERIES=$CG_SOURCE_DIR/examples/queries
GRAPH=https://example.org/claimgraph/graph/virtuoso-test
RDF_TYPE=http://www.w3.org/1999/02/22-rdf-syntax-ns#type

# Two free loopback ports (held together, so they differ) and one closed one.
set -- $(python3 -c 'import socket
s = [socket.socket() for _ in range(3)]
for x in s: x.bind(("127.0.0.1", 0))
print(*(x.getsockname()[1] for x in s))')
SQL_PORT=$1 HTTP_PORT=$2 CLOSED_PORT=$3
HTTP=http://127.0.0.1:$HTTP_PORT
CRUD=$HTTP/sparql-graph-crud-auth

write_ini() {
  mkdir -p "$TMP/db" "$TMP/www"
  cat >"$TMP/virtuoso.ini" <<EOF
[Database]
DatabaseFile = $TMP/db/virtuoso.db
ErrorLogFile = $TMP/db/virtuoso.log
LockFile = $TMP/db/virtuoso.lck
TransactionFile = $TMP/db/virtuoso.trx
xa_persistent_file = $TMP/db/virtuoso.pxa
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = $TMP/db/virtuoso-temp.db
TransactionFile = $TMP/db/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:$SQL_PORT
DisableUnixSocket = 1
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = $TMP
CheckpointInterval = 0

[HTTPServer]
ServerPort = 127.0.0.1:$HTTP_PORT
ServerRoot = $TMP/www
ServerThreads = 5
MaxClientConnections = 5

[SPARQL]
ResultSetMaxRows = 100000
EOF
}

stop_virtuoso() {
  [ -n "${VPID:-}" ] && kill -0 "$VPID" 2>/dev/null || return 0
  kill "$VPID"
  for _ in $(seq 100); do kill -0 "$VPID" 2>/dev/null || return 0; sleep 0.2; done
  kill -9 "$VPID" 2>/dev/null || true
}
trap 'stop_virtuoso; rm -rf "$TMP"' EXIT

start_virtuoso() {
  write_ini
  (cd "$TMP/db" && exec virtuoso-t +foreground +configfile "$TMP/virtuoso.ini") \
    >"$TMP/virtuoso.out" 2>&1 &
  VPID=$!
  for _ in $(seq 300); do
    curl -sf -o /dev/null "$HTTP/sparql?query=ASK%7B%7D" && return 0
    kill -0 "$VPID" 2>/dev/null || break
    sleep 0.2
  done
  cat "$TMP/virtuoso.out" "$TMP/db/virtuoso.log" >&2 || true
  fail "Virtuoso did not come up on $HTTP"
}

# sparql QUERY-FILE : the results as tab-separated rows (tabs, newlines and
# backslashes in values escaped as \t \n \\)
sparql() {
  curl -sf -H 'Accept: application/sparql-results+json' --data-urlencode "query@$1" \
    "$HTTP/sparql" >"$TMP/results.json" || fail "SPARQL query $1 failed"
  python3 -c 'import json, sys
r = json.load(open(sys.argv[1]))
esc = lambda v: v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
for b in r["results"]["bindings"]:
    print("\t".join(esc(b.get(v, {}).get("value", "")) for v in r["head"]["vars"]))' "$TMP/results.json"
}

# graph_size : the number of triples in $GRAPH
graph_size() {
  echo "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <$GRAPH> { ?s ?p ?o } }" >"$TMP/size.rq"
  sparql "$TMP/size.rq"
}

evidence_in() {
  grep -c "> <$RDF_TYPE> <${VOCAB}Evidence> \.\$" "$1" || true
}

printf 'dba\n' >"$TMP/dba.pass"
load() {
  expect_status 0 "$CG_BIN" load "$@" --endpoint "$CRUD" --graph "$GRAPH" --user dba \
    --password-file "$TMP/dba.pass"
}

start_virtuoso
"$CG_BIN" build -q --rules "$CG_SOURCE_DIR/rules" -o "$TMP/g.ttl" "$CG_SHARED_DIR/corpus"
rapper -q -i turtle -o ntriples "$TMP/g.ttl" | sort -u >"$TMP/g.nt"
triples=$(wc -l <"$TMP/g.nt")
evidence=$(evidence_in "$TMP/g.nt")
[ "$evidence" -gt 0 ] || fail "the corpus graph has no evidence"

# The load itself, timed.
t0=$(date +%s%N)
load "$TMP/g.ttl"
t1=$(date +%s%N)
expect_stderr "replaced graph <$GRAPH>"
echo "virtuoso: $(cat "$TMP/stderr")"
echo "virtuoso: claimgraph load took $(( (t1 - t0) / 1000000 )) ms (wall clock, whole command)"
[ "$(graph_size)" -eq "$triples" ] || fail "the store holds $(graph_size) triples, the file $triples"

# The relations, with their sources.
sparql "$QUERIES/relations-with-sources.rq" >"$TMP/relations.tsv"
T=$(printf '\t')
grep -q "^North Korea${T}deploysTroopsTo${T}Russia${T}[^$T]" "$TMP/relations.tsv" ||
  fail "relations-with-sources.rq lacks North Korea deploysTroopsTo Russia with a quote"
awk -F'\t' 'NF != 5 || $4 == "" || $5 == "" { exit 1 }' "$TMP/relations.tsv" ||
  fail "a relation row lacks its quote or document"
[ "$(sparql "$QUERIES/evidence-count.rq")" -eq "$evidence" ] ||
  fail "evidence-count.rq says $(sparql "$QUERIES/evidence-count.rq"), the file has $evidence"

# A quote and its document, for the relation quote-for-relation.rq names:
# each quote is the document's text between its offsets (Unicode characters).
sparql "$QUERIES/quote-for-relation.rq" >"$TMP/quotes.tsv"
[ -s "$TMP/quotes.tsv" ] || fail "quote-for-relation.rq found no quote"
python3 -c 'import sys
unesc = lambda v: v.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\")
for line in open(sys.argv[1], encoding="utf-8"):
    quote, doc, begin, end = map(unesc, line.rstrip("\n").split("\t"))
    text = open(doc, encoding="utf-8").read()
    if text[int(begin):int(end)] != quote:
        sys.exit(f"{doc}[{begin},{end}) is not the quote {quote!r}")' "$TMP/quotes.tsv" ||
  fail "a quote does not match its document"

# A symmetric relation, written once per pair (olaf-scholz metWith
# vladimir-putin): the query asks both directions, so Putin's side finds it.
[ "$(sparql "$QUERIES/symmetric-met-with.rq")" = "Vladimir Putin${T}Olaf Scholz" ] ||
  fail "symmetric-met-with.rq says '$(sparql "$QUERIES/symmetric-met-with.rq")', want Vladimir Putin met Olaf Scholz"
cat >"$TMP/path.rq" <<EOF
PREFIX cg: <$VOCAB>
SELECT ?o WHERE { <${BASE}entity/vladimir-putin> cg:metWith|^cg:metWith ?o }
EOF
[ "$(sparql "$TMP/path.rq")" = "${BASE}entity/olaf-scholz" ] ||
  fail "the property path cg:metWith|^cg:metWith gives '$(sparql "$TMP/path.rq")', want olaf-scholz"

# --replace twice keeps the graph as it was; --add makes the union; --replace
# afterwards drops what was added.
load "$TMP/g.ttl" --replace
[ "$(graph_size)" -eq "$triples" ] || fail "a second --replace changed the size"
"$CG_BIN" build -q --rules "$CG_SOURCE_DIR/rules" -o "$TMP/extra.nt" "$CG_SOURCE_DIR/examples"
load "$TMP/extra.nt" --add
expect_stderr "triples) added to graph <$GRAPH>"
sort -u "$TMP/g.nt" "$TMP/extra.nt" >"$TMP/union.nt"
[ "$(graph_size)" -eq "$(wc -l <"$TMP/union.nt")" ] ||
  fail "after --add the store holds $(graph_size) triples, the union $(wc -l <"$TMP/union.nt")"
[ "$(sparql "$QUERIES/evidence-count.rq")" -eq "$(evidence_in "$TMP/union.nt")" ] ||
  fail "after --add the evidence count is not the union's"
load "$TMP/g.ttl"
[ "$(graph_size)" -eq "$triples" ] || fail "--replace after --add left $(graph_size) triples"

# Failures: each says what happened and that nothing was loaded.
expect_status 1 "$CG_BIN" load "$TMP/g.ttl" --endpoint "$CRUD" --graph "$GRAPH" \
  --user dba --password wrong
expect_stderr "refused user 'dba' (HTTP 401 Unauthorized): check --user and its password"
expect_stderr "nothing was loaded"
# Credentials in the URL (Digest, as Virtuoso asks) and from a netrc file;
# the URL's password is never shown.
url_crud=$(echo "$CRUD" | sed 's|^http://|http://dba:dba@|')
shown_crud=$(echo "$CRUD" | sed 's|^http://|http://dba:***@|')
expect_status 0 "$CG_BIN" load "$TMP/g.ttl" --endpoint "$url_crud" --graph "$GRAPH"
expect_stderr "replaced graph <$GRAPH> at $shown_crud in "
expect_status 1 "$CG_BIN" load "$TMP/g.ttl" --graph "$GRAPH" \
  --endpoint "$(echo "$CRUD" | sed 's|^http://|http://dba:wrongpass@|')"
expect_stderr "$shown_crud refused the credentials (HTTP 401 Unauthorized): check the user and password in the endpoint URL"
! grep -q wrongpass "$TMP/stderr" || fail "the URL's password was shown"
printf 'machine 127.0.0.1 login dba password dba\n' >"$TMP/netrc"
expect_status 0 "$CG_BIN" load "$TMP/g.ttl" --endpoint "$CRUD" --graph "$GRAPH" --netrc-file "$TMP/netrc"
[ "$(graph_size)" -eq "$triples" ] || fail "the loads with URL or netrc credentials changed the graph"
expect_status 1 "$CG_BIN" load "$TMP/g.ttl" --endpoint "$HTTP/sparql-graph-crud" --graph "$GRAPH"
expect_stderr "forbids anonymous writes (HTTP 403 Forbidden)"
expect_stderr "Permission denied"
closed=http://127.0.0.1:$CLOSED_PORT/sparql-graph-crud-auth
expect_status 1 "$CG_BIN" load "$TMP/g.ttl" --endpoint "$closed" --graph "$GRAPH" \
  --user dba --password dba
expect_stderr "cannot connect to $closed: Connection refused; nothing was loaded"
[ "$(graph_size)" -eq "$triples" ] || fail "a failed load changed the graph"

# Named graphs: the corpus graph goes (its evidence would count as one more
# document), the examples' TriG comes in through the bulk loader, which
# keeps each block's graph name.
isql() {
  isql-vt "127.0.0.1:$SQL_PORT" dba dba "exec=$1" >"$TMP/isql.out" 2>&1 ||
    { cat "$TMP/isql.out" >&2; fail "isql: $1"; }
}
isql "SPARQL CLEAR GRAPH <$GRAPH>"
mkdir "$TMP/trig"
"$CG_BIN" build -q --rules "$CG_SOURCE_DIR/rules" -o "$TMP/trig/ex.trig" -o "$TMP/ex.nq" \
  "$CG_SOURCE_DIR/examples"
isql "ld_dir('$TMP/trig', '*.trig', 'https://example.org/claimgraph/graph/default')"
isql "rdf_loader_run()"
isql "SELECT ll_error FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL"
! grep -q "^[A-Z0-9]\{5\} " "$TMP/isql.out" || { cat "$TMP/isql.out" >&2; fail "ld_dir did not load the TriG"; }
echo "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?e a <${VOCAB}Evidence> } }" >"$TMP/ev.rq"
named=$(grep -c "> <$RDF_TYPE> <${VOCAB}Evidence> <[^>]*> \.\$" "$TMP/ex.nq" || true)
[ "$named" -gt 0 ] && [ "$(sparql "$TMP/ev.rq")" -eq "$named" ] ||
  fail "Virtuoso holds $(sparql "$TMP/ev.rq") evidence in named graphs, the N-Quads $named"
sparql "$QUERIES/relations-in-two-documents.rq" >"$TMP/two.tsv"
diff -u "$CG_SOURCE_DIR/tests/e2e/relations-in-two-documents.tsv" "$TMP/two.tsv" ||
  fail "relations-in-two-documents.rq on Virtuoso is not relations-in-two-documents.tsv"
echo "virtuoso: relations-in-two-documents.rq over the examples' named graphs: $(wc -l <"$TMP/two.tsv") relations"
echo "virtuoso: all checks passed"
