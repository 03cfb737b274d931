#include "graph.h"

#include "../core/buf.h"
#include "../core/mem.h"
#include "../core/utf8.h"
#include "../core/strmap.h"
#include "evidence_key.h"

#include <stdlib.h>
#include <string.h>

/* A relation asserted without evidence (read back from a plain triple). */
typedef struct {
    char *predicate;
    bool symmetric;
    uint32_t subject, object;
} CgBareRelation;

struct CgGraph {
    CgGraphEntity *entities;
    size_t n_entities, cap_entities;
    CgGraphDocument *documents;
    size_t n_documents, cap_documents;
    CgGraphEvidence *evidence;
    size_t n_evidence, cap_evidence;
    CgBareRelation *bare;
    size_t n_bare, cap_bare;
    CgGraphRelation *relations; /* built by cg_graph_finish */
    size_t n_relations;
    CgStrMap *entity_ids;     /* id -> entity index */
    CgStrMap *document_paths; /* path -> document index */
    CgStrMap *evidence_keys;  /* key -> evidence index (a set, for dedupe) */
    size_t mem_strings;       /* cg_graph_memory: bytes of the items measured, */
    size_t mem_entities, mem_documents, mem_evidence, mem_bare; /* which are the first n */
};

CgGraph *cg_graph_new(void)
{
    CgGraph *graph = cg_xcalloc(1, sizeof *graph);
    graph->entity_ids = cg_strmap_new();
    graph->document_paths = cg_strmap_new();
    graph->evidence_keys = cg_strmap_new();
    return graph;
}

static void cg_entity_clear(CgGraphEntity *e)
{
    free(e->id);
    free(e->type);
    free(e->label);
    for (size_t i = 0; i < e->n_same_as; ++i) {
        free(e->same_as[i]);
    }
    free(e->same_as);
    for (size_t i = 0; i < e->n_aliases; ++i) {
        free(e->aliases[i]);
    }
    free(e->aliases);
}

void cg_graph_claim_clear(CgGraphClaim *c)
{
    if (!c) {
        return;
    }
    free(c->certainty);
    free(c->claimer_text);
    free(c->quantity_value);
    free(c->comparator);
    free(c->unit);
    free(c->subject_ref);
    free(c->object_ref);
    for (size_t i = 0; i < c->n_captures; ++i) {
        free(c->capture_names[i]);
        free(c->capture_values[i]);
    }
    free(c->capture_names);
    free(c->capture_values);
    memset(c, 0, sizeof *c);
}

static void cg_evidence_clear(CgGraphEvidence *ev)
{
    cg_graph_claim_clear(&ev->claim);
    free(ev->predicate);
    free(ev->rule);
    free(ev->quote);
    free(ev->quantity);
    free(ev->key);
}

static void cg_relations_clear(CgGraph *graph)
{
    for (size_t i = 0; i < graph->n_relations; ++i) {
        free(graph->relations[i].predicate);
    }
    free(graph->relations);
    graph->relations = NULL;
    graph->n_relations = 0;
}

void cg_graph_free(CgGraph *graph)
{
    if (!graph) {
        return;
    }
    for (size_t i = 0; i < graph->n_entities; ++i) {
        cg_entity_clear(&graph->entities[i]);
    }
    for (size_t i = 0; i < graph->n_documents; ++i) {
        CgGraphDocument *d = &graph->documents[i];
        free(d->path);
        free(d->key);
        free(d->title);
        free(d->url);
        free(d->published);
        free(d->outlet);
    }
    for (size_t i = 0; i < graph->n_evidence; ++i) {
        cg_evidence_clear(&graph->evidence[i]);
    }
    for (size_t i = 0; i < graph->n_bare; ++i) {
        free(graph->bare[i].predicate);
    }
    cg_relations_clear(graph);
    free(graph->entities);
    free(graph->documents);
    free(graph->evidence);
    free(graph->bare);
    cg_strmap_free(graph->entity_ids);
    cg_strmap_free(graph->document_paths);
    cg_strmap_free(graph->evidence_keys);
    free(graph);
}

