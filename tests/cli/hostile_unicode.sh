# Hostile Unicode: a document whose quote holds the noncharacters U+FFFE
# and U+FFFF (and U+FDD0, U+1FFFE, U+10FFFF), a right-to-left override and a
# stray pop-directional-isolate, named with U+FFFF and U+202E, among a good
# document.  Every output is written, parses, and keeps each character
# (RDF) or stands in U+FFFD for what XML cannot hold (SVG, HTML); the quote
# and the file name are bidi-isolated in the SVG tooltips and the report.
. "$(dirname "$0")/../lib.sh"
cd "$TMP"
RULES=$CG_SOURCE_DIR/rules

mkdir docs
# FFFE FFFF, FDD0, 1FFFE, 10FFFF, RLO 'evil' PDI: before the sentence's claim
noise='\357\277\276\357\277\277 \357\267\220 \360\237\277\276 \364\217\277\277 \342\200\256evil\342\201\251'
name="docs/n$(printf '\357\277\277\342\200\256')k.txt"
printf "$noise"' North Korea has sent around 12,000 soldiers to Russia.\n' >"$name"
printf 'Vladimir Putin met Kim Jong Un in Pyongyang.\n' >docs/good.txt

expect_status 0 "$CG_BIN" build --rules "$RULES" -o g.ttl -o g.nt -o g.nq -o g.dot -o g.svg \
  -o g.html -o g.png docs
expect_stderr "2 documents read, 0 skipped"
expect_stderr "2 relations"

# RDF: each syntax parses, holds the good document's relation, and gives the
# quote and the file name back exactly (N-Triples escapes decoded).
for f in turtle:g.ttl ntriples:g.nt nquads:g.nq; do
  rapper -q -i "${f%%:*}" -c "${f#*:}" || fail "${f#*:} does not parse"
done
has_triple g.nt kim-jong-un metWith vladimir-putin
cat >check.py <<'PY'
import re, sys
quote = ("\ufffe\uffff \ufdd0 \U0001fffe \U0010ffff \u202eevil\u2069"
         " North Korea has sent around 12,000 soldiers to Russia.")
path = "docs/n\uffff\u202ek.txt"
def unescape(s):
    return re.sub(r"\\u([0-9A-F]{4})|\\U([0-9A-F]{8})|\\(.)",
                  lambda m: chr(int(m.group(1) or m.group(2), 16)) if m.group(3) is None
                  else {"n": "\n", "r": "\r", "t": "\t"}.get(m.group(3), m.group(3)), s)
got = {}
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r'\S+ <https://w3id.org/claimgraph/ns#(quote|path)> "(.*)" ', line)
    if m:
        got.setdefault(m.group(1), []).append(unescape(m.group(2)))
assert quote in got.get("quote", []), ("quote", got.get("quote"))
assert path in got.get("path", []), ("path", got.get("path"))
PY
python3 check.py g.nt || fail "g.nt does not keep the quote or the path"
python3 check.py g.nq || fail "g.nq does not keep the quote or the path"
# Turtle holds the same graph as N-Triples (claimgraph diff reads both).
expect_status 0 "$CG_BIN" diff g.nt g.ttl

# What XML cannot hold: U+FFFE/U+FFFF.  SVG, the report and DOT have none.
for f in g.svg g.html g.dot; do
  if grep -q "$(printf '\357\277[\276\277]')" "$f"; then fail "$f holds U+FFFE or U+FFFF"; fi
done
xmllint --noout g.svg || fail "g.svg is not well-formed XML"

# Bidi: in the tooltips the quote and the file name are each isolated
# (U+2068 ... U+2069, balanced), and in the report each sits in <bdi>.
cat >bidi.py <<'PY'
import html, re, sys
FSI, PDI = "\u2068", "\u2069"
def balanced(t):
    depth = 0
    for c in t:
        depth += c in "\u2066\u2067\u2068"
        depth -= c == PDI
        if depth < 0:
            return False
    return depth == 0
text = open(sys.argv[1], encoding="utf-8").read()
tips = [html.unescape(t) for t in re.findall(r'title="([^"]*soldiers[^"]*)"', text)]
assert tips, "no tooltip quotes the soldiers"
for tip in tips:
    m = re.search("\u201c(.*)\u201d \\((.*)\\)", tip)
    assert m, tip
    for part in m.groups():
        assert part.startswith(FSI) and part.endswith(PDI) and balanced(part[1:-1]), repr(part)
PY
python3 bidi.py g.svg || fail "g.svg: a quote or a file name is not isolated"
grep -q '<q><bdi>[^<]*evil[^<]*soldiers[^<]*</bdi></q>' g.html || fail "g.html: the quote is not in <bdi>"
grep -q "<bdi>docs/n[^<]*k.txt</bdi>" g.html || fail "g.html: the file name is not in <bdi>"

# Read back: render's diagram, diff's diagram and a patch round trip.
expect_status 0 "$CG_BIN" render g.ttl -o r.svg
xmllint --noout r.svg || fail "render: r.svg is not well-formed XML"
python3 bidi.py r.svg || fail "r.svg: a quote or a file name is not isolated"
expect_status 0 "$CG_BIN" build -q --rules "$RULES" -o good.ttl docs/good.txt
expect_status 1 "$CG_BIN" diff -f svg -o d.svg good.ttl g.ttl
xmllint --noout d.svg || fail "diff: d.svg is not well-formed XML"
expect_status 1 "$CG_BIN" diff -f patch -o p.rdfp good.ttl g.ttl
for ext in ttl nt nq; do
  expect_status 0 "$CG_BIN" patch good.ttl p.rdfp -o "p.$ext"
  expect_status 0 "$CG_BIN" diff g.nt "p.$ext"
done
python3 check.py p.nt || fail "patch: p.nt does not keep the quote or the path"

# Surrogates passed as escapes are no characters (the W3C suites' bad
# numeric escapes): the file is refused at the escape, and nothing is written.
printf '<http://a/x> <http://b/p> "s\\uD83D\\uDE00 \\uDC00 t" .\n' >s.nt
printf '<http://a/x> <http://b/q> <http://a/y> .\n' >s0.nt
expect_status 2 "$CG_BIN" diff -f patch -o s.rdfp s0.nt s.nt
expect_stderr "s.nt:1:29: a surrogate code point"
[ -e s.rdfp ] && fail "diff wrote a patch from a file it refused"
true
