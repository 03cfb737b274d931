# RDF Patch compatibility (https://afs.github.io/rdf-delta/rdf-patch): the
# headers, transactions and prefix rows that diff -f patch writes and Jena's
# RDF Patch stores use, read back by patch; malformed ones named by line.
. "$CG_SOURCE_DIR/tests/lib.sh"
cd "$TMP"

cat >old.nq <<'X'
<http://ex.org/a> <http://ex.org/p> "one" <http://ex.org/g1> .
<http://ex.org/a> <http://ex.org/p> "keep" .
_:b <http://ex.org/q> <http://ex.org/a> <http://ex.org/g2> .
X
cat >new.trig <<'X'
<http://ex.org/a> <http://ex.org/p> "keep" .
<http://ex.org/g1> { <http://ex.org/a> <http://ex.org/p> "two" . }
<http://ex.org/g2> { [] <http://ex.org/q> <http://ex.org/a> . }
<http://ex.org/g3> { <http://ex.org/a> <http://ex.org/p> "new" . }
X

# the writer: H id (a version 5 style UUID), H prev when given, TX, rows with graph names, TC
expect_status 1 "$CG_BIN" diff -f patch --patch-prev urn:uuid:00000000-0000-4000-8000-000000000001 old.nq new.trig
cp "$TMP/stdout" p.rdfp
sed -n 1p p.rdfp | grep -qE '^H id <urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}> \.$' ||
  { cat p.rdfp; fail "first line is not H id <urn:uuid:...>"; }
