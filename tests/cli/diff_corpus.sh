# Properties on real graphs: the shared corpus built with the default rules
# and with a copy missing some relation rules.  patch(OLD, diff(OLD, NEW))
# is NEW; diff(A, A) is empty for every graph built here; a graph rewritten
# by rapper in another syntax diffs as equal.
. "$(dirname "$0")/../lib.sh"
need_shared
cd "$CG_SOURCE_DIR"

# NEW's rules: the default ones without the metWith and supports rules
mkdir "$TMP/rules-less"
cp rules/*.yaml "$TMP/rules-less/"
awk '/^  - id: / { skip = ($3 ~ /^(met-with|supports)/) } !skip' \
  rules/relations.yaml >"$TMP/rules-less/relations.yaml"
cmp -s rules/relations.yaml "$TMP/rules-less/relations.yaml" && fail "no rule was removed"

"$CG_BIN" build -q --rules rules -o "$TMP/old.ttl" -o "$TMP/old.nt" -o "$TMP/old.nq" \
  "$CG_SHARED_DIR/corpus"
"$CG_BIN" build -q --rules "$TMP/rules-less" -o "$TMP/new.ttl" -o "$TMP/new.nt" \
  "$CG_SHARED_DIR/corpus"
cd "$TMP"
rapper -q -i turtle -o rdfxml old.ttl >old-rapper.rdf
rapper -q -i turtle -o ntriples old.ttl >old-rapper.nt
rapper -q -i ntriples -o turtle old.nt >old-rapper.ttl
rapper -q -i rdfxml -o turtle old-rapper.rdf >old-rapper2.ttl

for g in old.ttl old.nt old.nq old-rapper.rdf old-rapper.nt old-rapper.ttl old-rapper2.ttl \
         new.ttl new.nt; do
  expect_status 0 "$CG_BIN" diff -f patch "$g" "$g"
  [ -s "$TMP/stdout" ] && fail "diff($g, $g) is not empty"
done
for g in old.nt old-rapper.rdf old-rapper.nt old-rapper.ttl old-rapper2.ttl; do
  expect_status 0 "$CG_BIN" diff old.ttl "$g"
done

# the rules removed relations: the summary says which, with their quotes
expect_status 1 "$CG_BIN" diff old.ttl new.ttl
grep -Eq '^relations +0 +[1-9]' "$TMP/stdout" || fail "no relation counted as removed"
grep -q '^- .* metWith ' "$TMP/stdout" || fail "the summary lacks a removed metWith"
grep -q '^    "' "$TMP/stdout" || fail "the summary lacks quotes"
expect_status 1 "$CG_BIN" diff -f svg -o changes.svg old.ttl new.ttl
grep -q '#d73027' changes.svg || fail "removed relations are not red"

# patch(OLD, diff(OLD, NEW)) == NEW, both ways, through several syntaxes
for pair in "old.ttl new.nt" "new.ttl old-rapper.rdf" "old.nq new.ttl"; do
  set -- $pair
  set +e; "$CG_BIN" diff -f patch "$1" "$2" >p.rdfp; st=$?; set -e
  [ "$st" -eq 1 ] || fail "diff $1 $2 exited $st"
  for ext in ttl nt; do
    expect_status 0 "$CG_BIN" patch "$1" p.rdfp -o "patched.$ext"
    expect_status 0 "$CG_BIN" diff -f patch "patched.$ext" "$2"
  done
done
true
