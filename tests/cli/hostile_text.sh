# Hostile text: labels, a document name and a quote full of markup, quotes,
# backslashes, braces, newlines, control characters and non-ASCII go through
# a build into Turtle, N-Triples, N-Quads, DOT and SVG.  Each output is
# parsed back by another tool (rapper, dot/gvpr, xmllint) and must give the
# text back exactly; no element or event handler injected through a label
# may survive into the SVG.
. "$(dirname "$0")/../lib.sh"
cd "$TMP"

# One source for the hostile strings: JSON strings are YAML double-quoted
# scalars, so Python writes the rules and later checks the outputs.
cat >hostile.py <<'PY'
import json, sys
EVIL = 'Evil <script>alert(1)</script> "Corp" \\ {x} \x01\x1b\x7f é 中文 \u202e ]]> <!-- --> &bogus; <![CDATA[x]]> AT&T &amp; &#60;'
BAD = 'Bad\nGuy <img src=x onerror=alert(1)> } { | \\x \\N \\G \\l " \''
DOC = 'docs/<script>"x\\y{z}é\n\t.txt'
QUOTE = 'Evil Corp met Bad Guy <script>alert("x")</script> \\ "q" {x} \x01\x1b é 中文 \u202e.'
RULES = """entities:
  - {id: evil-corp, type: Organization, label: %s, aliases: [Evil Corp]}
  - {id: bad-guy, type: Person, label: %s, aliases: [Bad Guy]}
predicates:
  - {name: metWith, symmetric: true}
relations:
  - {id: met-with, predicate: metWith, subject: [Person, Organization],
     object: [Person, Organization], patterns: ["{subject} met {object}"]}
""" % (json.dumps(EVIL), json.dumps(BAD))

def nt_literals(path):
    """(subject, predicate) -> literal text, from N-Triples/N-Quads lines."""
    out = {}
    for line in open(path, encoding="utf-8"):
        s, p, rest = line.split(" ", 2)
        if rest.startswith('"'):
            end = rest.rindex('"')
            out[(s, p)] = json.loads('"' + rest[1:end].replace("\\U", "\\u") + '"')
    return out

def check_rdf(path):
    lit = nt_literals(path)
    base, cg = "<https://example.org/claimgraph/", "https://w3id.org/claimgraph/ns#"
    label = "<http://www.w3.org/2000/01/rdf-schema#label>"
    want = {base + "entity/evil-corp>": EVIL, base + "entity/bad-guy>": BAD}
    for s, text in want.items():
        assert lit.get((s, label)) == text, (path, s, lit.get((s, label)))
    found = {p: v for (s, p), v in lit.items()}
    assert found.get("<%spath>" % cg) == DOC, (path, found.get("<%spath>" % cg))
    assert found.get("<%squote>" % cg) == QUOTE, (path, found.get("<%squote>" % cg))

if __name__ == "__main__":
    what = sys.argv[1]
    if what == "rules":
        sys.stdout.write(RULES)
    elif what == "doc-name":
        sys.stdout.write(DOC)
    elif what == "doc":
        sys.stdout.write(QUOTE + "\n")
    elif what == "rdf":
        check_rdf(sys.argv[2])
    elif what == "labels":
        # Graphviz keeps labels as escString: \\ for \, \n for a newline;
        # other control characters cannot be drawn and become spaces; it
        # reads entities, so & is written &amp;.
        for text in (EVIL, BAD):
            esc = "".join("\\\\" if c == "\\" else "\\n" if c == "\n" else
                          "&amp;" if c == "&" else
                          " " if ord(c) < 0x20 else c for c in text)
            print(esc)
    elif what == "tooltips":
        # whole labels (one holds a newline), each ended by a NUL
        for text in (EVIL, BAD):
            sys.stdout.write("".join(" " if ord(c) < 0x20 and c != "\n" else c
                                     for c in text) + "\0")
    elif what == "svg-lines":
        for text in (EVIL, BAD):
            for line in text.split("\n"):
                print("".join(" " if ord(c) < 0x20 else c for c in line).strip())
PY
python3 hostile.py rules >hostile.yaml
mkdir docs
doc=$(python3 hostile.py doc-name)
python3 hostile.py doc >"$doc"
expect_status 0 "$CG_BIN" build --rules hostile.yaml -o g.ttl -o g.nt -o g.nq -o g.dot -o g.svg docs
expect_stderr "1 assertions; 2 entities, 1 relations"

# RDF: every syntax parses, and gives back each string exactly.
rapper -q -i turtle -c g.ttl || fail "Turtle does not parse"
rapper -q -i ntriples -c g.nt || fail "N-Triples do not parse"
rapper -q -i nquads -c g.nq || fail "N-Quads do not parse"
rapper -q -i turtle -o ntriples g.ttl >from-ttl.nt
for f in g.nt g.nq from-ttl.nt; do
  python3 hostile.py rdf "$f" || fail "$f does not give the hostile strings back"
done

# DOT: Graphviz reads it back, and every label is the escString of the text.
dot -Tcanon g.dot >canon.dot || fail "dot cannot read g.dot"
gvpr 'N { print($.label) }' g.dot | sort >labels.got
python3 hostile.py labels | sort >labels.want
diff labels.want labels.got || fail "DOT labels differ from the rule labels"

# SVG: well-formed, nothing executable, each label line drawn as text.
check_svg() {
  xmllint --noout "$1" || fail "$1 is not well-formed XML"
  n=$(xmllint --xpath 'count(//*[local-name()="script" or local-name()="foreignObject" or local-name()="iframe" or local-name()="img"])' "$1")
  [ "$n" = 0 ] || fail "$1: $n injected elements"
  n=$(xmllint --xpath 'count(//@*[starts-with(translate(local-name(), "ON", "on"), "on")])' "$1")
  [ "$n" = 0 ] || fail "$1: $n event-handler attributes"
  xmllint --xpath '//*[local-name()="text"]/text()' "$1" | python3 -c '
import html, sys
# Graphviz draws runs of spaces as no-break spaces: compare words.
words = lambda s: " ".join(s.replace("\xa0", " ").split())
drawn = {words(html.unescape(l)) for l in sys.stdin.read().split("\n")}
want = [words(l) for l in open("svg-lines.want").read().split("\n") if l]
missing = [l for l in want if l not in drawn]
sys.exit("not drawn: %r" % missing if missing else 0)' || fail "$1 does not draw the labels"
  # Tooltips (xlink:title) quote the labels whole: "\G" stays "\G".
  xmllint --xpath '//@*[local-name()="title"]' "$1" | python3 -c '
import html, re, sys
words = lambda s: " ".join(s.replace("\xa0", " ").split())
titles = [words(html.unescape(t)) for t in re.findall(r"title=\"([^\"]*)\"", sys.stdin.read())]
want = [words(t) for t in open("tooltips.want").read().split("\0") if t.strip()]
missing = [t for t in want if not any(t in x for x in titles)]
sys.exit("not in a tooltip: %r" % missing if missing else 0)' || fail "$1: tooltips misquote the labels"
}
python3 hostile.py svg-lines >svg-lines.want
python3 hostile.py tooltips >tooltips.want
check_svg g.svg

# render reads the Turtle back: the same strings reach its diagrams.
expect_status 0 "$CG_BIN" render g.ttl -o r.svg
check_svg r.svg
expect_status 0 "$CG_BIN" render g.ttl -o r.dot
gvpr 'N { print($.label) }' r.dot | sort >labels.render
diff labels.want labels.render || fail "render's DOT labels differ"
ls -a | grep -q '\.tmp' && fail "a temporary file was left behind"
true