void cg_graph_set_document_meta(CgGraph *graph, uint32_t document, const char *field,
                                const char *value)
{
    if (document >= graph->n_documents) {
        return;
    }
    CgGraphDocument *d = &graph->documents[document];
    char **slot = !strcmp(field, "title")       ? &d->title
                  : !strcmp(field, "url")       ? &d->url
                  : !strcmp(field, "published") ? &d->published
                  : !strcmp(field, "outlet")    ? &d->outlet
                                                : NULL;
    if (slot) {
        free(*slot);
        *slot = cg_xstrdup(value);
    }
}

void cg_graph_set_document_chars(CgGraph *graph, uint32_t document, size_t chars)
{
    if (document < graph->n_documents) {
        graph->documents[document].chars = chars;
        graph->documents[document].has_chars = true;
    }
}

/* Paths are kept as valid UTF-8, as RDF will write them: two paths that
 * differ only in bytes that are not UTF-8 are one document, here and once
 * written and read back. */
uint32_t cg_graph_add_document(CgGraph *graph, const char *path)
{
    if (!strcmp(path, "-")) {
        path = "stdin";
    }
    CgBuf valid = CG_BUF_INIT;
    path = cg_utf8_sanitize(&valid, path);
    uint32_t index;
    if (cg_strmap_get(graph->document_paths, path, strlen(path), &index)) {
        cg_buf_free(&valid);
        return index;
    }
    char key[17];
    cg_document_key(path, key);
    graph->documents = cg_xgrow(graph->documents, &graph->cap_documents,
                                graph->n_documents + 1, sizeof *graph->documents);
    index = (uint32_t)graph->n_documents++;
    graph->documents[index] = (CgGraphDocument){.path = cg_xstrdup(path), .key = cg_xstrdup(key)};
    cg_strmap_put(graph->document_paths, path, strlen(path), index);
    cg_buf_free(&valid);
    return index;
}

static int cg_strptr_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* sameAs links are a set: sorted and without repeats, so that the order a
 * rule lists them in (or an RDF file gives them in) does not show. */
static char **cg_strv_set_copy(char *const *v, size_t *n)
{
    if (!*n) {
        return NULL;
    }
    char **copy = cg_xcalloc(*n, sizeof *copy);
    memcpy(copy, v, *n * sizeof *copy);
    qsort(copy, *n, sizeof *copy, cg_strptr_cmp);
    size_t k = 0;
    for (size_t i = 0; i < *n; ++i) {
        if (!k || strcmp(copy[i], copy[k - 1])) {
            copy[k++] = copy[i];
        }
    }
    for (size_t i = 0; i < k; ++i) {
        copy[i] = cg_xstrdup(copy[i]);
    }
    *n = k;
    return copy;
}

uint32_t cg_graph_add_entity(CgGraph *graph, const char *id, const char *type,
                             const char *label, char *const *same_as, size_t n_same_as)
{
    uint32_t index;
    if (cg_strmap_get(graph->entity_ids, id, strlen(id), &index)) {
        return index;
    }
    graph->entities = cg_xgrow(graph->entities, &graph->cap_entities,
                               graph->n_entities + 1, sizeof *graph->entities);
    index = (uint32_t)graph->n_entities++;
    char **links = cg_strv_set_copy(same_as, &n_same_as);
    /* An entity read back from RDF may lack a type or label; keep the
     * accessors' strings non-NULL so writers need no special cases. */
    graph->entities[index] = (CgGraphEntity){
        .id = cg_xstrdup(id),
        .type = cg_xstrdup(type ? type : "Thing"),
        .label = cg_xstrdup(label ? label : id),
        .same_as = links,
        .n_same_as = n_same_as,
    };
    cg_strmap_put(graph->entity_ids, id, strlen(id), index);
    return index;
}

void cg_graph_count_mention(CgGraph *graph, uint32_t entity)
{
    cg_graph_count_mentions(graph, entity, 1);
}

void cg_graph_count_mentions(CgGraph *graph, uint32_t entity, size_t n)
{
    if (entity < graph->n_entities) {
        graph->entities[entity].mentions += n;
    }
}

static bool cg_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* A new string of `text` with white space collapsed and trimmed. */
static char *cg_collapse_space(const char *text, size_t len)
{
    char *out = cg_xmalloc(len + 1);
    size_t k = 0;
    for (size_t i = 0; i < len; ++i) {
        if (!cg_is_space(text[i])) {
            out[k++] = text[i];
        } else if (k && out[k - 1] != ' ') {
            out[k++] = ' ';
        }
    }
    k -= k && out[k - 1] == ' ';
    out[k] = '\0';
    return out;
}

