# claimgraph diff and patch on the command line: help, misuse, exit codes
# like diff(1), every output format, atomic -o, standard input, full disk.
. "$(dirname "$0")/../lib.sh"
cd "$TMP"
cat >old.ttl <<'TTL'
@prefix ex: <http://ex.org/> .
ex:a ex:p "one" ; ex:q [ ex:r "blank" ] .
TTL
printf '%s\n' '<http://ex.org/a> <http://ex.org/q> _:x .' \
  '_:x <http://ex.org/r> "blank" .' '<http://ex.org/a> <http://ex.org/p> "one" .' >same.nt
sed 's/"one"/"two"/' same.nt >new.nt

for cmd in diff patch; do
  expect_status 0 "$CG_BIN" $cmd --help
  grep -q "Usage: claimgraph $cmd" "$TMP/stdout" || fail "$cmd --help prints no usage"
  grep -q "Exit status" "$TMP/stdout" || fail "$cmd --help lacks the exit codes"
done
expect_status 0 "$CG_BIN" --help
grep -q "diff" "$TMP/stdout" || fail "the command list lacks diff"

# misuse: status 2 and a hint
expect_status 2 "$CG_BIN" diff old.ttl
expect_stderr "give two graphs"
expect_stderr "Try 'claimgraph diff --help'"
expect_status 2 "$CG_BIN" diff -f html old.ttl new.nt
expect_stderr "unknown format 'html'"
expect_status 2 "$CG_BIN" diff old.ttl new.weird
expect_stderr "cannot tell the syntax of 'new.weird'"
expect_status 2 "$CG_BIN" diff --from-format json old.ttl new.nt
expect_stderr "unknown syntax 'json'"
expect_status 2 "$CG_BIN" diff - -
expect_status 2 "$CG_BIN" diff --bogus old.ttl new.nt
expect_status 2 "$CG_BIN" patch old.ttl p.rdfp
expect_stderr "-o FILE"
expect_status 2 "$CG_BIN" patch old.ttl p.rdfp -o out.svg
expect_stderr "patch writes RDF"
expect_status 2 "$CG_BIN" patch old.ttl p.rdfp -o out.weird
expect_stderr "cannot tell the format"

# same graph in another syntax: 0 and an empty patch; a change: 1
expect_status 0 "$CG_BIN" diff -f patch old.ttl same.nt
[ -s "$TMP/stdout" ] && fail "equal graphs gave a non-empty patch"
expect_status 0 "$CG_BIN" diff old.ttl same.nt
grep -q "triples *0 *0" "$TMP/stdout" || fail "summary of equal graphs"
expect_status 1 "$CG_BIN" diff -f patch old.ttl new.nt
[ "$(sed 1d "$TMP/stdout")" = 'TX .
D <http://ex.org/a> <http://ex.org/p> "one" .
A <http://ex.org/a> <http://ex.org/p> "two" .
TC .' ] || { cat "$TMP/stdout"; fail "patch text"; }
head -n 1 "$TMP/stdout" | grep -qE '^H id <urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}> \.$' ||
  fail "patch header: $(head -n 1 "$TMP/stdout")"
expect_status 1 "$CG_BIN" diff -q old.ttl new.nt
[ -s "$TMP/stdout" ] && fail "-q printed something"
expect_status 1 "$CG_BIN" diff -f dot old.ttl new.nt
grep -q '^digraph' "$TMP/stdout" || fail "dot output"
expect_status 1 "$CG_BIN" diff -f svg -o d.svg old.ttl new.nt
xmllint --noout d.svg || fail "svg is not XML"
ls | grep -q 'tmp' && fail "a temporary file was left behind"

# standard input, with the syntax given
expect_status 1 "$CG_BIN" diff --from-format ntriples --from-format turtle - old.ttl <new.nt
expect_status 1 "$CG_BIN" diff --from-format ntriples same.nt - <new.nt
expect_status 2 "$CG_BIN" diff --from-format ntriples - old.ttl <new.nt
expect_stderr "old.ttl:"
expect_status 2 "$CG_BIN" diff - old.ttl <new.nt
expect_stderr "cannot tell the syntax of '-'"

# diff | patch: standard input as the patch, every RDF output format
"$CG_BIN" diff -f patch old.ttl new.nt >p.rdfp || [ $? -eq 1 ]
for ext in ttl nt nq; do
  "$CG_BIN" diff -f patch old.ttl new.nt | "$CG_BIN" patch old.ttl - -o "res.$ext"
  expect_status 0 "$CG_BIN" diff "res.$ext" new.nt
done
expect_status 0 "$CG_BIN" patch -f ntriples old.ttl p.rdfp -o -
grep -qF '"two"' "$TMP/stdout" || fail "patch -o - wrote no N-Triples"

# a full disk: status 2, a message
if [ -w /dev/full ]; then
  set +e; "$CG_BIN" diff -f patch old.ttl new.nt >/dev/full 2>"$TMP/stderr"; st=$?; set -e
  [ "$st" -eq 2 ] || fail "diff to /dev/full exited $st"
  expect_stderr "No space left on device"
  set +e; "$CG_BIN" patch old.ttl p.rdfp -o - >/dev/full 2>"$TMP/stderr"; st=$?; set -e
  [ "$st" -eq 2 ] || fail "patch to /dev/full exited $st"
fi
true
