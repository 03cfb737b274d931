# Issue 13's RDF layer: N-Quads and TriG put each document's evidence in a
# named graph (the document's IRI), NIF as NIF tools read it (a nif:Context
# per document, nif:referenceContext on every offset-bearing resource), the
# formats hold one dataset, and graphs written before still read.
. "$(dirname "$0")/../lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
OLD=$CG_SOURCE_DIR/tests/data/old-layout
cd "$CG_SOURCE_DIR"  # relative document paths, as the old fixture has

build() { "$CG_BIN" build -q --rules rules "$@"; }

expect_status 0 build -o "$TMP/g.nq" -o "$TMP/g.trig" -o "$TMP/g.nt" -o "$TMP/g.ttl" examples
# 1. Evidence in its document's graph, NIF contexts and references.
python3 "$here/rdf_layout.py" "$TMP/g.nq" "$CG_SOURCE_DIR" || fail "the N-Quads layout is wrong"
# A base ending in '#' (ids after it): still one '#' per IRI.
expect_status 0 build --base 'http://x.org/ns#' -o "$TMP/hash.nq" examples/02-treaty.txt
python3 "$here/rdf_layout.py" "$TMP/hash.nq" "$CG_SOURCE_DIR" || fail "the layout is wrong under a '#' base"
! grep -q "<[^>]*#[^>]*#[^>]*>" "$TMP/hash.nq" || fail "an IRI with two '#' under a '#' base"
# 2. TriG parses and is the same dataset as the N-Quads; N-Triples and
#    Turtle hold the same triples with the graph names dropped.
rapper -q -i trig -o nquads "$TMP/g.trig" | sort >"$TMP/trig.sorted" ||
  fail "rapper cannot read the TriG"
sort "$TMP/g.nq" >"$TMP/nq.sorted"
cmp -s "$TMP/trig.sorted" "$TMP/nq.sorted" || {
  diff "$TMP/nq.sorted" "$TMP/trig.sorted" | head >&2; fail "the TriG is not the N-Quads' dataset"; }
grep -q " <${BASE}document/[0-9a-f]*> \.\$" "$TMP/g.nq" || fail "the N-Quads have no named graph"
# (a default-graph line ends in an IRI object too: only named lines lose one)
grep -v " <${BASE}document/[0-9a-f]*> \.\$" "$TMP/g.nq" | sort >"$TMP/default"
{ grep " <${BASE}document/[0-9a-f]*> \.\$" "$TMP/g.nq" | sed 's| <[^>]*> \.$| .|'
  cat "$TMP/default"; } | sort -u >"$TMP/nq.triples"
sort -u "$TMP/g.nt" >"$TMP/nt.sorted"
cmp -s "$TMP/nq.triples" "$TMP/nt.sorted" || fail "the N-Quads without graph names are not the N-Triples"
rapper -q -i turtle -o ntriples "$TMP/g.ttl" | sort -u | cmp -s - "$TMP/nt.sorted" ||
  fail "the Turtle is not the N-Triples"
# 3. Deterministic bytes, whatever -j.
expect_status 0 build -j 3 -o "$TMP/h.nq" -o "$TMP/h.trig" examples
cmp "$TMP/g.nq" "$TMP/h.nq" && cmp "$TMP/g.trig" "$TMP/h.trig" || fail "N-Quads or TriG bytes vary"
# 4. The readers: render, merge and diff read N-Quads and TriG, keeping the
#    graph (merge gives the same bytes back).
for f in g.nq g.trig; do
  expect_status 0 "$CG_BIN" render "$TMP/$f" -o "$TMP/r.dot"
  expect_status 0 "$CG_BIN" merge "$TMP/$f" -o "$TMP/m.nq"
  cmp -s "$TMP/m.nq" "$TMP/g.nq" || fail "merge of $f does not give the build's N-Quads back"
done
# Shards (one as N-Quads, one as TriG) merge to one build's bytes.
expect_status 0 build --shard 1/2 -o "$TMP/s1.nq" examples
expect_status 0 build --shard 2/2 -o "$TMP/s2.trig" examples
expect_status 0 "$CG_BIN" merge "$TMP/s1.nq" "$TMP/s2.trig" -o "$TMP/m.nq" -o "$TMP/m.trig"
cmp -s "$TMP/m.nq" "$TMP/g.nq" && cmp -s "$TMP/m.trig" "$TMP/g.trig" ||
  fail "merged shards are not one build's N-Quads and TriG"
