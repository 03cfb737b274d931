"""Checks that vocab/claimgraph.ttl declares every cg: term claimgraph can write.

    python3 vocab.py VOCAB.nt SRC_DIR RULES_DIR GRAPH...

VOCAB.nt is the vocabulary as N-Triples (rapper's output of the Turtle file).
The terms to check come from three places, so that a term the test inputs do
not reach is still checked:
  - GRAPH... : outputs of build (N-Triples, N-Quads, Turtle made N-Triples)
    and of diff -f patch; every cg: IRI in them, in any position;
  - SRC_DIR  : the C sources; every cg: local name spelled in a string literal
    (CG_VOCAB "quote", CG_VOCAB, "certainty", the full IRI, and the names
    rdf_write.c passes to cg_write_reference);
  - RULES_DIR: the rules' entity types, predicates and [name: ...] captures
    (all written as cg:Name), and which predicates are symmetric.
It also checks that every declared term has a label and a comment (and a
property a domain and a range), that the symmetric predicates are
owl:SymmetricProperty, and that every cg: statement of the first GRAPH fits
the declared domain and range (entity classes, unions, xsd datatypes).
Prints one line per problem and exits 1 if there is any.
"""
import os
import re
import sys

import yaml

CG = "https://w3id.org/claimgraph/ns#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
CLASSES = {OWL + "Class", RDFS + "Class"}
PROPERTIES = {OWL + "ObjectProperty", OWL + "DatatypeProperty", RDF + "Property",
              OWL + "SymmetricProperty"}
# Declared on purpose though nothing writes it: the superclass of the entity
# types, for reasoners (see its rdfs:comment).
NOT_WRITTEN = {"Entity"}
CG_IRI = re.compile(r"<" + re.escape(CG) + r"([^>]*)>")
NT_LINE = re.compile(r"^(<[^>]*>|_:\S+) (<[^>]*>) (.*?) \.$")
# A capture's name is written as the property cg:name; "claimer" names who
# makes the claim instead (cg:claimedBy, cg:claimedByName).
CAPTURE = re.compile(r"\[([a-z][A-Za-z0-9]*):")
SOURCE_PATTERNS = [
    re.compile(r'(?<!define )CG_VOCAB\s*"([A-Za-z][A-Za-z0-9]*)'),  # not the #define
    re.compile(r'CG_VOCAB,\s*"([A-Za-z][A-Za-z0-9]*)"'),
    re.compile(re.escape(CG) + r"([A-Za-z][A-Za-z0-9]*)"),
    re.compile(r'cg_write_reference\(\s*w,\s*s,\s*"([A-Za-z0-9]+)",\s*"([A-Za-z0-9]+)"'),
]


def read_vocab(path):
    """{local name: {predicate IRI: [objects]}} for the cg: subjects."""
    terms = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = NT_LINE.match(line.strip())
            if m and m.group(1).startswith("<" + CG):
                local = m.group(1)[len(CG) + 1:-1]
                terms.setdefault(local, {}).setdefault(m.group(2)[1:-1], []).append(m.group(3))
    return terms


