/* Individualisation-refinement over one component (see diff.h, step 2).
 *
 * The search tree: at each node, the smallest non-singleton cell is the
 * target and each of its members is tried in turn as the next individualised
 * node.  Every leaf is a discrete colouring; the smallest certificate over
 * all leaves is the canonical form.  Branches are skipped only when an
 * automorphism fixing the path maps them to a branch already explored, so
 * the minimum does not depend on the order of exploration. */
#include "canon.h"

#include "../core/mem.h"

#include <stdlib.h>
#include <string.h>

#define CG_MAX_AUTS 64
#define CG_MARK_SELF UINT64_C(0xfffffffffffffff1)
#define CG_MARK_PARTNER UINT64_C(0xfffffffffffffff2)

typedef struct {
    const CgCanonGraph *g;
    CgCanonScratch x;
    bool have_best, over;
    uint64_t *best_cert, *leaf_cert; /* 4 values per edge, sorted as records */
    uint64_t *best_colour;           /* per node, in the best leaf */
    uint64_t *colours;               /* per node, in the leaf at hand */
    uint32_t *best_order;            /* nodes by colour in the best leaf */
    uint32_t *order;
    uint32_t *auts[CG_MAX_AUTS]; /* automorphisms found: node -> node */
    size_t n_auts;
    uint32_t *path; /* individualised nodes, root first */
    uint64_t (*twin_a)[4], (*twin_b)[4];
    uint64_t limit;
    size_t path_bytes; /* held by the states along the current path */
} CgSearch;

/* ---- leaves ------------------------------------------------------------- */

static int cg_cert_cmp(const uint64_t *a, const uint64_t *b, uint32_t n_edges)
{
    for (size_t i = 0; i < (size_t)n_edges * 4; ++i) {
        if (a[i] != b[i]) {
            return a[i] < b[i] ? -1 : 1;
        }
    }
    return 0;
}

static void cg_build_cert(const CgSearch *S, const uint64_t *colours, uint64_t *cert)
{
    const CgCanonGraph *g = S->g;
    for (uint32_t e = 0; e < g->n_edges; ++e) {
        for (int a = 0; a < 4; ++a) {
            const uint32_t t = g->edges[e].t[a];
            cert[e * 4 + a] = t & CG_BLANK_BIT ? colours[t & ~CG_BLANK_BIT] : g->term_hash[t];
        }
    }
    qsort(cert, g->n_edges, 4 * sizeof *cert, cg_canon_record_cmp);
}

/* Ordering the nodes by their (distinct) colours gives a leaf's labelling
 * as a sequence. */
static int cg_colour_cmp(const void *a, const void *b)
{
    const uint64_t x = ((const uint64_t *)a)[0], y = ((const uint64_t *)b)[0];
    return (x > y) - (x < y);
}

static void cg_leaf_order(const CgSearch *S, const uint64_t *colours, uint32_t *order)
{
    const uint32_t n = S->g->n_nodes;
    uint64_t(*pairs)[2] = cg_xmalloc(((size_t)n + 1) * sizeof *pairs);
    for (uint32_t v = 0; v < n; ++v) {
        pairs[v][0] = colours[v];
        pairs[v][1] = v;
    }
    qsort(pairs, n, sizeof *pairs, cg_colour_cmp);
    for (uint32_t i = 0; i < n; ++i) {
        order[i] = (uint32_t)pairs[i][1];
    }
    free(pairs);
}

static void cg_record_aut(CgSearch *S, const uint64_t *colours)
{
    if (S->n_auts == CG_MAX_AUTS) {
        return;
    }
    cg_leaf_order(S, colours, S->order);
    uint32_t *aut = cg_xmalloc(((size_t)S->g->n_nodes + 1) * sizeof *aut);
    for (uint32_t i = 0; i < S->g->n_nodes; ++i) {
        aut[S->best_order[i]] = S->order[i];
    }
    S->auts[S->n_auts++] = aut;
}

