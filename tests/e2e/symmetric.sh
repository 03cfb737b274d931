# Symmetric relations (metWith, hasAgreementWith, atWarWith) are written once
# per pair, the entity whose id sorts first as subject, and declared
# owl:SymmetricProperty in the graph; examples/queries/symmetric-met-with.rq
# asks both directions and so finds every meeting of Vladimir Putin in the
# examples, although each is written with Putin as object, where the
# one-direction pattern finds none.  Run with Rasqal's roqet (the README's
# example engine, which has no property paths: hence the UNION).
. "$(dirname "$0")/../lib.sh"
command -v roqet >/dev/null || fail "roqet is missing: run scripts/install-deps (rasqal-utils)"
Q=$CG_SOURCE_DIR/examples/queries/symmetric-met-with.rq
"$CG_BIN" build -q --rules "$CG_SOURCE_DIR/rules" -o "$TMP/g.nt" "$CG_SOURCE_DIR/examples"
"$CG_BIN" build -q --rules "$CG_SOURCE_DIR/rules" -o "$TMP/g.ttl" "$CG_SOURCE_DIR/examples"

# Once per pair, in id order, never both ways.
sym="<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2002/07/owl#SymmetricProperty> ."
for p in metWith hasAgreementWith atWarWith; do
  grep -qF "<${VOCAB}$p> $sym" "$TMP/g.nt" || fail "the graph does not declare cg:$p symmetric"
  grep -F "> <${VOCAB}$p> <${BASE}entity/" "$TMP/g.nt" |
    sed "s|<${BASE}entity/\([^>]*\)> <[^>]*> <${BASE}entity/\([^>]*\)> \.|\1 \2|" >"$TMP/$p.pairs"
  [ -s "$TMP/$p.pairs" ] || fail "the examples have no cg:$p triple"
  awk -v p="$p" '$1 >= $2 { print "FAIL: cg:" p " written " $1 " -> " $2 ", not in id order" > "/dev/stderr"; bad = 1 }
    END { exit bad }' "$TMP/$p.pairs" || fail "a symmetric relation is not in canonical order"
done

# The query: both directions.
[ -f "$Q" ] || fail "$Q is missing"
roqet -q -r csv -D "$TMP/g.ttl" "$Q" >"$TMP/met.raw" || fail "roqet could not run $Q"
tr -d '\r' <"$TMP/met.raw" >"$TMP/met.csv"
printf '%s\n' "person,metWith" "Vladimir Putin,Choe Son Hui" "Vladimir Putin,Kim Jong Un" \
  "Vladimir Putin,Olaf Scholz" >"$TMP/want.csv"
diff -u "$TMP/want.csv" "$TMP/met.csv" >&2 || fail "$Q does not list whom Putin met"

# One direction only: every one of those meetings is missed.
sed 's/{ ?p cg:metWith ?o } UNION { ?o cg:metWith ?p }/?p cg:metWith ?o ./' "$Q" >"$TMP/one-way.rq"
grep -qF '?p cg:metWith ?o .' "$TMP/one-way.rq" || fail "could not make the one-direction query"
roqet -q -r csv -D "$TMP/g.ttl" "$TMP/one-way.rq" >"$TMP/one-way.csv" ||
  fail "roqet could not run the one-direction query"
[ "$(wc -l <"$TMP/one-way.csv")" -eq 1 ] ||
  fail "the one-direction query found rows: the example no longer shows why both are asked"
echo "symmetric: $(($(wc -l <"$TMP/met.csv") - 1)) meetings of Vladimir Putin found both ways, none one way"
