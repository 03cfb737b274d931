/* The summary: what changed in claimgraph's vocabulary (entities,
 * relations, evidence), then each changed relation with its quotes. */
#include "report.h"

#include "../core/mem.h"

#include <stdlib.h>
#include <string.h>

#define CG_PROV_DERIVED "<http://www.w3.org/ns/prov#wasDerivedFrom>"

static uint32_t cg_id(const CgTermTable *terms, const char *key)
{
    uint32_t id;
    return cg_diff_term_find(terms, key, &id) ? id : UINT32_MAX;
}

static void cg_vocab_ids(const CgTermTable *t, CgVocabIds *v)
{
    v->type = cg_id(t, "<" CG_NS_RDF "type>");
    v->evidence = cg_id(t, "<" CG_VOCAB "Evidence>");
    v->quote = cg_id(t, "<" CG_VOCAB "quote>");
    v->path = cg_id(t, "<" CG_VOCAB "path>");
    v->label = cg_id(t, "<" CG_NS_RDFS "label>");
    v->derived = cg_id(t, CG_PROV_DERIVED);
    v->rdf_spo[0] = cg_id(t, "<" CG_NS_RDF "subject>");
    v->rdf_spo[1] = cg_id(t, "<" CG_NS_RDF "predicate>");
    v->rdf_spo[2] = cg_id(t, "<" CG_NS_RDF "object>");
}

