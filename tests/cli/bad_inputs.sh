# The bad-input catalogue, tests/bad/<case>/ (see tests/bad/README.md): each
# case runs in its own scratch directory and must exit with its status, say
# each line of its expected stderr, and stay within its time and memory.
. "$(dirname "$0")/../lib.sh"
# The suite's ASAN_OPTIONS unwind each allocation the slow way (to match
# library leaks to tests/lsan.supp), which makes a sanitized claimgraph
# 15 times slower; these runs touch no leaky library path, so they unwind fast.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=1"
BAD=$CG_TEST_DATA/rules-bad
RULES=$CG_SOURCE_DIR/rules
export CG_BIN CG_SOURCE_DIR BAD RULES
cases=$CG_SOURCE_DIR/tests/bad
n=0
skipped=0

# run_case DIR: fails the test with the case's name on any mismatch
run_case() {
  c=$1; name=$(basename "$c"); w=$TMP/$name
  mkdir "$w"
  if [ -f "$c/needs" ] && ! command -v "$(cat "$c/needs")" >/dev/null; then
    echo "SKIP $name: needs $(cat "$c/needs")"; skipped=$((skipped + 1)); return
  fi
  secs=60; rss=0
  if [ -f "$c/limits" ]; then
    secs=$(awk '$1 == "seconds" { print $2 }' "$c/limits"); secs=${secs:-60}
    rss=$(awk '$1 == "rss_mb" { print $2 }' "$c/limits"); rss=${rss:-0}
  fi
  (cd "$w" && if [ -f "$c/setup" ]; then CASE=$c sh -e "$c/setup"; fi) ||
    fail "$name: setup failed"
  set +e
  (cd "$w" && CASE=$c /usr/bin/time -f '%M %e' -o "$w/.usage" \
    timeout -k 5 "$secs" sh "$c/cmd") >"$w/.stdout" 2>"$w/.stderr"
  got=$?
  set -e
  want=$(cat "$c/expect_status")
  [ "$got" -ne 124 ] || fail "$name: still running after $secs s"
  [ "$got" -eq "$want" ] || { cat "$w/.stderr" >&2; fail "$name: exited $got, want $want"; }
  while IFS= read -r line; do
    grep -qF -- "$line" "$w/.stderr" || { cat "$w/.stderr" >&2; fail "$name: stderr lacks '$line'"; }
  done <"$c/expect_stderr"
  kb=$(tail -n 1 "$w/.usage" | cut -d' ' -f1); took=$(tail -n 1 "$w/.usage" | cut -d' ' -f2)
  if [ "$rss" -gt 0 ] && [ "$kb" -gt $((rss * 1024)) ]; then
    fail "$name: used $((kb / 1024)) MB, more than its $rss MB"
  fi
  ls -a "$w" | grep -q '\.tmp' && fail "$name: left a temporary file"
  rm -rf "$w"
  echo "ok $name ($((kb / 1024)) MB, ${took} s)"
}

for c in "$cases"/*/; do
  c=${c%/}
  run_case "$c"
  n=$((n + 1))
done
echo "$n bad-input cases, $skipped skipped"
[ "$n" -ge 30 ] || fail "expected at least 30 cases in tests/bad, found $n"
