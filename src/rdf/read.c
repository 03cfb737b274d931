/* serd (strict) as the parser; what serd 0.30 leaves to its caller or lets
 * through is done here: IRI resolution (iri.c), prefixed names, surrogate
 * code points and ill-formed UTF-8 in terms, and messages that may quote raw input bytes. */
#include "read.h"

#include "../core/mem.h"
#include "../core/utf8.h"

#include <errno.h>
#include <serd/serd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CG_RDF_PAGE 4096

typedef struct {
    char *prefix, *iri;
} CgPrefixDef;

/* Where serd reads from: a file or memory. */
typedef struct {
    FILE *fp;
    const char *text;
    size_t len, pos;
} CgRdfSource;

typedef struct {
    const CgRdfReadOptions *o;
    const char *name;
    const char *path; /* NULL for text in memory */
    CgRdfSource src;
    CgBuf base;
    bool has_base;
    CgPrefixDef *prefixes;
    size_t n_prefixes, cap_prefixes;
    CgBuf term[5]; /* subject, predicate, object, graph, datatype */
    CgBuf scratch;
    bool failed; /* an error was reported: serd's follow-ups are not */
} CgRdfReader;

/* What a problem of ours (not serd's) is, for finding where it is. */
typedef enum {
    CG_FIND_BAD_TEXT,
    CG_FIND_PREFIX,
    CG_FIND_ANY_PREFIX,
    CG_FIND_WORD,
    CG_FIND_RELATIVE
} CgFindKind;

static const char *const cg_syntax_names[][2] = {
    {"turtle", "ttl"}, {"trig", "trig"}, {"ntriples", "nt"}, {"nquads", "nq"}};

bool cg_rdf_syntax_from_name(const char *name, CgRdfSyntax *out)
{
    for (size_t i = 0; name && i < 4; ++i) {
        if (!strcmp(name, cg_syntax_names[i][0]) || !strcmp(name, cg_syntax_names[i][1])) {
            *out = (CgRdfSyntax)i;
            return true;
        }
    }
    return false;
}

bool cg_rdf_syntax_from_path(const char *path, CgRdfSyntax *out)
{
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(slash ? slash + 1 : path, '.');
    for (size_t i = 0; dot && i < 4; ++i) {
        if (!strcmp(dot + 1, cg_syntax_names[i][1])) {
            *out = (CgRdfSyntax)i;
            return true;
        }
    }
    return false;
}

const char *cg_rdf_syntax_name(CgRdfSyntax syntax)
{
    return cg_syntax_names[syntax][0];
}

static bool cg_is_line_based(const CgRdfReader *rd)
{
    return rd->o->syntax == CG_RDF_NTRIPLES || rd->o->syntax == CG_RDF_NQUADS;
}

/* Line and column (1-based; the column in characters) of byte `at`. */
static void cg_position(const char *text, size_t at, unsigned *line, unsigned *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < at; ++i) {
        if (text[i] == '\n') {
            ++*line;
            *col = 1;
        } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
            ++*col;
        }
    }
}

