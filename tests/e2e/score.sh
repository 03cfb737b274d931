# The default rules against the hand annotations of the development corpus:
# entities F1 >= 0.95 and relations F1 >= 0.90 (../shared/eval/score).
. "$(dirname "$0")/../lib.sh"
need_shared
cd "$CG_SOURCE_DIR"
"$CG_SHARED_DIR/eval/score" --gold "$CG_SHARED_DIR/gold/dev.tsv" --docs "$CG_SHARED_DIR/corpus" \
  --min-entity-f1 0.95 --min-relation-f1 0.90 \
  -- "$CG_BIN" build -q --rules rules -f ntriples -o - {} || fail "score below the bounds (see above)"
