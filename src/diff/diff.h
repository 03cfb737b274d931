/* diff/: compare two RDF graphs as graphs, and apply the difference.
 *
 * Files are parsed with Raptor2 (Turtle, N-Triples, N-Quads, TriG, RDF/XML) into
 * a CgRdfGraph: every term is interned once in a CgTermTable shared by the
 * graphs being compared, and the graph is a sorted array of integer quads
 * (subject, predicate, object, graph name; 0 is the default graph).  Terms
 * are kept in canonical N-Triples syntax (RDFC-1.0 escaping, language tags
 * lower-cased, "x"^^xsd:string written "x"), so prefixes, order, white space
 * and serialisation style never show up as changes.  A diff is a merge of
 * two sorted arrays: O(n log n) for the sort, O(n) for the rest.
 *
 * Blank nodes: canonical labelling
 * --------------------------------
 * Blank-node labels are local to a file, so each blank node is renamed to a
 * label computed from the graph alone: two graphs that differ only in
 * blank-node labels get the same canonical quads.  The algorithm is colour
 * refinement (1-dimensional Weisfeiler-Leman) followed by
 * individualisation-refinement for what refinement cannot tell apart:
 *
 * 1. Refinement.  Every blank node starts with the same colour.  A node's
 *    signature is the sum (mod 2^64) of one hash per quad it occurs in:
 *    hash(its position, the other three terms), where an IRI or literal
 *    counts as the hash of its text and a blank node as its current colour.
 *    Nodes of one colour class whose signatures differ are split, and a new
 *    class gets the colour hash(old colour, signature).  Repeated until no
 *    class splits, this gives the coarsest equitable partition.  It runs in
 *    O(m log n) (m quads with blank nodes, n blank nodes), as in Hopcroft's
 *    and Paige-Tarjan's partition refinement: signatures are updated
 *    incrementally, only nodes next to a recoloured node are looked at
 *    again, and when a class splits its largest part keeps the old colour
 *    (ties: the part whose signature did not change, then the smaller
 *    signature), so a node is recoloured O(log n) times.  In the first round
 *    every part gets a new colour, so a node told apart by its own quads has
 *    a label that depends on those quads only and survives unrelated edits.
 *    Every choice depends on colours, sizes and signatures only, never on
 *    labels or input order, so isomorphic graphs get the same colours.
 *
 * 2. Component recursion and individualisation-refinement, for the nodes
 *    refinement left sharing a colour (symmetric or regular structures such
 *    as rings, or two disjoint 3-cycles against one 6-cycle, which
 *    refinement alone cannot tell apart).  Nodes with a colour of their own
 *    are fixed (every automorphism fixes them), so the tied nodes are split
 *    into the connected components ("parts") they form without them, and
 *    each part is labelled on its own, fixed neighbours counting as
 *    constants of their colour.  A part whose nodes all have distinct
 *    colours is its own answer.  Otherwise: pick its smallest tied cell
 *    (ties: the smaller colour), give each of its nodes in turn a colour of
 *    its own, refine, and recurse (splitting into parts again whenever the
 *    tied nodes fall apart) until every node has its own colour.  Each leaf
 *    is a labelling; its certificate is the sorted list of the part's quads
 *    under it, and the smallest certificate wins: a canonical form of the
 *    part.  Two leaves with the same certificate give an automorphism, used
 *    to skip branches in the same orbit (as nauty does), and nodes whose
 *    swap is an automorphism ("twins") are never branched on.  Isomorphic
 *    parts (many identical [ a :T ] objects, many identical blank subtrees
 *    under one node) get the same certificate and are numbered, which costs
 *    one small search per part rather than one search level per part.  The
 *    search is exponential only for graphs that are hard for graph
 *    isomorphism itself; a work limit (and a bound on the memory its path
 *    holds) turns that into CG_ERR_LIMIT.
 *
 * A node's canonical label is _:c followed by 16 hex digits of its final
 * colour: from step 1, or the leaf colour of its part; for isomorphic parts
 * (and, rarely, a part whose colours clash with others) the part's
 * certificate and number are mixed in.  So a label depends on the node's
 * surroundings, not on the whole graph, and a small edit relabels few
 * blank nodes.  Labels are a function of the graph and of this algorithm's
 * version, which is what lets a patch name blank nodes. */
#ifndef CG_DIFF_H
#define CG_DIFF_H

#include "../core/diag.h"
#include "../core/status.h"
#include "../export/export.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Relative IRIs resolve against this when no base is given: the same for
 * both files, so that they compare as written. */
#define CG_DIFF_DEFAULT_BASE "file:///"

typedef enum {
    CG_SYNTAX_TURTLE,
    CG_SYNTAX_NTRIPLES,
    CG_SYNTAX_NQUADS,
    CG_SYNTAX_RDFXML,
    CG_SYNTAX_TRIG
} CgSyntax;

/* "turtle", "ntriples", "nquads", "rdfxml", "trig" (also "ttl", "nt", "nq", "rdf", "xml"). */
CgStatus cg_diff_syntax_from_name(const char *name, CgSyntax *out);
/* From the extension: .ttl .nt .nq .trig .rdf .xml .owl; CG_FAILURE when unknown. */
CgStatus cg_diff_syntax_from_path(const char *path, CgSyntax *out);

/* The terms of the graphs compared with one another. */
typedef struct CgTermTable CgTermTable;

CgTermTable *cg_diff_terms_new(void);
/* NULL-safe.  Free the graphs and patches that use it first. */
void cg_diff_terms_free(CgTermTable *terms);

