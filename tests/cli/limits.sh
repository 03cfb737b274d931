# Resource limits: --max-doc-bytes skips (and names) documents that are too
# large; --max-memory stops a run whose graph grows too big, with a clear
# error naming the document (and the sentence, inside one), writing nothing; a pattern that runs out of backtracking steps is
# warned of (document, line, sentence) and counted, never silent.
. "$(dirname "$0")/../lib.sh"
# The suite's ASAN_OPTIONS unwind each allocation the slow way (to match
# library leaks to tests/lsan.supp), which makes a sanitized claimgraph
# 15 times slower; these runs touch no leaky library path, so they unwind fast.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=1"
cd "$TMP"
RULES=$CG_SOURCE_DIR/rules

# Option values: numbers with an optional K, M or G; anything else is misuse.
for bad in "" abc -5 12Q 1KB 99999999999999999999G; do
  expect_status 2 "$CG_BIN" build --max-doc-bytes "$bad" -o g.ttl "$CG_SOURCE_DIR/examples"
  expect_stderr "--max-doc-bytes needs a number of bytes"
done
for bad in 0 x 1.5; do
  expect_status 2 "$CG_BIN" build --max-memory "$bad" -o g.ttl "$CG_SOURCE_DIR/examples"
  expect_stderr "--max-memory needs a number of mebibytes above 0"
done
expect_status 0 "$CG_BIN" build --help
grep -q -- "--max-doc-bytes N" "$TMP/stdout" || fail "--help lacks --max-doc-bytes"
grep -q -- "--max-memory MB" "$TMP/stdout" || fail "--help lacks --max-memory"

# --max-doc-bytes: the limit is inclusive, 0 lifts it, K multiplies by 1024.
mkdir docs
echo "Vladimir Putin met Kim Jong Un." >docs/a.txt           # 32 bytes
head -c 2048 /dev/zero | tr '\0' 'x' >docs/b.txt
expect_status 0 "$CG_BIN" build --rules "$RULES" --max-doc-bytes 2K -o g.ttl docs
expect_stderr "2 documents read, 0 skipped"
expect_status 1 "$CG_BIN" build --rules "$RULES" --max-doc-bytes 2047 -o g.ttl docs
expect_stderr "docs/b.txt: warning: skipped: larger than the limit of 2047 bytes (--max-doc-bytes)"
expect_stderr "1 documents read, 1 skipped"
expect_stderr "skipped 1 document: docs/b.txt"
expect_status 1 "$CG_BIN" build --rules "$RULES" --max-doc-bytes 10 -o g.ttl - <docs/b.txt
expect_stderr "<stdin>: warning: skipped: larger than the limit of 10 bytes"
expect_status 0 "$CG_BIN" build --rules "$RULES" --max-doc-bytes 0 -o g.ttl docs

# --max-memory: enough documents that the graph passes 1 MiB.
mkdir many
for i in $(seq 1 40); do
  awk -v i="$i" 'BEGIN { for (n = 0; n < 300; n++)
    printf "On day %d of batch %d, Vladimir Putin met Kim Jong Un in Pyongyang.\n", n, i }' \
    >"many/doc$i.txt"
done
"$CG_BIN" build -q --rules "$RULES" -o g.ttl "$CG_SOURCE_DIR/examples"
cp g.ttl keep.ttl
expect_status 1 "$CG_BIN" build --rules "$RULES" --max-memory 1 -o g.ttl -o g.svg many
expect_stderr "more than the limit of 1.0 MiB (--max-memory); stopped inside this document"
expect_stderr "nothing was written, earlier outputs are as they were"
cmp -s g.ttl keep.ttl || fail "--max-memory: the previous graph was changed"
[ ! -e g.svg ] || fail "--max-memory: a diagram was written"
ls -a | grep -q '\.tmp' && fail "--max-memory left a temporary file"
expect_status 0 "$CG_BIN" build --rules "$RULES" --max-memory 512 -o g.ttl many
expect_stderr "40 documents read, 0 skipped"
# ... and inside one document: checked as each assertion is added, it stops
# at the sentence that crossed it (named), not after the whole document.
cat many/doc*.txt >one.txt
cp g.ttl keep.ttl
expect_status 1 "$CG_BIN" build --rules "$RULES" --max-memory 1 -o g.ttl one.txt
expect_stderr "one.txt:2049:1: the graph now holds 1.2 MiB, more than the limit of 1.0 MiB (--max-memory); stopped inside this document, at sentence 2049"
expect_stderr "claimgraph build: stopped after 1 of 1 documents; nothing was written"
cmp -s g.ttl keep.ttl || fail "--max-memory: the previous graph was changed"

# The pattern step limit: seven nested gaps over a long sentence.
cat >steps.yaml <<'YAML'
entities:
  - {id: ann, type: Person, label: Ann}
  - {id: bob, type: Person, label: Bob}
predicates:
  - {name: knows}
relations:
  - id: knows-far
    predicate: knows
    subject: Person
    object: Person
    patterns: ["{subject} ...5 ...5 ...5 ...5 ...5 ...5 ...5 zzz {object}"]
YAML
# (zzz follows Ann, but no name follows zzz: a pattern whose first word
# cannot follow its subject is never run, so it could not use up steps)
printf 'First line.\nZzz. Then Bob saw Ann a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d zzz.\nAnn zzz Bob.\n' >steps.txt
expect_status 1 "$CG_BIN" build --rules steps.yaml -f ntriples -o steps.nt steps.txt
expect_stderr "steps.txt:2:6: warning: sentence 3 (characters 17-98): relation 'knows-far' gave up after 100000 pattern steps; relations this sentence states may be missing"
expect_stderr "1 sentence was cut short by the pattern step limit"
has_triple steps.nt ann knows bob   # the other sentences still count
