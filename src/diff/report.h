/* Private to diff/: a graph seen through claimgraph's vocabulary, shared by
 * the summary and the diagram. */
#ifndef CG_DIFF_REPORT_H
#define CG_DIFF_REPORT_H

#include "diff_internal.h"

/* Term ids of the vocabulary in one term table (UINT32_MAX when absent). */
typedef struct {
    uint32_t type, evidence, quote, path, label, derived;
    uint32_t rdf_spo[3]; /* rdf:subject, rdf:predicate, rdf:object */
} CgVocabIds;

/* A piece of evidence and the relation (s, p, o, 0) it supports. */
typedef struct {
    CgQuad relation;
    uint32_t evidence;
} CgSupport;

typedef struct {
    const CgRdfGraph *graph;
    CgVocabIds ids;
    uint32_t *entities, *evidence; /* sorted ids */
    size_t n_entities, n_evidence;
    CgQuad *relations; /* sorted, graph name 0 */
    size_t n_relations;
    CgSupport *support; /* sorted by relation */
    size_t n_support;
} CgVocabView;

void cg_report_view(const CgRdfGraph *graph, CgVocabView *out);
void cg_report_view_clear(CgVocabView *view);

/* The object of the first (s, p, o) in `g`, or UINT32_MAX. */
uint32_t cg_report_object(const CgRdfGraph *g, uint32_t s, uint32_t p);
bool cg_report_has(const uint32_t *sorted_ids, size_t n, uint32_t id);
bool cg_report_is_vocab(const CgTermTable *terms, uint32_t id);

/* An entity's id (after "/entity/") or a predicate's local name, into `out`. */
const char *cg_report_short_name(const CgTermTable *terms, uint32_t id, CgBuf *out);

/* A relation of either graph. */
typedef struct {
    CgQuad rel;
    const char *key[3]; /* its terms, for the order of listings */
    bool in_old, in_new;
} CgRelRow;

/* The union of both views' relations into `rows` (room for both), sorted by
 * their terms' text; returns how many. */
size_t cg_report_union(const CgVocabView *a, const CgVocabView *b, CgRelRow *rows);

/* Each relation added (+), removed (-), or kept with changed evidence (~),
 * with its quotes. */
void cg_report_relations(const CgVocabView *old_view, const CgVocabView *new_view, FILE *out);

#endif
