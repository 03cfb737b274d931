#!/bin/sh
# Valgrind (memcheck) over an unsanitized build (default build/): every unit
# test, the fuzz replays, and a few CLI runs through each stage and output
# format.  Passes only with zero memcheck errors and zero definite leaks
# (libraries' own leaks are listed, with reasons, in tests/valgrind.supp).
#   sh tests/valgrind.sh [BUILD_DIR]
set -eu
cd "$(dirname "$0")/.."
src=$(pwd)
build=$(cd "${1:-build}" && pwd)
command -v valgrind >/dev/null || { echo "valgrind: not installed (apt-get install valgrind)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export CG_SOURCE_DIR="$src" CG_SHARED_DIR="$src/../shared" CG_TEST_DATA="$src/tests/data"
export CG_BIN="$build/claimgraph"
runs=0

# vg WANT_STATUS CMD...: CMD under memcheck exits WANT_STATUS, no reports
vg() {
  want=$1; shift
  set +e
  valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite \
    --errors-for-leak-kinds=definite --suppressions="$src/tests/valgrind.supp" \
    --log-file="$tmp/vg.log" "$@" >"$tmp/out" 2>"$tmp/err"
  got=$?
  set -e
  runs=$((runs + 1))
  if [ "$got" -ne "$want" ] || [ -s "$tmp/vg.log" ]; then
    cat "$tmp/vg.log" "$tmp/err" >&2
    echo "valgrind: FAIL (exit $got, want $want): $*" >&2
    exit 1
  fi
  echo "valgrind: ok $*"
}

for t in "$build"/tests/test_*; do
  [ -x "$t" ] && vg 0 "$t"
done
fz=$src/tests/fuzz
for t in rules text rdf write; do
  vg 0 "$build/tests/fuzz/replay_$t" "$fz/regressions/fuzz_$t" "$fz/corpus/fuzz_$t"
done

cd "$tmp"
B=$CG_BIN
vg 0 "$B" check --rules "$src/rules"
vg 2 "$B" check --rules "$src/tests/data/rules-bad/multiple-errors.yaml"
vg 0 "$B" build -q --rules "$src/rules" -o g.ttl -o g.nt -o g.dot -o g.svg "$src/examples"
vg 0 "$B" build -q -j 2 --rules "$src/rules" -o j.nt "$src/examples"
vg 0 "$B" render g.ttl -o r.svg
vg 0 "$B" diff g.ttl g.nt
printf 'Putin met \377 Kim.\n' >bad.txt
printf '\377\376P\0u\0' >utf16.txt
vg 1 "$B" build --rules "$src/rules" -o b.ttl bad.txt utf16.txt "$src/examples/01-troops-kursk.txt"
mkdir many
awk 'BEGIN { for (f = 0; f < 12; f++) for (n = 0; n < 300; n++)
  printf "On day %d Vladimir Putin met Kim Jong Un in Pyongyang.\n", n > ("many/" f ".txt") }'
vg 1 "$B" build --rules "$src/rules" --max-memory 1 -o m.ttl many
echo "valgrind: $runs runs, no errors, no definite leaks"
