# The examples/queries/*.rq on a second, independent SPARQL engine: Oxigraph
# (the npm package, WebAssembly in-process under Node) loads the shared
# corpus's Turtle and oxigraph_check.mjs runs the checks of virtuoso.sh on it.
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
