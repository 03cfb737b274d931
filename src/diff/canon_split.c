/* Components of the tied nodes (step 2 of canon.h).
 *
 * Nodes with a colour of their own are fixed: every automorphism that
 * respects the colouring fixes them.  If the other nodes ("residual") fall
 * into several connected components once the fixed ones are taken out, the
 * components can only be permuted among isomorphic ones, so each is labelled
 * on its own (a smaller graph for Traces, with fixed nodes as constants of
 * their colour) and isomorphic ones are numbered.  A part whose nodes have
 * distinct colours needs no Traces at all, and a small edit relabels only
 * the part it is in. */
#include "canon.h"

#include "../core/mem.h"

#include <stdlib.h>
#include <string.h>

static uint32_t cg_root(uint32_t *parent, uint32_t i)
{
    while (parent[i] != i) {
        i = parent[i] = parent[parent[i]];
    }
    return i;
}

static bool cg_residual(const CgCanonState *s, uint32_t term)
{
    return (term & CG_BLANK_BIT) && s->cells[s->cell[term & ~CG_BLANK_BIT]].size > 1;
}

/* parent[v]: v's component among residual nodes (fixed nodes: themselves).
 * Returns the number of residual components. */
static uint32_t cg_residual_components(const CgCanonGraph *g, const CgCanonState *s,
                                       uint32_t *parent)
{
    for (uint32_t v = 0; v < g->n_nodes; ++v) {
        parent[v] = v;
    }
    for (uint32_t e = 0; e < g->n_edges; ++e) {
        uint32_t first = UINT32_MAX;
        for (int a = 0; a < 4; ++a) {
            const uint32_t t = g->edges[e].t[a];
            if (cg_residual(s, t)) {
                const uint32_t r = cg_root(parent, t & ~CG_BLANK_BIT);
                if (first == UINT32_MAX) {
                    first = r;
                } else {
                    parent[r] = first; /* first stays a root */
                }
            }
        }
    }
    uint32_t n = 0;
    for (uint32_t v = 0; v < g->n_nodes; ++v) {
        n += s->cells[s->cell[v]].size > 1 && cg_root(parent, v) == v;
    }
    return n;
}

typedef struct {
    uint32_t root;  /* its representative node */
    uint32_t start; /* its nodes: members[start .. start + count) */
    uint32_t count;
    uint64_t cert;
} CgPart;

typedef struct {
    const CgCanonGraph *g;
    const CgCanonState *s;
    uint32_t *parent;  /* node -> its part's root */
    uint32_t *local;   /* node -> index within its part */
    uint32_t *members; /* residual nodes, grouped by part */
    CgPart *parts;
    uint32_t n_parts;
} CgSplit;

/* Whether incidence `inc` is where its quad's first residual node sits, so
 * that each quad is taken once. */
static bool cg_first_residual(const CgSplit *sp, uint32_t inc)
{
    const CgQuad *q = &sp->g->edges[inc / 4];
    uint32_t a = 0;
    while (!cg_residual(sp->s, q->t[a])) {
        ++a;
    }
    return a == inc % 4;
}

static void cg_part_edge(const CgSplit *sp, const CgQuad *q, CgCanonGraph *sub)
{
    for (uint32_t a = 0; a < 4; ++a) {
        const uint32_t t = q->t[a], slot = sub->n_edges * 4 + a;
        const bool member = cg_residual(sp->s, t);
        sub->edges[sub->n_edges].t[a] = member ? CG_BLANK_BIT | sp->local[t & ~CG_BLANK_BIT] : slot;
        sub->own_hash[slot] = t & CG_BLANK_BIT ? cg_canon_colour(sp->s, t & ~CG_BLANK_BIT)
                                               : sp->g->term_hash[t];
    }
    ++sub->n_edges;
}

/* A part's graph: its nodes renumbered, its quads copied with every other
 * term turned into a constant of its hash or fixed colour. */
static void cg_part_graph(const CgSplit *sp, const CgPart *part, CgCanonGraph *sub)
{
    const CgCanonGraph *g = sp->g;
    uint32_t n_edges = 0;
    for (int pass = 0; pass < 2; ++pass) {
        for (uint32_t i = part->start; i < part->start + part->count; ++i) {
            const uint32_t v = sp->members[i];
            for (uint32_t k = g->inc_start[v]; k < g->inc_start[v + 1]; ++k) {
                if (!cg_first_residual(sp, g->inc[k])) {
                    continue;
                }
                if (pass) {
                    cg_part_edge(sp, &g->edges[g->inc[k] / 4], sub);
                } else {
                    ++n_edges;
                }
            }
        }
        if (!pass) {
            sub->edges = cg_xmalloc(((size_t)n_edges + 1) * sizeof *sub->edges);
            sub->own_hash = cg_xmalloc(((size_t)n_edges * 4 + 4) * sizeof *sub->own_hash);
        }
    }
    sub->n_nodes = part->count;
    sub->term_hash = sub->own_hash;
    cg_canon_graph_index(sub);
}

