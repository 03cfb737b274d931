# Same input, same bytes: two runs, and inputs named in another order.
. "$(dirname "$0")/../lib.sh"
need_shared
cd "$CG_SOURCE_DIR"
set -- "$CG_SHARED_DIR"/corpus/*.txt examples/*.txt
"$CG_BIN" build -q --rules rules -o "$TMP/a.ttl" "$@"
"$CG_BIN" build -q --rules rules -o "$TMP/b.ttl" "$@"
cmp "$TMP/a.ttl" "$TMP/b.ttl" || fail "two runs differ"
reversed=$(for f in "$@"; do echo "$f"; done | sort -r)
# shellcheck disable=SC2086
"$CG_BIN" build -q --rules rules -o "$TMP/c.ttl" $reversed
cmp "$TMP/a.ttl" "$TMP/c.ttl" || fail "input order changes the output"
[ -s "$TMP/a.ttl" ] || fail "empty output"