static int cg_hex(char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

/* The value of the \u or \U escape at s[i] when it names a surrogate. */
static bool cg_surrogate_escape(const char *s, size_t n, size_t i)
{
    const size_t digits = s[i + 1] == 'u' ? 4 : s[i + 1] == 'U' ? 8 : 0;
    if (!digits || i + 2 + digits > n) {
        return false;
    }
    unsigned long v = 0;
    for (size_t k = 0; k < digits; ++k) {
        const int h = cg_hex(s[i + 2 + k]);
        if (h < 0) {
            return false;
        }
        v = v * 16 + (unsigned long)h;
    }
    return v >= 0xD800 && v <= 0xDFFF;
}

static bool cg_name_char(unsigned char c)
{
    return c >= 0x80 || c == '_' || c == '-' || c == '.' || (c >= '0' && c <= '9') ||
           ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Whether the problem `kind` (about `what`) starts at s[i]. */
static bool cg_problem_at(const char *s, size_t n, size_t i, CgFindKind kind, const char *what)
{
    if (kind == CG_FIND_BAD_TEXT) {
        return (s[i] == '\\' && i + 1 < n && cg_surrogate_escape(s, n, i)) ||
               ((unsigned char)s[i] >= 0x80 && !cg_utf8_seq_len((const unsigned char *)s, n, i) &&
                (i == 0 || !cg_utf8_seq_len((const unsigned char *)s, n, i - 1)));
    }
    const size_t k = strlen(what);
    if (kind == CG_FIND_RELATIVE) {
        return s[i] == '<' && n - i > k + 1 && !memcmp(s + i + 1, what, k) && s[i + 1 + k] == '>';
    }
    if (kind == CG_FIND_WORD) {
        return (i == 0 || !cg_name_char((unsigned char)s[i - 1])) && n - i >= k &&
               !memcmp(s + i, what, k) && (n - i == k || !cg_name_char((unsigned char)s[i + k]));
    }
    return (kind == CG_FIND_ANY_PREFIX ||
            i == 0 || (!cg_name_char((unsigned char)s[i - 1]) && s[i - 1] != ':')) &&
           n - i > k && !memcmp(s + i, what, k) && s[i + k] == ':';
}

/* The whole input, for finding a problem after serd has moved on. */
static char *cg_slurp(const CgRdfReader *rd, size_t *len)
{
    if (!rd->path) {
        *len = rd->src.len;
        return NULL;
    }
    FILE *fp = fopen(rd->path, "rb");
    CgBuf all = CG_BUF_INIT;
    char chunk[65536];
    size_t n;
    while (fp && (n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
        cg_buf_append(&all, chunk, n);
    }
    if (fp) {
        fclose(fp);
    }
    *len = all.len;
    return cg_buf_take(&all);
}

/* Reports a problem serd did not see, at the first place in the input
 * where it occurs (serd tells no position for a statement it hands over). */
static void cg_report_at(CgRdfReader *rd, CgFindKind kind, const char *what, const char *fmt,
                         ...) CG_PRINTF(4, 5);

static void cg_report_at(CgRdfReader *rd, CgFindKind kind, const char *what, const char *fmt,
                         ...)
{
    size_t n;
    char *copy = cg_slurp(rd, &n);
    const char *s = copy ? copy : rd->src.text;
    unsigned line = 0, col = 0;
    for (size_t i = 0; s && i < n && !line; ++i) {
        if (cg_problem_at(s, n, i, kind, what)) {
            cg_position(s, i, &line, &col);
        }
    }
    /* A prefix glued to what comes before it ("_::a"): anywhere will do. */
    for (size_t i = 0; s && i < n && !line && kind == CG_FIND_PREFIX; ++i) {
        if (cg_problem_at(s, n, i, CG_FIND_ANY_PREFIX, what)) {
            cg_position(s, i, &line, &col);
        }
    }
    free(copy);
    CgBuf msg = CG_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    char text[512];
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    cg_diag(rd->o->sink, CG_SEV_ERROR, CG_ERR_SYNTAX, rd->name, line, col, "%s",
            cg_utf8_sanitize(&msg, text));
    cg_buf_free(&msg);
    rd->failed = true;
}

/* Terms must be well-formed UTF-8 without surrogates: serd 0.30 turns
 * "\uD800" into the three bytes of a surrogate and lets them through. */
static bool cg_check_text(CgRdfReader *rd, const char *s, size_t n)
{
    for (size_t i = 0; i < n; ++i) {
        const unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            continue;
        }
        const size_t k = cg_utf8_seq_len((const unsigned char *)s, n, i);
        if (!k) {
            const bool surrogate = c == 0xED && i + 1 < n && (unsigned char)s[i + 1] >= 0xA0;
            cg_report_at(rd, CG_FIND_BAD_TEXT, NULL, "%s",
                         surrogate ? "a surrogate code point (\\uD800 to \\uDFFF) is not a "
                                     "character: escape the character itself, not UTF-16"
                                   : "the text is not valid UTF-8");
            return false;
        }
        i += k - 1;
    }
    return true;
}

static bool cg_resolve(CgRdfReader *rd, CgBuf *out, const char *ref, size_t len)
{
    cg_buf_clear(out);
    if (cg_rdf_iri_resolve(out, rd->has_base ? cg_buf_str(&rd->base) : NULL, ref, len)) {
        return true;
    }
    cg_report_at(rd, CG_FIND_RELATIVE, ref, "relative IRI <%s> and no base IRI to resolve it: "
                 "write it in full or declare @base", ref);
    return false;
}

static bool cg_has_scheme(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (cg_name_char((unsigned char)s[i]) || s[i] == '+') && s[i] != '_' &&
           (unsigned char)s[i] < 0x80) {
        ++i;
    }
    return i > 0 && i < n && s[i] == ':' && ((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z');
}

static bool cg_iri(CgRdfReader *rd, CgBuf *out, const SerdNode *n)
{
    const char *s = (const char *)n->buf;
    if (cg_is_line_based(rd)) {
        /* N-Triples and N-Quads IRIs are absolute and taken as written. */
        if (!cg_has_scheme(s, n->n_bytes)) {
            cg_report_at(rd, CG_FIND_RELATIVE, s, "relative IRI <%s>: N-Triples and N-Quads "
                         "need absolute IRIs", s);
            return false;
        }
        cg_buf_clear(out);
        cg_buf_append(out, s, n->n_bytes);
        return true;
    }
    return cg_resolve(rd, out, s, n->n_bytes);
}

static bool cg_curie(CgRdfReader *rd, CgBuf *out, const SerdNode *n)
{
    const char *s = (const char *)n->buf;
    const char *colon = memchr(s, ':', n->n_bytes);
    const size_t plen = colon ? (size_t)(colon - s) : n->n_bytes;
    for (size_t i = rd->n_prefixes; colon && i-- > 0;) {
        const CgPrefixDef *d = &rd->prefixes[i];
        if (strlen(d->prefix) == plen && !memcmp(d->prefix, s, plen)) {
            cg_buf_clear(out);
            cg_buf_puts(out, d->iri);
            cg_buf_append(out, colon + 1, n->n_bytes - plen - 1);
            return true;
        }
    }
    CgBuf prefix = CG_BUF_INIT;
    cg_buf_append(&prefix, s, plen);
    if (!colon) {
        /* serd takes a bare word where a term should be for a prefixed name */
        cg_report_at(rd, CG_FIND_WORD, s,
                     "\"%s\" is not a term: write a prefixed name (prefix:name), an <IRI>, "
                     "a quoted literal, or \"a\" as a predicate only", s);
    } else if (cg_is_line_based(rd)) {
        cg_report_at(rd, CG_FIND_PREFIX, cg_buf_str(&prefix),
                     "prefixed name \"%s\": N-Triples and N-Quads have only <IRI>s and _:labels",
                     s);
    } else {
        cg_report_at(rd, CG_FIND_PREFIX, cg_buf_str(&prefix),
                     "undefined prefix \"%s:\": declare it with @prefix before its first use",
                     cg_buf_str(&prefix));
    }
    cg_buf_free(&prefix);
    return false;
}

static bool cg_term(CgRdfReader *rd, const SerdNode *n, CgBuf *buf, CgRdfTerm *t)
{
    memset(t, 0, sizeof *t);
    bool ok = true;
    if (n->type == SERD_URI) {
        t->kind = CG_RDF_IRI;
        ok = cg_iri(rd, buf, n);
    } else if (n->type == SERD_CURIE) {
        t->kind = CG_RDF_IRI;
        ok = cg_curie(rd, buf, n);
    } else {
        t->kind = n->type == SERD_BLANK ? CG_RDF_BLANK : CG_RDF_LITERAL;
        cg_buf_clear(buf);
        cg_buf_append(buf, (const char *)n->buf, n->n_bytes);
    }
    if (!ok || !cg_check_text(rd, buf->data ? buf->data : "", buf->len)) {
        return false;
    }
    t->value = cg_buf_str(buf);
    t->len = buf->len;
    return true;
}

static bool cg_literal_extras(CgRdfReader *rd, CgRdfTerm *o, const SerdNode *datatype,
                              const SerdNode *lang)
{
    if (datatype && datatype->buf) {
        CgRdfTerm dt;
        if (!cg_term(rd, datatype, &rd->term[4], &dt)) {
            return false;
        }
        o->datatype = dt.value;
        o->datatype_len = dt.len;
    }
    if (lang && lang->buf) {
        o->lang = (const char *)lang->buf;
        o->lang_len = lang->n_bytes;
    }
    return true;
}

static SerdStatus cg_on_statement(void *handle, SerdStatementFlags flags, const SerdNode *graph,
                                  const SerdNode *subject, const SerdNode *predicate,
                                  const SerdNode *object, const SerdNode *datatype,
                                  const SerdNode *lang)
{
    (void)flags;
    CgRdfReader *rd = handle;
    CgRdfQuad q;
    CgRdfTerm g;
    const bool has_graph = graph && graph->buf;
    if (!cg_term(rd, subject, &rd->term[0], &q.s) || !cg_term(rd, predicate, &rd->term[1], &q.p) ||
        !cg_term(rd, object, &rd->term[2], &q.o) ||
        (has_graph && !cg_term(rd, graph, &rd->term[3], &g)) ||
        !cg_literal_extras(rd, &q.o, datatype, lang)) {
        return SERD_ERR_BAD_SYNTAX;
    }
    q.g = has_graph ? &g : NULL;
    if (rd->o->on_quad) {
        rd->o->on_quad(rd->o->ctx, &q);
    }
    return SERD_SUCCESS;
}

static SerdStatus cg_on_base(void *handle, const SerdNode *uri)
{
    CgRdfReader *rd = handle;
    if (!cg_resolve(rd, &rd->scratch, (const char *)uri->buf, uri->n_bytes)) {
        return SERD_ERR_BAD_SYNTAX;
    }
    cg_buf_clear(&rd->base);
    cg_buf_append(&rd->base, rd->scratch.data, rd->scratch.len);
    rd->has_base = true;
    return SERD_SUCCESS;
}

static SerdStatus cg_on_prefix(void *handle, const SerdNode *name, const SerdNode *uri)
{
    CgRdfReader *rd = handle;
    if (!cg_resolve(rd, &rd->scratch, (const char *)uri->buf, uri->n_bytes) ||
        !cg_check_text(rd, rd->scratch.data, rd->scratch.len)) {
        return SERD_ERR_BAD_SYNTAX;
    }
    rd->prefixes = cg_xgrow(rd->prefixes, &rd->cap_prefixes, rd->n_prefixes + 1,
                            sizeof *rd->prefixes);
    rd->prefixes[rd->n_prefixes++] =
        (CgPrefixDef){cg_xstrdup((const char *)name->buf), cg_xstrdup(cg_buf_str(&rd->scratch))};
    if (rd->o->on_prefix) {
        rd->o->on_prefix(rd->o->ctx, (const char *)name->buf, cg_buf_str(&rd->scratch));
    }
    return SERD_SUCCESS;
}

/* serd's messages may quote the offending input byte as is: anything that
 * is not printable UTF-8 is shown as \xNN instead. */
static void cg_clean_message(CgBuf *out, const char *s)
{
    const size_t n = strlen(s);
    for (size_t i = 0; i < n; ++i) {
        const unsigned char c = (unsigned char)s[i];
        const size_t k = c >= 0x80 ? cg_utf8_seq_len((const unsigned char *)s, n, i) : 1;
        if (c >= 0x80 && k) {
            cg_buf_append(out, s + i, k);
            i += k - 1;
        } else if (c < 0x20 || c == 0x7F || c >= 0x80) {
            cg_buf_printf(out, "\\x%02X", c);
        } else {
            cg_buf_putc(out, (char)c);
        }
    }
}

/* serd's column is the count of characters it has read on the line: the
 * offending one when it was read, the one before it when it was only
 * peeked at, which is then often the blank before the offending token.
 * The column moves past such blanks to the token. */
static void cg_skip_blanks(const CgRdfReader *rd, unsigned line, unsigned *col)
{
    size_t n;
    char *copy = cg_slurp(rd, &n);
    const char *s = copy ? copy : rd->src.text;
    size_t i = 0;
    for (unsigned l = 1; s && l < line && i < n; ++i) {
        l += s[i] == '\n';
    }
    for (unsigned c = 1; s && c < *col && i < n && s[i] != '\n'; ++i) {
        c += i + 1 >= n || ((unsigned char)s[i + 1] & 0xC0) != 0x80;
    }
    while (s && i < n && (s[i] == ' ' || s[i] == '\t')) {
        ++i;
        ++*col;
    }
    free(copy);
}

static SerdStatus cg_on_error(void *handle, const SerdError *e)
{
    CgRdfReader *rd = handle;
    if (rd->failed) {
        return SERD_SUCCESS;
    }
    char text[1024];
    va_list args;
    va_copy(args, *e->args);
    /* serd's own format string, which it pairs with these arguments */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    vsnprintf(text, sizeof text, e->fmt, args);
#pragma GCC diagnostic pop
    va_end(args);
    text[strcspn(text, "\n")] = '\0';
    CgBuf msg = CG_BUF_INIT;
    cg_clean_message(&msg, text);
    unsigned line = e->line ? e->line : 1, col = e->col ? e->col : 1;
    cg_skip_blanks(rd, line, &col);
    cg_diag(rd->o->sink, CG_SEV_ERROR, CG_ERR_SYNTAX, rd->name, line, col, "%s",
            msg.len ? cg_buf_str(&msg) : "syntax error");
    cg_buf_free(&msg);
    rd->failed = true;
    return SERD_SUCCESS;
}

static size_t cg_source_read(void *buf, size_t size, size_t nmemb, void *stream)
{
    CgRdfSource *src = stream;
    size_t n;
    if (src->fp) {
        n = fread(buf, 1, size * nmemb, src->fp);
    } else {
        n = src->len - src->pos < size * nmemb ? src->len - src->pos : size * nmemb;
        memcpy(buf, src->text + src->pos, n);
    }
    src->pos += n;
    return n / size;
}

static int cg_source_error(void *stream)
{
    const CgRdfSource *src = stream;
    return src->fp ? ferror(src->fp) : 0;
}

static const SerdSyntax cg_serd_syntax[] = {SERD_TURTLE, SERD_TRIG, SERD_NTRIPLES, SERD_NQUADS};

static CgStatus cg_run(CgRdfReader *rd)
{
    const CgRdfReadOptions *o = rd->o;
    if (o->base) {
        cg_buf_puts(&rd->base, o->base);
        rd->has_base = true;
    }
    SerdReader *reader = serd_reader_new(cg_serd_syntax[o->syntax], rd, NULL, cg_on_base,
                                         cg_on_prefix, cg_on_statement, NULL);
    serd_reader_set_strict(reader, true);
    serd_reader_set_error_sink(reader, cg_on_error, rd);
    const SerdStatus st = serd_reader_read_source(reader, cg_source_read, cg_source_error,
                                                  &rd->src, (const uint8_t *)rd->name,
                                                  CG_RDF_PAGE);
    serd_reader_free(reader);
    CgStatus out = CG_OK;
    if (rd->src.fp && ferror(rd->src.fp)) {
        cg_diag(o->sink, CG_SEV_ERROR, CG_ERR_IO, rd->name, 0, 0, "cannot read: %s",
                strerror(errno));
        out = CG_ERR_IO;
    } else if (rd->failed || st > SERD_FAILURE) {
        if (!rd->failed) {
            cg_diag(o->sink, CG_SEV_ERROR, CG_ERR_SYNTAX, rd->name, 1, 1,
                    "cannot parse as %s (%s)", cg_rdf_syntax_name(o->syntax),
                    (const char *)serd_strerror(st));
        }
        out = CG_ERR_SYNTAX;
    }
    return out;
}

static void cg_reader_clear(CgRdfReader *rd)
{
    for (size_t i = 0; i < rd->n_prefixes; ++i) {
        free(rd->prefixes[i].prefix);
        free(rd->prefixes[i].iri);
    }
    free(rd->prefixes);
    for (size_t i = 0; i < 5; ++i) {
        cg_buf_free(&rd->term[i]);
    }
    cg_buf_free(&rd->scratch);
    cg_buf_free(&rd->base);
}

CgStatus cg_rdf_read_file(const char *path, const CgRdfReadOptions *options)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        cg_diag(options->sink, CG_SEV_ERROR, CG_ERR_IO, path, 0, 0, "cannot open: %s",
                strerror(errno));
        return CG_ERR_IO;
    }
    CgRdfReader rd = {.o = options, .name = path, .path = path, .src = {.fp = fp}};
    const CgStatus st = cg_run(&rd);
    cg_reader_clear(&rd);
    fclose(fp);
    return st;
}

CgStatus cg_rdf_read_string(const char *text, size_t len, const char *name,
                            const CgRdfReadOptions *options)
{
    CgRdfReader rd = {.o = options, .name = name, .src = {.text = text, .len = len}};
    const CgStatus st = cg_run(&rd);
    cg_reader_clear(&rd);
    return st;
}
