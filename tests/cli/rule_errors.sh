# Each bad rule file of tests/data/rules-bad, through the CLI: exit 2 and a
# message at the FILE:LINE:COLUMN its README gives, before any document is read.
. "$(dirname "$0")/../lib.sh"
bad="$CG_TEST_DATA/rules-bad"
n=0
grep -E '^\| `[a-z0-9-]+\.yaml` \| CG_ERR_[A-Z]+ \| [0-9]+:[0-9]+ \|' "$bad/README.md" |
  while IFS='|' read -r _ file _ at _; do
    file=$(echo "$file" | tr -d ' `'); at=$(echo "$at" | tr -d ' ')
    expect_status 2 "$CG_BIN" check --rules "$bad/$file"
    expect_stderr "$bad/$file:$at: "
    echo "ok $file $at"
    # build refuses too, and reads nothing
    expect_status 2 "$CG_BIN" build --rules "$bad/$file" -o "$TMP/g.ttl" "$CG_SOURCE_DIR/examples"
    expect_stderr "nothing was read"
    [ -e "$TMP/g.ttl" ] && fail "$file: build wrote a graph despite rule errors"
    n=$((n + 1))
    echo "$n" >"$TMP/count"
  done
[ "$(cat "$TMP/count")" -ge 20 ] || fail "expected at least 20 bad rule files, ran $(cat "$TMP/count")"
# All errors at once: the file with several mistakes reports each.
expect_status 2 "$CG_BIN" check --rules "$bad/multiple-errors.yaml"
[ "$(grep -c "^$bad/multiple-errors.yaml:[0-9]*:[0-9]*: " "$TMP/stderr")" -ge 6 ] ||
  fail "multiple-errors.yaml: fewer than 6 errors reported"
