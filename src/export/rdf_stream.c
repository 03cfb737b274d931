#include "rdf_stream.h"

#include "../core/mem.h"

#include <stdlib.h>
#include <string.h>

#define CG_NS_RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

struct CgRdfStream {
    raptor_world *world;
    FILE *out;
    raptor_iostream *io;
    raptor_namespace_stack *ns; /* Turtle only */
    bool turtle;
    raptor_term *subject;   /* of the statement before, Turtle only */
    raptor_term *predicate;
    raptor_uri *rdf_type;
};

/* The FILE buffers; a lock per byte was most of the cost of writing. */
static int stream_write_byte(void *context, const int byte)
{
    return putc_unlocked(byte, (FILE *)context) == EOF;
}

static int stream_write_bytes(void *context, const void *ptr, size_t size, size_t nmemb)
{
    return fwrite(ptr, size, nmemb, (FILE *)context) != nmemb;
}

static const raptor_iostream_handler cg_file_handler = {
    2, NULL, NULL, stream_write_byte, stream_write_bytes, NULL, NULL, NULL};

static void stream_puts(CgRdfStream *s, const char *text)
{
    raptor_iostream_counted_string_write(text, strlen(text), s->io);
}

CgRdfStream *cg_rdf_stream_new(raptor_world *world, FILE *out, bool turtle,
                               const char *const (*prefixes)[2], size_t n)
{
    CgRdfStream *s = cg_xcalloc(1, sizeof *s);
    s->world = world;
    s->out = out;
    s->turtle = turtle;
    s->io = raptor_new_iostream_from_handler(world, out, &cg_file_handler);
    s->rdf_type = raptor_new_uri(world, (const unsigned char *)CG_NS_RDF_TYPE);
    if (!s->io || !s->rdf_type) {
        cg_rdf_stream_free(s);
        return NULL;
    }
    if (!turtle) {
        return s;
    }
    s->ns = raptor_new_namespaces(world, 0);
    if (!s->ns) {
        cg_rdf_stream_free(s);
        return NULL;
    }
    for (size_t i = 0; i < n; ++i) {
        if (raptor_namespaces_start_namespace_full(s->ns, (const unsigned char *)prefixes[i][0],
                                                   (const unsigned char *)prefixes[i][1], 0)) {
            cg_rdf_stream_free(s);
            return NULL;
        }
        raptor_uri *iri = raptor_new_uri(world, (const unsigned char *)prefixes[i][1]);
        stream_puts(s, "@prefix ");
        stream_puts(s, prefixes[i][0]);
        stream_puts(s, ": ");
        const int rc = !iri || raptor_uri_escaped_write(iri, NULL, 0, s->io);
        stream_puts(s, " .\n");
        if (iri) {
            raptor_free_uri(iri);
        }
        if (rc) {
            cg_rdf_stream_free(s);
            return NULL;
        }
    }
    return s;
}

static int stream_term(CgRdfStream *s, const raptor_term *term)
{
    if (!s->turtle) {
        return raptor_term_escaped_write(term, RAPTOR_ESCAPED_WRITE_NTRIPLES_LITERAL, s->io);
    }
    /* Raptor's writer takes no const term; it only reads it. */
    return raptor_term_turtle_write(s->io, (raptor_term *)term, s->ns, NULL);
}

static bool stream_same(const raptor_term *a, const raptor_term *b)
{
    return a && raptor_term_equals((raptor_term *)a, (raptor_term *)b);
}

static int stream_turtle(CgRdfStream *s, const raptor_term *subject,
                         const raptor_term *predicate, const raptor_term *object)
{
    int rc = 0;
    if (stream_same(s->subject, subject)) {
        if (stream_same(s->predicate, predicate)) {
            stream_puts(s, " ,\n        ");
            return stream_term(s, object);
        }
        stream_puts(s, " ;\n    ");
    } else {
        stream_puts(s, s->subject ? " .\n\n" : "\n");
        rc |= stream_term(s, subject);
        stream_puts(s, "\n    ");
        if (s->subject) {
            raptor_free_term(s->subject);
        }
        s->subject = raptor_term_copy((raptor_term *)subject);
    }
    if (predicate->type == RAPTOR_TERM_TYPE_URI &&
        raptor_uri_equals(predicate->value.uri, s->rdf_type)) {
        stream_puts(s, "a");
    } else {
        rc |= stream_term(s, predicate);
    }
    if (s->predicate) {
        raptor_free_term(s->predicate);
    }
    s->predicate = raptor_term_copy((raptor_term *)predicate);
    stream_puts(s, " ");
    return rc | stream_term(s, object);
}

int cg_rdf_stream_write(CgRdfStream *s, const raptor_term *subject,
                        const raptor_term *predicate, const raptor_term *object)
{
    if (s->turtle) {
        return stream_turtle(s, subject, predicate, object);
    }
    int rc = stream_term(s, subject);
    raptor_iostream_write_byte(' ', s->io);
    rc |= stream_term(s, predicate);
    raptor_iostream_write_byte(' ', s->io);
    rc |= stream_term(s, object);
    stream_puts(s, " .\n");
    return rc;
}

int cg_rdf_stream_end(CgRdfStream *s)
{
    if (s->turtle && s->subject) {
        stream_puts(s, " .\n");
    }
    return 0;
}

void cg_rdf_stream_free(CgRdfStream *s)
{
    if (!s) {
        return;
    }
    if (s->subject) {
        raptor_free_term(s->subject);
    }
    if (s->predicate) {
        raptor_free_term(s->predicate);
    }
    if (s->ns) {
        raptor_free_namespaces(s->ns);
    }
    if (s->rdf_type) {
        raptor_free_uri(s->rdf_type);
    }
    if (s->io) {
        raptor_free_iostream(s->io);
    }
    free(s);
}
