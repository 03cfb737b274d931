/* Colour refinement with incremental signatures (see diff.h, step 1).
 *
 * Cells are ranges of one permutation of the nodes (as in Hopcroft's
 * algorithm), so that a cell's changed members can be gathered at its end
 * and split off without looking at the others.  A round is synchronous:
 * all splits use the signatures of the previous round, then the recoloured
 * nodes update their neighbours' signatures.  Nothing here depends on node
 * numbers, only on colours, signatures and sizes. */
#include "canon.h"

#include "../core/mem.h"

#include <stdlib.h>
#include <string.h>

#define CG_COLOUR_START UINT64_C(0x62c3f0d1a9e5b7c1) /* every blank node, at first */
#define CG_COLOUR_SELF UINT64_C(0x5e1f5e1f5e1f5e1f)  /* the node whose signature it is */

void cg_canon_graph_index(CgCanonGraph *g)
{
    g->inc_start = cg_xcalloc((size_t)g->n_nodes + 1, sizeof *g->inc_start);
    for (uint32_t e = 0; e < g->n_edges; ++e) {
        for (int a = 0; a < 4; ++a) {
            if (g->edges[e].t[a] & CG_BLANK_BIT) {
                ++g->inc_start[(g->edges[e].t[a] & ~CG_BLANK_BIT) + 1];
            }
        }
    }
    for (uint32_t v = 0; v < g->n_nodes; ++v) {
        g->inc_start[v + 1] += g->inc_start[v];
    }
    g->inc = cg_xmalloc(((size_t)g->inc_start[g->n_nodes] + 1) * sizeof *g->inc);
    uint32_t *fill = cg_xmalloc(((size_t)g->n_nodes + 1) * sizeof *fill);
    memcpy(fill, g->inc_start, (size_t)g->n_nodes * sizeof *fill);
    for (uint32_t e = 0; e < g->n_edges; ++e) {
        for (uint32_t a = 0; a < 4; ++a) {
            if (g->edges[e].t[a] & CG_BLANK_BIT) {
                g->inc[fill[g->edges[e].t[a] & ~CG_BLANK_BIT]++] = e * 4 + a;
            }
        }
    }
    free(fill);
}

void cg_canon_graph_clear(CgCanonGraph *g)
{
    free(g->own_hash);
    free(g->edges);
    free(g->inc_start);
    free(g->inc);
    memset(g, 0, sizeof *g);
}

void cg_canon_scratch_init(CgCanonScratch *x, const CgCanonGraph *g)
{
    const size_t n = (size_t)g->n_nodes + 1, n_inc = (size_t)g->n_edges * 4 + 1;
    memset(x, 0, sizeof *x);
    x->dirty = cg_xmalloc(n * sizeof *x->dirty);
    x->is_dirty = cg_xcalloc(n, 1);
    x->touched = cg_xmalloc(n * sizeof *x->touched);
    x->recoloured = cg_xmalloc(n * sizeof *x->recoloured);
    x->stale = cg_xmalloc(n_inc * sizeof *x->stale);
    x->is_stale = cg_xcalloc(n_inc, 1);
}

void cg_canon_scratch_clear(CgCanonScratch *x)
{
    free(x->dirty);
    free(x->is_dirty);
    free(x->touched);
    free(x->recoloured);
    free(x->stale);
    free(x->is_stale);
    memset(x, 0, sizeof *x);
}

static uint64_t cg_value(const CgCanonState *s, const CgCanonGraph *g, uint32_t term)
{
    return term & CG_BLANK_BIT ? cg_canon_colour(s, term & ~CG_BLANK_BIT) : g->term_hash[term];
}

/* The hash a quad adds to the signature of the node at `a`: the position
 * and the other three terms. */
static uint64_t cg_contrib(const CgCanonState *s, const CgCanonGraph *g, uint32_t inc)
{
    const CgQuad *q = &g->edges[inc / 4];
    uint64_t h = cg_canon_mix(CG_COLOUR_SELF, inc % 4);
    for (uint32_t b = 0; b < 4; ++b) {
        h = cg_canon_mix(h, b == inc % 4 ? CG_COLOUR_SELF : cg_value(s, g, q->t[b]));
    }
    return h;
}

static void cg_mark_dirty(CgCanonScratch *x, uint32_t v)
{
    if (!x->is_dirty[v]) {
        x->is_dirty[v] = 1;
        x->dirty[x->n_dirty++] = v;
    }
}

static void cg_state_alloc(CgCanonState *s, const CgCanonGraph *g)
{
    const size_t n = (size_t)g->n_nodes + 1;
    s->elems = cg_xmalloc(n * sizeof *s->elems);
    s->pos = cg_xmalloc(n * sizeof *s->pos);
    s->cell = cg_xmalloc(n * sizeof *s->cell);
    s->cells = cg_xcalloc(n, sizeof *s->cells);
    s->sig = cg_xcalloc(n, sizeof *s->sig);
    s->contrib = cg_xmalloc(((size_t)g->n_edges * 4 + 1) * sizeof *s->contrib);
    s->n_cells = 0;
}

