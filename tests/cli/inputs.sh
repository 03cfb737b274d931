# Inputs: standard input, directories, unreadable and missing files, invalid
# UTF-8: bad documents are skipped, named and counted, the rest is built,
# and the exit status is 1.
. "$(dirname "$0")/../lib.sh"
cd "$CG_SOURCE_DIR"
sentence="Russian President Vladimir Putin met Kim Jong Un in Pyongyang."

printf '%s\n' "$sentence" | "$CG_BIN" build -q --rules rules -f ntriples -o "$TMP/stdin.nt" -
has_triple "$TMP/stdin.nt" vladimir-putin officialOf russia
grep -qF '"stdin"' "$TMP/stdin.nt" || fail "standard input is not named stdin"

# Standard input and a file named stdin are two documents, each with its
# own quotes (they were one document with two quotes at offset 0).
mkdir "$TMP/named"; printf 'Kim Jong Un met Vladimir Putin.\n' >"$TMP/named/stdin"
printf '%s\n' "$sentence" | (cd "$TMP/named" &&
  "$CG_BIN" build -q --rules "$CG_SOURCE_DIR/rules" -f ntriples -o both.nt - stdin)
nt=$TMP/named/both.nt
[ "$(grep -c "<${VOCAB}path>" "$nt")" -eq 2 ] || fail "stdin and a file named stdin are one document"
for path in stdin ./stdin; do
  doc=$(grep -F "<${VOCAB}path> \"$path\" ." "$nt" | cut -d' ' -f1)
  [ -n "$doc" ] || fail "no document with path '$path'"
  grep -qF "<http://www.w3.org/ns/prov#wasDerivedFrom> $doc ." "$nt" ||
    fail "no quote comes from the document '$path'"
done

mkdir -p "$TMP/corpus/sub"
printf '%s\n' "$sentence" >"$TMP/corpus/sub/good.txt"
printf 'Kim Jong Un \377\376 met Putin.\n' >"$TMP/corpus/bad-utf8.txt"
printf '%s\n' "$sentence" >"$TMP/corpus/ignored.md"
expect_status 1 "$CG_BIN" build --rules rules -f ntriples -o "$TMP/dir.nt" "$TMP/corpus" "$TMP/missing.txt"
expect_stderr "bad-utf8.txt: warning: skipped: not valid UTF-8 (first bad byte at offset 12)"
expect_stderr "missing.txt: cannot read input: No such file or directory"
expect_stderr "1 documents read, 1 skipped"
has_triple "$TMP/dir.nt" vladimir-putin officialOf russia
grep -q "ignored.md" "$TMP/dir.nt" && fail "a non-.txt file in a directory was read"

if [ "$(id -u)" -ne 0 ]; then
  printf '%s\n' "$sentence" >"$TMP/locked.txt"; chmod 000 "$TMP/locked.txt"
  expect_status 1 "$CG_BIN" build -q --rules rules -o "$TMP/l.ttl" "$TMP/locked.txt"
  expect_stderr "Permission denied"
fi

# An empty document is read (and counted), and gives an empty graph.
: >"$TMP/empty.txt"
expect_status 0 "$CG_BIN" build --rules rules -f ntriples -o "$TMP/empty.nt" "$TMP/empty.txt"
expect_stderr "1 documents read, 0 skipped"