# -f trig to standard output; --help names the format.
expect_status 0 build -f trig -o - examples
cmp -s "$TMP/stdout" "$TMP/g.trig" || fail "-f trig -o - is not the .trig file"
expect_status 0 "$CG_BIN" build --help
grep -q "nquads, trig," "$TMP/stdout" || fail "build --help does not name trig"
expect_status 0 "$CG_BIN" diff "$TMP/g.nq" "$TMP/g.trig"
expect_status 0 "$CG_BIN" diff "$TMP/g.nq" "$TMP/h.nq"
# diff compares quads: a change shows in its document's graph.
mkdir "$TMP/ex"
cp examples/*.txt "$TMP/ex/"
sed 's/have reached/have now reached/' examples/01-troops-kursk.txt >"$TMP/ex/01-troops-kursk.txt"
expect_status 0 build -o "$TMP/e1.nq" "$TMP/ex"
cp examples/01-troops-kursk.txt "$TMP/ex/"
expect_status 0 build -o "$TMP/e0.nq" "$TMP/ex"
expect_status 1 "$CG_BIN" diff -f patch "$TMP/e0.nq" "$TMP/e1.nq"
doc=$(grep "ns#path> \"[^\"]*/01-troops-kursk.txt\" \.\$" "$TMP/e0.nq" | cut -d' ' -f1)
[ -n "$doc" ] || fail "no document for 01-troops-kursk.txt in the N-Quads"
grep -q "^A <${BASE}evidence/[0-9a-f]*> <[^>]*> .* $doc \.\$" "$TMP/stdout" ||
  fail "the patch does not add evidence in the changed document's graph $doc"
! grep '^[AD] ' "$TMP/stdout" | grep -v " $doc \.\$" | grep -q . ||
  fail "the patch changes more than the changed document's graph"
# patch cannot write TriG (Raptor has no TriG writer): it says so.
"$CG_BIN" diff -f patch "$TMP/e0.nq" "$TMP/e1.nq" >"$TMP/p.rdfp" || true
expect_status 2 "$CG_BIN" patch "$TMP/e0.nq" "$TMP/p.rdfp" -o "$TMP/p.trig"
expect_stderr "patch cannot write TriG: use .nq (N-Quads, the same named graphs)"
expect_status 0 "$CG_BIN" patch "$TMP/e0.nq" "$TMP/p.rdfp" -o "$TMP/p.nq"
expect_status 0 "$CG_BIN" diff "$TMP/p.nq" "$TMP/e1.nq"
# 5. Graphs of the previous layout (no NIF context) still read: render,
#    merge and diff take them, and a new build of the same document only
#    adds the NIF statements.
for f in graph.ttl graph.nt; do
  expect_status 0 "$CG_BIN" render "$OLD/$f" -o "$TMP/old.svg"
  expect_status 0 "$CG_BIN" merge "$OLD/$f" -o "$TMP/old-merged.nt"
  sort -u "$TMP/old-merged.nt" >"$TMP/old-merged.sorted"
  [ -z "$(sort -u "$OLD/graph.nt" | comm -23 - "$TMP/old-merged.sorted")" ] ||
    fail "merging the old $f lost statements"
done
expect_status 0 build -o "$TMP/new.nt" examples/02-treaty.txt
expect_status 1 "$CG_BIN" diff -f patch "$OLD/graph.ttl" "$TMP/new.nt"
! grep -q "^D " "$TMP/stdout" || fail "the new layout removes statements of the old"
! grep "^A " "$TMP/stdout" | grep -qv "nif-core#" ||
  fail "the new layout adds more than NIF statements"
# An old shard merges with a new one: the same as one new build, but for
# the old document's length, which the old graph does not give.
expect_status 0 build -o "$TMP/other.nt" examples/03-washington.txt
expect_status 0 build -o "$TMP/two.nt" examples/02-treaty.txt examples/03-washington.txt
expect_status 0 "$CG_BIN" merge "$OLD/graph.ttl" "$TMP/other.nt" -o "$TMP/both.nt"
old_doc=$(grep "ns#path> \"examples/02-treaty.txt\" \.\$" "$OLD/graph.nt" | cut -d' ' -f1)
grep -vF "${old_doc%>}#context> <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex>" \
  "$TMP/two.nt" | cmp -s - "$TMP/both.nt" ||
  fail "merging an old and a new graph is not one new build (but the old document's length)"
echo "ok: named graphs, NIF contexts, one dataset in every format, old graphs read"