/* A leaf: a discrete colouring, kept if its certificate is the smallest. */
static void cg_leaf(CgSearch *S, const uint64_t *colours)
{
    const CgCanonGraph *g = S->g;
    cg_build_cert(S, colours, S->leaf_cert);
    S->x.work += (uint64_t)g->n_edges * 4 + g->n_nodes;
    const int cmp = S->have_best ? cg_cert_cmp(S->leaf_cert, S->best_cert, g->n_edges) : -1;
    if (cmp < 0) {
        uint64_t *t = S->best_cert;
        S->best_cert = S->leaf_cert;
        S->leaf_cert = t;
        memcpy(S->best_colour, colours, (size_t)g->n_nodes * sizeof *colours);
        cg_leaf_order(S, colours, S->best_order);
        S->have_best = true;
    } else if (cmp == 0) {
        cg_record_aut(S, colours);
    }
}

static void cg_state_leaf(CgSearch *S, const CgCanonState *s)
{
    for (uint32_t v = 0; v < S->g->n_nodes; ++v) {
        S->colours[v] = cg_canon_colour(s, v);
    }
    cg_leaf(S, S->colours);
}

/* ---- pruning ------------------------------------------------------------ */

/* u's quads with u and w replaced by markers, other blank nodes by their
 * numbers and other terms by their hashes (a component's constants are
 * numbered per slot, so equal ones compare by value), sorted. */
static uint32_t cg_twin_list(const CgCanonGraph *g, uint32_t u, uint32_t w, uint64_t (*out)[4])
{
    uint32_t n = 0;
    for (uint32_t k = g->inc_start[u]; k < g->inc_start[u + 1]; ++k, ++n) {
        const CgQuad *q = &g->edges[g->inc[k] / 4];
        for (int a = 0; a < 4; ++a) {
            const uint32_t t = q->t[a];
            out[n][a] = t == (CG_BLANK_BIT | u)   ? CG_MARK_SELF
                        : t == (CG_BLANK_BIT | w) ? CG_MARK_PARTNER
                        : t & CG_BLANK_BIT        ? t
                                                  : g->term_hash[t];
        }
    }
    qsort(out, n, sizeof *out, cg_canon_record_cmp);
    return n;
}

/* Whether swapping u and w (and nothing else) is an automorphism. */
static bool cg_twins(CgSearch *S, uint32_t u, uint32_t w)
{
    const CgCanonGraph *g = S->g;
    const uint32_t du = g->inc_start[u + 1] - g->inc_start[u];
    if (du != g->inc_start[w + 1] - g->inc_start[w]) {
        return false;
    }
    cg_twin_list(g, u, w, S->twin_a);
    cg_twin_list(g, w, u, S->twin_b);
    S->x.work += du * 2u;
    for (uint32_t i = 0; i < du; ++i) {
        if (cg_canon_record_cmp(S->twin_a[i], S->twin_b[i])) {
            return false;
        }
    }
    return true;
}

static uint32_t cg_find(uint32_t *parent, uint32_t i)
{
    while (parent[i] != i) {
        i = parent[i] = parent[parent[i]];
    }
    return i;
}

static bool cg_fixes_path(const uint32_t *aut, const uint32_t *path, uint32_t len)
{
    for (uint32_t i = 0; i < len; ++i) {
        if (aut[path[i]] != path[i]) {
            return false;
        }
    }
    return true;
}

/* Candidates in the orbit of an explored one, under the automorphisms found
 * so far that fix the path, are skipped. */
