/* The graph: entities, documents and evidence (one per assertion), with the
 * distinct (subject, predicate, object) relations they support.
 *
 * The graph owns copies of all its strings, so it outlives the rule set and
 * can also be filled from an RDF file (export/'s reader, for `render`).
 * cg_graph_finish() puts everything in a canonical order, so that output is
 * the same bytes for the same input whatever order things were added in. */
#ifndef CG_GRAPH_H
#define CG_GRAPH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    char *id;
    char *type;
    char *label;
    char **same_as;
    size_t n_same_as;
    size_t mentions;  /* times the documents mention it */
    char **aliases;   /* the texts it was mentioned by: sorted, without repeats */
    size_t n_aliases;
} CgGraphEntity;

typedef struct {
    char *path;       /* path or URL the document came from ("-" -> "stdin";
                         the pipeline gives a file named stdin as "./stdin") */
    char *key;        /* 16 hex digits derived from the path: the IRI's last segment */
    char *title;      /* metadata (a .meta sidecar or front matter); NULL when absent */
    char *url;
    char *published;  /* a date as written in the metadata, e.g. 2024-11-01 */
    char *outlet;
    size_t chars;     /* its length in characters (the unit of the offsets) */
    bool has_chars;   /* false when unknown: read from a graph that lacks it */
} CgGraphDocument;

#define CG_GRAPH_NONE UINT32_MAX

/* How an assertion is claimed, and what of its sentence the quote shows
 * (strings owned by the graph; NULL: absent). */
typedef struct {
    char *certainty;          /* "reported", "possible", ...; NULL: asserted */
    bool negated;             /* the sentence denies it */
    uint32_t claimer;         /* entity who made the claim, or CG_GRAPH_NONE */
    char *claimer_text;       /* a claimer that is no entity ("a Kremlin insider") */
    char *quantity_value;     /* the number as a decimal ("12000", "1.5"), or NULL */
    char *comparator;         /* "approx", "atLeast", "atMost"; NULL: exact */
    char *unit;               /* "percent", or a captured unit word */
    char *subject_ref;        /* the reference that named the subject ("He"), or NULL */
    size_t subject_antecedent; /* character offset of the mention it stands for */
    char *object_ref;
    size_t object_antecedent;
    char **capture_names;     /* other captures, e.g. "date" -> "in June" */
    char **capture_values;
    size_t n_captures;
    bool quote_cut;           /* the quote is part of a longer sentence (with
                               * "…" where cut): it shows only characters */
    size_t quote_begin, quote_end; /* [quote_begin, quote_end) of the document */
} CgGraphClaim;

typedef struct {
    char *predicate;
    bool symmetric;
    uint32_t subject, object;  /* entity indexes (after finish: sorted order) */
    uint32_t document;         /* document index */
    char *rule;                /* rule id */
    char *quote;               /* the sentence the assertion was found in, or
                                * part of it (claim.quote_cut) */
    size_t begin, end;         /* the sentence's character offsets in the document */
    char *quantity;            /* captured quantity as written, or NULL */
    char *key;                 /* 16 hex digits derived from content: IRI segment */
    CgGraphClaim claim;        /* all absent unless added with a claim */
} CgGraphEvidence;

typedef struct {
    char *predicate;
    bool symmetric;
    uint32_t subject, object;
    size_t support;  /* number of evidence resources that assert it */
    size_t negated;  /* number that deny it: with no support, no plain triple */
} CgGraphRelation;

typedef struct CgGraph CgGraph;

CgGraph *cg_graph_new(void);
/* NULL-safe. */
void cg_graph_free(CgGraph *graph);

/* Adds a document (copied) and returns its index; the same path twice gives
 * the same index. */
uint32_t cg_graph_add_document(CgGraph *graph, const char *path);

/* Sets a document's metadata `field` ("title", "url", "published" or
 * "outlet"; others are ignored) to a copy of `value`. */
void cg_graph_set_document_meta(CgGraph *graph, uint32_t document, const char *field,
                                const char *value);

