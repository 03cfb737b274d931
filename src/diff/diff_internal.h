/* Private to diff/: the term table, the graph's layout, and the N-Triples
 * term syntax that keys, patches and the serialiser share. */
#ifndef CG_DIFF_INTERNAL_H
#define CG_DIFF_INTERNAL_H

#include "../core/buf.h"
#include "../core/strmap.h"
#include "diff.h"

#include <raptor2.h>
#include <stdint.h>

#define CG_NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define CG_NS_RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define CG_XSD_STRING "http://www.w3.org/2001/XMLSchema#string"

/* Before canonical labelling, a blank node is this bit | its index in the
 * file; afterwards every term is an id in the term table. */
#define CG_BLANK_BIT UINT32_C(0x80000000)
/* Term id 0 is the default graph (an empty key). */
#define CG_DEFAULT_GRAPH 0

typedef struct {
    uint32_t t[4]; /* subject, predicate, object, graph */
} CgQuad;

struct CgTermTable {
    CgStrMap *ids;  /* key -> id */
    CgBuf text;     /* the keys, each NUL-terminated, back to back */
    size_t *offset; /* id -> key's offset in text */
    uint64_t *hash; /* id -> stable hash of the key */
    uint32_t n, cap;
};

typedef struct {
    char *prefix, *iri;
} CgPrefix;

struct CgRdfGraph {
    CgTermTable *terms; /* borrowed */
    CgQuad *quads;      /* sorted, distinct once loaded */
    size_t n, cap;
    uint32_t n_blank; /* file-local blank nodes, until labelled */
    CgPrefix *prefixes;
    size_t n_prefixes, cap_prefixes;
};

/* Interns `key` (`len` bytes, canonical N-Triples syntax) and returns its id. */
uint32_t cg_diff_term_intern(CgTermTable *terms, const char *key, size_t len);
/* The id of `key`, or false when it is not in the table. */
bool cg_diff_term_find(const CgTermTable *terms, const char *key, uint32_t *id);
const char *cg_diff_term_key(const CgTermTable *terms, uint32_t id);

typedef enum { CG_TERM_IRI, CG_TERM_BLANK, CG_TERM_LITERAL } CgTermKind;

/* A term in pieces, with escapes decoded (borrowed strings). */
typedef struct {
    CgTermKind kind;
    const char *value; /* IRI, blank-node label or lexical form */
    size_t len;
    const char *datatype; /* literal only; NULL for none */
    size_t datatype_len;
    const char *lang; /* literal only; NULL for none */
    size_t lang_len;
} CgTermParts;

/* Appends the canonical N-Triples form of `parts` to `out`. */
void cg_diff_term_format(CgBuf *out, const CgTermParts *parts);

/* A cursor over one line of N-Triples-style text. */
typedef struct {
    const char *text;
    size_t pos;
    const char *error; /* static message once parsing failed */
} CgNtCursor;

/* Parses one term at the cursor (after white space) into `parts`, whose
 * strings point into `value` and `datatype` (cleared first).  On failure
 * sets cursor->error, leaves pos at the offending byte and returns false. */
bool cg_diff_nt_term(CgNtCursor *cursor, CgBuf *value, CgBuf *datatype, CgTermParts *parts);
void cg_diff_nt_skip_space(CgNtCursor *cursor);

/* Column (1-based, in characters) of byte `offset` of `line`. */
unsigned cg_diff_column(const char *line, size_t offset);

/* Graph helpers shared by the loader, the patcher and the tests. */
CgRdfGraph *cg_diff_graph_new(CgTermTable *terms);
void cg_diff_graph_push(CgRdfGraph *graph, const CgQuad *quad);
int cg_diff_quad_cmp(const void *a, const void *b);
/* Sorts and drops duplicates. */
void cg_diff_graph_normalise(CgRdfGraph *graph);
void cg_diff_graph_add_prefix(CgRdfGraph *graph, const char *prefix, const char *iri);

/* A Raptor world for parsing, or NULL after reporting why.  Worlds are
 * opened by the thread that starts the others: libxml2's global set-up,
 * which opening one may run, is not thread-safe. */
raptor_world *cg_diff_world_new(CgDiagSink *sink);
/* cg_diff_load_file in a world of the caller's. */
CgStatus cg_diff_load_in(raptor_world *world, CgTermTable *terms, const char *path,
                         const CgLoadOptions *options, CgDiagSink *sink, CgRdfGraph **out);

/* Replaces file-local blank nodes (CG_BLANK_BIT) by canonical labels and
 * sorts the graph; `name` is for messages. */
CgStatus cg_canon_label(CgRdfGraph *graph, const char *name, CgDiagSink *sink);

/* One A or D line of a patch. */
typedef struct {
    CgQuad quad;
    unsigned line;
    char op; /* 'A' or 'D' */
} CgPatchOp;

struct CgPatch {
    CgPatchOp *ops;
    size_t n, cap;
    char *name; /* for messages */
    char *id, *prev; /* the H id and H prev values as written, or NULL */
};

/* Writers of cg_diff_write, in report.c, report_dot.c and patch.c. */
typedef struct {
    const CgRdfGraph *old_graph, *new_graph;
    CgQuad *removed, *added; /* sorted by term ids */
    size_t n_removed, n_added;
    const char *patch_prev; /* H prev of the patch writer, or NULL */
} CgDiffData;

CgStatus cg_diff_write_summary(const CgDiffData *diff, FILE *stream);
CgStatus cg_diff_write_diagram(const CgDiffData *diff, CgDiffFormat format, FILE *stream,
                               CgDiagSink *sink);
CgStatus cg_patch_write(const CgDiffData *diff, FILE *stream);

#endif