/* Index where `text` is or would go in the sorted `v`; *found tells which. */
static size_t cg_strv_search(char *const *v, size_t n, const char *text, bool *found)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        const int c = strcmp(v[mid], text);
        if (!c) {
            *found = true;
            return mid;
        }
        if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    *found = false;
    return lo;
}

void cg_graph_add_alias_seen(CgGraph *graph, uint32_t entity, const char *text, size_t len)
{
    if (entity >= graph->n_entities) {
        return;
    }
    CgGraphEntity *e = &graph->entities[entity];
    char *alias = cg_collapse_space(text, len);
    bool found;
    const size_t at = cg_strv_search(e->aliases, e->n_aliases, alias, &found);
    if (found || !*alias) {
        free(alias);
        return;
    }
    /* Entities see few distinct aliases: one exact-size array is enough. */
    e->aliases = cg_xrealloc(e->aliases, (e->n_aliases + 1) * sizeof *e->aliases);
    memmove(e->aliases + at + 1, e->aliases + at, (e->n_aliases - at) * sizeof *e->aliases);
    e->aliases[at] = alias;
    ++e->n_aliases;
}

/* Symmetric relations are stored with the smaller id first, so that both
 * directions of an assertion name the same relation. */
static void cg_order_symmetric(const CgGraph *graph, bool symmetric, uint32_t *subject,
                               uint32_t *object)
{
    if (symmetric &&
        strcmp(graph->entities[*subject].id, graph->entities[*object].id) > 0) {
        const uint32_t t = *subject;
        *subject = *object;
        *object = t;
    }
}

static char *cg_xstrdup_or_null(const char *s)
{
    return s ? cg_xstrdup(s) : NULL;
}

static char **cg_strv_copy(char *const *v, size_t n)
{
    char **copy = n ? cg_xcalloc(n, sizeof *copy) : NULL;
    for (size_t i = 0; i < n; ++i) {
        copy[i] = cg_xstrdup(v[i]);
    }
    return copy;
}

static CgGraphClaim cg_claim_copy(const CgGraphClaim *c)
{
    if (!c) {
        return (CgGraphClaim){.claimer = CG_GRAPH_NONE};
    }
    CgGraphClaim d = *c;
    d.certainty = cg_xstrdup_or_null(c->certainty);
    d.claimer_text = cg_xstrdup_or_null(c->claimer_text);
    d.quantity_value = cg_xstrdup_or_null(c->quantity_value);
    d.comparator = cg_xstrdup_or_null(c->comparator);
    d.unit = cg_xstrdup_or_null(c->unit);
    d.subject_ref = cg_xstrdup_or_null(c->subject_ref);
    d.object_ref = cg_xstrdup_or_null(c->object_ref);
    d.capture_names = cg_strv_copy(c->capture_names, c->n_captures);
    d.capture_values = cg_strv_copy(c->capture_values, c->n_captures);
    return d;
}

bool cg_graph_add_evidence(CgGraph *graph, const char *predicate, bool symmetric,
                           uint32_t subject, uint32_t object, uint32_t document,
                           const char *rule, const char *quote, size_t begin, size_t end,
                           const char *quantity)
{
    return cg_graph_add_claim(graph, predicate, symmetric, subject, object, document, rule,
                              quote, begin, end, quantity, NULL);
}

bool cg_graph_add_claim(CgGraph *graph, const char *predicate, bool symmetric,
                        uint32_t subject, uint32_t object, uint32_t document, const char *rule,
                        const char *quote, size_t begin, size_t end, const char *quantity,
                        const CgGraphClaim *claim)
{
    if (subject >= graph->n_entities || object >= graph->n_entities ||
        document >= graph->n_documents) {
        return false;
    }
    cg_order_symmetric(graph, symmetric, &subject, &object);
    char key[17];
    rule = rule ? rule : "";
    cg_evidence_key(graph->documents[document].path, begin, end, rule,
                    graph->entities[subject].id, predicate, graph->entities[object].id, key);
    uint32_t found;
    if (cg_strmap_get(graph->evidence_keys, key, 16, &found)) {
        return false;
    }
    graph->evidence = cg_xgrow(graph->evidence, &graph->cap_evidence, graph->n_evidence + 1,
                               sizeof *graph->evidence);
    graph->evidence[graph->n_evidence] = (CgGraphEvidence){
        cg_xstrdup(predicate), symmetric, subject, object, document, cg_xstrdup(rule),
        cg_xstrdup(quote ? quote : ""), begin, end, cg_xstrdup_or_null(quantity),
        cg_xstrdup(key), cg_claim_copy(claim)};
    cg_strmap_put(graph->evidence_keys, key, 16, (uint32_t)graph->n_evidence++);
    return true;
}

