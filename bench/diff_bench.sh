#!/bin/sh
# Benchmark (not a test): claimgraph diff on two N-Triples files of N triples
# each (default 1,000,000; about 1% of them changed), against the text-only
# baseline `sort | comm -3` on the same files.  Prints both wall times, their
# ratio and the peak resident memory of each.
#
#   sh bench/diff_bench.sh [N]        (CG_BIN: the binary, default build/claimgraph)
#
# Build optimised first (cmake's default here is RelWithDebInfo).  The files
# have IRIs, literals that need escapes, language tags, typed literals and
# blank nodes (2%, each told apart by its own triples); changes touch only
# triples without blank nodes, so both tools must report the same number of
# changed lines, which is checked.
set -eu
N=${1:-1000000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CG_BIN=${CG_BIN:-$ROOT/build/claimgraph}
[ -x "$CG_BIN" ] || { echo "no binary at $CG_BIN: build first, or set CG_BIN" >&2; exit 2; }
if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time for peak memory figures" >&2
  apt-get install -y -qq time >/dev/null
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export LC_ALL=C

# old.nt: N triples about N/10 subjects
awk -v n="$N" 'BEGIN {
  srand(42)
  lit[0] = "a plain value"; lit[1] = "with \\\"quotes\\\""; lit[2] = "line\\nbreak\\ttab"
  lit[3] = "caf\\u00E9 na\303\257ve"; lit[4] = "back\\\\slash"
  for (i = 0; i < n; i++) {
    s = int(i / 10); r = rand()
    if (i % 50 == 48) {         # 2%: a blank node with its own literal
      printf "<https://example.org/claimgraph/entity/e%d> <https://w3id.org/claimgraph/ns#note> _:n%d .\n", s, i
      i++
      printf "_:n%d <https://w3id.org/claimgraph/ns#text> \"note %d\" .\n", i - 1, i
    } else if (r < 0.4) {
      printf "<https://example.org/claimgraph/entity/e%d> <https://w3id.org/claimgraph/ns#p%d> <https://example.org/claimgraph/entity/e%d> .\n", s, int(rand() * 20), int(rand() * n / 10)
    } else if (r < 0.7) {
      printf "<https://example.org/claimgraph/entity/e%d> <http://www.w3.org/2000/01/rdf-schema#label> \"%s %d\"@en .\n", s, lit[int(rand() * 5)], i
    } else {
      printf "<https://example.org/claimgraph/entity/e%d> <https://w3id.org/claimgraph/ns#v%d> \"%d\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n", s, int(rand() * 20), i
    }
  }
}' >"$WORK/old.nt"
# new.nt: about 1% of the triples without blank nodes changed (their object)
awk 'BEGIN { srand(7) }
  /^</ && $3 !~ /^_:/ && rand() < 0.01 { print $1, $2, "\"changed " NR "\" ."; next }
  { print }' "$WORK/old.nt" >"$WORK/new.nt"
LINES=$(wc -l <"$WORK/old.nt")

# run NAME CMD...: wall seconds and peak RSS (KiB) of CMD into $WORK/NAME.time
run() {
  name=$1; shift
  /usr/bin/time -f '%e %M' -o "$WORK/$name.time" "$@" || [ $? -eq 1 ]
}
run claimgraph sh -c '"$0" diff --format patch "$1" "$2" >"$3"' \
  "$CG_BIN" "$WORK/old.nt" "$WORK/new.nt" "$WORK/patch.rdfp"
run sortcomm sh -c 'sort "$0" >"$2.old"; sort "$1" >"$2.new"; comm -3 "$2.old" "$2.new" >"$2"' \
  "$WORK/old.nt" "$WORK/new.nt" "$WORK/comm.txt"

read -r cg_s cg_kb <<EOF
$(tail -n 1 "$WORK/claimgraph.time")
EOF
read -r sc_s sc_kb <<EOF
$(tail -n 1 "$WORK/sortcomm.time")
EOF
cg_lines=$(wc -l <"$WORK/patch.rdfp")
sc_lines=$(wc -l <"$WORK/comm.txt")
echo "files: $LINES triples each, $(du -k "$WORK/old.nt" | cut -f1) KiB each; $cg_lines changed lines (sort|comm: $sc_lines)"
echo "claimgraph diff --format patch: ${cg_s} s, peak RSS $((cg_kb / 1024)) MiB"
echo "sort | comm -3:                 ${sc_s} s, peak RSS $((sc_kb / 1024)) MiB"
awk -v a="$cg_s" -v b="$sc_s" 'BEGIN { printf "ratio claimgraph / sort|comm: %.2f\n", (b > 0 ? a / b : 0) }'
[ "$cg_lines" -eq "$sc_lines" ] || { echo "the two disagree on the number of changes" >&2; exit 1; }
