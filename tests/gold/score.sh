#!/bin/sh
# Scores a build's graphs against the hand annotations: the tuning half
# (tests/gold/tune), the check half (tests/gold/check, never tuned on) and
# the development corpus of ../shared, one line each, with ../shared/eval/score.
#
# Usage: tests/gold/score.sh [-v tune|check|shared] [BINARY [RULES]]
#   BINARY  claimgraph to run (default build/claimgraph)
#   RULES   rule folder (default rules)
#   -v H    also print the misses and extras of half H (never read the
#           check half's to tune rules: that is what keeps it honest)
# CG_HALVES="tune shared" scores only those.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
verbose=
if [ "${1:-}" = -v ]; then verbose=$2; shift 2; fi
bin=${1:-$top/build/claimgraph}
rules=${2:-$top/rules}
shared=${CG_SHARED_DIR:-$top/../shared}
[ -x "$bin" ] || { echo "score.sh: no claimgraph at $bin: build it first (README)" >&2; exit 2; }
[ -x "$shared/eval/score" ] || { echo "score.sh: $shared/eval/score not found (../shared beside the checkout)" >&2; exit 2; }
status=0
for half in ${CG_HALVES:-tune check shared}; do
  case $half in
    shared) gold=$shared/gold/dev.tsv docs=$shared/corpus ;;
    *) gold=$here/$half.tsv docs=$here/$half ;;
  esac
  v=; [ "$verbose" = "$half" ] && v=--verbose
  line=$("$shared/eval/score" $v --gold "$gold" --docs "$docs" -- \
         "$bin" build -q --rules "$rules" -f ntriples -o - {}) || status=1
  if [ -n "$v" ]; then printf '%s\n' "$line" | sed '$d'; line=$(printf '%s\n' "$line" | tail -n 1); fi
  printf '%-6s %s\n' "$half" "$line"
done
exit $status
