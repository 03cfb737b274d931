# build --shard K/N + merge: the N shard graphs partition the corpus, and
# merging them gives the same bytes as one build over all of it (so every
# field the writer writes must read back: claims, metadata, aliases, counts).
. "$(dirname "$0")/../lib.sh"
need_shared
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=1"
cd "$TMP"
RULES=$CG_SOURCE_DIR/rules
INPUTS="$CG_SHARED_DIR/corpus $CG_SOURCE_DIR/examples"

# shellcheck disable=SC2086
expect_status 0 "$CG_BIN" build --rules "$RULES" -o all.ttl $INPUTS
all_docs=$(sed -n 's/^claimgraph: \([0-9]*\) documents read.*/\1/p' "$TMP/stderr")
[ "${all_docs:-0}" -ge 5 ] || fail "the corpus has too few documents: '$all_docs'"
expect_status 0 "$CG_BIN" merge all.ttl -o again.ttl
cmp all.ttl again.ttl || fail "merging one graph changes it (a field does not read back)"
for n in 1 2 3 7; do
  graphs=""
  docs=0
  for k in $(seq 1 "$n"); do
    # shellcheck disable=SC2086
    "$CG_BIN" build --rules "$RULES" --shard "$k/$n" -o "s$k.ttl" $INPUTS 2>"err$k" ||
      { cat "err$k" >&2; fail "build --shard $k/$n failed"; }
    docs=$((docs + $(sed -n 's/^claimgraph: \([0-9]*\) documents read.*/\1/p' "err$k")))
    graphs="$graphs s$k.ttl"
  done
  # shellcheck disable=SC2086
  expect_status 0 "$CG_BIN" merge $graphs -o "merged$n.ttl"
  cmp all.ttl "merged$n.ttl" || fail "merging $n shards differs from the single run"
  [ "$docs" -eq "$all_docs" ] || fail "$n shards read $docs documents, not $all_docs"
done

# Misuse and failures.
for bad in 0/3 4/3 1/0 x 1/ /3 2/3x ""; do
  expect_status 2 "$CG_BIN" build --shard "$bad" "$CG_SOURCE_DIR/examples"
  expect_stderr "--shard needs K/N"
done
expect_status 2 "$CG_BIN" merge
expect_stderr "no GRAPH given"
expect_status 1 "$CG_BIN" merge all.ttl missing.ttl -o out.ttl
expect_stderr "nothing was written"
[ ! -e out.ttl ] || fail "merge wrote a graph although an input was missing"
expect_status 0 "$CG_BIN" merge --help
grep -q "build --shard" "$TMP/stdout" || fail "merge --help does not mention --shard"
