# The README's main job: the bundled examples with the default rules give a
# valid Turtle graph holding the relations examples/README.md lists, and an
# SVG diagram with labelled nodes and edges.
. "$(dirname "$0")/../lib.sh"
cd "$CG_SOURCE_DIR"
expect_status 0 "$CG_BIN" build -q --rules rules -o "$TMP/graph.ttl" -o "$TMP/graph.svg" \
  -o "$TMP/graph.nt" examples
rapper -q -i turtle -c "$TMP/graph.ttl" 2>"$TMP/rapper" || { cat "$TMP/rapper"; fail "rapper rejects the Turtle"; }
n=$(rapper -q -i turtle -o ntriples "$TMP/graph.ttl" | wc -l)
[ "$n" -eq "$(wc -l <"$TMP/graph.nt")" ] || fail "Turtle and N-Triples outputs differ in size"
# examples/README.md lists, under "### FILE", the triples each article holds.
n=0
awk '/^### /{file=$2} /^    [a-z0-9-]+ [a-zA-Z]+ [a-z0-9-]+$/{print file, $1, $2, $3}' \
  examples/README.md >"$TMP/expected"
while read -r file s p o; do
  [ -f "$TMP/$file.nt" ] ||
    "$CG_BIN" build -q --rules rules -f ntriples -o "$TMP/$file.nt" "examples/$file"
  has_triple "$TMP/$file.nt" "$s" "$p" "$o"
  has_triple "$TMP/graph.nt" "$s" "$p" "$o"
  n=$((n + 1))
done <"$TMP/expected"
[ "$n" -ge 20 ] || fail "examples/README.md lists only $n triples"
for p in officialOf deploysTroopsTo suppliesArmsTo hasAgreementWith metWith supports criticizes atWarWith; do
  grep -q " $p " "$TMP/expected" || fail "no example of $p in examples/README.md"
done
xmllint --noout "$TMP/graph.svg" || fail "the SVG is not well-formed XML"
for label in "Kim Jong Un" "Russia" "deploysTroopsTo"; do
  grep -qF "$label" "$TMP/graph.svg" || fail "the SVG lacks '$label'"
done
grep -q '<g id="edge' "$TMP/graph.svg" || fail "the SVG has no edges"
