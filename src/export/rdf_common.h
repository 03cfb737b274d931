/* Private to export/: what the RDF writer and reader must agree on (the
 * namespaces and how ids become IRI segments), and the bridge from Raptor's
 * log messages to our diagnostics. */
#ifndef CG_EXPORT_RDF_COMMON_H
#define CG_EXPORT_RDF_COMMON_H

#include "../core/buf.h"
#include "../core/diag.h"
#include "../core/status.h"

#include <raptor2.h>
#include <stddef.h>

#define CG_NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define CG_NS_RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define CG_NS_OWL "http://www.w3.org/2002/07/owl#"
#define CG_NS_XSD "http://www.w3.org/2001/XMLSchema#"
#define CG_NS_PROV "http://www.w3.org/ns/prov#"
#define CG_NS_NIF "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
#define CG_NS_FOAF "http://xmlns.com/foaf/0.1/"
#define CG_NS_DCTERMS "http://purl.org/dc/terms/"

/* What makes a document's IRI its NIF context's: the fragment "#context",
 * or "/context" when the IRI has a fragment already (a --base ending in
 * '#'), since an IRI holds one '#' at most. */
const char *cg_context_suffix(const char *document_iri);

/* Where Raptor's messages go: errors are reported with `status`. */
typedef struct {
    CgDiagSink *sink;
    const char *file; /* borrowed; NULL when writing */
    CgStatus status;
    size_t errors;
} CgRdfLog;

/* A world whose log messages go to `log` (which must outlive it), or NULL
 * after reporting why. */
raptor_world *cg_rdf_world_new(CgRdfLog *log);

/* Appends `s` with every byte outside RFC 3986's unreserved set
 * percent-encoded, so that any id makes a valid IRI segment. */
void cg_iri_segment_encode(CgBuf *buf, const char *s);
/* Appends `s` (`len` bytes) with %XX escapes decoded. */
void cg_iri_segment_decode(CgBuf *buf, const char *s, size_t len);

#endif
