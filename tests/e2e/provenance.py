"""Checks the evidence of an N-Triples graph against its documents: every
quote is the text between its offsets (counted in Unicode characters; a
quote cut from a long sentence is the text between its own offsets, inside
the sentence's, with "… " before and " …" after where cut), every
evidence resource that is not a denial (cg:negated) points at a relation
triple present in the graph, and every relation triple has evidence.  Usage: provenance.py GRAPH.nt"""
import re
import sys

VOCAB = "https://w3id.org/claimgraph/ns#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
PROV = "http://www.w3.org/ns/prov#"
LINE = re.compile(r'^(<[^>]*>) <([^>]*)> (<[^>]*>|"(?:[^"\\]|\\.)*"(?:\^\^<[^>]*>|@\S+)?) \.$')


ESCAPE = re.compile(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)')
SIMPLE = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}


def literal(term):
    body = term[1:term.rindex('"')]

    def unescape(m):
        e = m.group(1)
        return chr(int(e[1:], 16)) if e[0] in "uU" else SIMPLE.get(e, e)
    return ESCAPE.sub(unescape, body)


CUT = "\u2026"


def quoted_span(ps, begin, end):
    """The characters a quote shows, and the marks it must have where cut."""
    if VOCAB + "quoteTruncated" not in ps:
        return begin, end, "", ""
    qb = int(literal(ps[VOCAB + "quoteBeginIndex"][0]))
    qe = int(literal(ps[VOCAB + "quoteEndIndex"][0]))
    if not begin <= qb < qe <= end or (qb, qe) == (begin, end):
        sys.exit(f"quote offsets {qb}-{qe} are not a part of the sentence {begin}-{end}")
    return qb, qe, CUT + " " if qb > begin else "", " " + CUT if qe < end else ""


def main(path):
    props, triples = {}, set()
    for line in open(path, encoding="utf-8"):
        m = LINE.match(line.strip())
        if not m:
            continue
        s, p, o = m.groups()
        props.setdefault(s, {}).setdefault(p, []).append(o)
        if p.startswith(VOCAB) and o.startswith("<") and "/entity/" in s:
            triples.add((s, p, o))
    evidence = [s for s, ps in props.items() if f"<{VOCAB}Evidence>" in ps.get(RDF + "type", [])]
    supported = set()
    for ev in evidence:
        ps = props[ev]
        quote = literal(ps[VOCAB + "quote"][0])
        begin = int(literal(ps[NIF + "beginIndex"][0]))
        end = int(literal(ps[NIF + "endIndex"][0]))
        doc = ps[PROV + "wasDerivedFrom"][0]
        doc_path = literal(props[doc][VOCAB + "path"][0])
        text = open(doc_path, encoding="utf-8").read()
        qb, qe, before, after = quoted_span(ps, begin, end)
        if before + text[qb:qe] + after != quote:
            sys.exit(f"{ev}: offsets {qb}-{qe} of {doc_path} give {text[qb:qe]!r}, "
                     f"not the quote {quote!r}")
        t = (ps[RDF + "subject"][0], ps[RDF + "predicate"][0][1:-1], ps[RDF + "object"][0])
        if VOCAB + "negated" in ps:
            continue  # a denial: its triple is written only when other evidence asserts it
        if t not in triples:
            sys.exit(f"{ev}: supports {t}, which the graph does not hold")
        supported.add(t)
    if triples - supported:
        sys.exit(f"relations without evidence: {sorted(triples - supported)}")
    if not evidence:
        sys.exit("no evidence at all")
    print(f"{len(evidence)} evidence resources, {len(triples)} relations: offsets and quotes agree")


if __name__ == "__main__":
    main(sys.argv[1])
