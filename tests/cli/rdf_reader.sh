# The one reader of Turtle, TriG, N-Triples and N-Quads (src/rdf/, issue 13),
# as diff and render use it: what Raptor got wrong, each case from the W3C
# suites (tests/unit/test_rdf_conformance.c runs them all).
. "$(dirname "$0")/../lib.sh"
cd "$TMP"
printf '<http://a> <http://b> <http://c> .\n' >ok.nt

# the legal \' escape of N-Triples and N-Quads is read as '
printf '<http://a/s> <http://a/p> "x\\'"'"'y" .\n' >squote.nt
printf '<http://a/s> <http://a/p> "x'"'"'y" .\n' >plain.nt
expect_status 0 "$CG_BIN" diff squote.nt plain.nt
printf '<http://a/s> <http://a/p> "x\\'"'"'y" <http://a/g> .\n' >squote.nq
printf '<http://a/s> <http://a/p> "x'"'"'y" <http://a/g> .\n' >plain.nq
expect_status 0 "$CG_BIN" diff squote.nq plain.nq

# IRI-resolution-08: ".." in a base with an empty segment ("//") removes
# only that empty segment (RFC 3986 5.2.4)
printf '@base <http://ab//de//ghi> .\n<urn:ex:s> <urn:ex:p> <../xyz>, <.?a=b> .\n' >res.ttl
printf '<urn:ex:s> <urn:ex:p> <http://ab//de/xyz> .\n<urn:ex:s> <urn:ex:p> <http://ab//de//?a=b> .\n' >res.nt
expect_status 0 "$CG_BIN" diff res.ttl res.nt

# refused, at the place, with a message in plain text
printf '<http://a/s> <http://a/p> "a\\zb" .\n' >esc.nt
expect_status 2 "$CG_BIN" diff esc.nt ok.nt
expect_stderr "esc.nt:1:30: invalid escape \`\\z'"
printf '<http://a/s> <http://a/p> "\\uD800" .\n' >sur.nt
expect_status 2 "$CG_BIN" diff sur.nt ok.nt
expect_stderr "sur.nt:1:28: a surrogate code point"
printf '_::a <http://a/p> <http://a/o> .\n' >bnode.nt
expect_status 2 "$CG_BIN" diff bnode.nt ok.nt
expect_stderr "bnode.nt:1:"
printf '<http://a/s> <http://a/p> <http://a/\\u00E9/a\\%%> .\n' >uri.nt
expect_status 2 "$CG_BIN" diff uri.nt ok.nt
expect_stderr "uri.nt:1:"
for f in esc.nt sur.nt bnode.nt uri.nt; do
  "$CG_BIN" diff "$f" ok.nt 2>err || true
  LC_ALL=C grep -q '[^ -~]' err && fail "$f: the message has bytes that are not printable ASCII"
done

# TriG: named graphs are read
printf '@prefix : <http://a/> .\n:g { :s :p :o }\n' >g.trig
printf '<http://a/s> <http://a/p> <http://a/o> <http://a/g> .\n' >g.nq
expect_status 0 "$CG_BIN" diff g.trig g.nq

# render reads through the same reader: a Turtle error is FILE:LINE:COLUMN
printf '@prefix x: <http://x/> .\nx:a x:b "open .\n' >bad.ttl
expect_status 1 "$CG_BIN" render bad.ttl -o out.dot
expect_stderr "bad.ttl:2:15: line end in short string"
[ -e out.dot ] && fail "render wrote a diagram of a graph it could not read"
true
