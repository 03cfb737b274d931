#include "rdf_stream.h"

#include "../core/mem.h"
#include "../core/utf8.h"
#include "rdf_common.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

struct CgRdfStream {
    raptor_iostream *io;    /* onto the caller's FILE */
    char *(*prefixes)[2];   /* Turtle only: {prefix, namespace}, owned */
    size_t *ns_len;         /* per prefix, the namespace's length */
    size_t n_prefixes;
    CgRdfSyntax syntax;
    bool turtle;            /* Turtle or TriG: prefixes, abbreviations */
    raptor_term *graph;     /* N-Quads and TriG: the current graph, or NULL */
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

static void stream_escaped(CgRdfStream *s, const unsigned char *text, size_t len, bool iri,
                           bool utf8);

CgRdfStream *cg_rdf_stream_new(raptor_world *world, FILE *out, CgRdfSyntax syntax,
                               const char *const (*prefixes)[2], size_t n)
{
    CgRdfStream *s = cg_xcalloc(1, sizeof *s);
    const bool turtle = syntax == CG_RDF_TURTLE || syntax == CG_RDF_TRIG;
    s->syntax = syntax;
    s->turtle = turtle;
    s->io = raptor_new_iostream_from_handler(world, out, &cg_file_handler);
    s->rdf_type = raptor_new_uri(world, (const unsigned char *)CG_NS_RDF "type");
    if (!s->io || !s->rdf_type) {
        cg_rdf_stream_free(s);
        return NULL;
    }
    if (!turtle) {
        return s;
    }
    s->prefixes = cg_xcalloc(n ? n : 1, sizeof *s->prefixes);
    s->ns_len = cg_xcalloc(n ? n : 1, sizeof *s->ns_len);
    for (size_t i = 0; i < n; ++i) {
        s->prefixes[i][0] = cg_xstrdup(prefixes[i][0]);
        s->prefixes[i][1] = cg_xstrdup(prefixes[i][1]);
        s->ns_len[i] = strlen(prefixes[i][1]);
        s->n_prefixes = i + 1;
        stream_puts(s, "@prefix ");
        stream_puts(s, prefixes[i][0]);
        stream_puts(s, ": <");
        stream_escaped(s, (const unsigned char *)prefixes[i][1], s->ns_len[i], true, true);
        stream_puts(s, "> .\n");
    }
    return s;
}

/* Whether `local` can follow "prefix:" as it is.  Turtle allows more
 * (escapes, dots inside), but ids and vocabulary names need no more, and
 * anything else is written whole. */
static bool stream_plain_local(const char *local, size_t len)
{
    if (!len || local[0] == '-') {
        return false;
    }
    for (size_t i = 0; i < len; ++i) {
        const unsigned char c = (unsigned char)local[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_')) {
            return false;
        }
    }
    return true;
}

/* \u0022, \u00E9, \U0001F600: uppercase hex, as Raptor writes them. */
static void stream_uchar(CgRdfStream *s, uint32_t cp)
{
    char esc[12];
    snprintf(esc, sizeof esc, cp < 0x10000 ? "\\u%04" PRIX32 : "\\U%08" PRIX32, cp);
    stream_puts(s, esc);
}

/* Whether the ASCII byte `c` must be a \u escape: in an IRI the bytes
 * IRIREF excludes, in a literal the controls without a short escape. */
static bool stream_ascii_uchar(unsigned char c, bool iri)
{
    return iri ? c <= 0x20 || c == 0x7f || strchr("<>\"{}|^`\\", c)
               : (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
}

static void stream_ascii(CgRdfStream *s, unsigned char c, bool iri, bool utf8)
{
    static const char from[] = "\t\n\r\"\\", to[] = "tnr\"\\";
    const char *hit = iri ? NULL : strchr(from, c);
    if (hit && c) {
        raptor_iostream_write_byte('\\', s->io);
        raptor_iostream_write_byte(to[hit - from], s->io);
    } else if (stream_ascii_uchar(c, iri) && !(utf8 && c == 0x7f && iri)) {
        stream_uchar(s, c);
    } else {
        raptor_iostream_write_byte(c, s->io);
    }
}

/* The text of a literal or an IRI, escaped for N-Triples (ASCII: \u for
 * the rest) or Turtle (`utf8`: UTF-8 as it is).  Raptor's own escaper
 * gives up at U+FFFE and U+FFFF, and then its N-Triples writer cuts the
 * literal there and its Turtle one fails, while its readers refuse the
 * escape \uFFFF (which the grammar allows) and take the two as UTF-8: so
 * they are written as UTF-8 in both syntaxes, which every reader takes.  A
 * byte that is not UTF-8 (callers sanitize, this is the last guard)
 * becomes U+FFFD. */
static void stream_escaped(CgRdfStream *s, const unsigned char *text, size_t len, bool iri,
                           bool utf8)
{
    for (size_t i = 0; i < len;) {
        if (text[i] < 0x80) {
            stream_ascii(s, text[i++], iri, utf8);
            continue;
        }
        const size_t n = cg_utf8_seq_len(text, len, i);
        const uint32_t cp = n ? cg_utf8_value(text + i, n) : 0xFFFD;
        if (utf8 || cg_utf8_xml_forbidden(cp)) {
            raptor_iostream_counted_string_write(n ? (const char *)text + i : "\xEF\xBF\xBD",
                                                 n ? n : 3, s->io);
        } else {
            stream_uchar(s, cp);
        }
        i += n ? n : 1;
    }
}

/* An IRI in <>, with the escapes of the syntax (ids are percent-encoded,
 * so nearly always as it is). */
static void stream_iri_whole(CgRdfStream *s, raptor_uri *uri, bool utf8)
{
    size_t len = 0;
    const unsigned char *iri = raptor_uri_as_counted_string(uri, &len);
    raptor_iostream_write_byte('<', s->io);
    stream_escaped(s, iri, len, true, utf8);
    raptor_iostream_write_byte('>', s->io);
}

/* A prefixed name when a prefix covers the IRI (the longest one), else the
 * IRI in <>.  Raptor's own qname finder walks every namespace per term and
 * was a quarter of the build time on large graphs. */
static int stream_turtle_iri(CgRdfStream *s, raptor_uri *uri)
{
    size_t len = 0;
    const char *iri = (const char *)raptor_uri_as_counted_string(uri, &len);
    size_t best = s->n_prefixes;
    for (size_t i = 0; i < s->n_prefixes; ++i) {
        const size_t n = s->ns_len[i];
        if (n <= len && !memcmp(iri, s->prefixes[i][1], n) &&
            (best == s->n_prefixes || n > s->ns_len[best]) &&
            stream_plain_local(iri + n, len - n)) {
            best = i;
        }
    }
    if (best == s->n_prefixes) {
        stream_iri_whole(s, uri, true);
        return 0;
    }
    stream_puts(s, s->prefixes[best][0]);
    raptor_iostream_write_byte(':', s->io);
    raptor_iostream_counted_string_write(iri + s->ns_len[best], len - s->ns_len[best], s->io);
    return 0;
}

/* Every literal on one line, "quoted", with N-Triples escapes; UTF-8 as it
 * is in Turtle.  The datatype is a prefixed name in Turtle. */
static int stream_literal(CgRdfStream *s, const raptor_term *term)
{
    const raptor_term_literal_value *lit = &term->value.literal;
    raptor_iostream_write_byte('"', s->io);
    stream_escaped(s, lit->string, lit->string_len, false, s->turtle);
    raptor_iostream_write_byte('"', s->io);
    if (lit->language) {
        raptor_iostream_write_byte('@', s->io);
        raptor_iostream_counted_string_write(lit->language, lit->language_len, s->io);
    } else if (lit->datatype) {
        stream_puts(s, "^^");
        if (s->turtle) {
            return stream_turtle_iri(s, lit->datatype);
        }
        stream_iri_whole(s, lit->datatype, false);
    }
    return 0;
}

static int stream_term(CgRdfStream *s, const raptor_term *term)
{
    if (term->type == RAPTOR_TERM_TYPE_URI) {
        if (s->turtle) {
            return stream_turtle_iri(s, term->value.uri);
        }
        stream_iri_whole(s, term->value.uri, false);
        return 0;
    }
    if (term->type == RAPTOR_TERM_TYPE_LITERAL) {
        return stream_literal(s, term);
    }
    return raptor_term_escaped_write(term, RAPTOR_ESCAPED_WRITE_NTRIPLES_LITERAL, s->io);
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

/* Ends the statement open in Turtle or TriG (the next subject starts
 * afresh), and TriG's graph block. */
static void stream_close_block(CgRdfStream *s)
{
    if (s->turtle && s->subject) {
        stream_puts(s, " .\n");
        raptor_free_term(s->subject);
        s->subject = NULL;
    }
    if (s->predicate) {
        raptor_free_term(s->predicate);
        s->predicate = NULL;
    }
    if (s->syntax == CG_RDF_TRIG && s->graph) {
        stream_puts(s, "}\n");
    }
}

void cg_rdf_stream_graph(CgRdfStream *s, const raptor_term *graph)
{
    if (s->syntax == CG_RDF_NTRIPLES || s->syntax == CG_RDF_TURTLE ||
        (graph ? stream_same(s->graph, graph) : !s->graph)) {
        return;
    }
    stream_close_block(s);
    if (s->graph) {
        raptor_free_term(s->graph);
    }
    s->graph = graph ? raptor_term_copy((raptor_term *)graph) : NULL;
    if (s->syntax == CG_RDF_TRIG && s->graph) {
        stream_puts(s, "\n");
        stream_term(s, s->graph);
        stream_puts(s, " {");
    }
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
    if (s->graph) {
        raptor_iostream_write_byte(' ', s->io);
        rc |= stream_term(s, s->graph);
    }
    stream_puts(s, " .\n");
    return rc;
}

int cg_rdf_stream_end(CgRdfStream *s)
{
    stream_close_block(s);
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
    if (s->graph) {
        raptor_free_term(s->graph);
    }
    for (size_t i = 0; i < s->n_prefixes; ++i) {
        free(s->prefixes[i][0]);
        free(s->prefixes[i][1]);
    }
    free(s->prefixes);
    free(s->ns_len);
    if (s->rdf_type) {
        raptor_free_uri(s->rdf_type);
    }
    if (s->io) {
        raptor_free_iostream(s->io);
    }
    free(s);
}
