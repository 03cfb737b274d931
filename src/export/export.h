/* Output: the graph as RDF (Raptor2 serialisers) and as diagrams (Graphviz
 * cgraph + gvc, in-process), and back from RDF (Raptor2 parsers) for
 * `render`.  Raptor and Graphviz types never leave this module.
 *
 * RDF contract (DESIGN.md), with B the base IRI and V = CG_VOCAB:
 *   B entity/{id}      a V{Type}; rdfs:label; owl:sameAs
 *   B entity/{s} V{predicate} B entity/{o}               (the plain relation)
 *   B evidence/{key}   a V Evidence, rdf:Statement; rdf:subject/predicate/
 *                      object; prov:wasDerivedFrom B document/{key};
 *                      V quote; nif:beginIndex, nif:endIndex (Unicode
 *                      characters from the start of the document, as NIF and
 *                      RFC 5147 count); V rule; V quantity (when captured)
 *   B document/{key}   a V Document, foaf:Document; V path */
#ifndef CG_EXPORT_H
#define CG_EXPORT_H

#include "../core/diag.h"
#include "../core/status.h"
#include "../graph/graph.h"

#include <stdio.h>

#define CG_VOCAB "https://w3id.org/claimgraph/ns#"
#define CG_DEFAULT_BASE "https://example.org/claimgraph/"

typedef enum {
    CG_FMT_TURTLE,
    CG_FMT_NTRIPLES,
    CG_FMT_NQUADS,
    CG_FMT_DOT,
    CG_FMT_SVG,
    CG_FMT_PNG,
    CG_FMT_PDF
} CgFormat;

/* "turtle", "ntriples", "nquads", "dot", "svg", "png", "pdf" (also "ttl", "nt", "nq"). */
CgStatus cg_format_from_name(const char *name, CgFormat *out);
/* From a file name's extension: .ttl .nt .nq .dot .gv .svg .png .pdf */
CgStatus cg_format_from_path(const char *path, CgFormat *out);
const char *cg_format_name(CgFormat format);
bool cg_format_is_rdf(CgFormat format);

/* Writes `graph` (finished) as RDF to `stream`. */
CgStatus cg_export_rdf(const CgGraph *graph, const char *base, CgFormat format, FILE *stream,
                       CgDiagSink *sink);

/* Lays out and writes `graph` (finished) as DOT, SVG, PNG or PDF: one node
 * per entity (label; shape and colour by type), one edge per relation
 * labelled with its predicate and number of supporting assertions. */
CgStatus cg_export_diagram(const CgGraph *graph, CgFormat format, FILE *stream,
                           CgDiagSink *sink);

/* Reads an RDF file written by cg_export_rdf (format from the extension;
 * Turtle when unknown) back into a finished graph. */
CgStatus cg_import_rdf(const char *path, CgDiagSink *sink, CgGraph **out);

#endif