static void cg_prune_orbits(CgSearch *S, const CgCanonState *s, const CgCell *cell,
                            uint32_t path_len, uint8_t *state)
{
    uint32_t *parent = cg_xmalloc(((size_t)cell->size + 1) * sizeof *parent);
    for (uint32_t i = 0; i <= cell->size; ++i) {
        parent[i] = i; /* parent[size]: the root of every explored orbit */
    }
    for (size_t a = 0; a < S->n_auts; ++a) {
        if (!cg_fixes_path(S->auts[a], S->path, path_len)) {
            continue;
        }
        for (uint32_t i = 0; i < cell->size; ++i) {
            const uint32_t j = s->pos[S->auts[a][s->elems[cell->start + i]]] - cell->start;
            if (j < cell->size) {
                parent[cg_find(parent, i)] = cg_find(parent, j);
            }
        }
        S->x.work += cell->size;
    }
    for (uint32_t i = 0; i < cell->size; ++i) {
        if (state[i] == 1) {
            parent[cg_find(parent, i)] = cell->size; /* mark the orbit as explored */
        }
    }
    for (uint32_t i = 0; i < cell->size; ++i) {
        if (!state[i] && parent[cg_find(parent, i)] == cell->size) {
            state[i] = 2;
        }
    }
    free(parent);
}

/* ---- the tree ----------------------------------------------------------- */

/* The smallest cell with two or more nodes (ties: the smaller colour). */
static uint32_t cg_target_cell(const CgCanonState *s)
{
    uint32_t best = UINT32_MAX;
    for (uint32_t c = 0; c < s->n_cells; ++c) {
        const CgCell *a = &s->cells[c];
        if (a->size > 1 &&
            (best == UINT32_MAX || a->size < s->cells[best].size ||
             (a->size == s->cells[best].size && a->colour < s->cells[best].colour))) {
            best = c;
        }
    }
    return best;
}

/* When every member of the target cell is a twin of the first, any order of
 * individualising them gives the same labelled graph: no branching. */
static bool cg_all_twins(CgSearch *S, const CgCanonState *s, const CgCell *cell)
{
    const uint32_t first = s->elems[cell->start];
    for (uint32_t i = 1; i < cell->size; ++i) {
        if (!cg_twins(S, first, s->elems[cell->start + i])) {
            return false;
        }
    }
    return true;
}

static void cg_search_node(CgSearch *S, CgCanonState *s, uint32_t path_len);

static void cg_individualise_all(CgSearch *S, CgCanonState *s, const CgCell *cell,
                                 uint32_t path_len)
{
    uint32_t *members = cg_xmalloc((size_t)cell->size * sizeof *members);
    memcpy(members, s->elems + cell->start, (size_t)cell->size * sizeof *members);
    for (uint32_t i = 0; i + 1 < cell->size; ++i) {
        cg_canon_individualise(s, &S->x, S->g, members[i]);
        S->path[path_len++] = members[i];
    }
    free(members);
    cg_canon_refine(s, &S->x, S->g);
    cg_search_node(S, s, path_len);
}

/* What one copy of a state holds. */
static size_t cg_state_bytes(const CgCanonGraph *g)
{
    return ((size_t)g->n_nodes + 1) * (3 * sizeof(uint32_t) + sizeof(CgCell) + sizeof(uint64_t)) +
           ((size_t)g->n_edges * 4 + 1) * sizeof(uint64_t);
}

static void cg_explore_child(CgSearch *S, const CgCanonState *s, uint32_t v, uint32_t path_len)
{
    const size_t bytes = cg_state_bytes(S->g);
    if (S->path_bytes + bytes > CG_CANON_PATH_BYTES) {
        S->over = true;
        return;
    }
    CgCanonState child;
    const uint32_t depth = S->x.depth;
    cg_canon_state_copy(&child, s, S->g);
    S->path_bytes += bytes;
    S->x.work += S->g->n_nodes + (uint64_t)S->g->n_edges * 4;
    cg_canon_individualise(&child, &S->x, S->g, v);
    cg_canon_refine(&child, &S->x, S->g);
    S->path[path_len] = v;
    cg_search_node(S, &child, path_len + 1);
    cg_canon_state_clear(&child);
    S->path_bytes -= bytes;
    S->x.depth = depth;
}