static void cg_compute_signatures(CgCanonState *s, const CgCanonGraph *g)
{
    for (uint32_t v = 0; v < g->n_nodes; ++v) {
        s->sig[v] = 0;
        for (uint32_t i = g->inc_start[v]; i < g->inc_start[v + 1]; ++i) {
            s->contrib[g->inc[i]] = cg_contrib(s, g, g->inc[i]);
            s->sig[v] += s->contrib[g->inc[i]];
        }
    }
}

typedef struct {
    uint64_t key;
    uint32_t node;
} CgKeyed;

static int cg_keyed_cmp(const void *a, const void *b)
{
    const CgKeyed *x = a, *y = b;
    if (x->key != y->key) {
        return x->key < y->key ? -1 : 1;
    }
    return (x->node > y->node) - (x->node < y->node);
}

/* Sorts elems[from, from + n) by `keys` (signatures or colours). */
static void cg_sort_range(CgCanonState *s, uint32_t from, uint32_t n, const uint64_t *keys,
                          const uint64_t *colours)
{
    CgKeyed *tmp = cg_xmalloc(((size_t)n + 1) * sizeof *tmp);
    for (uint32_t i = 0; i < n; ++i) {
        const uint32_t v = s->elems[from + i];
        tmp[i] = (CgKeyed){keys ? keys[v] : colours[v], v};
    }
    qsort(tmp, n, sizeof *tmp, cg_keyed_cmp);
    for (uint32_t i = 0; i < n; ++i) {
        s->elems[from + i] = tmp[i].node;
        s->pos[tmp[i].node] = from + i;
    }
    free(tmp);
}

/* Each run of equal colours becomes a cell; its reference signature is
 * valid only if all members agree, else they are all re-examined. */
static void cg_cells_from_colours(CgCanonState *s, CgCanonScratch *x, const CgCanonGraph *g,
                                  const uint64_t *colours)
{
    cg_sort_range(s, 0, g->n_nodes, NULL, colours);
    for (uint32_t i = 0; i < g->n_nodes;) {
        uint32_t j = i + 1;
        while (j < g->n_nodes && colours[s->elems[j]] == colours[s->elems[i]]) {
            ++j;
        }
        CgCell *c = &s->cells[s->n_cells];
        *c = (CgCell){i, j - i, 0, true, colours[s->elems[i]], 0};
        for (uint32_t k = i; k < j; ++k) {
            s->cell[s->elems[k]] = s->n_cells;
        }
        ++s->n_cells;
        i = j;
    }
    cg_compute_signatures(s, g);
    for (uint32_t c = 0; c < s->n_cells; ++c) {
        CgCell *cell = &s->cells[c];
        cell->ref = s->sig[s->elems[cell->start]];
        for (uint32_t k = cell->start; k < cell->start + cell->size; ++k) {
            cell->ref_valid &= s->sig[s->elems[k]] == cell->ref;
        }
        for (uint32_t k = cell->start; !cell->ref_valid && k < cell->start + cell->size; ++k) {
            cg_mark_dirty(x, s->elems[k]);
        }
    }
}

void cg_canon_state_init(CgCanonState *s, CgCanonScratch *x, const CgCanonGraph *g,
                         const uint64_t *colours)
{
    cg_state_alloc(s, g);
    for (uint32_t v = 0; v < g->n_nodes; ++v) {
        s->elems[v] = s->pos[v] = v;
        s->cell[v] = 0;
    }
    if (colours) {
        cg_cells_from_colours(s, x, g, colours);
        return;
    }
    if (g->n_nodes) {
        s->cells[0] = (CgCell){0, g->n_nodes, 0, false, CG_COLOUR_START, 0};
        s->n_cells = 1;
    }
    cg_compute_signatures(s, g);
    for (uint32_t v = 0; v < g->n_nodes; ++v) {
        cg_mark_dirty(x, v);
    }
}

void cg_canon_state_clear(CgCanonState *s)
{
    free(s->elems);
    free(s->pos);
    free(s->cell);
    free(s->cells);
    free(s->sig);
    free(s->contrib);
    memset(s, 0, sizeof *s);
}

static void cg_swap(CgCanonState *s, uint32_t i, uint32_t j)
{
    const uint32_t a = s->elems[i], b = s->elems[j];
    s->elems[i] = b;
    s->elems[j] = a;
    s->pos[b] = i;
    s->pos[a] = j;
}

/* Moves the nodes whose signature left their cell's reference to the end of
 * the cell; a singleton's reference just follows its node. */
static void cg_gather_marked(CgCanonState *s, CgCanonScratch *x)
{
    x->n_touched = 0;
    for (uint32_t i = 0; i < x->n_dirty; ++i) {
        const uint32_t v = x->dirty[i];
        x->is_dirty[v] = 0;
        CgCell *c = &s->cells[s->cell[v]];
        if (c->ref_valid && (s->sig[v] == c->ref || c->size == 1)) {
            c->ref = s->sig[v];
            continue;
        }
        if (!c->n_marked) {
            x->touched[x->n_touched++] = s->cell[v];
        }
        cg_swap(s, s->pos[v], c->start + c->size - 1 - c->n_marked++);
    }
    x->n_dirty = 0;
}

