/* RDF files into CgRdfGraphs: Turtle, TriG, N-Triples and N-Quads through
 * the reader of src/rdf/, RDF/XML with Raptor2.  Both hand over one
 * statement at a time; each term is turned into its canonical key and interned, so a
 * graph of a million triples costs four integers per triple plus its
 * distinct terms. */
#include "diff_internal.h"

#include "../core/mem.h"
#include "../rdf/read.h"

#include <errno.h>
#include <raptor2.h>
#include <stdlib.h>
#include <string.h>

#define CG_MAX_PARSE_ERRORS 20

typedef struct {
    const char *name;
    CgSyntax syntax;
} CgSyntaxName;

static const CgSyntaxName cg_syntax_names[] = {
    {"turtle", CG_SYNTAX_TURTLE}, {"ntriples", CG_SYNTAX_NTRIPLES},
    {"nquads", CG_SYNTAX_NQUADS}, {"rdfxml", CG_SYNTAX_RDFXML},
    {"trig", CG_SYNTAX_TRIG},
    {"ttl", CG_SYNTAX_TURTLE},    {"nt", CG_SYNTAX_NTRIPLES},
    {"nq", CG_SYNTAX_NQUADS},     {"rdf", CG_SYNTAX_RDFXML},
    {"xml", CG_SYNTAX_RDFXML},    {"owl", CG_SYNTAX_RDFXML},
    {"trig", CG_SYNTAX_TRIG},
};

#define CG_N_SYNTAX_NAMES (sizeof cg_syntax_names / sizeof cg_syntax_names[0])

CgStatus cg_diff_syntax_from_name(const char *name, CgSyntax *out)
{
    for (size_t i = 0; name && i < CG_N_SYNTAX_NAMES; ++i) {
        if (!strcmp(name, cg_syntax_names[i].name)) {
            *out = cg_syntax_names[i].syntax;
            return CG_OK;
        }
    }
    return CG_ERR_USAGE;
}

CgStatus cg_diff_syntax_from_path(const char *path, CgSyntax *out)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    const char *dot = strrchr(base, '.');
    if (!dot || dot == base) {
        return CG_FAILURE;
    }
    return cg_diff_syntax_from_name(dot + 1, out) ? CG_FAILURE : CG_OK;
}

/* Raptor's own names, in CgSyntax order. */
static const char *const cg_raptor_parsers[] = {"turtle", "ntriples", "nquads", "rdfxml",
                                                "trig"};

/* The IRI last seen at one position of a statement: consecutive triples
 * mostly share their subject (and often their predicate), and a byte
 * comparison is cheaper than formatting, hashing and looking up. */
typedef struct {
    CgBuf iri;
    uint32_t id;
} CgLastIri;

typedef struct {
    CgRdfGraph *graph;
    CgStrMap *blanks; /* file-local label -> index */
    CgBuf key;
    CgLastIri last[4];
    CgDiagSink *sink;
    const char *name;      /* for messages */
    const char *path;      /* to read a line back for a column; NULL for text */
    const char *text;      /* the input when it is in memory */
    raptor_parser *parser; /* for its locator */
    size_t errors;
} CgLoader;

/* The text of line `line` (1-based) into `out`. */
static bool cg_read_line(const CgLoader *ld, unsigned line, CgBuf *out)
{
    cg_buf_clear(out);
    if (ld->text) {
        const char *p = ld->text;
        for (unsigned i = 1; i < line && p; ++i) {
            p = strchr(p, '\n');
            p = p ? p + 1 : NULL;
        }
        if (p) {
            cg_buf_append(out, p, strcspn(p, "\r\n"));
        }
        return p != NULL;
    }
    FILE *fp = ld->path ? fopen(ld->path, "rb") : NULL;
    char *buf = NULL;
    size_t cap = 0;
    ssize_t n = -1;
    for (unsigned i = 0; fp && i < line && (n = getline(&buf, &cap, fp)) >= 0; ++i) {
    }
    if (n >= 0) {
        cg_buf_append(out, buf, strcspn(buf, "\r\n"));
    }
    free(buf);
    if (fp) {
        fclose(fp);
    }
    return n >= 0;
}

/* The token a message quotes ('x', "x:a", "unexpected ]", "qname x:a"). */
static bool cg_message_token(const char *msg, CgBuf *token)
{
    static const char *const openers[][2] = {
        {"'", "'"}, {"\"", "\""}, {"unexpected ", " ,"}, {"qname ", " "}};
    for (size_t i = 0; i < sizeof openers / sizeof openers[0]; ++i) {
        const char *start = strstr(msg, openers[i][0]);
        if (start) {
            start += strlen(openers[i][0]);
            const size_t len = strcspn(start, openers[i][1]);
            cg_buf_clear(token);
            cg_buf_append(token, start, len);
            return len > 0;
        }
    }
    return false;
}

