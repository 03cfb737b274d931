# Each diagram filter on the example corpus: the nodes and edges drawn are
# those an independent reading of the N-Triples output expects (awk,
# below), from `build` and from `render`; layouts and clusters; bad values.
# One build only: under the sanitizers loading the rules takes long.
. "$(dirname "$0")/../lib.sh"
cd "$CG_SOURCE_DIR"
"$CG_BIN" build -q --rules rules -o "$TMP/g.nt" -o "$TMP/g.ttl" -o "$TMP/b.svg" \
  --focus north-korea --predicates deploysTroopsTo examples

count() { xmllint --xpath "count(//*[local-name()=\"g\"][@class=\"$2\"])" "$1"; }

# expected TYPES PREDICATES MIN EXCLUDE FOCUS DEPTH: "nodes edges" (lists
# comma-separated, "-" for none).  An edge is a related pair in one direction,
# or either for symmetric predicates; support counts the evidence that does
# not deny the relation.
expected() {
  awk -v types="$1" -v preds="$2" -v min="$3" -v excl="$4" -v focus="$5" -v depth="$6" \
      -v base="${BASE}entity/" -v vocab="$VOCAB" '
  function id(iri) { gsub(/[<>]/, "", iri); sub(base, "", iri); return iri }
  function local(iri) { gsub(/[<>]/, "", iri); sub(vocab, "", iri); return iri }
  function listed(list, x) { return list == "-" || index("," list ",", "," x ",") > 0 }
  $2 ~ /22-rdf-syntax-ns#type>$/ && $1 ~ base && $3 ~ vocab { type[id($1)] = local($3) }
  $3 == "<http://www.w3.org/2002/07/owl#SymmetricProperty>" { sym[local($1)] = 1 }
  $2 ~ /#subject>$/ { es[$1] = id($3) }
  $2 ~ /#predicate>$/ { ep[$1] = local($3) }
  $2 ~ /#object>$/ { eo[$1] = id($3) }
  $2 ~ /ns#negated>$/ && $3 ~ /true/ { denied[$1] = 1 }
  END {
    for (e in es) if (!(e in denied)) support[es[e] SUBSEP ep[e] SUBSEP eo[e]]++
    for (x in type) keep[x] = listed(types, type[x]) && (excl == "-" || !listed(excl, x))
    for (r in support) {
      split(r, t, SUBSEP)
      if (keep[t[1]] && keep[t[3]] && listed(preds, t[2]) && support[r] >= min) rel[r] = 1
    }
    edgefilter = preds != "-" || min > 1 || focus != "-"
    if (focus != "-") {
      dist[focus] = 0
      for (d = 0; d < depth; d++)
        for (r in rel) {
          split(r, t, SUBSEP)
          if ((t[1] in dist) && dist[t[1]] == d && !(t[3] in dist)) dist[t[3]] = d + 1
          if ((t[3] in dist) && dist[t[3]] == d && !(t[1] in dist)) dist[t[1]] = d + 1
        }
      for (x in keep) keep[x] = keep[x] && (x in dist)
      for (r in rel) { split(r, t, SUBSEP); if (!keep[t[1]] || !keep[t[3]]) delete rel[r] }
    }
    for (r in rel) {
      split(r, t, SUBSEP)
      edge[t[1] SUBSEP t[3] SUBSEP (t[2] in sym)] = 1
      linked[t[1]] = linked[t[3]] = 1
    }
    for (x in keep) nodes += keep[x] && (!edgefilter || (x in linked) || x == focus)
    for (e in edge) edges++
    print nodes + 0, edges + 0
  }' "$TMP/g.nt"
}

# check NAME TYPES PREDICATES MIN EXCLUDE FOCUS DEPTH -- OPTIONS...
# (not $want or $got: expect_status uses those)
check() {
  name=$1; counts=$(expected "$2" "$3" "$4" "$5" "$6" "$7"); shift 8
  expect_status 0 "$CG_BIN" render "$TMP/g.ttl" -o "$TMP/f.svg" "$@"
  xmllint --noout "$TMP/f.svg" || fail "$name: not XML"
  drawn="$(count "$TMP/f.svg" node) $(count "$TMP/f.svg" edge)"
  [ "$drawn" = "$counts" ] || fail "$name ($*): nodes and edges $drawn, want $counts"
  echo "ok: $name: $drawn"
}

all=$(expected - - 0 - - 0)
check "no filter" - - 0 - - 0 --
check "--types" Person,Country - 0 - - 0 -- --types Person,Country
check "--predicates" - metWith,officialOf 0 - - 0 -- --predicates metWith,officialOf
check "--predicates twice" - metWith,officialOf 0 - - 0 -- --predicates metWith --predicates officialOf
check "--min-evidence" - - 2 - - 0 -- --min-evidence 2
check "--exclude" - - 0 russia,north-korea - 0 -- --exclude russia --exclude north-korea
check "--focus" - - 0 - north-korea 1 -- --focus north-korea
check "--focus --depth 2" - - 0 - north-korea 2 -- --focus north-korea --depth 2
check "--focus --depth 0" - - 0 - north-korea 0 -- --focus north-korea --depth 0
check "all at once" Person,Country officialOf,criticizes,metWith 1 russia vladimir-putin 2 -- \
  --types Person,Country --predicates officialOf,criticizes,metWith --min-evidence 1 \
  --exclude russia --focus vladimir-putin --depth 2
[ "$(expected - - 0 - north-korea 1)" != "$all" ] || fail "the focus filtered nothing"
[ "$(expected - - 2 - - 0)" != "$all" ] || fail "--min-evidence 2 filtered nothing"