def read_triples(path):
    """(s, p, o) of an N-Triples (or N-Quads: the graph is dropped) file,
    IRIs without their <>."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = NT_LINE.match(line.strip())
            if m:
                s, p, o = m.group(1), m.group(2)[1:-1], m.group(3)
                if o.startswith("<") and " " in o:  # N-Quads: o then the graph
                    o = o.split(" ")[0]
                out.append((s.strip("<>"), p, o[1:-1] if o.startswith("<") else o))
    return out


def literal_datatype(o):
    """The datatype of an N-Triples literal, None for an IRI or blank node."""
    if not o.startswith('"'):
        return None
    m = re.search(r'"\^\^<([^>]*)>$', o)
    if m:
        return m.group(1)
    return RDF + "langString" if re.search(r'"@[A-Za-z-]+$', o) else XSD + "string"


def class_extension(vocab_triples, node):
    """The cg: classes whose members belong to class `node`: the class, its
    subclasses, or the members of an owl:unionOf list."""
    if node.startswith(CG):
        local = node[len(CG):]
        return {local} | {s[len(CG):] for s, p, o in vocab_triples
                          if p == RDFS + "subClassOf" and o == node}
    out = set()
    for s, p, o in vocab_triples:
        if s == node and p == OWL + "unionOf":
            item = o
            while item != RDF + "nil":
                first = [o2 for s2, p2, o2 in vocab_triples if s2 == item and p2 == RDF + "first"]
                rest = [o2 for s2, p2, o2 in vocab_triples if s2 == item and p2 == RDF + "rest"]
                if not first or not rest:
                    break
                out |= class_extension(vocab_triples, first[0])
                item = rest[0]
    return out


def check_domains(vocab_path, graph_path, problems):
    """Every cg: statement of the graph fits the domain and range declared."""
    vt = read_triples(vocab_path)
    decl = {}
    for s, p, o in vt:
        if s.startswith(CG) and p in (RDFS + "domain", RDFS + "range"):
            decl[(s, p)] = o
    gt = read_triples(graph_path)
    types = {}
    for s, p, o in gt:
        if p == RDF + "type" and o.startswith(CG):
            types.setdefault(s, set()).add(o[len(CG):])
    bad = {}
    for s, p, o in gt:
        if not p.startswith(CG):
            continue
        domain, rng = decl.get((p, RDFS + "domain")), decl.get((p, RDFS + "range"))
        if domain and not types.get(s, set()) & class_extension(vt, domain):
            bad.setdefault((p, "domain"), f"{s} (a {', '.join(sorted(types.get(s, []))) or '?'})")
        if rng and rng.startswith(XSD):
            if literal_datatype(o) != rng:
                bad.setdefault((p, "range"), f"{o} (not an {rng.replace(XSD, 'xsd:')})")
        elif rng and not types.get(o, set()) & class_extension(vt, rng):
            bad.setdefault((p, "range"), f"{o} (a {', '.join(sorted(types.get(o, []))) or '?'})")
    for (p, which), example in sorted(bad.items()):
        problems.append(f"cg:{p[len(CG):]} is written outside its rdfs:{which}, e.g. {example}")


def types_of(props):
    return {o[1:-1] for o in props.get(RDF + "type", [])}


def check_declarations(vocab, problems):
    """Every declared term is a class or property with a label and a comment;
    every property has a domain and a range."""
    for local, props in sorted(vocab.items()):
        kinds = types_of(props)
        is_class, is_property = bool(kinds & CLASSES), bool(kinds & PROPERTIES)
        if not (is_class or is_property):
            problems.append(f"cg:{local} is neither a class nor a property (rdf:type)")
        need = [RDFS + "label", RDFS + "comment"]
        if is_property:
            need += [RDFS + "domain", RDFS + "range"]
        for p in need:
            if p not in props:
                problems.append(f"cg:{local} has no {p.replace(RDFS, 'rdfs:')}")


def add(found, local, where):
    found.setdefault(local, set()).add(where)


def graph_terms(paths):
    found = {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                for local in CG_IRI.findall(line):
                    add(found, local, os.path.basename(path))
    return found


def source_terms(src_dir):
    found = {}
    for root, _, files in os.walk(src_dir):
        for name in files:
            if not name.endswith((".c", ".h")):
                continue
            path = os.path.join(root, name)
            text = open(path, encoding="utf-8").read()
            for pattern in SOURCE_PATTERNS:
                for m in pattern.finditer(text):
                    for local in m.groups():
                        add(found, local, os.path.relpath(path, os.path.dirname(src_dir)))
    return found


def strings_in(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for v in node.values():
            yield from strings_in(v)
    elif isinstance(node, list):
        for v in node:
            yield from strings_in(v)


def rule_terms(rules_dir):
    """The cg: names the rules make, and the predicates they call symmetric."""
    found, symmetric = {}, set()
    for name in sorted(os.listdir(rules_dir)):
        if not name.endswith((".yaml", ".yml")):
            continue
        where = "rules/" + name
        doc = yaml.safe_load(open(os.path.join(rules_dir, name), encoding="utf-8")) or {}
        for e in doc.get("entities") or []:
            add(found, e["type"], where + " (entity type)")
        for p in doc.get("predicates") or []:
            add(found, p["name"], where + " (predicate)")
            if p.get("symmetric"):
                symmetric.add(p["name"])
        for s in strings_in(doc):
            for capture in CAPTURE.findall(s):
                if capture != "claimer":
                    add(found, capture, where + " (capture)")
    return found, symmetric


def check_symmetric(vocab, rules_symmetric, written, problems):
    declared = {t for t, props in vocab.items() if OWL + "SymmetricProperty" in types_of(props)}
    for t in sorted(rules_symmetric - declared):
        problems.append(f"cg:{t} is symmetric in the rules but not an owl:SymmetricProperty "
                        "in the vocabulary")
    for t in sorted(declared - rules_symmetric):
        problems.append(f"cg:{t} is an owl:SymmetricProperty in the vocabulary but not "
                        "symmetric in the rules")
    for t in sorted(written - declared):
        problems.append(f"the graphs declare cg:{t} an owl:SymmetricProperty, the vocabulary "
                        "does not")


def written_symmetric(paths):
    out = set()
    sym = f"<{RDF}type> <{OWL}SymmetricProperty>"
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if sym in line:  # "<s> p o ." or a patch's "A <s> p o ."
                    out.update(CG_IRI.findall(line.split(sym)[0]))
    return out


def main(argv):
    if len(argv) < 5:
        sys.exit(__doc__)
    vocab_path, src_dir, rules_dir, graphs = argv[1], argv[2], argv[3], argv[4:]
    vocab = read_vocab(vocab_path)
    problems = []
    check_declarations(vocab, problems)
    emitted = graph_terms(graphs)
    static = source_terms(src_dir)
    from_rules, rules_symmetric = rule_terms(rules_dir)
    every = {}
    for found in (emitted, static, from_rules):
        for local, where in found.items():
            every.setdefault(local, set()).update(where)
    for local in sorted(set(every) - set(vocab)):
        problems.append(f"cg:{local} is not declared in vocab/claimgraph.ttl "
                        f"(found in {', '.join(sorted(every[local]))})")
    for local in sorted(set(emitted) - set(static) - set(from_rules)):
        problems.append(f"cg:{local} is written ({', '.join(sorted(emitted[local]))}) but the "
                        "scan of the sources and rules does not find it: teach vocab.py how "
                        "it is built")
    for local in sorted(set(vocab) - set(every) - NOT_WRITTEN):
        problems.append(f"cg:{local} is declared in vocab/claimgraph.ttl but nothing writes it")
    check_symmetric(vocab, rules_symmetric, written_symmetric(graphs), problems)
    check_domains(vocab_path, graphs[0], problems)
    for p in problems:
        print(f"vocab: {p}")
    print(f"vocab: {len(vocab)} terms declared; {len(emitted)} written by the test's outputs, "
          f"{len(static)} named in the sources, {len(from_rules)} made by the rules")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
