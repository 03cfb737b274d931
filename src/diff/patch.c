/* RDF Patch (https://afs.github.io/rdf-patch/): writing the difference as A
 * and D lines, reading such lines back, and applying them in order. */
#include "diff_internal.h"

#include "../core/hash.h"
#include "../core/mem.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define CG_MAX_CONFLICTS 20

/* ---- writing ------------------------------------------------------------ */

typedef struct {
    const char *t[4];
    char op;
} CgPatchLine;

static int cg_line_cmp(const void *a, const void *b)
{
    const CgPatchLine *x = a, *y = b;
    for (int i = 0; i < 4; ++i) {
        const int c = strcmp(x->t[i], y->t[i]);
        if (c) {
            return c;
        }
    }
    return (x->op > y->op) - (x->op < y->op);
}

static void cg_add_lines(CgPatchLine *lines, size_t *n, const CgTermTable *terms,
                         const CgQuad *quads, size_t count, char op)
{
    for (size_t i = 0; i < count; ++i) {
        CgPatchLine *l = &lines[(*n)++];
        for (int a = 0; a < 4; ++a) {
            l->t[a] = cg_diff_term_key(terms, quads[i].t[a]);
        }
        l->op = op;
    }
}

/* A name-based UUID (version 5 bits) from two 64-bit hashes of the rows:
 * the same two graphs give the same patch, byte for byte. */
static void write_uuid(const CgBuf *rows, const char *prev, FILE *stream)
{
    uint64_t h[2];
    for (int k = 0; k < 2; ++k) {
        uint64_t x = cg_hash_u64(CG_HASH_SEED, (uint64_t)k + 1);
        x = cg_hash_str(x, prev ? prev : "");
        h[k] = cg_hash_final(cg_hash_bytes(x, rows->data, rows->len));
    }
    unsigned char b[16];
    for (int i = 0; i < 16; ++i) {
        b[i] = (unsigned char)(h[i / 8] >> (8 * (7 - i % 8)));
    }
    b[6] = (unsigned char)((b[6] & 0x0f) | 0x50);
    b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
    fputs("H id <urn:uuid:", stream);
    for (int i = 0; i < 16; ++i) {
        fprintf(stream, "%s%02x", i == 4 || i == 6 || i == 8 || i == 10 ? "-" : "", b[i]);
    }
    fputs("> .\n", stream);
}

/* Sorted by subject, predicate, object and graph, so that a changed value
 * reads as its D line next to its A line. */
CgStatus cg_patch_write(const CgDiffData *d, FILE *stream)
{
    const CgTermTable *terms = d->old_graph->terms;
    CgPatchLine *lines = cg_xmalloc((d->n_removed + d->n_added + 1) * sizeof *lines);
    size_t n = 0;
    cg_add_lines(lines, &n, terms, d->removed, d->n_removed, 'D');
    cg_add_lines(lines, &n, terms, d->added, d->n_added, 'A');
    qsort(lines, n, sizeof *lines, cg_line_cmp);
    CgBuf rows = CG_BUF_INIT;
    for (size_t i = 0; i < n; ++i) {
        const CgPatchLine *l = &lines[i];
        cg_buf_printf(&rows, "%c %s %s %s%s%s .\n", l->op, l->t[0], l->t[1], l->t[2],
                      *l->t[3] ? " " : "", l->t[3]);
    }
    free(lines);
    if (n) {
        write_uuid(&rows, d->patch_prev, stream);
        if (d->patch_prev) {
            fprintf(stream, "H prev <%s> .\n", d->patch_prev);
        }
        fputs("TX .\n", stream);
        fwrite(rows.data, 1, rows.len, stream);
        fputs("TC .\n", stream);
    }
    cg_buf_free(&rows);
    return ferror(stream) ? CG_ERR_IO : CG_OK;
}

/* ---- reading ------------------------------------------------------------ */

typedef struct {
    CgTermTable *terms;
    CgPatch *patch;
    CgDiagSink *sink;
    const char *name;
    unsigned line;
    CgBuf value, datatype, key;
    size_t errors;
    bool in_tx, body_seen; /* body: any row but H */
    unsigned tx_line;      /* of the open TX */
    size_t tx_start;       /* rows before the open TX */
} CgPatchReader;

static bool cg_reader_error(CgPatchReader *r, const CgNtCursor *c, const char *msg)
{
    cg_diag(r->sink, CG_SEV_ERROR, CG_ERR_SYNTAX, r->name, r->line,
            cg_diff_column(c->text, c->pos), "%s", msg);
    ++r->errors;
    return false;
}

