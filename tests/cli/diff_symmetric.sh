# Symmetric blank-node graphs (diff_symmetric.py: CFI pairs, hypercubes,
# rook's graphs, strongly regular graphs, many identical components): a
# relabelled copy compares equal, a change refinement cannot see compares
# different, each diff in under a second (not timed under the sanitizers,
# which also get smaller sizes).  Then the limits and their messages.
. "$(dirname "$0")/../lib.sh"
cd "$TMP"

py=
for p in /usr/bin/python3 python3; do
  if "$p" -c 'import networkx' 2>/dev/null; then py=$p; break; fi
done
[ -n "$py" ] || fail "python3-networkx is missing: run scripts/install-deps"

size=full
[ "${CG_SANITIZED:-0}" = 1 ] && size=small
"$py" "$CG_SOURCE_DIR/tests/cli/diff_symmetric.py" "$TMP" "$size"

command -v /usr/bin/time >/dev/null || fail "GNU time is missing: run scripts/install-deps (time)"
: >counts
while read -r family name a b want; do
  set +e
  /usr/bin/time -f '%e %U %S' -o times "$CG_BIN" diff -f patch "$a" "$b" >out 2>err; st=$?
  set -e
  # wall and CPU (user + system) milliseconds
  read -r ms cpu <<EOF_T
$(tail -n 1 times | awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }')
EOF_T
  printf '%-11s %-28s %-9s %5d ms (CPU %d ms)\n' "$family" "$name" "$want" "$ms" "$cpu"
  case $want in
    equal) [ "$st" -eq 0 ] || { cat err >&2; fail "$name: diff exited $st, want 0 (equal)"; } ;;
    different) [ "$st" -eq 1 ] || { cat err >&2; fail "$name: diff exited $st, want 1 (different)"; } ;;
  esac
  # Under a second of wall time; on a loaded machine (ctest -j2 beside other
  # builds on two cores) wall time measures the load, so CPU time decides.
  if [ "$size" = full ] && [ "$ms" -ge 1000 ]; then
    [ "$cpu" -lt 1000 ] || fail "$name: diff took $ms ms, $cpu ms of CPU, want under 1000"
    echo "  (over a second of wall time on a loaded machine: $(cut -d' ' -f1-3 /proc/loadavg))"
  fi
  echo "$family $ms" >>counts
done <manifest
awk '{ n[$1]++; if ($2 > m[$1]) m[$1] = $2 }
     END { for (f in n) printf "family %-11s %3d cases, slowest %d ms\n", f, n[f], m[f] }' counts | sort
[ "$(wc -l <counts)" -ge 30 ] || [ "$size" = small ] || fail "too few cases: $(wc -l <counts)"

# Directed arcs and blank graph names (the other gadgets): a directed
# 6-cycle in a blank-named graph against two directed 3-cycles, which
# refinement cannot tell apart, and against itself renamed.
P='<http://example.org/p>'
cycle() { # NAME... : a directed cycle through the blank nodes, in graph _:g
  first=$1; prev=$1; shift
  for v in "$@" "$first"; do echo "_:$prev $P _:$v _:g ."; prev=$v; done
}
cycle a b c d e f >c6.nq
cycle z y x w v u | sort -r >c6r.nq
{ cycle a b c; cycle d e f; } >c33.nq
expect_status 0 "$CG_BIN" diff c6.nq c6r.nq
expect_status 1 "$CG_BIN" diff c6.nq c33.nq
echo "directed and named: 2 passed"

# The limits: each one reached gives an error naming the variable to raise.
rook8=$(awk '$2 == "rook-8x8" { print $3 }' manifest)
CG_CANON_SECONDS=0 expect_status 2 "$CG_BIN" diff "$rook8" "$rook8"
expect_stderr "CG_CANON_SECONDS"
CG_CANON_MAX_VERTICES=10 expect_status 2 "$CG_BIN" diff "$rook8" "$rook8"
expect_stderr "CG_CANON_MAX_VERTICES"
CG_CANON_MAX_ARCS=10 expect_status 2 "$CG_BIN" diff "$rook8" "$rook8"
expect_stderr "CG_CANON_MAX_ARCS"
# Traces stopped by the watchdog mid-run (a deadline of half a millisecond,
# which a graph of this size does not meet here): an error, not a crash or a
# leak; on a machine fast enough to finish, a correct answer.
cfi=$(awk '$2 ~ /^cfi-[0-9]+$/ { f = $3 } END { print f }' manifest)
set +e; CG_CANON_SECONDS=0.0005 "$CG_BIN" diff "$cfi" "$cfi" >out 2>"$TMP/stderr"; st=$?; set -e
case $st in
  0) ;;
  2) expect_stderr "set CG_CANON_SECONDS" ;;
  *) cat "$TMP/stderr" >&2; fail "a stopped Traces run exited $st" ;;
esac
echo "limits: 4 passed"
