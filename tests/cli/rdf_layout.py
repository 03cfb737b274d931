"""Checks of one build's N-Quads for tests/cli/rdf_layout.sh (issue 13).

    python3 rdf_layout.py GRAPH.nq DOCUMENT_ROOT

- every evidence resource's statements are in exactly one named graph,
  the document it is derived from (prov:wasDerivedFrom), none in the
  default graph;
- every named graph is a document of the graph (typed cg:Document in the
  default graph) and holds nothing but its NIF context and its evidence;
- every resource with nif:beginIndex/nif:endIndex but the contexts has
  nif:referenceContext to a nif:Context whose nif:sourceUrl is its
  document, in the same graph;
- each context runs from 0 to the length of its document's text in
  characters (cg:path, relative to DOCUMENT_ROOT), the unit of the offsets.
Prints one line per failure and exits 1, or prints a summary."""
import collections
import re
import sys

TERM = r'(<[^>]*>|"(?:[^"\\]|\\.)*"(?:\^\^<[^>]*>|@[-a-zA-Z0-9]+)?|_:\S+)'
LINE = re.compile(r"^%s %s %s(?: %s)? \.$" % (TERM, TERM, TERM, TERM))
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
CG = "https://w3id.org/claimgraph/ns#"
PROV = "http://www.w3.org/ns/prov#"


def literal(term):
    return term[1 : term.rindex('"')].encode().decode("unicode_escape").encode(
        "latin-1").decode("utf-8")


def main(path, root):
    props = collections.defaultdict(lambda: collections.defaultdict(list))
    graphs_of = collections.defaultdict(set)
    named = collections.defaultdict(set)  # graph -> subjects
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        m = LINE.match(line.rstrip("\n"))
        if not m:
            sys.exit(f"{path}:{n}: not an N-Quads line: {line!r}")
        s, p, o, g = m.groups()
        props[s][p[1:-1]].append(o)
        graphs_of[s].add(g)
        if g:
            named[g].add(s)
    types = lambda s: props[s][RDF + "type"]
    bad = []
    evidence = [s for s in props if "<%sEvidence>" % CG in types(s)]
    documents = {s for s in props if "<%sDocument>" % CG in types(s)}
    contexts = {s for s in props if "<%sContext>" % NIF in types(s)}
    for e in evidence:
        doc = props[e][PROV + "wasDerivedFrom"]
        if graphs_of[e] != set(doc):
            bad.append(f"evidence {e} is in graphs {sorted(map(str, graphs_of[e]))}, "
                       f"derived from {doc}")
    for g, subjects in named.items():
        if g not in documents or graphs_of[g] != {None}:
            bad.append(f"named graph {g} is not a document described in the default graph")
        for s in subjects - set(evidence) - contexts:
            bad.append(f"{s} in graph {g} is neither evidence nor a NIF context")
    for s in props:
        if NIF + "beginIndex" not in props[s] or s in contexts:
            continue
        ref = props[s][NIF + "referenceContext"]
        if len(ref) != 1 or ref[0] not in contexts:
            bad.append(f"{s} has offsets but no nif:referenceContext to a nif:Context: {ref}")
            continue
        doc = props[ref[0]][NIF + "sourceUrl"]
        if doc != props[s][PROV + "wasDerivedFrom"] or graphs_of[ref[0]] != graphs_of[s]:
            bad.append(f"{s}'s context {ref[0]} is not its document's")
    for c in contexts:
        (doc,) = props[c][NIF + "sourceUrl"]
        text = open(root + "/" + literal(props[doc][CG + "path"][0]), encoding="utf-8").read()
        span = [int(literal(props[c][NIF + k][0])) for k in ("beginIndex", "endIndex")]
        if span != [0, len(text)]:
            bad.append(f"context {c} spans {span}, its document has {len(text)} characters")
    if len(contexts) != len(documents):
        bad.append(f"{len(contexts)} contexts for {len(documents)} documents")
    for b in bad:
        print("FAIL:", b)
    if bad or not evidence:
        sys.exit(1)
    print(f"ok: {len(evidence)} evidence in {len(named)} document graphs, "
          f"{len(contexts)} NIF contexts")


main(*sys.argv[1:])
