/* Which entities and relations a diagram draws: the filters of
 * CgDiagramOptions (types, excluded ids, predicates, support, ego graph,
 * most evidence). */
#include "diagram_internal.h"

#include "../core/mem.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void cg_diagram_options_init(CgDiagramOptions *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->depth = 1;
}

void cg_diagram_selection_clear(CgDiagramSelection *sel)
{
    if (sel) {
        free(sel->entities);
        free(sel->relations);
        memset(sel, 0, sizeof *sel);
    }
}

/* An empty list keeps everything. */
static bool cg_listed(const char *const *names, size_t n, const char *name)
{
    for (size_t i = 0; i < n; ++i) {
        if (!strcmp(names[i], name)) {
            return true;
        }
    }
    return n == 0;
}

static bool cg_has_type(const CgGraph *graph, const char *type)
{
    for (size_t i = 0; i < cg_graph_entity_count(graph); ++i) {
        if (!strcmp(cg_graph_entity(graph, i)->type, type)) {
            return true;
        }
    }
    return false;
}

static bool cg_has_predicate(const CgGraph *graph, const char *predicate)
{
    for (size_t i = 0; i < cg_graph_relation_count(graph); ++i) {
        if (!strcmp(cg_graph_relation(graph, i)->predicate, predicate)) {
            return true;
        }
    }
    return false;
}

static bool cg_has_entity(const CgGraph *graph, const char *id)
{
    return cg_graph_find_entity(graph, id) >= 0;
}

/* A name the graph lacks filters nothing: most likely a typo, so say so. */
static void cg_warn_unknown(const CgGraph *graph, const char *const *names, size_t n,
                            bool (*known)(const CgGraph *, const char *), const char *what,
                            CgDiagSink *sink)
{
    for (size_t i = 0; i < n; ++i) {
        if (!known(graph, names[i])) {
            cg_diag(sink, CG_SEV_WARNING, CG_FAILURE, NULL, 0, 0,
                    "the graph has no %s '%s'", what, names[i]);
        }
    }
}

static void cg_select_entities(const CgGraph *graph, const CgDiagramOptions *o, bool *keep)
{
    for (size_t i = 0; i < cg_graph_entity_count(graph); ++i) {
        const CgGraphEntity *e = cg_graph_entity(graph, i);
        keep[i] = cg_listed(o->types, o->n_types, e->type) &&
                  !(o->n_exclude && cg_listed(o->exclude, o->n_exclude, e->id));
    }
}

static void cg_select_relations(const CgGraph *graph, const CgDiagramOptions *o,
                                const bool *entities, bool *keep)
{
    for (size_t i = 0; i < cg_graph_relation_count(graph); ++i) {
        const CgGraphRelation *r = cg_graph_relation(graph, i);
        const size_t support = cg_diagram_support(r);
        keep[i] = entities[r->subject] && entities[r->object] && support &&
                  support >= o->min_evidence &&
                  cg_listed(o->predicates, o->n_predicates, r->predicate);
    }
}

/* Breadth-first by rounds: after round d every entity d hops from the
 * focus has its distance.  Stops early once a round finds nothing new. */
static unsigned *cg_distances(const CgGraph *graph, const bool *relations, size_t focus,
                              unsigned depth)
{
    const size_t n = cg_graph_entity_count(graph);
    unsigned *dist = cg_xmalloc(n * sizeof *dist);
    for (size_t i = 0; i < n; ++i) {
        dist[i] = UINT_MAX;
    }
    dist[focus] = 0;
    bool grew = true;
    for (unsigned d = 0; d < depth && grew; ++d) {
        grew = false;
        for (size_t i = 0; i < cg_graph_relation_count(graph); ++i) {
            const CgGraphRelation *r = cg_graph_relation(graph, i);
            const uint32_t ends[2] = {r->subject, r->object};
            for (int k = 0; relations[i] && k < 2; ++k) {
                if (dist[ends[k]] == d && dist[ends[1 - k]] > d + 1) {
                    dist[ends[1 - k]] = d + 1;
                    grew = true;
                }
            }
        }
    }
    return dist;
}

static void cg_select_ego(const CgGraph *graph, size_t focus, unsigned depth,
                          CgDiagramSelection *sel)
{
    unsigned *dist = cg_distances(graph, sel->relations, focus, depth);
    for (size_t i = 0; i < cg_graph_entity_count(graph); ++i) {
        sel->entities[i] = dist[i] <= depth;
    }
    for (size_t i = 0; i < cg_graph_relation_count(graph); ++i) {
        const CgGraphRelation *r = cg_graph_relation(graph, i);
        sel->relations[i] = sel->relations[i] && dist[r->subject] <= depth &&
                            dist[r->object] <= depth;
    }
    free(dist);
}

/* With a filter on relations, an entity is worth drawing for its relations
 * only; the focus stays, even alone, to show that it has none. */
static void cg_drop_isolated(const CgGraph *graph, long focus, CgDiagramSelection *sel)
{
    const size_t n = cg_graph_entity_count(graph);
    bool *linked = cg_xcalloc(n ? n : 1, sizeof *linked);
    for (size_t i = 0; i < cg_graph_relation_count(graph); ++i) {
        const CgGraphRelation *r = cg_graph_relation(graph, i);
        linked[r->subject] |= sel->relations[i];
        linked[r->object] |= sel->relations[i];
    }
    for (size_t i = 0; i < n; ++i) {
        sel->entities[i] = sel->entities[i] && (linked[i] || (long)i == focus);
    }
    free(linked);
}