void cg_graph_add_relation(CgGraph *graph, const char *predicate, bool symmetric,
                           uint32_t subject, uint32_t object)
{
    if (subject >= graph->n_entities || object >= graph->n_entities) {
        return;
    }
    cg_order_symmetric(graph, symmetric, &subject, &object);
    graph->bare = cg_xgrow(graph->bare, &graph->cap_bare, graph->n_bare + 1,
                           sizeof *graph->bare);
    graph->bare[graph->n_bare++] =
        (CgBareRelation){cg_xstrdup(predicate), symmetric, subject, object};
}

size_t cg_graph_entity_count(const CgGraph *graph)
{
    return graph->n_entities;
}

const CgGraphEntity *cg_graph_entity(const CgGraph *graph, size_t i)
{
    return i < graph->n_entities ? &graph->entities[i] : NULL;
}

long cg_graph_find_entity(const CgGraph *graph, const char *id)
{
    uint32_t index;
    if (!cg_strmap_get(graph->entity_ids, id, strlen(id), &index)) {
        return -1;
    }
    return (long)index;
}

size_t cg_graph_document_count(const CgGraph *graph)
{
    return graph->n_documents;
}

const CgGraphDocument *cg_graph_document(const CgGraph *graph, size_t i)
{
    return i < graph->n_documents ? &graph->documents[i] : NULL;
}

size_t cg_graph_evidence_count(const CgGraph *graph)
{
    return graph->n_evidence;
}

const CgGraphEvidence *cg_graph_evidence(const CgGraph *graph, size_t i)
{
    return i < graph->n_evidence ? &graph->evidence[i] : NULL;
}

size_t cg_graph_relation_count(const CgGraph *graph)
{
    return graph->n_relations;
}

const CgGraphRelation *cg_graph_relation(const CgGraph *graph, size_t i)
{
    return i < graph->n_relations ? &graph->relations[i] : NULL;
}

static int cg_cmp_size(size_t a, size_t b)
{
    return (a > b) - (a < b);
}

typedef struct {
    const char *key;
    uint32_t old;
} CgRank;

static int cg_rank_cmp(const void *pa, const void *pb)
{
    return strcmp(((const CgRank *)pa)->key, ((const CgRank *)pb)->key);
}

/* Returns remap[old index] = new index for the order of `keys` (unique, so
 * the unstable qsort still gives one answer). */
static uint32_t *cg_rank_keys(const char **keys, size_t n)
{
    CgRank *ranks = cg_xcalloc(n, sizeof *ranks);
    for (size_t i = 0; i < n; ++i) {
        ranks[i] = (CgRank){keys[i], (uint32_t)i};
    }
    qsort(ranks, n, sizeof *ranks, cg_rank_cmp);
    uint32_t *remap = cg_xcalloc(n, sizeof *remap);
    for (size_t i = 0; i < n; ++i) {
        remap[ranks[i].old] = (uint32_t)i;
    }
    free(ranks);
    return remap;
}

/* Moves item i of `items` to position remap[i] (in a new array). */
static void *cg_permute(void *items, size_t n, size_t size, const uint32_t *remap)
{
    char *out = cg_xcalloc(n, size);
    for (size_t i = 0; i < n; ++i) {
        memcpy(out + (size_t)remap[i] * size, (char *)items + i * size, size);
    }
    free(items);
    return out;
}

static uint32_t *cg_sort_entities(CgGraph *graph)
{
    const size_t n = graph->n_entities;
    const char **keys = cg_xcalloc(n, sizeof *keys);
    for (size_t i = 0; i < n; ++i) {
        keys[i] = graph->entities[i].id;
    }
    uint32_t *remap = cg_rank_keys(keys, n);
    free(keys);
    graph->entities = cg_permute(graph->entities, n, sizeof *graph->entities, remap);
    graph->cap_entities = n;
    for (size_t i = 0; i < n; ++i) {
        const char *id = graph->entities[i].id;
        cg_strmap_put(graph->entity_ids, id, strlen(id), (uint32_t)i);
    }
    return remap;
}

