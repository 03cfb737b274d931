# The examples/queries/*.rq on a second, independent SPARQL engine: Oxigraph
# (the npm package, WebAssembly in-process under Node) loads the shared
# corpus's Turtle and oxigraph_check.mjs runs the checks of virtuoso.sh on it.
# Then the examples as N-Quads and as TriG (each document's evidence in its
# own named graph): relations-in-two-documents.rq gives the answer in
# relations-in-two-documents.tsv on both, and every other query answers the
# same on both datasets.
#
# The package is installed into tests/e2e/node/node_modules by
# scripts/install-deps (npm ci from the committed package-lock.json); the
# test installs it there only when it is missing.
. "$(dirname "$0")/../lib.sh"
need_shared
here=$(cd "$(dirname "$0")" && pwd)
command -v node >/dev/null || fail "node is missing: run scripts/install-deps"
if [ ! -f "$here/node/node_modules/oxigraph/package.json" ]; then
  (cd "$here/node" && npm ci --no-audit --no-fund) >"$TMP/npm.log" 2>&1 ||
    { cat "$TMP/npm.log" >&2; fail "npm ci in $here/node failed"; }
fi
"$CG_BIN" build -q --rules "$CG_SOURCE_DIR/rules" -o "$TMP/g.ttl" "$CG_SHARED_DIR/corpus"
evidence=$(rapper -q -i turtle -o ntriples "$TMP/g.ttl" |
  grep -c "> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${VOCAB}Evidence> \.\$" || true)
[ "$evidence" -gt 0 ] || fail "the corpus graph has no evidence"
node "$here/oxigraph_check.mjs" "$TMP/g.ttl" "$CG_SOURCE_DIR/examples/queries" "$evidence" ||
  fail "the SPARQL checks failed on Oxigraph"

# The named graphs: the examples as N-Quads and as TriG.
"$CG_BIN" build -q --rules "$CG_SOURCE_DIR/rules" -o "$TMP/ex.nq" -o "$TMP/ex.trig" \
  "$CG_SOURCE_DIR/examples"
for ds in ex.nq ex.trig; do
  node "$here/oxigraph_query.mjs" "$TMP/$ds" \
    "$CG_SOURCE_DIR/examples/queries/relations-in-two-documents.rq" >"$TMP/two.$ds.tsv" ||
    fail "relations-in-two-documents.rq failed on $ds"
  diff -u "$here/relations-in-two-documents.tsv" "$TMP/two.$ds.tsv" ||
    fail "relations-in-two-documents.rq on $ds is not relations-in-two-documents.tsv"
done
echo "ok: relations-in-two-documents.rq on the examples' N-Quads and TriG"
for q in "$CG_SOURCE_DIR"/examples/queries/*.rq; do
  node "$here/oxigraph_query.mjs" "$TMP/ex.nq" "$q" >"$TMP/q.nq.tsv" || fail "$q failed on N-Quads"
  node "$here/oxigraph_query.mjs" "$TMP/ex.trig" "$q" >"$TMP/q.trig.tsv" || fail "$q failed on TriG"
  [ -s "$TMP/q.nq.tsv" ] || fail "$(basename "$q") found nothing in the examples' N-Quads"
  cmp -s "$TMP/q.nq.tsv" "$TMP/q.trig.tsv" || fail "$(basename "$q") answers differ on N-Quads and TriG"
done
echo "ok: every examples/queries/*.rq answers, the same on N-Quads and TriG"
