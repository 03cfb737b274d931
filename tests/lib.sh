# Shared by the shell tests: paths from ctest's environment, a scratch
# directory removed on exit, and small assertions that say what failed.
set -eu
: "${CG_BIN:?run through ctest (CG_BIN is the claimgraph binary)}"
: "${CG_SOURCE_DIR:?}" "${CG_SHARED_DIR:?}"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
BASE=https://example.org/claimgraph/
VOCAB=https://w3id.org/claimgraph/ns#

fail() { echo "FAIL: $*" >&2; exit 1; }
# ctest reports exit 77 as skipped (SKIP_RETURN_CODE in tests/CMakeLists.txt)
skip() { echo "SKIP: $*" >&2; exit 77; }

# expect_status WANT CMD... : runs CMD, keeps stderr in $TMP/stderr
expect_status() {
  want=$1; shift
  set +e; "$@" >"$TMP/stdout" 2>"$TMP/stderr"; got=$?; set -e
  [ "$got" -eq "$want" ] || { cat "$TMP/stderr" >&2; fail "'$*' exited $got, want $want"; }
}

# expect_stderr TEXT : the last command's stderr holds TEXT
expect_stderr() {
  grep -qF -- "$1" "$TMP/stderr" || { cat "$TMP/stderr" >&2; fail "stderr lacks '$1'"; }
}

# has_triple FILE.nt S P O : entity ids and a predicate name
has_triple() {
  grep -qF "<${BASE}entity/$2> <${VOCAB}$3> <${BASE}entity/$4> ." "$1" ||
    fail "$1 lacks $2 $3 $4"
}

need_shared() {
  [ -d "$CG_SHARED_DIR/corpus" ] || fail "$CG_SHARED_DIR/corpus is missing: put ../shared beside the checkout"
}
