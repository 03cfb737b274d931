/* RDF Patch (https://afs.github.io/rdf-patch/): writing the difference as A
 * and D lines, reading such lines back, and applying them in order. */
#include "diff_internal.h"

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
    for (size_t i = 0; i < n; ++i) {
        const CgPatchLine *l = &lines[i];
        fprintf(stream, "%c %s %s %s%s%s .\n", l->op, l->t[0], l->t[1], l->t[2],
                *l->t[3] ? " " : "", l->t[3]);
    }
    free(lines);
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

/* Header, transaction and prefix lines carry nothing a graph needs. */
static bool cg_is_ignored_op(const char *op, size_t len)
{
    static const char *const ignored[] = {"H", "TX", "TC", "TA", "PA", "PD"};
    for (size_t i = 0; i < sizeof ignored / sizeof ignored[0]; ++i) {
        if (strlen(ignored[i]) == len && !memcmp(op, ignored[i], len)) {
            return true;
        }
    }
    return false;
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
    if (len == 1 && (*op == 'A' || *op == 'D')) {
        c.pos += 1;
        cg_read_quad(r, &c, *op);
    } else if (!cg_is_ignored_op(op, len)) {
        cg_reader_error(r, &c, "expected A or D at the start of the line");
    }
}

CgStatus cg_patch_read(CgTermTable *terms, FILE *stream, const char *name, CgDiagSink *sink,
                       CgPatch **out)
{
    CgPatchReader r = {terms, cg_xcalloc(1, sizeof(CgPatch)), sink, name, 0,
                       CG_BUF_INIT, CG_BUF_INIT, CG_BUF_INIT, 0};
    r.patch->name = cg_xstrdup(name);
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, stream) >= 0 && r.errors < CG_MAX_CONFLICTS) {
        ++r.line;
        cg_read_line(&r, line);
    }
    free(line);
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
    free(patch);
}

size_t cg_patch_size(const CgPatch *patch)
{
    return patch->n;
}
