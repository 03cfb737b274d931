/* What a diagram draws: the selection, its relations merged into edges,
 * the evidence of each relation, and the predicates' order for colours. */
#include "diagram_internal.h"

#include "../core/mem.h"

#include <stdlib.h>
#include <string.h>

size_t cg_diagram_support(const CgGraphRelation *r)
{
    return r->support ? r->support : !r->negated;
}

static int cg_cmp_u32(uint32_t a, uint32_t b)
{
    return (a > b) - (a < b);
}

/* One relation or one piece of evidence, as the keys that order them. */
typedef struct {
    uint32_t subject, object;
    bool symmetric;
    const char *predicate;
    size_t index;
} CgKey;

/* The graph's relation order: subject, predicate, object. */
static int cg_triple_cmp(const CgKey *a, const CgKey *b)
{
    int c;
    if ((c = cg_cmp_u32(a->subject, b->subject)) || (c = strcmp(a->predicate, b->predicate))) {
        return c;
    }
    return cg_cmp_u32(a->object, b->object);
}

static int cg_evidence_cmp(const void *pa, const void *pb)
{
    const CgKey *a = pa, *b = pb;
    const int c = cg_triple_cmp(a, b);
    return c ? c : (a->index > b->index) - (a->index < b->index);
}

/* Edge order: the pair and its direction first, then the predicate. */
static int cg_edge_cmp(const void *pa, const void *pb)
{
    const CgKey *a = pa, *b = pb;
    int c;
    if ((c = cg_cmp_u32(a->subject, b->subject)) || (c = cg_cmp_u32(a->object, b->object)) ||
        (c = (int)a->symmetric - (int)b->symmetric)) {
        return c;
    }
    return strcmp(a->predicate, b->predicate);
}

/* Evidence sorted like the relations, keeping the graph's (document,
 * offset) order within each, so one pass hands each relation its run. */
static void cg_index_evidence(CgDiagram *d)
{
    const size_t ne = cg_graph_evidence_count(d->graph), nr = cg_graph_relation_count(d->graph);
    CgKey *keys = cg_xcalloc(ne ? ne : 1, sizeof *keys);
    for (size_t i = 0; i < ne; ++i) {
        const CgGraphEvidence *ev = cg_graph_evidence(d->graph, i);
        keys[i] = (CgKey){ev->subject, ev->object, ev->symmetric, ev->predicate, i};
    }
    qsort(keys, ne, sizeof *keys, cg_evidence_cmp);
    d->evidence = cg_xcalloc(ne ? ne : 1, sizeof *d->evidence);
    d->ev_begin = cg_xcalloc(nr ? nr : 1, sizeof *d->ev_begin);
    d->ev_end = cg_xcalloc(nr ? nr : 1, sizeof *d->ev_end);
    for (size_t i = 0; i < ne; ++i) {
        d->evidence[i] = keys[i].index;
    }
    size_t k = 0;
    for (size_t r = 0; r < nr; ++r) {
        const CgGraphRelation *rel = cg_graph_relation(d->graph, r);
        const CgKey key = {rel->subject, rel->object, rel->symmetric, rel->predicate, 0};
        while (k < ne && cg_triple_cmp(&keys[k], &key) < 0) {
            ++k;
        }
        d->ev_begin[r] = k;
        while (k < ne && !cg_triple_cmp(&keys[k], &key)) {
            ++k;
        }
        d->ev_end[r] = k;
    }
    free(keys);
}

static int cg_str_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void cg_list_predicates(CgDiagram *d)
{
    const size_t n = cg_graph_relation_count(d->graph);
    d->predicates = cg_xcalloc(n ? n : 1, sizeof *d->predicates);
    for (size_t i = 0; i < n; ++i) {
        d->predicates[i] = cg_graph_relation(d->graph, i)->predicate;
    }
    qsort(d->predicates, n, sizeof *d->predicates, cg_str_cmp);
    d->n_predicates = 0;
    for (size_t i = 0; i < n; ++i) {
        if (!d->n_predicates || strcmp(d->predicates[d->n_predicates - 1], d->predicates[i])) {
            d->predicates[d->n_predicates++] = d->predicates[i];
        }
    }
}

size_t cg_diagram_predicate_rank(const CgDiagram *d, const char *predicate)
{
    const char **found = bsearch(&predicate, d->predicates, d->n_predicates,
                                 sizeof *d->predicates, cg_str_cmp);
    return found ? (size_t)(found - d->predicates) : 0;
}

/* Stated as a fact by at least one quote (no certainty cue: "asserted").
 * A relation read back without evidence is taken as stated. */
static bool cg_relation_asserted(const CgDiagram *d, size_t r)
{
    for (size_t k = d->ev_begin[r]; k < d->ev_end[r]; ++k) {
        const CgGraphClaim *claim = &cg_graph_evidence(d->graph, d->evidence[k])->claim;
        if (!claim->negated && (!claim->certainty || !strcmp(claim->certainty, "asserted"))) {
            return true;
        }
    }
    return d->ev_begin[r] == d->ev_end[r];
}

