# Issue 12, point 11: an alias or label with no letter or digit is refused
# (",", "." each named an entity dozens of times in the examples); one of a
# single letter or digit is warned of at its FILE:LINE:COLUMN, unless its
# alias map says `one_letter: true`; the mark on a longer alias is an error.
. "$(dirname "$0")/../lib.sh"
cd "$TMP"
entity() { # entity ALIASES [LABEL]
  printf 'entities:\n  - id: x-corp\n    type: Organization\n    label: %s\n    aliases: %s\n' \
    "${2:-X Corporation}" "$1" >r.yaml
}

# No letter or digit, in any script: refused by check and build.
for alias in '","' '"."' '"!?"' '"…"' '"€"'; do
  entity "[XCorp, $alias]"
  expect_status 2 "$CG_BIN" check --rules r.yaml
  expect_stderr "r.yaml:5:22: alias '$(echo "$alias" | tr -d '"')' has no letter or digit"
done
expect_status 2 "$CG_BIN" build --rules r.yaml -o g.nt "$CG_SOURCE_DIR/examples"
expect_stderr "nothing was read"
entity "[XCorp]" '"."'
expect_status 2 "$CG_BIN" check --rules r.yaml
expect_stderr "r.yaml:4:12: label '.' has no letter or digit"
echo "ok aliases and labels without a letter or digit are refused"

# Letters and digits of any script count.
entity '[XCorp, "Путин", "中国", "7-Eleven", "U.S."]'
expect_status 0 "$CG_BIN" check --rules r.yaml
[ ! -s "$TMP/stderr" ] || { cat "$TMP/stderr"; fail "warnings for longer aliases"; }

# One letter or digit: a warning, the rules still valid.
entity '[XCorp, X, "7.", {text: Z, short: true}]'
expect_status 0 "$CG_BIN" check --rules r.yaml
expect_stderr "r.yaml:5:22: warning: alias 'X' is a single letter or digit"
expect_stderr 'write {text: "X", one_letter: true}'
expect_stderr "r.yaml:5:25: warning: alias '7.' is a single letter or digit"
expect_stderr "r.yaml:5:38: warning: alias 'Z' is a single letter or digit"
grep -q "r.yaml: valid" "$TMP/stdout" || fail "check did not call the rules valid"
entity '[XCorp]' X
expect_status 0 "$CG_BIN" check --rules r.yaml
expect_stderr "r.yaml:4:12: warning: label 'X' is a single letter or digit"
echo "ok one-letter aliases and labels are warned of"

# Marked as meant: no warning.
entity '[XCorp, {text: X, one_letter: true}, {text: Z, short: true, one_letter: true}]'
expect_status 0 "$CG_BIN" check --rules r.yaml
[ ! -s "$TMP/stderr" ] || { cat "$TMP/stderr"; fail "a marked one-letter alias was warned of"; }
# The mark on an alias that is not one letter is a mistake.
entity '[{text: XC, one_letter: true}]'
expect_status 2 "$CG_BIN" check --rules r.yaml
expect_stderr "r.yaml:5:38: 'one_letter: true' marks an alias of one letter or digit, and 'XC' has more: remove the mark"
entity '[{text: X, one_letter: "yes"}]'
expect_status 2 "$CG_BIN" check --rules r.yaml
expect_stderr "'one_letter' must be true or false"
echo "ok one_letter: true silences the warning and is checked"

# The default rules hold none of these.
expect_status 0 "$CG_BIN" check --rules "$CG_SOURCE_DIR/rules"
[ ! -s "$TMP/stderr" ] || { cat "$TMP/stderr"; fail "the default rules have warnings"; }
echo "ok the default rules are clean"