/* Whether the part's nodes already have distinct colours. */
static bool cg_part_discrete(const CgSplit *sp, const CgPart *part)
{
    if (part->count == 1) {
        return true;
    }
    uint64_t *c = cg_xmalloc((size_t)part->count * sizeof *c);
    for (uint32_t i = 0; i < part->count; ++i) {
        c[i] = cg_canon_colour(sp->s, sp->members[part->start + i]);
    }
    qsort(c, part->count, sizeof *c, cg_canon_u64_cmp);
    bool distinct = true;
    for (uint32_t i = 1; i < part->count && distinct; ++i) {
        distinct = c[i] != c[i - 1];
    }
    free(c);
    return distinct;
}

/* A discrete part is labelled by its colours, and its certificate is the
 * hash of its quads under them, computed in place: many small parts (e.g.
 * [] a :T objects) are the common case, and need no graph of their own. */
static uint64_t cg_direct_cert(const CgSplit *sp, const CgPart *part)
{
    const CgCanonGraph *g = sp->g;
    size_t n = 0, cap = 0;
    uint64_t(*records)[4] = NULL;
    for (uint32_t i = part->start; i < part->start + part->count; ++i) {
        const uint32_t v = sp->members[i];
        for (uint32_t k = g->inc_start[v]; k < g->inc_start[v + 1]; ++k) {
            if (cg_first_residual(sp, g->inc[k])) {
                records = cg_xgrow(records, &cap, n + 1, sizeof *records);
                const CgQuad *q = &g->edges[g->inc[k] / 4];
                for (int a = 0; a < 4; ++a) {
                    records[n][a] = q->t[a] & CG_BLANK_BIT
                                        ? cg_canon_colour(sp->s, q->t[a] & ~CG_BLANK_BIT)
                                        : g->term_hash[q->t[a]];
                }
                ++n;
            }
        }
    }
    if (n) {
        qsort(records, n, sizeof *records, cg_canon_record_cmp);
    }
    uint64_t h = CG_CANON_CERT_SEED;
    for (size_t i = 0; i < n * 4; ++i) {
        h = cg_canon_mix(h, records[i / 4][i % 4]);
    }
    free(records);
    return h;
}

/* Labels one part; its nodes' colours in `colours` become its leaf's. */
static CgStatus cg_label_part(const CgSplit *sp, CgPart *part, uint64_t *colours,
                              CgCanonBudget *budget)
{
    if (cg_part_discrete(sp, part)) {
        part->cert = cg_direct_cert(sp, part);
        return CG_OK;
    }
    CgCanonGraph sub = {0};
    cg_part_graph(sp, part, &sub);
    uint64_t *sub_colours = cg_xmalloc(((size_t)part->count + 1) * sizeof *sub_colours);
    const uint32_t *nodes = sp->members + part->start;
    for (uint32_t i = 0; i < part->count; ++i) {
        sub_colours[i] = cg_canon_colour(sp->s, nodes[i]);
    }
    const CgStatus st = cg_canon_traces(&sub, sub_colours, &part->cert, budget);
    for (uint32_t i = 0; !st && i < part->count; ++i) {
        colours[nodes[i]] = sub_colours[i];
    }
    free(sub_colours);
    cg_canon_graph_clear(&sub);
    return st;
}

/* Lists the parts, numbers their nodes and groups them (counting sort). */
static void cg_list_parts(CgSplit *sp)
{
    const uint32_t n = sp->g->n_nodes;
    uint32_t *index = cg_xmalloc(((size_t)n + 1) * sizeof *index);
    sp->parts = cg_xcalloc((size_t)sp->n_parts + 1, sizeof *sp->parts);
    sp->members = cg_xmalloc(((size_t)n + 1) * sizeof *sp->members);
    uint32_t k = 0;
    for (uint32_t v = 0; v < n; ++v) {
        if (cg_residual(sp->s, CG_BLANK_BIT | v) && sp->parent[v] == v) {
            index[v] = k;
            sp->parts[k++].root = v;
        }
    }
    for (uint32_t v = 0; v < n; ++v) {
        if (cg_residual(sp->s, CG_BLANK_BIT | v)) {
            sp->local[v] = sp->parts[index[sp->parent[v]]].count++;
        }
    }
    for (uint32_t i = 1; i < sp->n_parts; ++i) {
        sp->parts[i].start = sp->parts[i - 1].start + sp->parts[i - 1].count;
    }
    for (uint32_t v = 0; v < n; ++v) {
        if (cg_residual(sp->s, CG_BLANK_BIT | v)) {
            const CgPart *part = &sp->parts[index[sp->parent[v]]];
            sp->members[part->start + sp->local[v]] = v;
        }
    }
    free(index);
}

static int cg_part_cmp(const void *a, const void *b)
{
    const CgPart *x = a, *y = b;
    return (x->cert > y->cert) - (x->cert < y->cert);
}

/* Gives part `i` (with `dup` isomorphic parts before it) labels of its own
 * kind: its certificate and number mixed into its nodes' colours. */
