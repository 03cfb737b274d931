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

/* A writer of N-Triples (`turtle` false) or Turtle with the `n` prefixes
 * of `prefixes` ({prefix, namespace IRI} pairs, copied), or NULL when
 * Raptor cannot be set up. */
CgRdfStream *cg_rdf_stream_new(raptor_world *world, FILE *out, bool turtle,
                               const char *const (*prefixes)[2], size_t n);
/* Writes one statement; the terms are borrowed.  Every Unicode scalar
 * value is written (bytes that are not UTF-8 as U+FFFD); returns non-zero
 * only for a term of a kind it cannot write. */
int cg_rdf_stream_write(CgRdfStream *s, const raptor_term *subject,
                        const raptor_term *predicate, const raptor_term *object);
/* Ends the document (the last " ."); returns non-zero on failure. */
int cg_rdf_stream_end(CgRdfStream *s);
void cg_rdf_stream_free(CgRdfStream *s);

#endif