static bool cg_read_term(CgPatchReader *r, CgNtCursor *c, int position, uint32_t *id)
{
    static const char *const wrong[] = {
        "a subject must be an IRI or a blank node", "a predicate must be an IRI", NULL,
        "a graph name must be an IRI or a blank node"};
    CgTermParts p;
    const size_t start = (cg_diff_nt_skip_space(c), c->pos);
    if (!cg_diff_nt_term(c, &r->value, &r->datatype, &p)) {
        return cg_reader_error(r, c, c->error);
    }
    if (wrong[position] &&
        (p.kind == CG_TERM_LITERAL || (position == 1 && p.kind == CG_TERM_BLANK))) {
        c->pos = start;
        return cg_reader_error(r, c, wrong[position]);
    }
    cg_buf_clear(&r->key);
    cg_diff_term_format(&r->key, &p);
    *id = cg_diff_term_intern(r->terms, r->key.data, r->key.len);
    return true;
}

/* After the terms: " ." and nothing but a comment. */
static bool cg_read_end(CgPatchReader *r, CgNtCursor *c)
{
    cg_diff_nt_skip_space(c);
    if (c->text[c->pos] != '.') {
        return cg_reader_error(r, c, "expected '.' at the end of the line");
    }
    ++c->pos;
    cg_diff_nt_skip_space(c);
    if (c->text[c->pos] && c->text[c->pos] != '#' && c->text[c->pos] != '\n' &&
        c->text[c->pos] != '\r') {
        return cg_reader_error(r, c, "unexpected text after '.'");
    }
    return true;
}

static bool cg_read_quad(CgPatchReader *r, CgNtCursor *c, char op)
{
    CgPatchOp o = {{{0, 0, 0, CG_DEFAULT_GRAPH}}, r->line, op};
    for (int a = 0; a < 3; ++a) {
        if (!cg_read_term(r, c, a, &o.quad.t[a])) {
            return false;
        }
    }
    cg_diff_nt_skip_space(c);
    const char next = c->text[c->pos];
    const bool more = next && !strchr(".#\r\n", next); /* a graph name */
    if (more && !cg_read_term(r, c, 3, &o.quad.t[3])) {
        return false;
    }
    if (!cg_read_end(r, c)) {
        return false;
    }
    CgPatch *p = r->patch;
    p->ops = cg_xgrow(p->ops, &p->cap, p->n + 1, sizeof *p->ops);
    p->ops[p->n++] = o;
    return true;
}

/* One term of a header or prefix row, as its N-Triples key. */
static bool read_plain_term(CgPatchReader *r, CgNtCursor *c, const char *what)
{
    CgTermParts p;
    cg_diff_nt_skip_space(c);
    const size_t start = c->pos;
    const char next = c->text[c->pos];
    if (!next || strchr(".#\r\n", next)) {
        char msg[160];
        snprintf(msg, sizeof msg, "expected %s", what);
        return cg_reader_error(r, c, msg);
    }
    if (!cg_diff_nt_term(c, &r->value, &r->datatype, &p)) {
        return cg_reader_error(r, c, c->error);
    }
    if (p.kind == CG_TERM_BLANK) {
        c->pos = start;
        char msg[160];
        snprintf(msg, sizeof msg, "expected %s, not a blank node", what);
        return cg_reader_error(r, c, msg);
    }
    cg_buf_clear(&r->key);
    cg_diff_term_format(&r->key, &p);
    return true;
}

/* A keyword (a header key, a prefix without its colon): letters, digits,
 * '-', '_' and '.' not at the end. */
static bool read_word(CgPatchReader *r, CgNtCursor *c, const char *what)
{
    cg_diff_nt_skip_space(c);
    const size_t start = c->pos;
    while (c->text[c->pos] && !strchr(" \t\r\n", c->text[c->pos])) {
        ++c->pos;
    }
    size_t end = c->pos;
    if (end > start && c->text[end - 1] == ':') {
        --end; /* "PA ex: <...>" */
    }
    bool ok = end > start;
    for (size_t i = start; ok && i < end; ++i) {
        const char ch = c->text[i];
        ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
             ch == '-' || ch == '_' || (ch == '.' && i + 1 < end);
    }
    if (!ok) {
        c->pos = start;
        char msg[160];
        snprintf(msg, sizeof msg, "expected %s (letters, digits, '-', '_')", what);
        return cg_reader_error(r, c, msg);
    }
    return true;
}

/* "H key value ." before any other row; id and prev are kept. */
static void read_header(CgPatchReader *r, CgNtCursor *c)
{
    if (r->body_seen) {
        --c->pos; /* point at the H */
        cg_reader_error(r, c, "a header (H) must come before the rows: move it to the top");
        return;
    }
    cg_diff_nt_skip_space(c);
    const size_t key_start = c->pos;
    if (!read_word(r, c, "a header key, as in 'H id <urn:uuid:...> .'")) {
        return;
    }
    const size_t key_len = c->pos - key_start;
    char **slot = NULL;
    if (key_len == 2 && !memcmp(c->text + key_start, "id", 2)) {
        slot = &r->patch->id;
    } else if (key_len == 4 && !memcmp(c->text + key_start, "prev", 4)) {
        slot = &r->patch->prev;
    }
    if (slot && *slot) {
        c->pos = key_start;
        cg_reader_error(r, c, "this header is given twice: keep one");
        return;
    }
    if (!read_plain_term(r, c, "a header value (an <IRI> or a \"string\")") ||
        !cg_read_end(r, c)) {
        return;
    }
    if (slot) {
        *slot = cg_xstrdup(r->key.data);
    }
}

