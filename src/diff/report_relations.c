/* The summary's second half: every relation that changed, and why (the
 * quotes of the evidence that supports it or supported it). */
#include "report.h"

#include "../core/mem.h"

#include <stdlib.h>
#include <string.h>

const char *cg_report_short_name(const CgTermTable *terms, uint32_t id, CgBuf *out)
{
    const char *key = cg_diff_term_key(terms, id);
    const char *entity = strstr(key, "/entity/");
    const char *start = cg_report_is_vocab(terms, id) ? key + strlen("<" CG_VOCAB)
                        : entity && *key == '<'       ? entity + strlen("/entity/")
                                                      : key;
    cg_buf_clear(out);
    cg_buf_append(out, start, strlen(start) - (start != key));
    return cg_buf_str(out);
}

static int cg_row_cmp(const void *a, const void *b)
{
    const CgRelRow *x = a, *y = b;
    for (int i = 0; i < 3; ++i) {
        const int c = strcmp(x->key[i], y->key[i]);
        if (c) {
            return c;
        }
    }
    return 0;
}

static void cg_add_row(CgRelRow *rows, size_t *n, const CgTermTable *terms, const CgQuad *rel,
                       bool in_old, bool in_new)
{
    CgRelRow *r = &rows[(*n)++];
    r->rel = *rel;
    for (int i = 0; i < 3; ++i) {
        r->key[i] = cg_diff_term_key(terms, rel->t[i]);
    }
    r->in_old = in_old;
    r->in_new = in_new;
}

size_t cg_report_union(const CgVocabView *a, const CgVocabView *b, CgRelRow *rows)
{
    const CgTermTable *terms = a->graph->terms;
    size_t i = 0, j = 0, n = 0;
    while (i < a->n_relations || j < b->n_relations) {
        const int cmp = i == a->n_relations   ? 1
                        : j == b->n_relations ? -1
                                              : cg_diff_quad_cmp(&a->relations[i],
                                                                 &b->relations[j]);
        if (cmp <= 0) {
            cg_add_row(rows, &n, terms, &a->relations[i], true, cmp == 0);
        } else {
            cg_add_row(rows, &n, terms, &b->relations[j], false, true);
        }
        i += cmp <= 0;
        j += cmp >= 0;
    }
    qsort(rows, n, sizeof *rows, cg_row_cmp);
    return n;
}

/* The evidence supporting `rel` in `v`: a range of v->support. */
static const CgSupport *cg_support_of(const CgVocabView *v, const CgQuad *rel, size_t *n)
{
    size_t lo = 0, hi = v->n_support;
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        if (cg_diff_quad_cmp(&v->support[mid].relation, rel) < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    size_t end = lo;
    while (end < v->n_support && !cg_diff_quad_cmp(&v->support[end].relation, rel)) {
        ++end;
    }
    *n = end - lo;
    return v->support + lo;
}

static bool cg_supports(const CgSupport *s, size_t n, uint32_t evidence)
{
    for (size_t i = 0; i < n; ++i) {
        if (s[i].evidence == evidence) {
            return true;
        }
    }
    return false;
}

/* A literal's key without its quotes when it is a plain string. */
static void cg_put_literal(const char *key, FILE *out)
{
    const size_t len = strlen(key);
    if (len >= 2 && key[0] == '"' && key[len - 1] == '"') {
        fwrite(key + 1, 1, len - 2, out);
    } else {
        fputs(key, out);
    }
}

static void cg_write_quote(const CgVocabView *v, uint32_t evidence, const char *mark, FILE *out)
{
    const CgTermTable *terms = v->graph->terms;
    const uint32_t quote = cg_report_object(v->graph, evidence, v->ids.quote);
    const uint32_t doc = cg_report_object(v->graph, evidence, v->ids.derived);
    const uint32_t path = doc == UINT32_MAX ? doc : cg_report_object(v->graph, doc, v->ids.path);
    fprintf(out, "    %s%s", mark, cg_diff_term_key(terms, quote));
    if (path != UINT32_MAX) {
        fputs(" (", out);
        cg_put_literal(cg_diff_term_key(terms, path), out);
        fputc(')', out);
    }
    fputc('\n', out);
}

/* Quotes of the evidence in `a` that `b` lacks (b NULL: all of a). */
static size_t cg_write_quotes(const CgVocabView *v, const CgSupport *a, size_t na,
                              const CgSupport *b, size_t nb, const char *mark, FILE *out)
{
    size_t written = 0;
    for (size_t i = 0; i < na; ++i) {
        if (!b || !cg_supports(b, nb, a[i].evidence)) {
            cg_write_quote(v, a[i].evidence, mark, out);
            ++written;
        }
    }
    return written;
}

static bool cg_same_support(const CgSupport *a, size_t na, const CgSupport *b, size_t nb)
{
    for (size_t i = 0; na == nb && i < na; ++i) {
        if (a[i].evidence != b[i].evidence) {
            return false;
        }
    }
    return na == nb;
}

static bool cg_row_changed(const CgRelRow *r, const CgVocabView *old_v, const CgVocabView *new_v)
{
    size_t n_old, n_new;
    const CgSupport *s_old = cg_support_of(old_v, &r->rel, &n_old);
    const CgSupport *s_new = cg_support_of(new_v, &r->rel, &n_new);
    return !r->in_old || !r->in_new || !cg_same_support(s_old, n_old, s_new, n_new);
}

static void cg_write_row(const CgRelRow *r, const CgVocabView *old_v, const CgVocabView *new_v,
                         CgBuf *name, FILE *out)
{
    size_t n_old, n_new;
    const CgSupport *s_old = cg_support_of(old_v, &r->rel, &n_old);
    const CgSupport *s_new = cg_support_of(new_v, &r->rel, &n_new);
    const char mark = !r->in_old ? '+' : !r->in_new ? '-' : '~';
    const CgTermTable *terms = old_v->graph->terms;
    fprintf(out, "%c %s", mark, cg_report_short_name(terms, r->rel.t[0], name));
    fprintf(out, " %s", cg_report_short_name(terms, r->rel.t[1], name));
    fprintf(out, " %s\n", cg_report_short_name(terms, r->rel.t[2], name));
    if (mark == '+') {
        cg_write_quotes(new_v, s_new, n_new, NULL, 0, "", out);
    } else if (mark == '-') {
        cg_write_quotes(old_v, s_old, n_old, NULL, 0, "", out);
    } else {
        cg_write_quotes(new_v, s_new, n_new, s_old, n_old, "+ ", out);
        cg_write_quotes(old_v, s_old, n_old, s_new, n_new, "- ", out);
    }
}

void cg_report_relations(const CgVocabView *old_v, const CgVocabView *new_v, FILE *out)
{
    CgRelRow *rows =
        cg_xmalloc((old_v->n_relations + new_v->n_relations + 1) * sizeof *rows);
    const size_t n = cg_report_union(old_v, new_v, rows);
    CgBuf name = CG_BUF_INIT;
    bool first = true;
    for (size_t i = 0; i < n; ++i) {
        if (cg_row_changed(&rows[i], old_v, new_v)) {
            fputs(first ? "\n" : "", out);
            first = false;
            cg_write_row(&rows[i], old_v, new_v, &name, out);
        }
    }
    cg_buf_free(&name);
    free(rows);
}
