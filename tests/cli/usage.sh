# Good and bad command lines: help goes to stdout with 0, misuse to stderr
# with 2 and a hint.
. "$(dirname "$0")/../lib.sh"
cd "$CG_SOURCE_DIR"
for cmd in "" build render check; do
  # shellcheck disable=SC2086
  expect_status 0 "$CG_BIN" $cmd --help
  grep -q "Usage: claimgraph" "$TMP/stdout" || fail "'$cmd --help' prints no usage"
done
grep -q "Exit status" "$TMP/stdout" || fail "help lacks the exit codes"
expect_status 0 "$CG_BIN" --version
grep -Eq '^claimgraph [0-9]+\.[0-9]+' "$TMP/stdout" || fail "--version"
expect_status 2 "$CG_BIN"
expect_status 2 "$CG_BIN" frobnicate
expect_stderr "unknown command 'frobnicate'"
expect_status 2 "$CG_BIN" build
expect_stderr "no INPUT given"
expect_status 2 "$CG_BIN" build --no-such-option examples
expect_stderr "Try 'claimgraph build --help'"
expect_status 2 "$CG_BIN" build -o "$TMP/x.weird" examples
expect_stderr "cannot tell the format"
expect_status 2 "$CG_BIN" build -f jpeg examples
expect_stderr "unknown format 'jpeg'"
expect_status 2 "$CG_BIN" render
expect_status 2 "$CG_BIN" render "$TMP/g.ttl" -o "$TMP/g.nt"
expect_stderr "render draws diagrams"
expect_status 2 "$CG_BIN" check extra-arg

# check summarises valid rules: counts per kind and per entity type.
expect_status 0 "$CG_BIN" check --rules "$CG_TEST_DATA/rules-good/basic.yaml"
for line in "basic.yaml: valid" "entities: 3 (11 aliases)" "  Person         2" \
  "  Country        1" "predicates: 2" "relation rules: 2 (3 patterns)"; do
  grep -qF -- "$line" "$TMP/stdout" || fail "check output lacks '$line'"
done
# a directory: every *.yaml/*.yml file, one rule set
expect_status 0 "$CG_BIN" check --rules "$CG_TEST_DATA/rules-good/split"
grep -qx "entities: 2 (5 aliases)" "$TMP/stdout" || fail "split rules: wrong entity count"
expect_status 2 "$CG_BIN" check --rules "$TMP/no-such-rules"
expect_stderr "no-such-rules"