/* Raptor's Turtle and RDF/XML parsers report a line but no column: the
 * column is where the token the message names starts on that line, else the
 * line's first non-blank character. */
static unsigned cg_guess_column(const CgLoader *ld, unsigned line, const char *msg)
{
    CgBuf text = CG_BUF_INIT, token = CG_BUF_INIT;
    unsigned col = 1;
    if (cg_read_line(ld, line, &text)) {
        const char *s = cg_buf_str(&text);
        const char *hit = cg_message_token(msg, &token) ? strstr(s, cg_buf_str(&token)) : NULL;
        col = cg_diff_column(s, hit ? (size_t)(hit - s) : strspn(s, " \t"));
    }
    cg_buf_free(&text);
    cg_buf_free(&token);
    return col;
}

static void cg_on_log(void *user_data, raptor_log_message *m)
{
    CgLoader *ld = user_data;
    if (m->level < RAPTOR_LOG_LEVEL_WARN) {
        return;
    }
    const bool error = m->level >= RAPTOR_LOG_LEVEL_ERROR;
    if (error && ld->errors++ >= CG_MAX_PARSE_ERRORS) {
        return;
    }
    const raptor_locator *loc = m->locator && m->locator->line > 0
                                    ? m->locator
                                    : (ld->parser ? raptor_parser_get_locator(ld->parser) : NULL);
    const unsigned line = loc && loc->line > 0 ? (unsigned)loc->line : 0;
    const char *msg = m->text ? m->text : "RDF syntax error";
    unsigned col = loc && loc->column >= 0 ? (unsigned)loc->column + 1 : 0;
    if (line && !col) {
        col = cg_guess_column(ld, line, msg);
    }
    cg_diag(ld->sink, error ? CG_SEV_ERROR : CG_SEV_WARNING, error ? CG_ERR_SYNTAX : CG_OK,
            ld->name, line, col, "%s", msg);
}

static uint32_t cg_blank_id(CgLoader *ld, const char *label, size_t len)
{
    uint32_t index;
    if (!cg_strmap_get(ld->blanks, label, len, &index)) {
        index = ld->graph->n_blank++;
        cg_strmap_put(ld->blanks, label, len, index);
    }
    return CG_BLANK_BIT | index;
}

static uint32_t cg_iri_id(CgLoader *ld, const char *iri, size_t len, int position)
{
    CgLastIri *last = &ld->last[position];
    if (last->iri.data && last->iri.len == len && !memcmp(last->iri.data, iri, len)) {
        return last->id;
    }
    const CgTermParts p = {CG_TERM_IRI, iri, len, NULL, 0, NULL, 0};
    cg_buf_clear(&ld->key);
    cg_diff_term_format(&ld->key, &p);
    last->id = cg_diff_term_intern(ld->graph->terms, ld->key.data, ld->key.len);
    cg_buf_clear(&last->iri);
    cg_buf_append(&last->iri, iri, len);
    return last->id;
}

static uint32_t cg_term_id(CgLoader *ld, const raptor_term *t, int position)
{
    if (!t) {
        return CG_DEFAULT_GRAPH;
    }
    if (t->type == RAPTOR_TERM_TYPE_URI) {
        size_t len = 0;
        const char *iri = (const char *)raptor_uri_as_counted_string(t->value.uri, &len);
        return cg_iri_id(ld, iri, len, position);
    }
    if (t->type == RAPTOR_TERM_TYPE_BLANK) {
        return cg_blank_id(ld, (const char *)t->value.blank.string, t->value.blank.string_len);
    }
    const raptor_term_literal_value *lit = &t->value.literal;
    CgTermParts p = {CG_TERM_LITERAL, (const char *)lit->string, lit->string_len,
                     NULL, 0, (const char *)lit->language, lit->language_len};
    if (lit->datatype) {
        size_t len = 0;
        p.datatype = (const char *)raptor_uri_as_counted_string(lit->datatype, &len);
        p.datatype_len = len;
    }
    cg_buf_clear(&ld->key);
    cg_diff_term_format(&ld->key, &p);
    return cg_diff_term_intern(ld->graph->terms, ld->key.data, ld->key.len);
}

static void cg_on_statement(void *user_data, raptor_statement *st)
{
    CgLoader *ld = user_data;
    const CgQuad q = {{cg_term_id(ld, st->subject, 0), cg_term_id(ld, st->predicate, 1),
                       cg_term_id(ld, st->object, 2), cg_term_id(ld, st->graph, 3)}};
    cg_diff_graph_push(ld->graph, &q);
}

