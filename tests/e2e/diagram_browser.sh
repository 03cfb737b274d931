# The HTML report of the example corpus in headless Chromium: hovering an
# edge shows its quotes, typing in the filter box filters the table, nothing
# is loaded from elsewhere (tests/browser/report_check.mjs); a screenshot of
# the page is left in the test's scratch directory.
. "$(dirname "$0")/../lib.sh"
CHECK="$CG_SOURCE_DIR/tests/browser/report_check.mjs"
command -v chromium >/dev/null || fail "chromium is missing: run sh scripts/install-deps"
[ -d "$CG_SOURCE_DIR/tests/browser/node_modules/playwright-core" ] ||
  fail "playwright-core is missing: run npm ci in tests/browser (scripts/install-deps does)"
cd "$CG_SOURCE_DIR"
"$CG_BIN" build -q --rules rules -o "$TMP/report.html" examples
node "$CHECK" "$TMP/report.html" "$TMP" || fail "the report does not behave in Chromium"
[ -s "$TMP/report.png" ] || fail "no screenshot"
