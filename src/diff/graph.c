/* CgRdfGraph: a sorted array of integer quads over a shared term table. */
#include "diff_internal.h"

#include "../core/mem.h"

#include <stdlib.h>
#include <string.h>

CgRdfGraph *cg_diff_graph_new(CgTermTable *terms)
{
    CgRdfGraph *g = cg_xcalloc(1, sizeof *g);
    g->terms = terms;
    return g;
}

void cg_diff_graph_free(CgRdfGraph *graph)
{
    if (!graph) {
        return;
    }
    for (size_t i = 0; i < graph->n_prefixes; ++i) {
        free(graph->prefixes[i].prefix);
        free(graph->prefixes[i].iri);
    }
    free(graph->prefixes);
    free(graph->quads);
    free(graph);
}

size_t cg_diff_graph_size(const CgRdfGraph *graph)
{
    return graph->n;
}

void cg_diff_graph_push(CgRdfGraph *graph, const CgQuad *quad)
{
    graph->quads = cg_xgrow(graph->quads, &graph->cap, graph->n + 1, sizeof *graph->quads);
    graph->quads[graph->n++] = *quad;
}

int cg_diff_quad_cmp(const void *a, const void *b)
{
    const CgQuad *x = a, *y = b;
    for (int i = 0; i < 4; ++i) {
        if (x->t[i] != y->t[i]) {
            return x->t[i] < y->t[i] ? -1 : 1;
        }
    }
    return 0;
}

void cg_diff_graph_normalise(CgRdfGraph *graph)
{
    if (graph->n < 2) {
        return;
    }
    qsort(graph->quads, graph->n, sizeof *graph->quads, cg_diff_quad_cmp);
    size_t kept = 1;
    for (size_t i = 1; i < graph->n; ++i) {
        if (cg_diff_quad_cmp(&graph->quads[i], &graph->quads[kept - 1])) {
            graph->quads[kept++] = graph->quads[i];
        }
    }
    graph->n = kept;
}

void cg_diff_graph_add_prefix(CgRdfGraph *graph, const char *prefix, const char *iri)
{
    for (size_t i = 0; i < graph->n_prefixes; ++i) {
        if (!strcmp(graph->prefixes[i].prefix, prefix)) {
            return; /* the first declaration wins, as a reader would expect */
        }
    }
    graph->prefixes = cg_xgrow(graph->prefixes, &graph->cap_prefixes, graph->n_prefixes + 1,
                               sizeof *graph->prefixes);
    graph->prefixes[graph->n_prefixes++] = (CgPrefix){cg_xstrdup(prefix), cg_xstrdup(iri)};
}
