# Outputs: every format, atomic replacement, write failures, render.
. "$(dirname "$0")/../lib.sh"
cd "$CG_SOURCE_DIR"
"$CG_BIN" build -q --rules rules -o "$TMP/g.ttl" -o "$TMP/g.nt" -o "$TMP/g.nq" -o "$TMP/g.dot" \
  -o "$TMP/g.svg" -o "$TMP/g.png" -o "$TMP/g.pdf" examples
rapper -q -i ntriples -c "$TMP/g.nt" || fail "N-Triples"
rapper -q -i nquads -c "$TMP/g.nq" || fail "N-Quads"
grep -q '^digraph' "$TMP/g.dot" || fail "DOT"
head -c 8 "$TMP/g.png" | od -An -c | grep -q 'P   N   G' || fail "PNG signature"
head -c 5 "$TMP/g.pdf" | grep -q '%PDF-' || fail "PDF signature"

# render draws a graph written earlier.
for ext in svg png pdf dot; do
  expect_status 0 "$CG_BIN" render "$TMP/g.ttl" -o "$TMP/r.$ext"
  [ -s "$TMP/r.$ext" ] || fail "render .$ext is empty"
done
xmllint --noout "$TMP/r.svg" || fail "rendered SVG is not XML"
grep -qF "Kim Jong Un" "$TMP/r.svg" || fail "rendered SVG lacks a label"

# A broken graph file: a message with line and column, status 1.
printf '@prefix x: <http://x/> .\nx:a x:b x:c ;\n  x:d "unterminated .\n' >"$TMP/broken.ttl"
expect_status 1 "$CG_BIN" render "$TMP/broken.ttl" -o "$TMP/b.svg"
expect_stderr "broken.ttl:"
[ -e "$TMP/b.svg" ] && fail "a failed render left a file"

# A full disk: a clear message, status 1.
if [ -w /dev/full ]; then
  set +e; "$CG_BIN" build -q --rules rules -o - examples >/dev/full 2>"$TMP/stderr"; st=$?; set -e
  [ "$st" -eq 1 ] || fail "writing to /dev/full exited $st"
  expect_stderr "No space left on device"
  # -o naming the device itself, for the RDF and the diagram writers
  for fmt in ntriples turtle dot svg html; do
    expect_status 1 "$CG_BIN" build -q --rules rules -f "$fmt" -o /dev/full examples
    expect_stderr "cannot write"
    expect_stderr "No space left on device"
  done
  [ -c /dev/full ] || fail "/dev/full is no longer a device"
fi

# Rule errors leave the previous output untouched.
cp "$TMP/g.ttl" "$TMP/keep.ttl"
printf 'entities:\n  - id: Bad Id\n' >"$TMP/bad.yaml"
expect_status 2 "$CG_BIN" build --rules "$TMP/bad.yaml" -o "$TMP/g.ttl" examples
cmp "$TMP/g.ttl" "$TMP/keep.ttl" || fail "a failed run touched the old output"
ls "$TMP" | grep -q 'tmp' && fail "a temporary file was left behind"

# Several outputs: all replaced or none.  Here the graph of one example is
# the old output; a run over all examples whose last output's folder is
# missing is refused before it reads anything (status 2), and one whose
# disk is full replaces none.
"$CG_BIN" build -q --rules rules -o "$TMP/all.ttl" -o "$TMP/all.svg" examples/01-*.txt
cp "$TMP/all.ttl" "$TMP/old.ttl"; cp "$TMP/all.svg" "$TMP/old.svg"
expect_status 2 "$CG_BIN" build -q --rules rules -o "$TMP/all.ttl" -o "$TMP/all.svg" \
  -o "$TMP/no-such-dir/x.dot" examples
expect_stderr "x.dot: cannot write: the folder '$TMP/no-such-dir' does not exist"
expect_stderr "nothing was read"
cmp -s "$TMP/all.ttl" "$TMP/old.ttl" && cmp -s "$TMP/all.svg" "$TMP/old.svg" ||
  fail "a failed output let the others be replaced"
# The same check in every command that writes, before it reads.
expect_status 2 "$CG_BIN" render "$TMP/all.ttl" -o "$TMP/no-such-dir/r.svg"
expect_stderr "claimgraph render: the output cannot be written (above); nothing was read"
expect_status 2 "$CG_BIN" merge "$TMP/all.ttl" -o "$TMP/no-such-dir/m.ttl"
expect_stderr "claimgraph merge: the output cannot be written (above); nothing was read"
expect_status 2 "$CG_BIN" diff "$TMP/all.ttl" "$TMP/old.ttl" -o "$TMP/no-such-dir/d.txt"
expect_stderr "claimgraph diff: the output cannot be written (above); nothing was read"
expect_status 2 "$CG_BIN" patch "$TMP/all.ttl" /dev/null -o "$TMP/no-such-dir/p.ttl"
expect_stderr "claimgraph patch: the output cannot be written (above); nothing was read"
expect_status 2 "$CG_BIN" build -q --rules rules -o "$TMP/all.ttl/x.ttl" examples/01-*.txt
expect_stderr "is not a folder"
if [ -w /dev/full ]; then
  ln -s /dev/full "$TMP/full.svg"
  expect_status 1 "$CG_BIN" build -q --rules rules -o "$TMP/all.ttl" -o "$TMP/full.svg" examples
  expect_stderr "no output was replaced"
  cmp -s "$TMP/all.ttl" "$TMP/old.ttl" || fail "a full disk for one output let another be replaced"
fi
expect_status 0 "$CG_BIN" build -q --rules rules -o "$TMP/all.ttl" -o "$TMP/all.svg" examples
cmp -s "$TMP/all.ttl" "$TMP/old.ttl" && fail "a good run did not replace the outputs"
ls "$TMP" | grep -q 'tmp' && fail "a temporary file was left behind"
true
