#!/bin/sh
# Builds the libFuzzer targets (clang, ASan + UBSan, CG_FUZZ=ON) in
# build-fuzz/ and runs each for FUZZ_SECONDS (default 60) from its seeds in
# tests/fuzz/corpus/<target>/, growing a working corpus in
# build-fuzz/fuzz-corpus/<target>/.  Prints the executions and the corpus
# size of each target.  A crash, leak or broken promise fails the run and
# leaves the input in build-fuzz/fuzz-crashes/<target>/: copy it into
# tests/fuzz/regressions/<target>/ (the suite replays it) and fix the bug.
#   FUZZ_SECONDS=600 sh tests/fuzz/run.sh          FUZZ_BUILD=/tmp/bf sh tests/fuzz/run.sh
set -eu
cd "$(dirname "$0")/../.."
src=$(pwd)
build=${FUZZ_BUILD:-build-fuzz}
secs=${FUZZ_SECONDS:-60}
jobs=$(nproc 2>/dev/null || echo 2)
targets="fuzz_rules fuzz_text fuzz_rdf fuzz_write"

command -v clang >/dev/null || { echo "fuzz: clang is needed (apt-get install clang)" >&2; exit 2; }
cmake -S . -B "$build" -DCMAKE_C_COMPILER=clang -DCG_FUZZ=ON -DCG_WERROR=ON >/dev/null
# shellcheck disable=SC2086
cmake --build "$build" -j"$jobs" --target $targets

# Library leaks: see tests/fuzz/lsan.supp.
export ASAN_OPTIONS="detect_leaks=1"
export LSAN_OPTIONS="suppressions=$src/tests/fuzz/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export CG_SOURCE_DIR="$src"
status=0
for t in $targets; do
  work=$build/fuzz-corpus/$t
  crashes=$build/fuzz-crashes/$t
  log=$build/fuzz-$t.log
  mkdir -p "$work" "$crashes"
  if ! "$build/tests/fuzz/$t" \
      -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
      -print_final_stats=1 -artifact_prefix="$crashes/" \
      "$work" "tests/fuzz/corpus/$t" >"$log" 2>&1; then
    echo "$t: FAILED; input kept in $crashes/, log in $log:" >&2
    grep -A 12 -E '^==[0-9]+==ERROR|broken promise|SUMMARY' "$log" | head -40 >&2
    status=1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  corp=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | sed -n 's/.* corp: \([0-9]*\/[0-9]*[a-zA-Z]*\).*/\1/p' | tail -n 1)
  echo "$t: ${runs:-?} executions in $secs s; corpus ${corp:-?} (inputs/bytes)," \
    "$(ls "$work" | wc -l) files in $work"
done
exit "$status"