static void cg_finish_edge(CgDiagram *d, CgDrawnEdge *e)
{
    for (size_t i = 0; i < e->n_relations; ++i) {
        e->support += cg_diagram_support(cg_graph_relation(d->graph, e->relations[i]));
        e->asserted = e->asserted || cg_relation_asserted(d, e->relations[i]);
    }
}

/* Sorts the drawn relations by pair and direction and cuts them into edges. */
static void cg_group_edges(CgDiagram *d)
{
    const size_t n = d->sel.n_relations;
    CgKey *keys = cg_xcalloc(n ? n : 1, sizeof *keys);
    size_t k = 0;
    for (size_t i = 0; i < cg_graph_relation_count(d->graph); ++i) {
        const CgGraphRelation *r = cg_graph_relation(d->graph, i);
        if (d->sel.relations[i]) {
            keys[k++] = (CgKey){r->subject, r->object, r->symmetric, r->predicate, i};
        }
    }
    qsort(keys, n, sizeof *keys, cg_edge_cmp);
    d->edge_relations = cg_xcalloc(n ? n : 1, sizeof *d->edge_relations);
    d->edges = cg_xcalloc(n ? n : 1, sizeof *d->edges);
    for (size_t i = 0; i < n; ++i) {
        d->edge_relations[i] = keys[i].index;
        CgDrawnEdge *last = d->n_edges ? &d->edges[d->n_edges - 1] : NULL;
        if (last && last->subject == keys[i].subject && last->object == keys[i].object &&
            last->symmetric == keys[i].symmetric) {
            ++last->n_relations;
            continue;
        }
        d->edges[d->n_edges++] = (CgDrawnEdge){keys[i].subject, keys[i].object,
                                               keys[i].symmetric, &d->edge_relations[i], 1, 0,
                                               false};
    }
    for (size_t i = 0; i < d->n_edges; ++i) {
        cg_finish_edge(d, &d->edges[i]);
    }
    free(keys);
}

uint32_t cg_diagram_edge_document(const CgDiagram *d, const CgDrawnEdge *e)
{
    uint32_t best = UINT32_MAX;
    for (size_t i = 0; i < e->n_relations; ++i) {
        const size_t r = e->relations[i];
        if (d->ev_begin[r] < d->ev_end[r]) {
            const size_t ev = d->evidence[d->ev_begin[r]];
            const uint32_t doc = cg_graph_evidence(d->graph, ev)->document;
            best = doc < best ? doc : best;
        }
    }
    return best;
}

/* dot's ranking and crossing minimisation grow steeply: a generated graph
 * of 100 entities and 300 labelled relations takes it 20 s, of 200 and 600
 * over 5 minutes; sfdp draws 500 and 1,500 in half a second. */
#define CG_DOT_RELATIONS_MAX 150

static bool cg_small(const CgDiagram *d)
{
    return d->sel.n_entities < CG_LAYOUT_AUTO_LIMIT && d->sel.n_relations <= CG_DOT_RELATIONS_MAX;
}

static CgLayout cg_resolve_layout(const CgDiagram *d, CgDiagSink *sink)
{
    if (d->opts.layout == CG_LAYOUT_DOT && !cg_small(d)) {
        cg_diag(sink, CG_SEV_WARNING, CG_FAILURE, NULL, 0, 0,
                "dot may take minutes for %zu entities and %zu relations; sfdp takes seconds",
                d->sel.n_entities, d->sel.n_relations);
    }
    if (d->opts.layout != CG_LAYOUT_AUTO) {
        return d->opts.layout;
    }
    return cg_small(d) ? CG_LAYOUT_DOT : CG_LAYOUT_SFDP;
}

CgStatus cg_diagram_init(CgDiagram *d, const CgGraph *graph, const CgDiagramOptions *opts,
                         CgDiagSink *sink)
{
    memset(d, 0, sizeof *d);
    d->graph = graph;
    if (opts) {
        d->opts = *opts;
    } else {
        cg_diagram_options_init(&d->opts);
    }
    const CgStatus st = cg_diagram_select(graph, &d->opts, &d->sel, sink);
    if (st) {
        return st;
    }
    d->layout = cg_resolve_layout(d, sink);
    if (d->opts.cluster == CG_CLUSTER_TYPE && d->layout != CG_LAYOUT_DOT) {
        cg_diag(sink, CG_SEV_WARNING, CG_FAILURE, NULL, 0, 0,
                "clusters by type are drawn by the dot layout only; not drawn");
    }
    cg_index_evidence(d);
    cg_list_predicates(d);
    cg_group_edges(d);
    return CG_OK;
}

void cg_diagram_clear(CgDiagram *d)
{
    cg_diagram_selection_clear(&d->sel);
    free(d->edges);
    free(d->edge_relations);
    free(d->evidence);
    free(d->ev_begin);
    free(d->ev_end);
    free(d->predicates);
    memset(d, 0, sizeof *d);
}
