#!/bin/sh
# The whole test suite: a warnings-as-errors build and an AddressSanitizer +
# UndefinedBehaviorSanitizer build, each running every ctest test, and a
# Release (-O3) build with warnings as errors too, running the unit tests;
# then each libFuzzer target for a bounded time (tests/fuzz/run.sh), and
# valgrind over the first build (tests/valgrind.sh).
set -eu
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

echo "== build (-Wall -Wextra -Werror)"
cmake -S . -B build -DCG_WERROR=ON >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"

# What users build (cmake's Release: -O3), where GCC's flow-sensitive
# warnings (-Wdangling-pointer, -Wstringop-*) see what -O2 does not; -Werror
# is on here and off by default, so that a new compiler's warning fails CI,
# not a user's build.  Only the unit tests and fuzz replays run on it (5 s):
# its whole ctest took 2.5 to 5 minutes on 2 cores, and the shell tests
# already run on the other two builds.
echo "== Release build (-O3, -Werror): unit tests and fuzz replays"
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DCG_WERROR=ON >/dev/null
cmake --build build-release -j"$jobs"
ctest --test-dir build-release --output-on-failure -j"$jobs" -L 'unit|fuzz'

echo "== build with AddressSanitizer + UndefinedBehaviorSanitizer"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCG_WERROR=ON -DCG_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs"
# (ASAN_OPTIONS, LSAN_OPTIONS with tests/lsan.supp, UBSAN_OPTIONS: set per test by tests/CMakeLists.txt)
ctest --test-dir build-asan --output-on-failure -j"$jobs"

echo "== fuzzing (libFuzzer, FUZZ_SECONDS=${FUZZ_SECONDS:-60} s per target)"
sh tests/fuzz/run.sh

echo "== valgrind: unit tests, fuzz replays and CLI runs of build/"
sh tests/valgrind.sh build