[ "$(sed -n 2,3p p.rdfp)" = 'H prev <urn:uuid:00000000-0000-4000-8000-000000000001> .
TX .' ] || { cat p.rdfp; fail "H prev and TX"; }
[ "$(tail -n 1 p.rdfp)" = 'TC .' ] || { cat p.rdfp; fail "last line is not TC ."; }
grep -qxF 'A <http://ex.org/a> <http://ex.org/p> "new" <http://ex.org/g3> .' p.rdfp || fail "graph name lost"
grep -qxF 'D <http://ex.org/a> <http://ex.org/p> "one" <http://ex.org/g1> .' p.rdfp || fail "D row"
# deterministic: the same graphs give the same bytes; another prev, another id
"$CG_BIN" diff -f patch --patch-prev urn:uuid:00000000-0000-4000-8000-000000000001 old.nq new.trig >p2.rdfp || [ $? -eq 1 ]
cmp -s p.rdfp p2.rdfp || fail "two runs gave different patches"
"$CG_BIN" diff -f patch old.nq new.trig >p3.rdfp || [ $? -eq 1 ]
[ "$(head -n 1 p3.rdfp)" != "$(head -n 1 p.rdfp)" ] || fail "the id ignores H prev"
grep -q '^H prev' p3.rdfp && fail "H prev written without --patch-prev"
expect_status 2 "$CG_BIN" diff -f patch --patch-prev '<urn:x>' old.nq new.trig
expect_stderr "--patch-prev wants an absolute IRI"

# round trip: patch rebuilds the new graph, named graphs included; -v names the id
expect_status 0 "$CG_BIN" patch -v old.nq p.rdfp -o rebuilt.nq
expect_stderr "patch $(sed -n 1p p.rdfp | cut -d' ' -f3): 3 rows to apply"
expect_status 0 "$CG_BIN" diff rebuilt.nq new.trig
grep -qF '"new" <http://ex.org/g3> .' rebuilt.nq || fail "rebuilt graph lacks g3"

# TA: the aborted transaction's rows are not applied, the committed ones are
cat >ta.rdfp <<'X'
H id <urn:uuid:11111111-2222-5333-8444-555555555555> .
TX .
A <http://ex.org/a> <http://ex.org/p> "aborted" .
D <http://ex.org/a> <http://ex.org/p> "keep" .
TA .
TX .
A <http://ex.org/a> <http://ex.org/p> "committed" .
TC .
X
expect_status 0 "$CG_BIN" patch -v old.nq ta.rdfp -o ta.nq
expect_stderr "1 rows to apply"
grep -qF '"aborted"' ta.nq && fail "TA-aborted row was applied"
grep -qF '"keep"' ta.nq || fail "TA-aborted D row was applied"
grep -qF '"committed"' ta.nq || fail "committed row missing"

# malformed headers and transactions: FILE:LINE:COLUMN and what is wrong
bad() { # TEXT WANT-STDERR
  printf "$1" >bad.rdfp
  expect_status 2 "$CG_BIN" patch old.nq bad.rdfp -o out.nq
  expect_stderr "$2"
  [ -e out.nq ] && fail "a malformed patch wrote out.nq"
  return 0
}
bad 'TX .\nTX .\nTC .\n' 'bad.rdfp:2:1: TX inside the transaction begun on line 1'
bad 'A <http://ex.org/a> <http://ex.org/p> "x" .\nTC .\n' 'bad.rdfp:2:1: TC without a transaction'
bad 'TA .\n' 'bad.rdfp:1:1: TA without a transaction'
bad 'H id <urn:x> .\nTX .\nA <http://ex.org/a> <http://ex.org/p> "x" .\n' 'bad.rdfp:2:1: the transaction begun here is not ended'
bad 'H id .\n' 'bad.rdfp:1:6: expected a header value'
bad 'H <urn:x> <urn:y> .\n' 'bad.rdfp:1:3: expected a header key'
bad 'H id <urn:x>\n' "bad.rdfp:1:13: expected '.'"
bad 'H id <urn:x> .\nH id <urn:y> .\n' 'bad.rdfp:2:3: this header is given twice'
bad 'TX .\nTC .\nH id <urn:x> .\n' 'bad.rdfp:3:1: a header (H) must come before the rows'
bad 'H id _:b .\n' 'bad.rdfp:1:6: expected a header value (an <IRI> or a "string"), not a blank node'
bad 'TX .\nPA "ex" .\nTC .\n' "bad.rdfp:2:9: expected the prefix's IRI"
bad 'TX .\nPD ex> .\nTC .\n' 'bad.rdfp:2:4: expected a prefix'
bad 'TX\n' "bad.rdfp:1:3: expected '.'"

# the example on the RDF Patch page (Jena): H id/prev, PA rows, a transaction
cat >jena.rdfp <<'X'
H id <uuid:0686c69d-8f89-4496-acb5-744f0157a8db> .
H prev <uuid:3ee8ed2c-7d26-42fb-a1c0-2b6d9c2c4fb6> .
TX .
PA "rdf" "http://www.w3.org/1999/02/22-rdf-syntax-ns#" .
PA "owl" "http://www.w3.org/2002/07/owl#" .
PA "rdfs" "http://www.w3.org/2000/01/rdf-schema#" .
A <http://example/SubClass> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2002/07/owl#Class> .
A <http://example/SubClass> <http://www.w3.org/2000/01/rdf-schema#subClassOf> <http://example/SUPER_CLASS> .
A <http://example/SubClass> <http://www.w3.org/2000/01/rdf-schema#label> "SubClass" .
TC .
X
printf '<http://example/x> <http://example/p> "x" .\n' >base.nt
expect_status 0 "$CG_BIN" patch -v base.nt jena.rdfp -o jena.nt
expect_stderr "patch <uuid:0686c69d-8f89-4496-acb5-744f0157a8db>: 3 rows to apply"
grep -qF '<http://example/SubClass> <http://www.w3.org/2000/01/rdf-schema#label> "SubClass" .' jena.nt ||
  fail "Jena's example did not apply"
# PD and the keyword form of a prefix, ex: and <...>
printf 'TX .\nPA ex: <http://example/> .\nPD ex .\nPA ex <http://example/> .\nTC .\n' >pfx.rdfp
expect_status 0 "$CG_BIN" patch base.nt pfx.rdfp -o pfx.nt

# an old header-less patch (rows outside any transaction) still applies
printf 'D <http://ex.org/a> <http://ex.org/p> "one" <http://ex.org/g1> .\nA <http://ex.org/a> <http://ex.org/p> "two" <http://ex.org/g1> .\n' >old.rdfp
expect_status 0 "$CG_BIN" patch -v old.nq old.rdfp -o plain.nq
expect_stderr "patch (no H id): 2 rows to apply"
grep -qF '"two" <http://ex.org/g1> .' plain.nq || fail "header-less patch not applied"
echo "ok"