/* A run of equal signatures within a cell being split. */
typedef struct {
    uint32_t start, size;
    uint64_t sig;
    bool clean; /* the unmarked members (signature = the cell's reference) */
} CgGroup;

/* The part that keeps the cell's colour: the largest, then the clean one,
 * then the smaller signature (all isomorphism-invariant). */
static size_t cg_keeper(const CgGroup *groups, size_t n)
{
    size_t best = 0;
    for (size_t i = 1; i < n; ++i) {
        const CgGroup *a = &groups[i], *b = &groups[best];
        if (a->size != b->size ? a->size > b->size
                               : a->clean != b->clean ? a->clean : a->sig < b->sig) {
            best = i;
        }
    }
    return best;
}

static size_t cg_find_groups(const CgCanonState *s, const CgCell *c, CgGroup *groups)
{
    const uint32_t clean = c->size - c->n_marked;
    size_t n = 0;
    if (clean) {
        groups[n++] = (CgGroup){c->start, clean, c->ref, true};
    }
    for (uint32_t i = c->start + clean; i < c->start + c->size; ++i) {
        const uint64_t sig = s->sig[s->elems[i]];
        if (n && !groups[n - 1].clean && groups[n - 1].sig == sig) {
            ++groups[n - 1].size;
        } else {
            groups[n++] = (CgGroup){i, 1, sig, false};
        }
    }
    return n;
}

static void cg_recolour_group(CgCanonState *s, CgCanonScratch *x, uint32_t cell_id,
                              const CgGroup *grp, uint64_t colour)
{
    s->cells[cell_id] = (CgCell){grp->start, grp->size, 0, true, colour, grp->sig};
    for (uint32_t i = grp->start; i < grp->start + grp->size; ++i) {
        s->cell[s->elems[i]] = cell_id;
        x->recoloured[x->n_recoloured++] = s->elems[i];
    }
}

static void cg_split(CgCanonState *s, CgCanonScratch *x, uint32_t c, CgGroup *groups)
{
    CgCell *cell = &s->cells[c];
    cg_sort_range(s, cell->start + cell->size - cell->n_marked, cell->n_marked, s->sig, NULL);
    const size_t n = cg_find_groups(s, cell, groups);
    const CgCell old = *cell;
    if (old.ref_valid && n == 1) {
        cell->ref = groups[0].sig; /* the whole cell moved together */
        cell->n_marked = 0;
        return;
    }
    /* The first round recolours every part (see diff.h on locality). */
    const size_t keep = old.ref_valid ? cg_keeper(groups, n) : n;
    for (size_t i = 0; i < n; ++i) {
        if (i == keep) {
            s->cells[c] = (CgCell){groups[i].start, groups[i].size, 0, true, old.colour,
                                   groups[i].sig};
        } else {
            const uint32_t id = i == 0 && keep == n ? c : s->n_cells++;
            cg_recolour_group(s, x, id, &groups[i], cg_canon_mix(old.colour, groups[i].sig));
        }
    }
}

/* Recoloured nodes change the hashes of the quads they share with others. */
static void cg_propagate(CgCanonState *s, CgCanonScratch *x, const CgCanonGraph *g)
{
    for (uint32_t i = 0; i < x->n_recoloured; ++i) {
        const uint32_t v = x->recoloured[i];
        for (uint32_t k = g->inc_start[v]; k < g->inc_start[v + 1]; ++k) {
            const uint32_t e = g->inc[k] / 4, a = g->inc[k] % 4;
            for (uint32_t b = 0; b < 4; ++b) {
                if (b != a && (g->edges[e].t[b] & CG_BLANK_BIT) && !x->is_stale[e * 4 + b]) {
                    x->is_stale[e * 4 + b] = 1;
                    x->stale[x->n_stale++] = e * 4 + b;
                }
            }
        }
    }
    x->n_recoloured = 0;
    for (uint32_t i = 0; i < x->n_stale; ++i) {
        const uint32_t inc = x->stale[i];
        const uint32_t u = g->edges[inc / 4].t[inc % 4] & ~CG_BLANK_BIT;
        const uint64_t h = cg_contrib(s, g, inc);
        s->sig[u] += h - s->contrib[inc];
        s->contrib[inc] = h;
        x->is_stale[inc] = 0;
        cg_mark_dirty(x, u);
    }
    x->n_stale = 0;
}

void cg_canon_refine(CgCanonState *s, CgCanonScratch *x, const CgCanonGraph *g)
{
    CgGroup *groups = cg_xmalloc(((size_t)g->n_nodes + 1) * sizeof *groups);
    for (;;) {
        if (x->n_recoloured) {
            cg_propagate(s, x, g);
        }
        if (!x->n_dirty) {
            break;
        }
        cg_gather_marked(s, x);
        for (uint32_t i = 0; i < x->n_touched; ++i) {
            cg_split(s, x, x->touched[i], groups);
        }
    }
    free(groups);
}
