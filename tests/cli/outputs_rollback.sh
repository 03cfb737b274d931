# Several outputs are put in place all together or not at all, even when a
# rename fails after another succeeded: the outputs already replaced get
# their old files back, and "no output was replaced" is then true.  (The
# graph used to be replaced beside the old diagram, with "nothing was
# written".)  An immutable diagram (chattr +i: root on ext4/xfs) and a
# folder where the diagram should be both make its rename fail.
. "$(dirname "$0")/../lib.sh"
trap 'chattr -i "$TMP/g.svg" 2>/dev/null; rm -rf "$TMP"' EXIT
cd "$CG_SOURCE_DIR"
"$CG_BIN" build -q --rules rules -o "$TMP/g.ttl" -o "$TMP/g.svg" examples/01-*.txt
cp "$TMP/g.ttl" "$TMP/old.ttl"; cp "$TMP/g.svg" "$TMP/old.svg"

no_leftovers() {
  ls -a "$TMP" | grep -E '\.(tmp|old)[A-Za-z0-9]{6}$' && fail "$1: a temporary or kept file was left"
  true
}

if chattr +i "$TMP/g.svg" 2>/dev/null; then
  expect_status 1 "$CG_BIN" build -q --rules rules -o "$TMP/g.ttl" -o "$TMP/new.dot" \
    -o "$TMP/g.svg" examples
  chattr -i "$TMP/g.svg"
  cmp -s "$TMP/g.ttl" "$TMP/old.ttl" || fail "chattr: the graph was replaced beside the old diagram"
  expect_stderr "g.svg: cannot replace it: Operation not permitted (it is as it was)"
  expect_stderr "no output was replaced: they are written all together or not at all"
  grep -q "nothing was written" "$TMP/stderr" && fail "chattr: the message still says 'nothing was written'"
  cmp -s "$TMP/g.svg" "$TMP/old.svg" || fail "chattr: the diagram changed"
  [ -e "$TMP/new.dot" ] && fail "chattr: an output that did not exist before was left"
  no_leftovers chattr
else
  echo "SKIP chattr +i: not permitted here (needs root on ext4 or xfs); the folder case still runs"
fi

# A folder where the last output should be: its rename fails everywhere.
mkdir "$TMP/d.svg"; : >"$TMP/d.svg/keep"
expect_status 1 "$CG_BIN" build -q --rules rules -o "$TMP/g.ttl" -o "$TMP/new.dot" \
  -o "$TMP/d.svg" examples
cmp -s "$TMP/g.ttl" "$TMP/old.ttl" || fail "folder: the graph was replaced beside a failed output"
expect_stderr "d.svg: cannot replace it: Is a directory (it is as it was)"
expect_stderr "no output was replaced: they are written all together or not at all"
[ -e "$TMP/new.dot" ] && fail "folder: an output that did not exist before was left"
[ -e "$TMP/d.svg/keep" ] || fail "folder: the folder was touched"
no_leftovers folder
# The same output named twice: both renames are undone, no kept link stays.
expect_status 1 "$CG_BIN" build -q --rules rules -o "$TMP/g.ttl" -o "$TMP/g.ttl" -o "$TMP/d.svg" examples
cmp -s "$TMP/g.ttl" "$TMP/old.ttl" || fail "twice: the graph was replaced beside a failed output"
no_leftovers twice

# And when every rename succeeds, every output is replaced, nothing kept.
expect_status 0 "$CG_BIN" build -q --rules rules -o "$TMP/g.ttl" -o "$TMP/g.svg" examples
cmp -s "$TMP/g.ttl" "$TMP/old.ttl" && fail "a good run did not replace the graph"
cmp -s "$TMP/g.svg" "$TMP/old.svg" && fail "a good run did not replace the diagram"
no_leftovers success
