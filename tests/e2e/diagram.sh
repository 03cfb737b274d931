# The diagram of the example corpus, read as XML: well-formed, with a
# legend, tooltips that quote the evidence and list aliases, links to the
# documents (that resolve) and to sameAs IRIs, symmetric edges without
# arrowheads; the same from `render` of the Turtle; and the HTML report.
. "$(dirname "$0")/../lib.sh"
cd "$CG_SOURCE_DIR"
"$CG_BIN" build -q --rules "$CG_SOURCE_DIR/rules" -o "$TMP/g.svg" -o "$TMP/g.ttl" \
  -o "$TMP/g.nt" -o "$TMP/g.html" "$CG_SOURCE_DIR/examples"
xmllint --noout "$TMP/g.svg" || fail "the SVG is not well-formed XML"

# xpath FILE EXPR: the string value of EXPR (elements by local name: SVG has
# a default namespace that xmllint --xpath cannot bind)
xpath() { xmllint --xpath "$2" "$1" 2>/dev/null || true; }
G='*[local-name()="g"]'
T='*[local-name()="title"]'
TEXT='*[local-name()="text"]'
edge() { echo "//$G[@class=\"edge\"][$T=\"$1\"]"; }
node() { echo "//$G[@class=\"node\"][$T=\"$1\"]"; }
tip() { xpath "$1" "string($2//*[local-name()=\"a\"]/@*[local-name()=\"title\"])"; }
href() { xpath "$1" "string($2//*[local-name()=\"a\"]/@*[local-name()=\"href\"])"; }
has() { case $1 in *"$2"*) ;; *) fail "$3 lacks '$2': $1" ;; esac; }

# one node per entity, one edge per related pair and direction
entities=$(grep "^<${BASE}entity/" "$TMP/g.nt" | grep -c "22-rdf-syntax-ns#type> <${VOCAB}")
[ "$(xpath "$TMP/g.svg" "count(//$G[@class=\"node\"])")" -eq "$entities" ] ||
  fail "$entities entities but $(xpath "$TMP/g.svg" "count(//$G[@class=\"node\"])") nodes"
[ "$(xpath "$TMP/g.svg" "count(//$G[@class=\"edge\"])")" -gt 20 ] || fail "too few edges"

# the legend: every type drawn and every predicate, as text of the graph
for word in Entities Relations Person Country Organization Place ellipse box hexagon house \
  officialOf deploysTroopsTo metWith; do
  n=$(xpath "$TMP/g.svg" "count(//$G[@class=\"graph\"]/$TEXT[normalize-space()=\"$word\" or starts-with(normalize-space(), \"$word \")])")
  [ "$n" -ge 1 ] || fail "the legend lacks '$word'"
done

# an edge's tooltip: its predicates, quotes with documents, the first three
# (as many quotes as the RDF has evidence for the relation)
n=$(awk -v s="<${BASE}entity/north-korea>" -v p="<${VOCAB}deploysTroopsTo>" \
        -v o="<${BASE}entity/russia>" '
  $2 ~ /#subject>$/ && $3 == s { hit[$1]++ } $2 ~ /#predicate>$/ && $3 == p { hit[$1]++ }
  $2 ~ /#object>$/ && $3 == o { hit[$1]++ }
  END { for (e in hit) n += hit[e] == 3; print n + 0 }' "$TMP/g.nt")
[ "$n" -gt 3 ] || fail "the examples have $n quotes for north-korea deploysTroopsTo russia"
t=$(tip "$TMP/g.svg" "$(edge 'north-korea->russia')")
has "$t" "North Korea → Russia" "north-korea->russia's tooltip"
has "$t" "deploysTroopsTo: $n quotes" "north-korea->russia's tooltip"
has "$t" "/examples/0" "north-korea->russia's tooltip"
has "$t" "and $((n - 3)) more" "north-korea->russia's tooltip"

# a node's tooltip: aliases seen and mentions
t=$(tip "$TMP/g.svg" "$(node north-korea)")
has "$t" "mentioned " "north-korea's tooltip"
has "$t" "Pyongyang" "north-korea's tooltip"
has "$t" "Hermit Kingdom" "north-korea's tooltip"

# links: an edge to its first document (relative to the SVG, and there), a
# node to its sameAs
h=$(href "$TMP/g.svg" "$(edge 'north-korea->russia')")
case $h in /* | *://*) fail "the edge's link is not relative: $h" ;; esac
[ -f "$TMP/$h" ] || fail "the edge's link $h does not lead to the document from $TMP"
[ "$(href "$TMP/g.svg" "$(node north-korea)")" = http://www.wikidata.org/entity/Q423 ] ||
  fail "north-korea does not link to its sameAs"

# symmetric: no arrowheads (polygons); directed: one
[ "$(xpath "$TMP/g.svg" "count($(edge 'russia->ukraine')//*[local-name()=\"polygon\"])")" -eq 0 ] ||
  fail "russia -atWarWith- ukraine has an arrowhead"
[ "$(xpath "$TMP/g.svg" "count($(edge 'iran->russia')//*[local-name()=\"polygon\"])")" -eq 1 ] ||
  fail "iran suppliesArmsTo russia has no arrowhead"

# dashed: the edges none of whose quotes states the relation as a fact
dashed="//$G[@class=\"edge\"][.//*[local-name()=\"path\"][@stroke-dasharray]]"
nd=$(xpath "$TMP/g.svg" "count($dashed)")
[ "$nd" -ge 1 ] || fail "no dashed edge, yet the examples have reported and planned claims"
for i in $(seq 1 "$nd"); do
  t=$(tip "$TMP/g.svg" "($dashed)[$i]")
  printf '%s\n' "$t" | grep '^“' | grep -qv '\]$' && fail "a dashed edge has a plain quote: $t"
done

# render of the Turtle: the same aliases and quotes
expect_status 0 "$CG_BIN" render "$TMP/g.ttl" -o "$TMP/r.svg"
xmllint --noout "$TMP/r.svg" || fail "the rendered SVG is not well-formed XML"
has "$(tip "$TMP/r.svg" "$(node north-korea)")" "Pyongyang" "north-korea's rendered tooltip"
has "$(tip "$TMP/r.svg" "$(edge 'north-korea->russia')")" "and $((n - 3)) more" \
  "the rendered edge tooltip"

# the HTML report: one file, the SVG inside, a row per relation drawn
relations=$(xpath "$TMP/g.svg" "count(//$G[@class=\"edge\"])")
grep -q '^<!DOCTYPE html>' "$TMP/g.html" || fail "the report is not HTML"
grep -q '<svg' "$TMP/g.html" || fail "the report lacks the SVG"
if grep -Eq '<(img|link|iframe|object|embed|image)[ >]| src=|url\(|@import' "$TMP/g.html"; then
  fail "the report loads a resource of its own"
fi
[ "$(grep -c '^<tr>' "$TMP/g.html")" -ge "$relations" ] || fail "fewer rows than edges"
echo "ok: diagram of $entities entities, legend, tooltips, links, report"
