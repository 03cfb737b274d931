/* The one reader of Turtle, TriG, N-Triples and N-Quads, below export/ and
 * diff/: serd (strict) parses, this module resolves IRIs (RFC 3986), expands
 * prefixed names, rejects what serd 0.30 lets through (surrogate escapes,
 * undefined prefixes), and hands every statement over as a quad of decoded,
 * absolute terms.  Every error is reported as FILE:LINE:COLUMN with a message
 * in valid UTF-8.  RDF/XML is not read here (export/ and diff/ keep Raptor
 * for it). */
#ifndef CG_RDF_READ_H
#define CG_RDF_READ_H

#include "../core/buf.h"
#include "../core/diag.h"
#include "../core/status.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum { CG_RDF_TURTLE, CG_RDF_TRIG, CG_RDF_NTRIPLES, CG_RDF_NQUADS } CgRdfSyntax;

typedef enum { CG_RDF_IRI, CG_RDF_BLANK, CG_RDF_LITERAL } CgRdfKind;

/* One term, borrowed for the duration of the callback.  `value` is the
 * absolute IRI, the blank-node label (file-local, without "_:") or the
 * lexical form, NUL-terminated; `datatype` and `lang` are NULL when absent. */
typedef struct {
    CgRdfKind kind;
    const char *value;
    size_t len;
    const char *datatype;
    size_t datatype_len;
    const char *lang;
    size_t lang_len;
} CgRdfTerm;

typedef struct {
    CgRdfTerm s, p, o;
    const CgRdfTerm *g; /* NULL: the default graph */
} CgRdfQuad;

typedef void (*CgRdfQuadFunc)(void *ctx, const CgRdfQuad *quad);
/* A prefix declaration, with its IRI resolved. */
typedef void (*CgRdfPrefixFunc)(void *ctx, const char *prefix, const char *iri);

typedef struct {
    CgRdfSyntax syntax;
    const char *base;          /* absolute IRI relative IRIs resolve against; may be NULL */
    CgRdfQuadFunc on_quad;     /* may be NULL (syntax check only) */
    CgRdfPrefixFunc on_prefix; /* may be NULL */
    void *ctx;
    CgDiagSink *sink;
} CgRdfReadOptions;

/* "turtle", "trig", "ntriples", "nquads" (also "ttl", "nt", "nq"). */
bool cg_rdf_syntax_from_name(const char *name, CgRdfSyntax *out);
/* From the extension .ttl .trig .nt .nq; false when it is none of them. */
bool cg_rdf_syntax_from_path(const char *path, CgRdfSyntax *out);
const char *cg_rdf_syntax_name(CgRdfSyntax syntax);

/* Reads `path`.  CG_OK; CG_ERR_IO when it cannot be opened or read;
 * CG_ERR_SYNTAX after reporting the first syntax error (quads before it
 * have been delivered: callers that must not keep half a file discard). */
CgStatus cg_rdf_read_file(const char *path, const CgRdfReadOptions *options);
/* The same for `len` bytes at `text`; `name` is used in messages. */
CgStatus cg_rdf_read_string(const char *text, size_t len, const char *name,
                            const CgRdfReadOptions *options);

/* Appends to `out` the IRI reference `ref` (`len` bytes) resolved against
 * the absolute IRI `base` (RFC 3986 section 5.2, with dot segments removed);
 * `base` may be NULL when `ref` is absolute.  False, leaving `out` as it
 * was, when `ref` is relative and there is no base. */
bool cg_rdf_iri_resolve(CgBuf *out, const char *base, const char *ref, size_t len);

/* The file: IRI of `path` (made absolute against the working directory),
 * for a base; free() it. */
char *cg_rdf_file_iri(const char *path);

#endif
