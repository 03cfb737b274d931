"""Writes pairs of N-Triples files of symmetric blank-node graphs for
tests/cli/diff_symmetric.sh, and a manifest: family, case, a.nt, b.nt, and
whether diff must call them equal (a relabelled, reshuffled copy) or
different (a change that colour refinement alone cannot see).

usage: diff_symmetric.py OUTDIR [small]   ("small": smaller sizes, for ASan)
Undirected edges are written in both directions under one predicate."""
import random
import sys

import networkx as nx

P = "<http://example.org/p>"


def write(path, g, seed):
    rng = random.Random(seed)
    nodes = list(g.nodes())
    names = list(range(len(nodes)))
    rng.shuffle(names)
    name = {v: "_:n%d" % names[i] for i, v in enumerate(nodes)}
    lines = []
    for u, v in g.edges():
        lines.append("%s %s %s .\n" % (name[u], P, name[v]))
        lines.append("%s %s %s .\n" % (name[v], P, name[u]))
    rng.shuffle(lines)
    with open(path, "w") as f:
        f.writelines(lines)


def cfi(base, twist):
    """Cai-Furer-Immerman graph of `base`; `twist` flips one edge."""
    g = nx.Graph()
    twisted = next(iter(base.edges())) if twist else None
    for v in base.nodes():
        inc = sorted(base.edges(v), key=lambda e: tuple(sorted(e)))
        inc = [tuple(sorted(e)) for e in inc]
        for e in inc:
            g.add_node(("a", v, e, 0))
            g.add_node(("a", v, e, 1))
        for mask in range(1 << len(inc)):
            if bin(mask).count("1") % 2:
                continue
            m = ("m", v, mask)
            for i, e in enumerate(inc):
                g.add_edge(m, ("a", v, e, (mask >> i) & 1))
    for u, v in base.edges():
        e = tuple(sorted((u, v)))
        flip = twisted is not None and e == tuple(sorted(twisted))
        for i in (0, 1):
            g.add_edge(("a", u, e, i), ("a", v, e, i ^ flip))
    return g


def base_graph(n, seed):
    while True:
        b = nx.random_regular_graph(3, n, seed=seed)
        if nx.is_connected(b):
            return b
        seed += 1000


def switched(g, seed):
    """A degree-preserving 2-switch that changes the number of triangles
    plus 4-cycles through the edges (so not isomorphic)."""
    rng = random.Random(seed)
    edges = list(g.edges())

    def inv(h):
        return sorted(len(set(h[a]) & set(h[b])) for a, b in h.edges())

    want = inv(g)
    for _ in range(1000):
        (a, b), (c, d) = rng.sample(edges, 2)
        if len({a, b, c, d}) < 4 or g.has_edge(a, d) or g.has_edge(c, b):
            continue
        h = g.copy()
        h.remove_edge(a, b)
        h.remove_edge(c, d)
        h.add_edge(a, d)
        h.add_edge(c, b)
        if inv(h) != want:
            return h
    raise SystemExit("no distinguishing switch found")


def rook(n):
    return nx.cartesian_product(nx.complete_graph(n), nx.complete_graph(n))


def latin(table):
    n = len(table)
    g = nx.Graph()
    cells = [(r, c) for r in range(n) for c in range(n)]
    for x in cells:
        for y in cells:
            if x < y and (x[0] == y[0] or x[1] == y[1] or table[x[0]][x[1]] == table[y[0]][y[1]]):
                g.add_edge(x, y)
    return g


def cyclic(n):
    return [[(r + c) % n for c in range(n)] for r in range(n)]


def product_table(m, k):
    """Cayley table of Z_m^k."""
    els = []
    for i in range(m ** k):
        els.append(tuple((i // m ** j) % m for j in range(k)))
    idx = {e: i for i, e in enumerate(els)}
    return [[idx[tuple((a[j] + b[j]) % m for j in range(k))] for b in els] for a in els]


def shrikhande():
    g = nx.Graph()
    for x in range(4):
        for y in range(4):
            for dx, dy in ((1, 0), (0, 1), (1, 1)):
                g.add_edge((x, y), ((x + dx) % 4, (y + dy) % 4))
    return g


def components(h, k):
    return nx.disjoint_union_all([h] * k)


def main():
    out = sys.argv[1]
    small = len(sys.argv) > 2 and sys.argv[2] == "small"
    cases = []  # family, name, graph a, graph b, equal

    for n in ([10, 30] if small else [10, 30, 60, 100]):
        b = base_graph(n, n)
        g = cfi(b, False)
        cases.append(("cfi", "cfi-%d" % g.number_of_nodes(), g, g, True))
        cases.append(("cfi", "cfi-%d-twisted" % g.number_of_nodes(), g, cfi(b, True), False))
    for d in ([4, 6, 8] if small else [4, 6, 8, 10]):
        g = nx.hypercube_graph(d)
        cases.append(("hypercube", "Q%d" % d, g, g, True))
        cases.append(("hypercube", "Q%d-switched" % d, g, switched(g, d), False))
    for n in ([4, 8, 12] if small else [4, 8, 12, 16]):
        g = rook(n)
        cases.append(("rook", "rook-%dx%d" % (n, n), g, g, True))
        cases.append(("rook", "rook-%dx%d-switched" % (n, n), g, switched(g, n), False))
    paley = [13, 101] if small else [13, 101, 401]
    for p in paley:
        g = nx.Graph(nx.paley_graph(p))
        cases.append(("srg", "paley-%d" % p, g, g, True))
    for n in ([5, 9] if small else [5, 9, 16]):
        g = latin(cyclic(n))
        cases.append(("srg", "latin-Z%d" % n, g, g, True))
    l16 = latin(cyclic(16))
    cases.append(("srg", "latin-Z16-vs-Z2^4", l16, latin(product_table(2, 4)), False))
    cases.append(("srg", "latin-Z16-vs-Z4^2", l16, latin(product_table(4, 2)), False))
    cases.append(("srg", "shrikhande", shrikhande(), shrikhande(), True))
    cases.append(("srg", "shrikhande-vs-rook-4x4", shrikhande(), rook(4), False))
    k = 200 if small else 500
    pet = nx.petersen_graph()
    cases.append(("components", "%dxPetersen" % k, components(pet, k), components(pet, k), True))
    c6 = nx.cycle_graph(6)
    two_c3 = nx.disjoint_union(nx.cycle_graph(3), nx.cycle_graph(3))
    cases.append(("components", "%dxC6" % k, components(c6, k), components(c6, k), True))
    cases.append(("components", "%dxC6-vs-one-as-2xC3" % k, components(c6, k),
                  nx.disjoint_union(components(c6, k - 1), two_c3), False))
    q3 = nx.hypercube_graph(3)
    cases.append(("components", "%dxQ3" % k, components(q3, k), components(q3, k), True))

    with open("%s/manifest" % out, "w") as m:
        for i, (family, name, a, b, equal) in enumerate(cases):
            pa, pb = "%s/%d-a.nt" % (out, i), "%s/%d-b.nt" % (out, i)
            write(pa, a, 2 * i + 1)
            write(pb, b, 2 * i + 2)
            m.write("%s %s %s %s %s\n" % (family, name, pa, pb, "equal" if equal else "different"))


main()