/* The same for a term of src/rdf/'s reader. */
static uint32_t cg_rdf_term_id(CgLoader *ld, const CgRdfTerm *t, int position)
{
    if (!t) {
        return CG_DEFAULT_GRAPH;
    }
    if (t->kind == CG_RDF_IRI) {
        return cg_iri_id(ld, t->value, t->len, position);
    }
    if (t->kind == CG_RDF_BLANK) {
        return cg_blank_id(ld, t->value, t->len);
    }
    const CgTermParts p = {CG_TERM_LITERAL, t->value, t->len, t->datatype,
                           t->datatype_len, t->lang, t->lang_len};
    cg_buf_clear(&ld->key);
    cg_diff_term_format(&ld->key, &p);
    return cg_diff_term_intern(ld->graph->terms, ld->key.data, ld->key.len);
}

static void cg_on_quad(void *ctx, const CgRdfQuad *quad)
{
    CgLoader *ld = ctx;
    const CgQuad q = {{cg_rdf_term_id(ld, &quad->s, 0), cg_rdf_term_id(ld, &quad->p, 1),
                       cg_rdf_term_id(ld, &quad->o, 2), cg_rdf_term_id(ld, quad->g, 3)}};
    cg_diff_graph_push(ld->graph, &q);
}

static void cg_on_prefix(void *ctx, const char *prefix, const char *iri)
{
    cg_diff_graph_add_prefix(((CgLoader *)ctx)->graph, prefix, iri);
}

/* Turtle, TriG, N-Triples and N-Quads: the reader stops at the first error. */
static CgStatus cg_parse_text_syntax(CgLoader *ld, const CgLoadOptions *o)
{
    static const CgRdfSyntax syntax[] = {CG_RDF_TURTLE, CG_RDF_NTRIPLES, CG_RDF_NQUADS,
                                         CG_RDF_TURTLE, CG_RDF_TRIG};
    const CgRdfReadOptions ro = {syntax[o->syntax], o->base ? o->base : CG_DIFF_DEFAULT_BASE,
                                 cg_on_quad, cg_on_prefix, ld, ld->sink};
    return ld->text ? cg_rdf_read_string(ld->text, strlen(ld->text), ld->name, &ro)
                    : cg_rdf_read_file(ld->path, &ro);
}

static void cg_on_namespace(void *user_data, raptor_namespace *ns)
{
    CgLoader *ld = user_data;
    const unsigned char *prefix = raptor_namespace_get_prefix(ns);
    raptor_uri *uri = raptor_namespace_get_uri(ns);
    if (uri) {
        cg_diff_graph_add_prefix(ld->graph, prefix ? (const char *)prefix : "",
                                 (const char *)raptor_uri_as_string(uri));
    }
}

/* Runs the parser over the file or the text; returns Raptor's result. */
static int cg_run_parser(CgLoader *ld, raptor_world *world, FILE *fp, const char *base)
{
    raptor_uri *base_uri = raptor_new_uri(world, (const unsigned char *)base);
    int rc = -1;
    if (base_uri && fp) {
        rc = raptor_parser_parse_file_stream(ld->parser, fp, ld->name, base_uri);
    } else if (base_uri && !raptor_parser_parse_start(ld->parser, base_uri)) {
        rc = raptor_parser_parse_chunk(ld->parser, (const unsigned char *)ld->text,
                                       strlen(ld->text), 1);
    }
    if (base_uri) {
        raptor_free_uri(base_uri);
    }
    return rc;
}

raptor_world *cg_diff_world_new(CgDiagSink *sink)
{
    raptor_world *world = raptor_new_world();
    /* Our term table interns every IRI already: Raptor's own tree of URIs
     * would only cost a string comparison per level per term. */
    if (world) {
        raptor_world_set_flag(world, RAPTOR_WORLD_FLAG_URI_INTERNING, 0);
    }
    if (!world || raptor_world_open(world)) {
        raptor_free_world(world);
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_INTERNAL, NULL, 0, 0, "cannot start Raptor");
        return NULL;
    }
    return world;
}

