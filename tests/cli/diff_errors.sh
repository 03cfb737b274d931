# Trouble: malformed graphs and patches are named FILE:LINE:COLUMN with
# status 2; a patch that does not apply gives status 1 and writes nothing.
. "$(dirname "$0")/../lib.sh"
cd "$TMP"
printf '<http://a> <http://b> <http://c> .\n' >ok.nt

printf '@prefix x: <http://x/> .\nx:a x:b x:c ;\n  x:d "unterminated .\n' >bad.ttl
expect_status 2 "$CG_BIN" diff bad.ttl ok.nt
expect_stderr "bad.ttl:3:21: line end in short string"
printf '<http://a> <http://b> <http://c> .\n<http://a> <http://b> x .\n' >bad.nt
expect_status 2 "$CG_BIN" diff ok.nt bad.nt
expect_stderr "bad.nt:2:23: "
printf '<http://a> <http://b> <http://c> <http://g> .\n<http://a> "b" <http://c> .\n' >bad.nq
expect_status 2 "$CG_BIN" diff ok.nt bad.nq
expect_stderr "bad.nq:2:"
printf '<r:RDF xmlns:r="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n<r:Description r:about="http://x">\n  </r:RDF>\n' >bad.rdf
expect_status 2 "$CG_BIN" diff bad.rdf ok.nt
expect_stderr "bad.rdf:3:3: "
printf 'x:a x:b x:c .\n' >undeclared.ttl
expect_status 2 "$CG_BIN" diff undeclared.ttl ok.nt
expect_stderr "undeclared.ttl:1:1: "
expect_status 2 "$CG_BIN" diff ok.nt missing.ttl
expect_stderr "missing.ttl: cannot open"

# malformed patches
printf 'A <http://a> <http://b> <http://d> .\nA <http://a> <http://b> "open .\n' >bad.rdfp
expect_status 2 "$CG_BIN" patch ok.nt bad.rdfp -o out.nt
expect_stderr "bad.rdfp:2:25: unterminated string"
printf 'X <http://a> <http://b> <http://d> .\n' >bad2.rdfp
expect_status 2 "$CG_BIN" patch ok.nt bad2.rdfp -o out.nt
expect_stderr "bad2.rdfp:1:1: expected H, TX, TC, TA, PA, PD, A or D"

# a patch made for another graph: status 1, the line named, nothing written
printf 'D <http://a> <http://b> <http://zzz> .\nA <http://a> <http://b> <http://c> .\n' >wrong.rdfp
expect_status 1 "$CG_BIN" patch ok.nt wrong.rdfp -o out.nt
expect_stderr "wrong.rdfp:1:1: does not apply: deletes"
expect_stderr "wrong.rdfp:2:1: does not apply: adds"
[ -e out.nt ] && fail "a patch that does not apply wrote its output"

# the previous output stays when patching fails
cp ok.nt keep.nt
expect_status 2 "$CG_BIN" patch ok.nt bad.rdfp -o keep.nt
cmp ok.nt keep.nt || fail "a failed patch touched the old output"
true
