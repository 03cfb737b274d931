/* Private to export/: statements written out as they come, each term
 * escaped here (Raptor's escaper cuts a literal at U+FFFE or U+FFFF).
 *
 * Raptor's Turtle serialiser keeps every statement in trees until the end
 * to lay the document out; on a 10 MB corpus (890,000 statements) that was
 * 7 of 18 seconds and half the peak memory.  The graph already emits its
 * statements in a fixed order with each subject's together, so streaming
 * them loses nothing: consecutive statements of one subject share it (";"),
 * of one predicate too (","), and every term is written with the escapes of
 * its syntax.  Bytes go to the FILE without a lock per byte. */
#ifndef CG_EXPORT_RDF_STREAM_H
#define CG_EXPORT_RDF_STREAM_H

#include <raptor2.h>
#include <stdbool.h>
#include <stdio.h>

typedef struct CgRdfStream CgRdfStream;

/* The line syntaxes (one statement a line) and the abbreviated ones. */
typedef enum {
    CG_RDF_NTRIPLES,
    CG_RDF_NQUADS,
    CG_RDF_TURTLE,
    CG_RDF_TRIG
} CgRdfSyntax;

/* A writer of `syntax`; Turtle and TriG with the `n` prefixes of
 * `prefixes` ({prefix, namespace IRI} pairs, copied).  NULL when Raptor
 * cannot be set up. */
CgRdfStream *cg_rdf_stream_new(raptor_world *world, FILE *out, CgRdfSyntax syntax,
                               const char *const (*prefixes)[2], size_t n);
/* The graph the statements written next belong to: NULL (the start) is
 * the default graph.  N-Triples and Turtle have none but the default
 * graph and ignore it; N-Quads writes it on each line, TriG opens a
 * `GRAPH { ... }` block.  The term is copied. */
void cg_rdf_stream_graph(CgRdfStream *s, const raptor_term *graph);
/* Writes one statement; the terms are borrowed.  Every Unicode scalar
 * value is written (bytes that are not UTF-8 as U+FFFD); returns non-zero
 * only for a term of a kind it cannot write. */
int cg_rdf_stream_write(CgRdfStream *s, const raptor_term *subject,
                        const raptor_term *predicate, const raptor_term *object);
/* Ends the document (the last " ."); returns non-zero on failure. */
int cg_rdf_stream_end(CgRdfStream *s);
void cg_rdf_stream_free(CgRdfStream *s);

#endif
