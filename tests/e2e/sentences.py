#!/usr/bin/env python3
"""Runs the default rules on each sentence of tests/data/sentences.tsv (one
document each) and checks the edges it lists: plain triples, negated
evidence, edges that must be absent, and each evidence's claimer,
certainty, quantity and unit.  Usage: sentences.py CLAIMGRAPH RULES TSV"""
import os
import re
import subprocess
import sys
import tempfile

CG = "https://w3id.org/claimgraph/ns#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
NT = re.compile(r'^(<[^>]*>|_:\S+) <([^>]*)> (<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:\^\^<[^>]*>|@\S+)?) \.$')
SYM = {"metWith", "hasAgreementWith", "atWarWith"}


def local(term):
    return re.split(r"[/#]", term.strip("<>"))[-1]


ESC = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def unescape(m):
    code = m.group(1) or m.group(2)
    return chr(int(code, 16)) if code else ESC.get(m.group(3), m.group(3))


def literal(term):
    m = re.match(r'^"((?:[^"\\]|\\.)*)"', term)
    if not m:
        return local(term)
    return re.sub(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})|\\(.)", unescape, m.group(1))


def key(s, p, o):
    return (o, p, s) if p in SYM and o < s else (s, p, o)


def graphs(cg, rules, texts):
    """Builds one graph of every text (a document each, in one run: a run
    per sentence cost minutes under the sanitizers) and returns, per text,
    its plain triples and its claims.  A document's plain triples are those
    of its evidence that is not negated; their union is checked against the
    graph's own plain triples, so that this reading stays the tool's."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, text in enumerate(texts):
            paths.append(os.path.join(tmp, f"s{i:04d}.txt"))
            with open(paths[-1], "w", encoding="utf-8") as f:
                f.write(text + "\n")
        r = subprocess.run([cg, "build", "-q", "--rules", rules, "-f", "ntriples", "-o", "-"] + paths,
                           capture_output=True, text=True)
    if r.returncode not in (0, 1):
        sys.exit(f"claimgraph failed ({r.returncode}): {r.stderr}")
    plain, props, doc_path = set(), {}, {}
    for line in r.stdout.splitlines():
        m = NT.match(line)
        if not m:
            continue
        s, p, o = m.groups()
        if p.startswith(CG) and o.startswith("<") and "/entity/" in s and "/entity/" in o:
            plain.add(key(local(s), local(p), local(o)))
        if p == CG + "path":
            doc_path[s] = literal(o)
        props.setdefault(s, {}).setdefault(local(p), []).append(o)
    index = {path: i for i, path in enumerate(paths)}
    out = [(set(), {}) for _ in texts]
    derived = set()
    for ev in props.values():
        if "subject" not in ev or "wasDerivedFrom" not in ev:
            continue
        doc_plain, claims = out[index[doc_path[ev["wasDerivedFrom"][0]]]]
        k = key(local(ev["subject"][0]), local(ev["predicate"][0]), local(ev["object"][0]))
        claim = {name: literal(v[0]) for name, v in ev.items()}
        claims.setdefault(k, []).append(claim)
        if claim.get("negated") != "true":
            doc_plain.add(k)
            derived.add(k)
    if derived != plain:
        sys.exit(f"sentences.py: the graph's plain triples {sorted(plain ^ derived)} are not "
                 "those of its evidence that is not negated: update this script's reading")
    return out


def check(plain, claims, edges):
    problems = []
    for edge in filter(None, (e.strip() for e in edges.split(";"))):
        absent = edge.startswith("!")
        words = re.findall(r'(\S+=(?:[^=]*?)(?= \S+=|$)|\S+)', edge.lstrip("!"))
        k = key(*words[:3])
        flags = words[3:]
        if absent:
            if k in plain or k in claims:
                problems.append(f"has {' '.join(k)}, which it must not")
            continue
        negated = "negated" in flags
        if negated != (k not in plain) or k not in claims:
            problems.append(f"{'lacks' if k not in claims else 'has the wrong polarity of'} {' '.join(k)}"
                            + (" (negated)" if negated else ""))
            continue
        for flag in flags:
            if flag == "negated":
                continue
            name, _, want = flag.partition("=")
            prop = {"certainty": "certainty", "by": "claimedBy", "byname": "claimedByName",
                    "qty": "quantity", "unit": "unit"}[name]
            got = [c.get(prop) for c in claims[k]]
            if want not in got:
                problems.append(f"{' '.join(k)}: {name} is {got}, not {want!r}")
    return problems


def main(argv):
    cg, rules, tsv = argv
    rows = []
    for line in open(tsv, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        rows.append((line.rstrip("\n").split("\t") + [""])[:3])
    failed = 0
    for (tag, sentence, edges), (plain, claims) in zip(rows, graphs(cg, rules, [r[1] for r in rows])):
        problems = check(plain, claims, edges)
        if problems:
            failed += 1
            print(f"[{tag}] {sentence}")
            for p in problems:
                print(f"    {p}")
    print(f"sentences: {len(rows) - failed} of {len(rows)} as expected")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
