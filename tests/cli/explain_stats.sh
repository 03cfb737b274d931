# explain shows mentions, fired rules with qualifiers and near misses;
# build --stats counts per rule and per entity.
. "$(dirname "$0")/../lib.sh"
cd "$CG_SOURCE_DIR"
expect_status 0 "$CG_BIN" explain --rules rules --sentence 2 examples/07-claims.txt
out="$TMP/stdout"
grep -q '^\[2\] characters 206-312: "According to a Kremlin insider' "$out" || fail "sentence header"
grep -q '^    mention  north-korea .*"North Korea"  alias "North Korea"' "$out" || fail "mention line"
grep -q '^    fired    deploys-troops-quantity north-korea deploysTroopsTo russia' "$out" ||
  fail "fired line"
grep -qF 'quantity "as many as 100,000" (atMost)' "$out" || fail "quantity qualifier"
grep -qF 'certainty possible; claimed by "a Kremlin insider"' "$out" || fail "certainty/claimer"
expect_status 0 "$CG_BIN" explain --rules rules --sentence 6 examples/07-claims.txt
grep -qF 'reference to "Kim Jong Un"' "$TMP/stdout" || fail "reference not explained"
# a near miss: a sentence with two mentions and the words of a rule, no match
printf 'North Korea sent its soldiers home from Russia.\n' >"$TMP/near.txt"
expect_status 0 "$CG_BIN" explain --rules rules "$TMP/near.txt"
grep -q '^    close    deploys-troops-presence pattern [0-9]*: matched [0-9]* of [0-9]* required elements; ' \
  "$TMP/stdout" || fail "no near miss shown"
expect_status 2 "$CG_BIN" explain --rules rules --sentence 99 examples/07-claims.txt
expect_stderr "there is no sentence 99"
expect_status 2 "$CG_BIN" explain --rules rules
expect_status 1 "$CG_BIN" explain --rules rules "$TMP/missing.txt"

expect_status 0 "$CG_BIN" build -q --stats --rules rules -f ntriples -o "$TMP/g.nt" examples
grep -q '^documents: 7 read' "$TMP/stderr" || fail "--stats documents"
grep -Eq '^ +[1-9][0-9]*  official-title-before +officialOf$' "$TMP/stderr" || fail "--stats rules"
grep -Eq '^ +[1-9][0-9]*  north-korea$' "$TMP/stderr" || fail "--stats entities"