# --max-nodes: that many nodes, and no entity left out has more evidence
# (supporting, not denied, quotes of its relations) than one drawn
evidence() {
  awk -v base="${BASE}entity/" '
  function id(iri) { gsub(/[<>]/, "", iri); sub(base, "", iri); return iri }
  $2 ~ /#subject>$/ { es[$1] = id($3) }
  $2 ~ /#object>$/ { eo[$1] = id($3) }
  $2 ~ /ns#negated>$/ && $3 ~ /true/ { denied[$1] = 1 }
  END { for (e in es) if (!(e in denied)) { n[es[e]]++; n[eo[e]]++ }
        for (x in n) print x, n[x] }' "$TMP/g.nt" | sort
}
evidence >"$TMP/ev"
for max in 3 8; do
  expect_status 0 "$CG_BIN" render "$TMP/g.ttl" -o "$TMP/m.svg" --max-nodes "$max"
  expect_stderr "drawing the $max entities with most evidence of"
  [ "$(count "$TMP/m.svg" node)" -eq "$max" ] || fail "--max-nodes $max drew $(count "$TMP/m.svg" node) nodes"
  xmllint --xpath '//*[local-name()="g"][@class="node"]/*[local-name()="title"]/text()' "$TMP/m.svg" |
    sed 's/&#45;/-/g' | sort >"$TMP/drawn"
  least_drawn=$(join "$TMP/drawn" "$TMP/ev" | awk 'NR == 1 || $2 < m { m = $2 } END { print m + 0 }')
  most_left=$(join -v 2 "$TMP/drawn" "$TMP/ev" | awk '$2 > m { m = $2 } END { print m + 0 }')
  [ "$least_drawn" -ge "$most_left" ] ||
    fail "--max-nodes $max left out an entity with $most_left quotes, drew one with $least_drawn"
  echo "ok: --max-nodes $max: least evidence drawn $least_drawn, most left out $most_left"
done
expect_status 0 "$CG_BIN" render "$TMP/g.ttl" -o "$TMP/m.svg" --max-nodes 0
[ "$(count "$TMP/m.svg" node) $(count "$TMP/m.svg" edge)" = "$all" ] || fail "--max-nodes 0 is not 'no limit'"
expect_status 0 "$CG_BIN" render "$TMP/g.ttl" -o "$TMP/m.svg" --max-nodes 2 --focus ukraine
xmllint --xpath '//*[local-name()="g"][@class="node"]/*[local-name()="title"]/text()' "$TMP/m.svg" |
  grep -qx ukraine || fail "--max-nodes dropped the focus"

# build takes the same options (for its diagram outputs)
[ "$(count "$TMP/b.svg" node) $(count "$TMP/b.svg" edge)" = "$(expected - deploysTroopsTo 0 - north-korea 1)" ] ||
  fail "build --focus --predicates draws another graph"

# layouts and clusters
for layout in dot neato sfdp; do
  expect_status 0 "$CG_BIN" render "$TMP/g.ttl" -o "$TMP/l.svg" --layout "$layout"
  [ "$(count "$TMP/l.svg" node) $(count "$TMP/l.svg" edge)" = "$all" ] || fail "--layout $layout"
done
expect_status 0 "$CG_BIN" render "$TMP/g.ttl" -o "$TMP/c.svg" --cluster type
types=$(grep "^<${BASE}entity/" "$TMP/g.nt" | grep "22-rdf-syntax-ns#type> <${VOCAB}" | awk '{print $3}' | sort -u | wc -l)
[ "$(count "$TMP/c.svg" cluster)" -eq "$types" ] || fail "--cluster type: not one box per type"
expect_status 0 "$CG_BIN" render "$TMP/g.ttl" -o "$TMP/c.svg" --cluster type --layout sfdp
expect_stderr "dot layout only"
[ "$(count "$TMP/c.svg" cluster)" -eq 0 ] || fail "sfdp drew clusters"
# neato and sfdp give the same bytes twice
"$CG_BIN" render "$TMP/g.ttl" -o "$TMP/n1.svg" --layout neato
"$CG_BIN" render "$TMP/g.ttl" -o "$TMP/n2.svg" --layout neato
cmp -s "$TMP/n1.svg" "$TMP/n2.svg" || fail "neato is not reproducible"

# bad values: usage (2); a focus the graph lacks: nothing written (1)
for bad in "--layout circo" "--cluster kind" "--depth -1" "--depth x" "--min-evidence 1e3" \
           "--max-nodes -5" "--max-nodes many"; do
  # shellcheck disable=SC2086
  expect_status 2 "$CG_BIN" render "$TMP/g.ttl" -o "$TMP/x.svg" $bad
  expect_stderr "Try 'claimgraph render --help'"
done
expect_status 1 "$CG_BIN" render "$TMP/g.ttl" -o "$TMP/x.svg" --focus nobody
expect_stderr "the focus 'nobody' is no entity of the graph"
[ -e "$TMP/x.svg" ] && fail "a failed render left a file"
expect_status 0 "$CG_BIN" render "$TMP/g.ttl" -o "$TMP/x.svg" --types Robot
expect_stderr "the graph has no entity type 'Robot'"
expect_status 0 "$CG_BIN" render --help
grep -q -- "--min-evidence N" "$TMP/stdout" || fail "render --help lacks the diagram options"
expect_status 0 "$CG_BIN" build --help
grep -q -- "--focus ENTITY" "$TMP/stdout" || fail "build --help lacks the diagram options"
