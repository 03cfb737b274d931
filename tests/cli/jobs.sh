# build --jobs N: documents are analysed on N threads and added in input
# order, so the graph and the messages are the same bytes whatever N.
. "$(dirname "$0")/../lib.sh"
need_shared
cd "$TMP"
RULES=$CG_SOURCE_DIR/rules

for j in 1 2 3; do
  expect_status 0 "$CG_BIN" build -q --rules "$RULES" --jobs "$j" -o "g$j.ttl" \
    "$CG_SHARED_DIR/corpus" "$CG_SOURCE_DIR/examples"
done
cmp g1.ttl g2.ttl || fail "--jobs 2 differs from --jobs 1"
cmp g1.ttl g3.ttl || fail "--jobs 3 differs from --jobs 1"
grep -q "Evidence" g1.ttl || fail "the graph has no evidence"

# Skipped documents are reported in input order and counted the same way.
mkdir docs
for i in 1 2 3 4 5 6; do echo "Vladimir Putin met Kim Jong Un in $i." >"docs/d$i.txt"; done
printf 'bad \377 byte\n' >docs/d3b.txt
printf 'bad \376 too\n' >docs/d5b.txt
for j in 1 4; do
  expect_status 1 "$CG_BIN" build --rules "$RULES" -j "$j" -o "s$j.nt" docs
  cp "$TMP/stderr" "err$j"
done
cmp s1.nt s4.nt || fail "-j 4 graph differs on skipped documents"
cmp err1 err4 || fail "-j 4 messages differ from -j 1"
expect_stderr "skipped 2 documents"

# Misuse.
for bad in 0 -1 x 257 ""; do
  expect_status 2 "$CG_BIN" build --jobs "$bad" docs
  expect_stderr "--jobs needs a number from 1 to 256"
done
expect_status 0 "$CG_BIN" build --help
grep -q -- "--jobs N" "$TMP/stdout" || fail "--help lacks --jobs"