/* Index of the first quad with subject `s` and predicate `p`. */
static size_t cg_lower_bound(const CgRdfGraph *g, uint32_t s, uint32_t p)
{
    size_t lo = 0, hi = g->n;
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        const CgQuad *q = &g->quads[mid];
        if (q->t[0] < s || (q->t[0] == s && q->t[1] < p)) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

uint32_t cg_report_object(const CgRdfGraph *g, uint32_t s, uint32_t p)
{
    const size_t i = cg_lower_bound(g, s, p);
    return i < g->n && g->quads[i].t[0] == s && g->quads[i].t[1] == p ? g->quads[i].t[2]
                                                                      : UINT32_MAX;
}

static bool cg_starts_with(const char *s, const char *prefix)
{
    return !strncmp(s, prefix, strlen(prefix));
}

bool cg_report_is_vocab(const CgTermTable *terms, uint32_t id)
{
    return cg_starts_with(cg_diff_term_key(terms, id), "<" CG_VOCAB);
}

static int cg_u32_cmp(const void *a, const void *b)
{
    const uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static size_t cg_sort_unique(uint32_t *ids, size_t n)
{
    if (n < 2) {
        return n;
    }
    qsort(ids, n, sizeof *ids, cg_u32_cmp);
    size_t kept = 0;
    for (size_t i = 0; i < n; ++i) {
        if (!kept || ids[i] != ids[kept - 1]) {
            ids[kept++] = ids[i];
        }
    }
    return kept;
}

bool cg_report_has(const uint32_t *ids, size_t n, uint32_t id)
{
    return n && bsearch(&id, ids, n, sizeof *ids, cg_u32_cmp) != NULL;
}

/* Entities: IRIs with "/entity/" typed in the vocabulary; evidence:
 * resources typed cg:Evidence that carry a quote. */
static void cg_find_typed(const CgRdfGraph *g, const CgVocabIds *v, CgVocabView *out)
{
    size_t cap_e = 0, cap_v = 0;
    for (size_t i = 0; i < g->n; ++i) {
        const CgQuad *q = &g->quads[i];
        if (q->t[1] != v->type) {
            continue;
        }
        if (q->t[2] == v->evidence && cg_report_object(g, q->t[0], v->quote) != UINT32_MAX) {
            out->evidence = cg_xgrow(out->evidence, &cap_v, out->n_evidence + 1, sizeof(uint32_t));
            out->evidence[out->n_evidence++] = q->t[0];
        } else if (cg_report_is_vocab(g->terms, q->t[2]) &&
                   strstr(cg_diff_term_key(g->terms, q->t[0]), "/entity/") &&
                   *cg_diff_term_key(g->terms, q->t[0]) == '<') {
            out->entities = cg_xgrow(out->entities, &cap_e, out->n_entities + 1, sizeof(uint32_t));
            out->entities[out->n_entities++] = q->t[0];
        }
    }
    out->n_entities = cg_sort_unique(out->entities, out->n_entities);
    out->n_evidence = cg_sort_unique(out->evidence, out->n_evidence);
}

static void cg_find_relations(const CgRdfGraph *g, CgVocabView *out)
{
    size_t cap = 0;
    for (size_t i = 0; i < g->n; ++i) {
        const CgQuad *q = &g->quads[i];
        if (cg_report_has(out->entities, out->n_entities, q->t[0]) &&
            cg_report_has(out->entities, out->n_entities, q->t[2]) &&
            cg_report_is_vocab(g->terms, q->t[1])) {
            const CgQuad r = {{q->t[0], q->t[1], q->t[2], 0}};
            out->relations = cg_xgrow(out->relations, &cap, out->n_relations + 1, sizeof r);
            out->relations[out->n_relations++] = r;
        }
    }
    /* the same relation in several named graphs counts once */
    CgRdfGraph tmp = {.quads = out->relations, .n = out->n_relations};
    cg_diff_graph_normalise(&tmp);
    out->n_relations = tmp.n;
}

static int cg_support_cmp(const void *a, const void *b)
{
    const CgSupport *x = a, *y = b;
    const int c = cg_diff_quad_cmp(&x->relation, &y->relation);
    return c ? c : (x->evidence > y->evidence) - (x->evidence < y->evidence);
}

/* Which relation each piece of evidence supports (rdf:subject, rdf:predicate,
 * rdf:object), sorted by relation. */
static void cg_find_support(const CgRdfGraph *g, const CgVocabIds *v, CgVocabView *out)
{
    out->support = cg_xmalloc((out->n_evidence + 1) * sizeof *out->support);
    for (size_t i = 0; i < out->n_evidence; ++i) {
        CgSupport *s = &out->support[out->n_support];
        s->evidence = out->evidence[i];
        for (int a = 0; a < 3; ++a) {
            s->relation.t[a] = cg_report_object(g, out->evidence[i], v->rdf_spo[a]);
        }
        s->relation.t[3] = 0;
        out->n_support += s->relation.t[0] != UINT32_MAX && s->relation.t[1] != UINT32_MAX &&
                          s->relation.t[2] != UINT32_MAX;
    }
    qsort(out->support, out->n_support, sizeof *out->support, cg_support_cmp);
}

void cg_report_view(const CgRdfGraph *g, CgVocabView *out)
{
    memset(out, 0, sizeof *out);
    out->graph = g;
    cg_vocab_ids(g->terms, &out->ids);
    cg_find_typed(g, &out->ids, out);
    cg_find_relations(g, out);
    cg_find_support(g, &out->ids, out);
}

void cg_report_view_clear(CgVocabView *v)
{
    free(v->entities);
    free(v->evidence);
    free(v->relations);
    free(v->support);
    memset(v, 0, sizeof *v);
}

/* Counts of items only in a (removed) and only in b (added). */
static void cg_count_ids(const uint32_t *a, size_t na, const uint32_t *b, size_t nb,
                         size_t counts[2])
{
    counts[0] = counts[1] = 0;
    for (size_t i = 0; i < na; ++i) {
        counts[1] += !cg_report_has(b, nb, a[i]);
    }
    for (size_t i = 0; i < nb; ++i) {
        counts[0] += !cg_report_has(a, na, b[i]);
    }
}

static size_t cg_count_relations(const CgVocabView *a, const CgVocabView *b)
{
    size_t n = 0;
    for (size_t i = 0; i < a->n_relations; ++i) {
        n += !b->n_relations || !bsearch(&a->relations[i], b->relations, b->n_relations,
                                         sizeof(CgQuad), cg_diff_quad_cmp);
    }
    return n;
}

static void cg_write_counts(const CgDiffData *d, const CgVocabView *old_v,
                            const CgVocabView *new_v, FILE *out)
{
    size_t ent[2], ev[2];
    cg_count_ids(old_v->entities, old_v->n_entities, new_v->entities, new_v->n_entities, ent);
    cg_count_ids(old_v->evidence, old_v->n_evidence, new_v->evidence, new_v->n_evidence, ev);
    fprintf(out, "%-10s %9s %9s\n", "", "added", "removed");
    fprintf(out, "%-10s %9zu %9zu\n", "entities", ent[0], ent[1]);
    fprintf(out, "%-10s %9zu %9zu\n", "relations", cg_count_relations(new_v, old_v),
            cg_count_relations(old_v, new_v));
    fprintf(out, "%-10s %9zu %9zu\n", "evidence", ev[0], ev[1]);
    fprintf(out, "%-10s %9zu %9zu\n", "triples", d->n_added, d->n_removed);
}

CgStatus cg_diff_write_summary(const CgDiffData *d, FILE *out)
{
    CgVocabView old_v, new_v;
    cg_report_view(d->old_graph, &old_v);
    cg_report_view(d->new_graph, &new_v);
    cg_write_counts(d, &old_v, &new_v, out);
    cg_report_relations(&old_v, &new_v, out);
    cg_report_view_clear(&old_v);
    cg_report_view_clear(&new_v);
    return ferror(out) ? CG_ERR_IO : CG_OK;
}
