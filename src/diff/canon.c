/* cg_canon_label: refinement over all blank nodes, then Traces for the
 * components refinement left with ties, then labels (see canon.h). */
#include "canon.h"

#include "../core/hash.h"
#include "../core/mem.h"

#include <stdlib.h>
#include <string.h>

static bool cg_has_blank(const CgQuad *q)
{
    return (q->t[0] | q->t[1] | q->t[2] | q->t[3]) & CG_BLANK_BIT;
}

/* The quads with blank nodes, as the refiner sees them. */
static void cg_build_full(const CgRdfGraph *graph, CgCanonGraph *g)
{
    memset(g, 0, sizeof *g);
    g->n_nodes = graph->n_blank;
    g->term_hash = graph->terms->hash;
    size_t cap = 0;
    for (size_t i = 0; i < graph->n; ++i) {
        if (cg_has_blank(&graph->quads[i])) {
            g->edges = cg_xgrow(g->edges, &cap, (size_t)g->n_edges + 1, sizeof *g->edges);
            g->edges[g->n_edges++] = graph->quads[i];
        }
    }
    cg_canon_graph_index(g);
}

int cg_canon_u64_cmp(const void *a, const void *b)
{
    const uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

int cg_canon_record_cmp(const void *a, const void *b)
{
    const uint64_t *x = a, *y = b;
    for (int i = 0; i < 4; ++i) {
        if (x[i] != y[i]) {
            return x[i] < y[i] ? -1 : 1;
        }
    }
    return 0;
}

/* Distinct labels are what makes the quads canonical; a 64-bit collision is
 * reported rather than silently merging two blank nodes. */
static bool cg_distinct(const uint64_t *colours, uint32_t n)
{
    uint64_t *sorted = cg_xmalloc(((size_t)n + 1) * sizeof *sorted);
    memcpy(sorted, colours, (size_t)n * sizeof *sorted);
    qsort(sorted, n, sizeof *sorted, cg_canon_u64_cmp);
    bool ok = true;
    for (uint32_t i = 1; i < n && ok; ++i) {
        ok = sorted[i] != sorted[i - 1];
    }
    free(sorted);
    return ok;
}

/* Quads without blank nodes keep their (sorted) order; those with blank
 * nodes are relabelled, sorted, and merged back: one sort of the few, not
 * of the whole graph.  Labels are new terms, so the two never meet. */
static void cg_apply_labels(CgRdfGraph *graph, const uint32_t *ids)
{
    CgQuad *plain = cg_xmalloc((graph->n + 1) * sizeof *plain);
    CgQuad *blank = cg_xmalloc((graph->n + 1) * sizeof *blank);
    size_t n_plain = 0, n_blank = 0;
    for (size_t i = 0; i < graph->n; ++i) {
        CgQuad q = graph->quads[i];
        if (!cg_has_blank(&q)) {
            plain[n_plain++] = q;
            continue;
        }
        for (int a = 0; a < 4; ++a) {
            q.t[a] = q.t[a] & CG_BLANK_BIT ? ids[q.t[a] & ~CG_BLANK_BIT] : q.t[a];
        }
        blank[n_blank++] = q;
    }
    qsort(blank, n_blank, sizeof *blank, cg_diff_quad_cmp);
    for (size_t i = 0, j = 0, k = 0; k < graph->n; ++k) {
        const bool take_plain =
            j == n_blank || (i < n_plain && cg_diff_quad_cmp(&plain[i], &blank[j]) < 0);
        graph->quads[k] = take_plain ? plain[i++] : blank[j++];
    }
    free(plain);
    free(blank);
    graph->n_blank = 0;
}

/* The label of each blank node, as a term. */
static uint32_t *cg_label_ids(CgRdfGraph *graph, const uint64_t *colours)
{
    uint32_t *ids = cg_xmalloc(((size_t)graph->n_blank + 1) * sizeof *ids);
    for (uint32_t v = 0; v < graph->n_blank; ++v) {
        char key[24] = "_:c";
        cg_hash_hex(colours[v], key + 3);
        ids[v] = cg_diff_term_intern(graph->terms, key, strlen(key));
    }
    return ids;
}

/* Step 1, then step 2 for what step 1 left tied (see canon.h). */
static CgStatus cg_canon_colours(const CgCanonGraph *g, uint64_t *colours, CgCanonBudget *b)
{
    CgCanonScratch x;
    CgCanonState s;
    cg_canon_scratch_init(&x, g);
    cg_canon_state_init(&s, &x, g, NULL);
    cg_canon_refine(&s, &x, g);
    for (uint32_t v = 0; v < g->n_nodes; ++v) {
        colours[v] = cg_canon_colour(&s, v);
    }
    const CgStatus st = s.n_cells < g->n_nodes ? cg_canon_resolve(g, &s, colours, b) : CG_OK;
    cg_canon_state_clear(&s);
    cg_canon_scratch_clear(&x);
    return st;
}

/* Which limit stopped the labelling, and how to raise it. */
static void cg_limit_diag(CgDiagSink *sink, const char *name, const CgCanonBudget *b)
{
    const char *what = "labelling the blank nodes canonically";
    if (b->hit == CG_CANON_TIME) {
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_LIMIT, name, 0, 0,
                "%s took more than the limit of %g s in nauty's Traces: the blank nodes are "
                "too symmetric; set CG_CANON_SECONDS to allow more", what, b->max_seconds);
    } else if (b->hit == CG_CANON_VERTICES) {
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_LIMIT, name, 0, 0,
                "%s needs a graph of more than the limit of %llu vertices for nauty's Traces; "
                "set CG_CANON_MAX_VERTICES to allow more", what,
                (unsigned long long)b->max_vertices);
    } else {
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_LIMIT, name, 0, 0,
                "%s needs a graph of more than the limit of %llu arcs for nauty's Traces; "
                "set CG_CANON_MAX_ARCS to allow more", what, (unsigned long long)b->max_arcs);
    }
}

CgStatus cg_canon_label(CgRdfGraph *graph, const char *name, CgDiagSink *sink)
{
    if (!graph->n_blank) {
        return CG_OK;
    }
    CgCanonGraph full;
    cg_build_full(graph, &full);
    uint64_t *colours = cg_xmalloc(((size_t)full.n_nodes + 1) * sizeof *colours);
    CgCanonBudget budget;
    cg_canon_budget_init(&budget);
    CgStatus st = cg_canon_colours(&full, colours, &budget);
    if (st == CG_ERR_LIMIT) {
        cg_limit_diag(sink, name, &budget);
    } else if (st && budget.hit == CG_CANON_FAILED) {
        st = CG_ERR_INTERNAL;
        cg_diag(sink, CG_SEV_ERROR, st, name, 0, 0,
                "nauty's Traces failed to label the blank nodes canonically; please report "
                "this graph");
    } else if (st || !cg_distinct(colours, full.n_nodes)) {
        st = CG_ERR_INTERNAL;
        cg_diag(sink, CG_SEV_ERROR, st, name, 0, 0,
                "two blank nodes got the same canonical label (a hash collision); please "
                "report this graph");
    } else {
        uint32_t *ids = cg_label_ids(graph, colours);
        cg_apply_labels(graph, ids);
        free(ids);
    }
    free(colours);
    cg_canon_graph_clear(&full);
    return st;
}