/* Records the document's length in characters (Unicode code points, the
 * unit of every begin/end offset), written as its NIF context's end. */
void cg_graph_set_document_chars(CgGraph *graph, uint32_t document, size_t chars);

/* Adds an entity by id (strings copied) and returns its index; adding an id
 * again returns the existing index and leaves its fields as they were.
 * same_as is kept as a set: sorted, without repeats. */
uint32_t cg_graph_add_entity(CgGraph *graph, const char *id, const char *type,
                             const char *label, char *const *same_as, size_t n_same_as);

/* Counts one more mention of entity `entity`. */
void cg_graph_count_mention(CgGraph *graph, uint32_t entity);

/* Counts `n` more mentions of entity `entity` (a count read back from RDF). */
void cg_graph_count_mentions(CgGraph *graph, uint32_t entity, size_t n);

/* Records that entity `entity` was mentioned as `text` (`len` bytes, UTF-8,
 * copied).  Runs of white space become one space and the ends are trimmed,
 * so a name broken over two lines counts as the same alias.  Kept as a set:
 * sorted by bytes, without repeats; an empty text is ignored. */
void cg_graph_add_alias_seen(CgGraph *graph, uint32_t entity, const char *text, size_t len);

/* Adds one piece of evidence.  The strings are copied; `quantity` may be
 * NULL.  For a symmetric predicate, subject and object are stored in id
 * order, so "A met B" and "B met A" support the same relation.  Evidence
 * whose key (document, offsets, rule, triple) is already present is ignored
 * and false is returned. */
bool cg_graph_add_evidence(CgGraph *graph, const char *predicate, bool symmetric,
                           uint32_t subject, uint32_t object, uint32_t document,
                           const char *rule, const char *quote, size_t begin, size_t end,
                           const char *quantity);

/* Records that `subject` `predicate` `object` holds without evidence for it
 * (e.g. a plain triple read back from RDF).  The relation table then lists it
 * with the support its evidence gives, which may be 0.  Symmetric predicates
 * are ordered as for evidence. */
void cg_graph_add_relation(CgGraph *graph, const char *predicate, bool symmetric,
                           uint32_t subject, uint32_t object);

/* Frees the strings of a claim built by the caller and zeroes it (the
 * graph keeps its own copies); NULL-safe. */
void cg_graph_claim_clear(CgGraphClaim *claim);

/* cg_graph_add_evidence with how the assertion was claimed (copied; NULL:
 * plainly asserted). */
bool cg_graph_add_claim(CgGraph *graph, const char *predicate, bool symmetric,
                        uint32_t subject, uint32_t object, uint32_t document, const char *rule,
                        const char *quote, size_t begin, size_t end, const char *quantity,
                        const CgGraphClaim *claim);

/* Sorts entities by id, documents by path, evidence by (document, begin,
 * end, predicate, subject, object, rule), and builds the relation table.
 * Call once, after the last add; the accessors below need it. */
void cg_graph_finish(CgGraph *graph);

/* An estimate of the bytes the graph holds (items, strings, indexes), for
 * a memory bound checked as each assertion is added.  Cheap to call often: each
 * item is measured once, when first seen (aliases added to an entity
 * after that are not counted). */
size_t cg_graph_memory(CgGraph *graph);

size_t cg_graph_entity_count(const CgGraph *graph);
const CgGraphEntity *cg_graph_entity(const CgGraph *graph, size_t i);
/* Index of the entity with `id`, or -1. */
long cg_graph_find_entity(const CgGraph *graph, const char *id);
size_t cg_graph_document_count(const CgGraph *graph);
const CgGraphDocument *cg_graph_document(const CgGraph *graph, size_t i);
size_t cg_graph_evidence_count(const CgGraph *graph);
const CgGraphEvidence *cg_graph_evidence(const CgGraph *graph, size_t i);
size_t cg_graph_relation_count(const CgGraph *graph);
const CgGraphRelation *cg_graph_relation(const CgGraph *graph, size_t i);

#endif