static void cg_mark_part(const CgSplit *sp, const CgPart *part, uint32_t dup, uint64_t *colours)
{
    const uint64_t base = cg_canon_mix(part->cert, dup);
    for (uint32_t j = part->start; j < part->start + part->count; ++j) {
        colours[sp->members[j]] = cg_canon_mix(base, colours[sp->members[j]]);
    }
}

typedef struct {
    uint64_t colour;
    uint32_t node;
} CgColoured;

static int cg_coloured_cmp(const void *a, const void *b)
{
    const CgColoured *x = a, *y = b;
    return (x->colour > y->colour) - (x->colour < y->colour);
}

/* Marks (in `clash`, per part index) the parts with a node whose colour
 * another node has too; returns whether there was any. */
static bool cg_find_clashes(const CgSplit *sp, const uint64_t *colours, const uint32_t *part_of,
                            uint8_t *clash)
{
    const uint32_t n = sp->g->n_nodes;
    CgColoured *c = cg_xmalloc(((size_t)n + 1) * sizeof *c);
    for (uint32_t v = 0; v < n; ++v) {
        c[v] = (CgColoured){colours[v], v};
    }
    qsort(c, n, sizeof *c, cg_coloured_cmp);
    bool any = false;
    for (uint32_t i = 1; i < n; ++i) {
        if (c[i].colour == c[i - 1].colour) {
            for (uint32_t k = i - 1; k <= i; ++k) {
                if (part_of[c[k].node] != UINT32_MAX) {
                    clash[part_of[c[k].node]] = 1;
                }
            }
            any = true;
        }
    }
    free(c);
    return any;
}

/* Isomorphic parts share a certificate: their nodes get it and a number
 * mixed in, which keeps them apart (any numbering gives the same labelled
 * graph).  A part with no isomorphic sibling keeps its leaf's colours, which
 * depend on that part alone, so an edit elsewhere does not relabel it;
 * unless they clash with other colours (isomorphism-invariant too), when it
 * is treated as the others. */
static CgStatus cg_number_parts(CgSplit *sp, uint64_t *colours)
{
    qsort(sp->parts, sp->n_parts, sizeof *sp->parts, cg_part_cmp);
    uint32_t *part_of = cg_xmalloc(((size_t)sp->g->n_nodes + 1) * sizeof *part_of);
    memset(part_of, 0xff, ((size_t)sp->g->n_nodes + 1) * sizeof *part_of);
    uint8_t *clash = cg_xcalloc((size_t)sp->n_parts + 1, 1);
    for (uint32_t i = 0, dup = 0; i < sp->n_parts; ++i) {
        const CgPart *part = &sp->parts[i];
        dup = i && part->cert == sp->parts[i - 1].cert ? dup + 1 : 0;
        const bool twin = dup || (i + 1 < sp->n_parts && sp->parts[i + 1].cert == part->cert);
        if (twin) {
            cg_mark_part(sp, part, dup, colours);
        }
        for (uint32_t j = part->start; j < part->start + part->count; ++j) {
            part_of[sp->members[j]] = twin ? UINT32_MAX : i;
        }
    }
    bool again = cg_find_clashes(sp, colours, part_of, clash);
    for (uint32_t i = 0; again && i < sp->n_parts; ++i) {
        if (clash[i]) {
            cg_mark_part(sp, &sp->parts[i], 0, colours);
        }
    }
    memset(clash, 0, sp->n_parts);
    again = again && cg_find_clashes(sp, colours, part_of, clash);
    free(clash);
    free(part_of);
    return again ? CG_ERR_INTERNAL : CG_OK;
}

/* Labels the residual parts of `s` into `colours`, whatever their number. */
static CgStatus cg_label_parts(CgSplit *sp, uint64_t *colours, CgCanonBudget *budget)
{
    const CgCanonGraph *g = sp->g;
    for (uint32_t v = 0; v < g->n_nodes; ++v) {
        sp->parent[v] = cg_root(sp->parent, v);
        colours[v] = cg_canon_colour(sp->s, v);
    }
    sp->local = cg_xmalloc(((size_t)g->n_nodes + 1) * sizeof *sp->local);
    cg_list_parts(sp);
    CgStatus st = CG_OK;
    for (uint32_t i = 0; i < sp->n_parts && !st; ++i) {
        st = cg_label_part(sp, &sp->parts[i], colours, budget);
    }
    st = st ? st : cg_number_parts(sp, colours);
    free(sp->parts);
    free(sp->members);
    free(sp->local);
    return st;
}

CgStatus cg_canon_resolve(const CgCanonGraph *g, const CgCanonState *s, uint64_t *colours,
                          CgCanonBudget *budget)
{
    CgSplit sp = {g, s, cg_xmalloc(((size_t)g->n_nodes + 1) * sizeof(uint32_t)), NULL, NULL,
                  NULL, 0};
    sp.n_parts = cg_residual_components(g, s, sp.parent);
    const CgStatus st = cg_label_parts(&sp, colours, budget);
    free(sp.parent);
    return st;
}
