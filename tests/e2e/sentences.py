#!/usr/bin/env python3
"""Runs the default rules on each sentence of tests/data/sentences.tsv (one
document each) and checks the edges it lists: plain triples, negated
evidence, edges that must be absent, and each evidence's claimer,
certainty, quantity and unit.  Usage: sentences.py CLAIMGRAPH RULES TSV"""
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


def graph(cg, rules, text):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as f:
        f.write(text + "\n")
        f.flush()
        r = subprocess.run([cg, "build", "-q", "--rules", rules, "-f", "ntriples", "-o", "-", f.name],
                           capture_output=True, text=True)
    if r.returncode not in (0, 1):
        sys.exit(f"claimgraph failed ({r.returncode}): {r.stderr}")
    plain, evidence = set(), {}
    for line in r.stdout.splitlines():
        m = NT.match(line)
        if not m:
            continue
        s, p, o = m.groups()
        if p.startswith(CG) and o.startswith("<") and "/entity/" in s and "/entity/" in o:
            plain.add(key(local(s), local(p), local(o)))
        evidence.setdefault(s, {}).setdefault(local(p), []).append(o)
    claims = {}
    for props in evidence.values():
        if "subject" not in props:
            continue
        k = key(local(props["subject"][0]), local(props["predicate"][0]), local(props["object"][0]))
        claims.setdefault(k, []).append({name: literal(v[0]) for name, v in props.items()})
    return plain, claims


def check(cg, rules, tag, sentence, edges):
    plain, claims = graph(cg, rules, sentence)
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
    failed = total = 0
    for line in open(tsv, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        tag, sentence, edges = (line.rstrip("\n").split("\t") + [""])[:3]
        total += 1
        problems = check(cg, rules, tag, sentence, edges)
        if problems:
            failed += 1
            print(f"[{tag}] {sentence}")
            for p in problems:
                print(f"    {p}")
    print(f"sentences: {total - failed} of {total} as expected")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
