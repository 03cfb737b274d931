# The published vocabulary, vocab/claimgraph.ttl, declares every cg: term
# claimgraph can write: it parses as Turtle (rapper), and vocab.py finds no
# cg: term undeclared among
#   - what build writes in Turtle, N-Triples and N-Quads with the default
#     rules, on examples/ and on tests/data/vocab/ (crafted to reach every
#     optional property: denied, hedged and attributed claims, quantities with
#     comparators and units, references, dates, metadata, and a sentence of
#     over 1000 characters whose quote is cut),
#   - what diff -f patch writes,
#   - the cg: names spelled in the C sources and made by the default rules
#     (types, predicates, captures), which the inputs may not reach.
# It also checks labels, comments, domains and ranges (and that the graph
# keeps to them), that the symmetric predicates are owl:SymmetricProperty,
# and that the check fails, naming the term, when a term is taken out of the
# vocabulary.
. "$(dirname "$0")/../lib.sh"
command -v rapper >/dev/null || fail "rapper is missing: run scripts/install-deps (raptor2-utils)"
here=$(cd "$(dirname "$0")" && pwd)
VOCAB_TTL=$CG_SOURCE_DIR/vocab/claimgraph.ttl

[ -f "$VOCAB_TTL" ] || fail "$VOCAB_TTL is missing"
rapper -q -i turtle -o ntriples "$VOCAB_TTL" >"$TMP/vocab.nt" 2>"$TMP/rapper.err" ||
  { cat "$TMP/rapper.err" >&2; fail "$VOCAB_TTL is not valid Turtle"; }
[ -s "$TMP/vocab.nt" ] || fail "$VOCAB_TTL holds no triples"

# One run, three RDF formats; the crafted document must really reach the
# optional properties, or the check below would prove less than it says.
in=$CG_SOURCE_DIR/tests/data/vocab
expect_status 0 "$CG_BIN" build -q --rules "$CG_SOURCE_DIR/rules" -o "$TMP/g.ttl" \
  -o "$TMP/g.nt" -o "$TMP/g.nq" "$CG_SOURCE_DIR/examples" "$in"
"$CG_BIN" build -q --rules "$CG_SOURCE_DIR/rules" -o "$TMP/crafted.nt" "$in"
for term in negated certainty claimedBy claimedByName quantity quantityValue comparator unit \
  subjectReference subjectAntecedentIndex objectReference objectAntecedentIndex date \
  quoteTruncated quoteBeginIndex quoteEndIndex Agreement hasAgreementWith; do
  grep -qF "<${VOCAB}$term>" "$TMP/crafted.nt" || fail "tests/data/vocab no longer yields cg:$term"
done
rapper -q -i turtle -o ntriples "$TMP/g.ttl" >"$TMP/g-ttl.nt"

# A patch that adds the whole graph, and one that removes the crafted part.
: >"$TMP/empty.nt"
expect_status 1 "$CG_BIN" diff -f patch -o "$TMP/add.rdfp" "$TMP/empty.nt" "$TMP/g.nt"
expect_status 1 "$CG_BIN" diff -f patch -o "$TMP/del.rdfp" "$TMP/g.nq" "$TMP/crafted.nt"
grep -q "^A .*<${VOCAB}quoteTruncated>" "$TMP/add.rdfp" || fail "the patch lacks cg:quoteTruncated"

graphs="$TMP/g-ttl.nt $TMP/g.nt $TMP/g.nq $TMP/add.rdfp $TMP/del.rdfp"
python3 "$here/vocab.py" "$TMP/vocab.nt" "$CG_SOURCE_DIR/src" "$CG_SOURCE_DIR/rules" $graphs ||
  fail "vocab/claimgraph.ttl does not match what claimgraph writes (see above)"

# The check is not vacuous: without cg:negated (written by the graphs) or
# cg:objectAntecedentIndex (spelled in the sources) the vocabulary fails,
# each named.
for term in negated objectAntecedentIndex; do
  grep -vF "<${VOCAB}$term> " "$TMP/vocab.nt" >"$TMP/less.nt"
  set +e
  python3 "$here/vocab.py" "$TMP/less.nt" "$CG_SOURCE_DIR/src" "$CG_SOURCE_DIR/rules" $graphs \
    >"$TMP/less.out" 2>&1
  got=$?
  set -e
  [ "$got" -eq 1 ] || { cat "$TMP/less.out" >&2; fail "a vocabulary without cg:$term passed"; }
  grep -qF "cg:$term is not declared in vocab/claimgraph.ttl" "$TMP/less.out" ||
    { cat "$TMP/less.out" >&2; fail "the check does not name the missing cg:$term"; }
done
echo "vocab: all checks passed"