/* "PA prefix iri ." / "PD prefix .": checked; terms are read in full form. */
static void read_prefix(CgPatchReader *r, CgNtCursor *c, bool add)
{
    r->body_seen = true;
    cg_diff_nt_skip_space(c);
    const bool ok = c->text[c->pos] == '"' ? read_plain_term(r, c, "a prefix")
                                           : read_word(r, c, "a prefix");
    if (ok && (!add || read_plain_term(r, c, "the prefix's IRI (<...> or \"...\")"))) {
        cg_read_end(r, c);
    }
}

static void read_transaction(CgPatchReader *r, CgNtCursor *c, const char *op)
{
    r->body_seen = true;
    char msg[160];
    if (!strcmp(op, "TX")) {
        if (r->in_tx) {
            snprintf(msg, sizeof msg,
                     "TX inside the transaction begun on line %u: end that one with TC or TA "
                     "first", r->tx_line);
            cg_reader_error(r, c, msg);
            return;
        }
        r->in_tx = true;
        r->tx_line = r->line;
        r->tx_start = r->patch->n;
    } else {
        if (!r->in_tx) {
            snprintf(msg, sizeof msg, "%s without a transaction: there is no open TX", op);
            cg_reader_error(r, c, msg);
            return;
        }
        r->in_tx = false;
        if (!strcmp(op, "TA")) {
            r->patch->n = r->tx_start; /* aborted: its rows never happened */
        }
    }
    c->pos += 2;
    cg_read_end(r, c);
}

static void cg_read_line(CgPatchReader *r, const char *text)
{
    CgNtCursor c = {text, 0, NULL};
    cg_diff_nt_skip_space(&c);
    const char *op = text + c.pos;
    const size_t len = strcspn(op, " \t\r\n");
    if (!len || *op == '#') {
        return;
    }
    char word[3] = {0};
    if (len <= 2) {
        memcpy(word, op, len);
    }
    if (len == 1 && (*op == 'A' || *op == 'D')) {
        r->body_seen = true;
        c.pos += 1;
        cg_read_quad(r, &c, *op);
    } else if (len == 1 && *op == 'H') {
        c.pos += 1;
        read_header(r, &c);
    } else if (!strcmp(word, "TX") || !strcmp(word, "TC") || !strcmp(word, "TA")) {
        read_transaction(r, &c, word);
    } else if (!strcmp(word, "PA") || !strcmp(word, "PD")) {
        c.pos += 2;
        read_prefix(r, &c, word[1] == 'A');
    } else {
        cg_reader_error(r, &c, "expected H, TX, TC, TA, PA, PD, A or D at the start of the line");
    }
}

CgStatus cg_patch_read(CgTermTable *terms, FILE *stream, const char *name, CgDiagSink *sink,
                       CgPatch **out)
{
    CgPatchReader r = {.terms = terms, .patch = cg_xcalloc(1, sizeof(CgPatch)), .sink = sink,
                       .name = name, .value = CG_BUF_INIT, .datatype = CG_BUF_INIT,
                       .key = CG_BUF_INIT};
    r.patch->name = cg_xstrdup(name);
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, stream) >= 0 && r.errors < CG_MAX_CONFLICTS) {
        ++r.line;
        cg_read_line(&r, line);
    }
    free(line);
    if (r.in_tx && !r.errors && !ferror(stream)) {
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_SYNTAX, name, r.tx_line, 1,
                "the transaction begun here is not ended: add 'TC .' (commit) or 'TA .' "
                "(abort) after its rows");
        ++r.errors;
    }
    cg_buf_free(&r.value);
    cg_buf_free(&r.datatype);
    cg_buf_free(&r.key);
    CgStatus st = r.errors ? CG_ERR_SYNTAX : CG_OK;
    if (!st && ferror(stream)) {
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_IO, name, 0, 0, "cannot read: %s", strerror(errno));
        st = CG_ERR_IO;
    }
    *out = st ? NULL : r.patch;
    if (st) {
        cg_patch_free(r.patch);
    }
    return st;
}

void cg_patch_free(CgPatch *patch)
{
    if (!patch) {
        return;
    }
    free(patch->ops);
    free(patch->name);
    free(patch->id);
    free(patch->prev);
    free(patch);
}

size_t cg_patch_size(const CgPatch *patch)
{
    return patch->n;
}

const char *cg_patch_id(const CgPatch *patch)
{
    return patch->id;
}
