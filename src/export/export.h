/* Output: the graph as RDF (streamed, terms written by Raptor2) and as diagrams (Graphviz
 * cgraph + gvc, in-process), and back from RDF (Raptor2 parsers) for
 * `render`.  Raptor and Graphviz types never leave this module.
 *
 * RDF contract (DESIGN.md), with B the base IRI and V = CG_VOCAB:
 *   B entity/{id}      a V{Type}; rdfs:label; owl:sameAs; V alias (each text
 *                      the documents named it by); V mentionCount
 *   B entity/{s} V{predicate} B entity/{o}               (the plain relation)
 *   B evidence/{key}   a V Evidence, rdf:Statement; rdf:subject/predicate/
 *                      object; prov:wasDerivedFrom B document/{key};
 *                      V quote; nif:beginIndex, nif:endIndex (of the
 *                      sentence, in Unicode characters from the start of
 *                      the document, as NIF and RFC 5147 count); V rule;
 *                      V quantity (when captured).  A sentence longer than
 *                      1000 characters is quoted only around the match,
 *                      with "… " and " …" where cut, and says so:
 *                      V quoteTruncated true; V quoteBeginIndex,
 *                      V quoteEndIndex (the characters the quote shows)
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
    CG_FMT_PDF,
    CG_FMT_HTML, /* a one-file report: the SVG diagram and a searchable table */
    CG_FMT_TRIG  /* Turtle with named graphs: each document's evidence in its own */
} CgFormat;

/* "turtle", "ntriples", "nquads", "trig", "dot", "svg", "png", "pdf",
 * "html" (also "ttl", "nt", "nq", "gv", "htm"). */
CgStatus cg_format_from_name(const char *name, CgFormat *out);
/* From a file name's extension: .ttl .nt .nq .trig .dot .gv .svg .png .pdf .html */
CgStatus cg_format_from_path(const char *path, CgFormat *out);
const char *cg_format_name(CgFormat format);
bool cg_format_is_rdf(CgFormat format);

/* Writes `graph` (finished) as RDF to `stream`.  Every format holds the
 * same statements; N-Quads and TriG put each document's NIF context and
 * evidence in a named graph whose IRI is the document's, the rest in the
 * default graph. */
CgStatus cg_export_rdf(const CgGraph *graph, const char *base, CgFormat format, FILE *stream,
                       CgDiagSink *sink);

typedef enum {
    CG_LAYOUT_AUTO,  /* dot below CG_LAYOUT_AUTO_LIMIT entities and 150 relations, else sfdp */
    CG_LAYOUT_DOT,   /* layered, left to right */
    CG_LAYOUT_NEATO, /* spring model */
    CG_LAYOUT_SFDP   /* multiscale spring model, for large graphs */
} CgLayout;

#define CG_LAYOUT_AUTO_LIMIT 80

typedef enum {
    CG_CLUSTER_NONE,
    CG_CLUSTER_TYPE /* a box around the entities of each type (dot only) */
} CgCluster;

/* What a diagram shows and how.  Lists are borrowed arrays of names; an
 * empty list does not filter. */
typedef struct {
    const char *focus;              /* entity id: draw its ego graph only */
    unsigned depth;                 /* hops from `focus` (1 by default) */
    const char *const *predicates;  /* keep relations with these predicates */
    size_t n_predicates;
    const char *const *types;       /* keep entities of these types */
    size_t n_types;
    const char *const *exclude;     /* entity ids left out */
    size_t n_exclude;
    size_t min_evidence;            /* keep relations with this much support */
    size_t max_nodes;               /* at most this many entities, those with the
                                     * most evidence (0: no limit) */
    CgLayout layout;
    CgCluster cluster;
    const char *output_path; /* where the diagram goes (NULL or "-": standard
                              * output): document links are relative to its
                              * folder, so that they work from there */
} CgDiagramOptions;

/* The defaults: everything drawn, depth 1, automatic layout, no clusters. */
void cg_diagram_options_init(CgDiagramOptions *opts);

/* Which entities and relations (indexes as in the graph) a diagram draws. */
typedef struct {
    bool *entities, *relations;
    size_t n_entities, n_relations; /* how many are drawn */
} CgDiagramSelection;

/* Applies the filters of `opts` to `graph` (finished):
 *  - entities of the listed types, less the excluded ones;
 *  - relations between two such entities, with one of the listed predicates
 *    and at least `min_evidence` supporting assertions (a relation read
 *    back without evidence counts as one; one that all its quotes deny is
 *    not drawn);
 *  - with `focus`, only what lies within `depth` relations of it (either
 *    direction), and the relations among those entities;
 *  - an entity left without relations by the predicate, evidence or focus
 *    filters is not drawn (without them, every entity is);
 *  - with `max_nodes`, the entities with the most evidence among those (the
 *    support of their relations drawn, then mentions, then graph order; the
 *    focus always), and the relations among them; a note says how many.
 * A focus that names no entity, or one filtered out, is an error
 * (CG_ERR_USAGE, reported); names listed that the graph lacks are warned
 * about.  Free the selection with cg_diagram_selection_clear. */
CgStatus cg_diagram_select(const CgGraph *graph, const CgDiagramOptions *opts,
                           CgDiagramSelection *out, CgDiagSink *sink);
/* NULL-safe; frees the arrays. */
void cg_diagram_selection_clear(CgDiagramSelection *sel);

/* Lays out and writes `graph` (finished) as DOT, SVG, PNG, PDF or HTML, as
 * cg_export_diagram_with does with the default options. */
CgStatus cg_export_diagram(const CgGraph *graph, CgFormat format, FILE *stream,
                           CgDiagSink *sink);

/* Lays out and writes what `opts` (NULL: the defaults) selects of `graph`
 * (finished):
 *  - a node per entity: label; shape and colour by type (Okabe-Ito
 *    colours); its tooltip lists the aliases seen and the mention count;
 *    it links to its first sameAs IRI;
 *  - an edge per pair of entities and direction, merging the relations
 *    between them: labelled with each predicate and its support, coloured
 *    by predicate, wider with more support, without arrowheads for
 *    symmetric predicates; its tooltip quotes the evidence (three per
 *    predicate, with their documents) and it links to the first document;
 *  - a legend of the types and predicates drawn.
 * HTML is one self-contained file: the SVG inline, then a table of the
 * relations drawn with their quotes and sources, and a filter box. */
CgStatus cg_export_diagram_with(const CgGraph *graph, const CgDiagramOptions *opts,
                                CgFormat format, FILE *stream, CgDiagSink *sink);

/* Reads an RDF file written by cg_export_rdf (format from the extension;
 * Turtle when unknown) back into a finished graph. */
CgStatus cg_import_rdf(const char *path, CgDiagSink *sink, CgGraph **out);

/* Reads an RDF file as cg_import_rdf does, adding what it holds to `graph`
 * (not yet finished): entities are merged by id (mention counts add up,
 * aliases and sameAs are united), documents by path and evidence by key,
 * so reading the graphs of disjoint sets of documents and then finishing
 * gives the graph of all of them.  On an error `graph` may hold part of
 * the file. */
CgStatus cg_import_rdf_into(const char *path, CgGraph *graph, CgDiagSink *sink);

/* The same from `len` bytes in memory (need not be NUL-terminated); `name`
 * is used in messages, and its extension chooses the syntax as above. */
CgStatus cg_import_rdf_string(const char *data, size_t len, const char *name,
                              CgDiagSink *sink, CgGraph **out);

#endif