static uint32_t *cg_sort_documents(CgGraph *graph)
{
    const size_t n = graph->n_documents;
    const char **keys = cg_xcalloc(n, sizeof *keys);
    for (size_t i = 0; i < n; ++i) {
        keys[i] = graph->documents[i].path;
    }
    uint32_t *remap = cg_rank_keys(keys, n);
    free(keys);
    graph->documents = cg_permute(graph->documents, n, sizeof *graph->documents, remap);
    graph->cap_documents = n;
    for (size_t i = 0; i < n; ++i) {
        const char *path = graph->documents[i].path;
        cg_strmap_put(graph->document_paths, path, strlen(path), (uint32_t)i);
    }
    return remap;
}

/* Documents and entities are already in path and id order, so comparing
 * their indexes compares paths and ids.  The fields compared are exactly
 * those the key is made of, so distinct evidence never ties. */
static int cg_evidence_cmp(const void *pa, const void *pb)
{
    const CgGraphEvidence *a = pa;
    const CgGraphEvidence *b = pb;
    int c;
    if ((c = cg_cmp_size(a->document, b->document)) || (c = cg_cmp_size(a->begin, b->begin)) ||
        (c = cg_cmp_size(a->end, b->end)) || (c = strcmp(a->predicate, b->predicate)) ||
        (c = cg_cmp_size(a->subject, b->subject)) || (c = cg_cmp_size(a->object, b->object))) {
        return c;
    }
    return strcmp(a->rule, b->rule);
}

static void cg_sort_evidence(CgGraph *graph, const uint32_t *entity_remap,
                             const uint32_t *document_remap)
{
    for (size_t i = 0; i < graph->n_evidence; ++i) {
        CgGraphEvidence *ev = &graph->evidence[i];
        ev->subject = entity_remap[ev->subject];
        ev->object = entity_remap[ev->object];
        ev->document = document_remap[ev->document];
        if (ev->claim.claimer != CG_GRAPH_NONE) {
            ev->claim.claimer = entity_remap[ev->claim.claimer];
        }
    }
    if (graph->n_evidence) { /* qsort's array must not be NULL, even when empty */
        qsort(graph->evidence, graph->n_evidence, sizeof *graph->evidence, cg_evidence_cmp);
    }
    for (size_t i = 0; i < graph->n_evidence; ++i) {
        cg_strmap_put(graph->evidence_keys, graph->evidence[i].key, 16, (uint32_t)i);
    }
    for (size_t i = 0; i < graph->n_bare; ++i) {
        graph->bare[i].subject = entity_remap[graph->bare[i].subject];
        graph->bare[i].object = entity_remap[graph->bare[i].object];
    }
}

static int cg_relation_cmp(const void *pa, const void *pb)
{
    const CgGraphRelation *a = pa;
    const CgGraphRelation *b = pb;
    int c;
    if ((c = cg_cmp_size(a->subject, b->subject)) || (c = strcmp(a->predicate, b->predicate))) {
        return c;
    }
    return cg_cmp_size(a->object, b->object);
}

/* Every assertion as a relation of support 1 (evidence) or 0 (bare), with
 * borrowed predicates, sorted so that equal triples are adjacent. */
static CgGraphRelation *cg_relation_candidates(const CgGraph *graph, size_t *n)
{
    *n = graph->n_evidence + graph->n_bare;
    CgGraphRelation *all = cg_xcalloc(*n, sizeof *all);
    for (size_t i = 0; i < graph->n_evidence; ++i) {
        const CgGraphEvidence *ev = &graph->evidence[i];
        all[i] = (CgGraphRelation){ev->predicate, ev->symmetric, ev->subject, ev->object,
                                   !ev->claim.negated, ev->claim.negated};
    }
    for (size_t i = 0; i < graph->n_bare; ++i) {
        const CgBareRelation *b = &graph->bare[i];
        all[graph->n_evidence + i] =
            (CgGraphRelation){b->predicate, b->symmetric, b->subject, b->object, 0, 0};
    }
    qsort(all, *n, sizeof *all, cg_relation_cmp);
    return all;
}