static CgStatus cg_parse(CgLoader *ld, raptor_world *world, FILE *fp, const CgLoadOptions *o)
{
    if (o->syntax != CG_SYNTAX_RDFXML) {
        return cg_parse_text_syntax(ld, o);
    }
    raptor_world_set_log_handler(world, ld, cg_on_log);
    ld->parser = raptor_new_parser(world, cg_raptor_parsers[o->syntax]);
    int rc = -1;
    if (ld->parser) {
        raptor_parser_set_statement_handler(ld->parser, ld, cg_on_statement);
        raptor_parser_set_namespace_handler(ld->parser, ld, cg_on_namespace);
        rc = cg_run_parser(ld, world, fp, o->base ? o->base : CG_DIFF_DEFAULT_BASE);
        raptor_free_parser(ld->parser);
        ld->parser = NULL;
    }
    raptor_world_set_log_handler(world, NULL, NULL);
    if (ld->errors > CG_MAX_PARSE_ERRORS) {
        cg_diag(ld->sink, CG_SEV_ERROR, CG_ERR_SYNTAX, ld->name, 0, 0,
                "%zu more errors not shown", ld->errors - CG_MAX_PARSE_ERRORS);
    }
    if (rc && !ld->errors) {
        cg_diag(ld->sink, CG_SEV_ERROR, CG_ERR_SYNTAX, ld->name, 0, 0, "cannot parse as %s",
                cg_raptor_parsers[o->syntax]);
    }
    return rc || ld->errors ? CG_ERR_SYNTAX : CG_OK;
}

static CgStatus cg_load(CgLoader *ld, raptor_world *world, FILE *fp, const CgLoadOptions *o,
                        CgRdfGraph **out)
{
    ld->blanks = cg_strmap_new();
    CgStatus st = cg_parse(ld, world, fp, o);
    cg_strmap_free(ld->blanks);
    cg_buf_free(&ld->key);
    for (int i = 0; i < 4; ++i) {
        cg_buf_free(&ld->last[i].iri);
    }
    if (!st && fp && ferror(fp)) {
        cg_diag(ld->sink, CG_SEV_ERROR, CG_ERR_IO, ld->name, 0, 0, "cannot read: %s",
                strerror(errno));
        st = CG_ERR_IO;
    }
    if (!st) {
        cg_diff_graph_normalise(ld->graph);
        st = cg_canon_label(ld->graph, ld->name, ld->sink);
    }
    if (st) {
        cg_diff_graph_free(ld->graph);
        return st;
    }
    *out = ld->graph;
    return CG_OK;
}

static CgStatus cg_load_text(raptor_world *world, CgTermTable *terms, const char *text,
                             const char *name, const CgLoadOptions *options, CgDiagSink *sink,
                             CgRdfGraph **out)
{
    CgLoader ld = {.graph = cg_diff_graph_new(terms), .sink = sink, .name = name, .text = text};
    return cg_load(&ld, world, NULL, options, out);
}

CgStatus cg_diff_load_string(CgTermTable *terms, const char *text, const char *name,
                             const CgLoadOptions *options, CgDiagSink *sink, CgRdfGraph **out)
{
    *out = NULL;
    raptor_world *world = cg_diff_world_new(sink);
    if (!world) {
        return CG_ERR_INTERNAL;
    }
    const CgStatus st = cg_load_text(world, terms, text, name, options, sink, out);
    raptor_free_world(world);
    return st;
}

/* Standard input cannot be read twice, and a message's column may need a
 * line back: it is read into memory first. */
static CgStatus cg_load_stdin(raptor_world *world, CgTermTable *terms,
                              const CgLoadOptions *options, CgDiagSink *sink, CgRdfGraph **out)
{
    CgBuf text = CG_BUF_INIT;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0) {
        cg_buf_append(&text, chunk, n);
    }
    CgStatus st = CG_ERR_IO;
    if (ferror(stdin)) {
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_IO, "stdin", 0, 0, "cannot read: %s",
                strerror(errno));
    } else {
        st = cg_load_text(world, terms, cg_buf_str(&text), "stdin", options, sink, out);
    }
    cg_buf_free(&text);
    return st;
}

CgStatus cg_diff_load_in(raptor_world *world, CgTermTable *terms, const char *path,
                         const CgLoadOptions *options, CgDiagSink *sink, CgRdfGraph **out)
{
    *out = NULL;
    if (!strcmp(path, "-")) {
        return cg_load_stdin(world, terms, options, sink, out);
    }
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_IO, path, 0, 0, "cannot open: %s", strerror(errno));
        return CG_ERR_IO;
    }
    CgLoader ld = {.graph = cg_diff_graph_new(terms), .sink = sink, .name = path, .path = path};
    const CgStatus st = cg_load(&ld, world, fp, options, out);
    fclose(fp);
    return st;
}

CgStatus cg_diff_load_file(CgTermTable *terms, const char *path, const CgLoadOptions *options,
                           CgDiagSink *sink, CgRdfGraph **out)
{
    *out = NULL;
    raptor_world *world = cg_diff_world_new(sink);
    if (!world) {
        return CG_ERR_INTERNAL;
    }
    const CgStatus st = cg_diff_load_in(world, terms, path, options, sink, out);
    raptor_free_world(world);
    return st;
}