/* A parsed graph with canonical blank-node labels. */
typedef struct CgRdfGraph CgRdfGraph;

typedef struct {
    CgSyntax syntax;
    const char *base; /* NULL: CG_DIFF_DEFAULT_BASE */
} CgLoadOptions;

/* Parses `path` ("-" is standard input) and labels its blank nodes.  Parse
 * errors are reported to `sink` as FILE:LINE:COLUMN (Turtle, TriG,
 * N-Triples and N-Quads by src/rdf/'s reader; Raptor gives only the line
 * for RDF/XML: the column is then where the offending token starts on that
 * line, or its first non-blank character).  `terms` must outlive the graph. */
CgStatus cg_diff_load_file(CgTermTable *terms, const char *path, const CgLoadOptions *options,
                           CgDiagSink *sink, CgRdfGraph **out);
/* Loads OLD and NEW (paths[0], paths[1]) into `terms`, the two at once on
 * two threads unless one is RDF/XML: each with its own Raptor world and, for
 * NEW, its own term table, merged into `terms` afterwards.  Both are read
 * even when OLD fails; messages come OLD's first.  Both graphs or neither
 * are returned. */
CgStatus cg_diff_load_pair(CgTermTable *terms, const char *const paths[2],
                           const CgLoadOptions options[2], CgDiagSink *sink,
                           CgRdfGraph *out[2]);
/* The same for text in memory; `name` is used in messages. */
CgStatus cg_diff_load_string(CgTermTable *terms, const char *text, const char *name,
                             const CgLoadOptions *options, CgDiagSink *sink, CgRdfGraph **out);
/* NULL-safe. */
void cg_diff_graph_free(CgRdfGraph *graph);
/* Distinct quads. */
size_t cg_diff_graph_size(const CgRdfGraph *graph);

/* Writes `graph` with a Raptor2 serialiser (Turtle, N-Triples or N-Quads; the
 * prefixes of the file it was read from are kept for Turtle), in canonical
 * order.  Quads in named graphs need N-Quads: other formats give
 * CG_ERR_USAGE. */
CgStatus cg_diff_graph_write(const CgRdfGraph *graph, CgFormat format, FILE *stream,
                             CgDiagSink *sink);

typedef enum { CG_DIFF_SUMMARY, CG_DIFF_PATCH, CG_DIFF_DOT, CG_DIFF_SVG } CgDiffFormat;

/* "summary", "patch", "dot", "svg". */
CgStatus cg_diff_format_from_name(const char *name, CgDiffFormat *out);

/* The quads only in the old graph (removed) and only in the new (added). */
typedef struct CgDiff CgDiff;

/* Both graphs must share one CgTermTable and outlive the diff. */
CgDiff *cg_diff_new(const CgRdfGraph *old_graph, const CgRdfGraph *new_graph);
/* NULL-safe. */
void cg_diff_free(CgDiff *diff);
size_t cg_diff_added_count(const CgDiff *diff);
size_t cg_diff_removed_count(const CgDiff *diff);

/* Writes the difference:
 *   summary  counts of added and removed entities (IRIs with "/entity/" and
 *            an rdf:type in CG_VOCAB), relations (entity CG_VOCAB-predicate
 *            entity), evidence (cg:Evidence with a cg:quote) and triples,
 *            then each relation added (+), removed (-) or whose evidence
 *            changed (~), with the quotes that support it;
 *   patch    RDF Patch: "H id <urn:uuid:...> ." (a UUID derived from the
 *            rows, so equal inputs give equal bytes), "H prev" if set,
 *            "TX .", "A s p o [g] ." / "D s p o [g] ." per quad, terms in
 *            N-Triples syntax, blank nodes by canonical label, sorted, "TC .";
 *   dot/svg  the union graph of entities and relations (Graphviz): added
 *            green, removed red and dashed, unchanged grey.
 * Nothing is written for an empty patch. */
CgStatus cg_diff_write(const CgDiff *diff, CgDiffFormat format, FILE *stream, CgDiagSink *sink);
/* The patch writer's "H prev" (an absolute IRI, without <>), kept by
 * reference; NULL writes none. */
void cg_diff_set_patch_prev(CgDiff *diff, const char *prev_iri);

/* A parsed RDF Patch: H headers first (id and prev kept, others checked and
 * ignored), A and D rows, TX/TC/TA transactions (TA drops the rows since
 * its TX; rows outside any transaction are accepted), PA/PD prefix rows
 * checked and ignored, comments and blank lines skipped; prefixed names
 * are not supported. */
typedef struct CgPatch CgPatch;

/* Reads a patch from `stream`; errors are reported as NAME:LINE:COLUMN. */
CgStatus cg_patch_read(CgTermTable *terms, FILE *stream, const char *name, CgDiagSink *sink,
                       CgPatch **out);
/* NULL-safe. */
void cg_patch_free(CgPatch *patch);
size_t cg_patch_size(const CgPatch *patch);
/* The patch's "H id" value as written (e.g. "<urn:uuid:...>"), or NULL. */
const char *cg_patch_id(const CgPatch *patch);

/* Applies `patch` to `old_graph` in order, giving a new graph (sharing its
 * term table and prefixes).  Deleting a quad that is absent or adding one
 * that is present is a conflict: each is reported with the patch's line and
 * CG_FAILURE is returned with no graph. */
CgStatus cg_patch_apply(const CgPatch *patch, const CgRdfGraph *old_graph, CgDiagSink *sink,
                        CgRdfGraph **out);

#endif