static void cg_count_selected(CgDiagramSelection *sel, size_t n_entities, size_t n_relations)
{
    sel->n_entities = sel->n_relations = 0;
    for (size_t i = 0; i < n_entities; ++i) {
        sel->n_entities += sel->entities[i];
    }
    for (size_t i = 0; i < n_relations; ++i) {
        sel->n_relations += sel->relations[i];
    }
}

typedef struct {
    size_t index, evidence, mentions;
} CgRank;

static int cg_rank_cmp(const void *a, const void *b)
{
    const CgRank *x = a, *y = b;
    if (x->evidence != y->evidence) {
        return x->evidence > y->evidence ? -1 : 1;
    }
    if (x->mentions != y->mentions) {
        return x->mentions > y->mentions ? -1 : 1;
    }
    return x->index < y->index ? -1 : x->index > y->index;
}

/* Keeps the `max` entities with most evidence: layouts of thousands of
 * nodes take minutes and show nothing readable. */
static void cg_keep_top(const CgGraph *graph, size_t max, long focus, CgDiagramSelection *sel,
                        CgDiagSink *sink)
{
    const size_t n = cg_graph_entity_count(graph);
    CgRank *rank = cg_xcalloc(n ? n : 1, sizeof *rank);
    for (size_t i = 0; i < n; ++i) {
        rank[i] = (CgRank){i, 0, cg_graph_entity(graph, i)->mentions};
    }
    for (size_t i = 0; i < cg_graph_relation_count(graph); ++i) {
        const CgGraphRelation *r = cg_graph_relation(graph, i);
        if (sel->relations[i]) {
            rank[r->subject].evidence += cg_diagram_support(r);
            rank[r->object].evidence += cg_diagram_support(r);
        }
    }
    if (focus >= 0) {
        rank[focus].evidence = SIZE_MAX; /* first, whatever it has */
    }
    qsort(rank, n, sizeof *rank, cg_rank_cmp);
    size_t kept = 0, had = 0;
    for (size_t i = 0; i < n; ++i) {
        const size_t e = rank[i].index;
        had += sel->entities[e];
        sel->entities[e] = sel->entities[e] && kept < max;
        kept += sel->entities[e];
    }
    for (size_t i = 0; i < cg_graph_relation_count(graph); ++i) {
        const CgGraphRelation *r = cg_graph_relation(graph, i);
        sel->relations[i] = sel->relations[i] && sel->entities[r->subject] &&
                            sel->entities[r->object];
    }
    if (had > kept) {
        cg_diag(sink, CG_SEV_NOTE, CG_OK, NULL, 0, 0,
                "--max-nodes: drawing the %zu entities with most evidence of %zu", kept, had);
    }
    free(rank);
}

/* The focus entity's index, or -1 after reporting why there is none. */
static long cg_find_focus(const CgGraph *graph, const CgDiagramOptions *o, const bool *kept,
                          CgDiagSink *sink)
{
    const long focus = cg_graph_find_entity(graph, o->focus);
    if (focus < 0 || !kept[focus]) {
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_USAGE, NULL, 0, 0,
                focus < 0 ? "the focus '%s' is no entity of the graph"
                          : "the focus '%s' is left out by the type or exclude filters",
                o->focus);
    }
    return focus >= 0 && kept[focus] ? focus : -1;
}

CgStatus cg_diagram_select(const CgGraph *graph, const CgDiagramOptions *opts,
                           CgDiagramSelection *out, CgDiagSink *sink)
{
    const size_t ne = cg_graph_entity_count(graph), nr = cg_graph_relation_count(graph);
    memset(out, 0, sizeof *out);
    out->entities = cg_xcalloc(ne ? ne : 1, sizeof *out->entities);
    out->relations = cg_xcalloc(nr ? nr : 1, sizeof *out->relations);
    cg_warn_unknown(graph, opts->types, opts->n_types, cg_has_type, "entity type", sink);
    cg_warn_unknown(graph, opts->predicates, opts->n_predicates, cg_has_predicate, "predicate",
                    sink);
    cg_warn_unknown(graph, opts->exclude, opts->n_exclude, cg_has_entity, "entity", sink);
    cg_select_entities(graph, opts, out->entities);
    cg_select_relations(graph, opts, out->entities, out->relations);
    const long focus = opts->focus ? cg_find_focus(graph, opts, out->entities, sink) : -1;
    if (opts->focus && focus < 0) {
        cg_diagram_selection_clear(out);
        return CG_ERR_USAGE;
    }
    if (focus >= 0) {
        cg_select_ego(graph, (size_t)focus, opts->depth, out);
    }
    if (focus >= 0 || opts->n_predicates || opts->min_evidence > 1) {
        cg_drop_isolated(graph, focus, out);
    }
    if (opts->max_nodes) {
        cg_keep_top(graph, opts->max_nodes, focus, out, sink);
    }
    cg_count_selected(out, ne, nr);
    return CG_OK;
}