static void cg_build_relations(CgGraph *graph)
{
    cg_relations_clear(graph);
    size_t n;
    CgGraphRelation *all = cg_relation_candidates(graph, &n);
    graph->relations = cg_xcalloc(n, sizeof *graph->relations);
    for (size_t i = 0; i < n; ++i) {
        CgGraphRelation *last =
            graph->n_relations ? &graph->relations[graph->n_relations - 1] : NULL;
        if (last && !cg_relation_cmp(last, &all[i])) {
            last->support += all[i].support;
            last->negated += all[i].negated;
            last->symmetric = last->symmetric || all[i].symmetric;
            continue;
        }
        graph->relations[graph->n_relations] = all[i];
        graph->relations[graph->n_relations++].predicate = cg_xstrdup(all[i].predicate);
    }
    free(all);
}

void cg_graph_finish(CgGraph *graph)
{
    uint32_t *entity_remap = cg_sort_entities(graph);
    uint32_t *document_remap = cg_sort_documents(graph);
    cg_sort_evidence(graph, entity_remap, document_remap);
    free(entity_remap);
    free(document_remap);
    cg_build_relations(graph);
}

/* ---- cg_graph_memory ---------------------------------------------------- */

/* A string the graph owns, with what malloc adds to each block. */
static size_t cg_mem_str(const char *s)
{
    return s ? strlen(s) + 1 + 16 : 0;
}

static size_t cg_mem_strv(char *const *v, size_t n)
{
    size_t bytes = n * sizeof *v;
    for (size_t i = 0; i < n; ++i) {
        bytes += cg_mem_str(v[i]);
    }
    return bytes;
}

/* A hash index entry for one item, roughly. */
#define CG_MEM_INDEX_ENTRY 48u

static size_t cg_mem_entity(const CgGraphEntity *e)
{
    return cg_mem_str(e->id) + cg_mem_str(e->type) + cg_mem_str(e->label) +
           cg_mem_strv(e->same_as, e->n_same_as) + cg_mem_strv(e->aliases, e->n_aliases) +
           CG_MEM_INDEX_ENTRY;
}

static size_t cg_mem_document(const CgGraphDocument *d)
{
    return cg_mem_str(d->path) + cg_mem_str(d->key) + cg_mem_str(d->title) +
           cg_mem_str(d->url) + cg_mem_str(d->published) + cg_mem_str(d->outlet) +
           CG_MEM_INDEX_ENTRY;
}

static size_t cg_mem_evidence(const CgGraphEvidence *ev)
{
    const CgGraphClaim *c = &ev->claim;
    return cg_mem_str(ev->predicate) + cg_mem_str(ev->rule) + cg_mem_str(ev->quote) +
           cg_mem_str(ev->quantity) + cg_mem_str(ev->key) + cg_mem_str(c->certainty) +
           cg_mem_str(c->claimer_text) + cg_mem_str(c->quantity_value) +
           cg_mem_str(c->comparator) + cg_mem_str(c->unit) + cg_mem_str(c->subject_ref) +
           cg_mem_str(c->object_ref) + cg_mem_strv(c->capture_names, c->n_captures) +
           cg_mem_strv(c->capture_values, c->n_captures) + CG_MEM_INDEX_ENTRY;
}

/* Items are only ever appended, so each is measured once, when first seen:
 * calling this after every document costs no more than adding it did. */
size_t cg_graph_memory(CgGraph *graph)
{
    for (; graph->mem_entities < graph->n_entities; ++graph->mem_entities) {
        graph->mem_strings += cg_mem_entity(&graph->entities[graph->mem_entities]);
    }
    for (; graph->mem_documents < graph->n_documents; ++graph->mem_documents) {
        graph->mem_strings += cg_mem_document(&graph->documents[graph->mem_documents]);
    }
    for (; graph->mem_evidence < graph->n_evidence; ++graph->mem_evidence) {
        graph->mem_strings += cg_mem_evidence(&graph->evidence[graph->mem_evidence]);
    }
    for (; graph->mem_bare < graph->n_bare; ++graph->mem_bare) {
        graph->mem_strings += cg_mem_str(graph->bare[graph->mem_bare].predicate);
    }
    return sizeof *graph + graph->mem_strings +
           graph->cap_entities * sizeof *graph->entities +
           graph->cap_documents * sizeof *graph->documents +
           graph->cap_evidence * sizeof *graph->evidence + graph->cap_bare * sizeof *graph->bare +
           graph->n_relations * sizeof *graph->relations;
}