static void cg_branch(CgSearch *S, const CgCanonState *s, const CgCell *cell, uint32_t path_len)
{
    uint8_t *state = cg_xcalloc(cell->size, 1); /* 0 to do, 1 explored, 2 skipped */
    for (uint32_t i = 0; i < cell->size && !S->over; ++i) {
        if (state[i]) {
            continue;
        }
        const uint32_t v = s->elems[cell->start + i];
        cg_explore_child(S, s, v, path_len);
        state[i] = 1;
        for (uint32_t j = i + 1; j < cell->size; ++j) {
            if (!state[j] && cg_twins(S, v, s->elems[cell->start + j])) {
                state[j] = 2;
            }
        }
        cg_prune_orbits(S, s, cell, path_len, state);
    }
    free(state);
}

static void cg_search_node(CgSearch *S, CgCanonState *s, uint32_t path_len)
{
    if (S->x.work > S->limit) {
        S->over = true;
    }
    if (S->over) {
        return;
    }
    if (s->n_cells == S->g->n_nodes) {
        cg_state_leaf(S, s);
        return;
    }
    CgStatus st;
    if (cg_canon_split(S->g, s, S->colours, &S->x.work, &st)) {
        S->over |= st != CG_OK;
        if (!st) {
            cg_leaf(S, S->colours);
        }
        return;
    }
    const CgCell cell = s->cells[cg_target_cell(s)];
    if (cg_all_twins(S, s, &cell)) {
        cg_individualise_all(S, s, &cell, path_len);
    } else {
        cg_branch(S, s, &cell, path_len);
    }
}

static void cg_search_init(CgSearch *S, const CgCanonGraph *g, uint64_t work)
{
    const size_t n = (size_t)g->n_nodes + 1, m = (size_t)g->n_edges * 4 + 4;
    memset(S, 0, sizeof *S);
    S->g = g;
    cg_canon_scratch_init(&S->x, g);
    S->x.work = work;
    S->limit = CG_CANON_WORK_LIMIT;
    S->best_cert = cg_xmalloc(m * sizeof *S->best_cert);
    S->leaf_cert = cg_xmalloc(m * sizeof *S->leaf_cert);
    S->best_colour = cg_xmalloc(n * sizeof *S->best_colour);
    S->colours = cg_xmalloc(n * sizeof *S->colours);
    S->best_order = cg_xmalloc(n * sizeof *S->best_order);
    S->order = cg_xmalloc(n * sizeof *S->order);
    S->path = cg_xmalloc(n * sizeof *S->path);
    S->twin_a = cg_xmalloc(((size_t)g->inc_start[g->n_nodes] + 1) * sizeof *S->twin_a);
    S->twin_b = cg_xmalloc(((size_t)g->inc_start[g->n_nodes] + 1) * sizeof *S->twin_b);
}

static void cg_search_clear(CgSearch *S)
{
    cg_canon_scratch_clear(&S->x);
    for (size_t i = 0; i < S->n_auts; ++i) {
        free(S->auts[i]);
    }
    free(S->best_cert);
    free(S->leaf_cert);
    free(S->best_colour);
    free(S->colours);
    free(S->best_order);
    free(S->order);
    free(S->path);
    free(S->twin_a);
    free(S->twin_b);
}

CgStatus cg_canon_search(const CgCanonGraph *g, uint64_t *colours, uint64_t *cert,
                         uint64_t *work)
{
    CgSearch S;
    cg_search_init(&S, g, *work);
    CgCanonState root;
    cg_canon_state_init(&root, &S.x, g, colours);
    cg_canon_refine(&root, &S.x, g);
    cg_search_node(&S, &root, 0);
    cg_canon_state_clear(&root);
    const CgStatus st = S.over ? CG_ERR_LIMIT : CG_OK;
    if (!st) {
        memcpy(colours, S.best_colour, (size_t)g->n_nodes * sizeof *colours);
        uint64_t h = CG_CANON_CERT_SEED;
        for (size_t i = 0; i < (size_t)g->n_edges * 4; ++i) {
            h = cg_canon_mix(h, S.best_cert[i]);
        }
        *cert = h;
    }
    *work = S.x.work;
    cg_search_clear(&S);
    return st;
}
