# Claims in the example graph, through the SPARQL queries users get
# (examples/queries/claims.rq, denied.rq, run with roqet): claimer, certainty,
# quantity with comparator and unit, negation, a resolved pronoun, a date,
# and document metadata.  A denied relation is never a plain triple.
. "$(dirname "$0")/../lib.sh"
cd "$CG_SOURCE_DIR"
"$CG_BIN" build -q --rules rules -o "$TMP/g.ttl" -o "$TMP/g.nt" examples
roqet -q -r csv -D "$TMP/g.ttl" examples/queries/claims.rq >"$TMP/claims.csv" ||
  fail "claims.rq does not run"
row() { grep -F -- "$1" "$TMP/claims.csv" | grep -qF -- "$2" || fail "no claim row with '$1' and '$2'"; }
row "North Korea,deploysTroopsTo,Russia,possible" ',a Kremlin insider,"as many as 100,000",100000.0,atMost,'
row "North Korea,suppliesArmsTo,Russia,reported" ',up to 60%,60.0,atMost,percent,'
row "Lloyd Austin,metWith,Yoon Suk Yeol,planned" ',United States,'
row "Kim Jong Un,criticizes,United States,asserted" ',He,He later accused'
row "China,suppliesArmsTo,Russia,asserted,true,China," ',on Monday,'
roqet -q -r csv -D "$TMP/g.ttl" examples/queries/denied.rq >"$TMP/denied.csv"
grep -q '^China,suppliesArmsTo,Russia,' "$TMP/denied.csv" || fail "denied.rq misses China"
grep -q '^North Korea,deploysTroopsTo,Ukraine,' "$TMP/denied.csv" || fail "denied.rq misses a denial"
grep -qF "<${BASE}entity/china> <${VOCAB}suppliesArmsTo> <${BASE}entity/russia> ." "$TMP/g.nt" &&
  fail "a denied relation became a plain triple"
grep -qF '<http://purl.org/dc/terms/title> "Who says what about Pyongyang'"'"'s soldiers"' "$TMP/g.nt" ||
  fail "front-matter title missing"
grep -qF '<http://purl.org/dc/terms/issued> "2024-11-20"' "$TMP/g.nt" || fail "published date missing"
true
