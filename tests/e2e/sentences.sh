# The default rules on sentences of our own (tests/data/sentences.tsv): each
# capability of the extraction (cue scope, negation verbs, lists of names,
# nominalisations, passives, appositions, lemma words, Unicode, quantities)
# gives the edges and claim qualifiers a reader expects.
. "$(dirname "$0")/../lib.sh"
cd "$CG_SOURCE_DIR"
python3 tests/e2e/sentences.py "$CG_BIN" rules tests/data/sentences.tsv ||
  fail "some sentences did not give what tests/data/sentences.tsv expects (above)"
