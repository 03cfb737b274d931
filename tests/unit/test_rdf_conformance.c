/* The W3C RDF 1.1 suites (../shared/conformance/w3c-rdf-tests) for Turtle,
 * TriG, N-Triples and N-Quads, run from their manifests through src/rdf/:
 * read as diff and patch read them (render and merge use the same reader),
 * every positive syntax test is read without a message; every negative one
 * is refused with a FILE:LINE:COLUMN message in printable UTF-8; every
 * evaluation test gives a graph isomorphic to its expected N-Triples or
 * N-Quads (both are labelled canonically by diff/, so isomorphic graphs
 * are equal quad for quad).  Prints the counts per syntax. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/buf.h"
#include "core/mem.h"
#include "core/utf8.h"
#include "diff/diff_internal.h"
#include "rdf/read.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MF "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
#define RDFT "http://www.w3.org/ns/rdftest#"
#define RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define SUITE_BASE "https://w3c.github.io/rdf-tests/rdf/rdf11/"

/* The manifest as triples of N-Triples-ish strings: IRIs bare, blank nodes
 * with "_:", literals as their lexical form. */
typedef struct {
    char *s, *p, *o;
} Triple;

typedef struct {
    Triple *t;
    size_t n, cap;
} Triples;

static char *term_text(const CgRdfTerm *t)
{
    CgBuf b = CG_BUF_INIT;
    if (t->kind == CG_RDF_BLANK) {
        cg_buf_puts(&b, "_:");
    }
    cg_buf_append(&b, t->value, t->len);
    return cg_buf_take(&b);
}

static void on_manifest_quad(void *ctx, const CgRdfQuad *q)
{
    Triples *ts = ctx;
    ts->t = cg_xgrow(ts->t, &ts->cap, ts->n + 1, sizeof *ts->t);
    ts->t[ts->n++] = (Triple){term_text(&q->s), term_text(&q->p), term_text(&q->o)};
}

static void triples_free(Triples *ts)
{
    for (size_t i = 0; i < ts->n; ++i) {
        free(ts->t[i].s);
        free(ts->t[i].p);
        free(ts->t[i].o);
    }
    free(ts->t);
}

/* The first object of (s, p, ?), or NULL. */
static const char *object_of(const Triples *ts, const char *s, const char *p)
{
    for (size_t i = 0; s && i < ts->n; ++i) {
        if (!strcmp(ts->t[i].s, s) && !strcmp(ts->t[i].p, p)) {
            return ts->t[i].o;
        }
    }
    return NULL;
}

/* Messages of one read, kept for the checks. */
typedef struct {
    CgBuf text; /* every message as printed, one a line */
    size_t errors;
    bool well_formed; /* every error: FILE:LINE:COLUMN: printable text */
    const char *path;
} Messages;

static bool printable_utf8(const char *s)
{
    const size_t n = strlen(s);
    for (size_t i = 0; i < n; ++i) {
        const unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7F) {
            return false;
        }
        if (c >= 0x80) {
            const size_t k = cg_utf8_seq_len((const unsigned char *)s, n, i);
            if (!k) {
                return false;
            }
            i += k - 1;
        }
    }
    return true;
}

static void on_diag(void *ctx, const CgDiag *d)
{
    Messages *m = ctx;
    char *line = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&line, &len);
    cg_diag_print(f, d);
    fclose(f);
    cg_buf_puts(&m->text, line);
    if (d->severity == CG_SEV_ERROR) {
        ++m->errors;
        char prefix[4096];
        snprintf(prefix, sizeof prefix, "%s:%u:%u: ", m->path, d->line, d->col);
        const bool ok = d->file && !strcmp(d->file, m->path) && d->line > 0 && d->col > 0 &&
                        !strncmp(line, prefix, strlen(prefix)) && d->msg &&
                        strlen(d->msg) > 3 && printable_utf8(d->msg);
        m->well_formed = m->well_formed && ok;
    }
    free(line);
}

static CgSyntax diff_syntax(const char *path);

/* Reads `path` the way diff and patch do (render and merge use the same
 * reader of src/rdf/). */
static CgStatus read_checked(const char *path, const char *base, Messages *m)
{
    *m = (Messages){.well_formed = true, .path = path};
    CgDiagSink sink = {on_diag, m, 0, 0};
    CgTermTable *terms = cg_diff_terms_new();
    CgRdfGraph *g = NULL;
    const CgLoadOptions o = {diff_syntax(path), base};
    const CgStatus st = cg_diff_load_file(terms, path, &o, &sink, &g);
    cg_diff_graph_free(g);
    cg_diff_terms_free(terms);
    return st;
}

/* "a" followed by "b", to free(). */
static char *join(const char *a, const char *b)
{
    CgBuf buf = CG_BUF_INIT;
    cg_buf_puts(&buf, a);
    cg_buf_puts(&buf, b);
    return cg_buf_take(&buf);
}

typedef struct {
    size_t pos, pos_ok, neg, neg_ok, eval, eval_ok;
} Counts;

static CgSyntax diff_syntax(const char *path)
{
    CgSyntax s = CG_SYNTAX_TURTLE;
    assert_int_equal(cg_diff_syntax_from_path(path, &s), CG_OK);
    return s;
}

/* Whether `action` reads as a graph isomorphic to `result`. */
static bool eval_equal(const char *action, const char *action_iri, const char *result,
                       const char *result_iri, CgBuf *why)
{
    CgTermTable *terms = cg_diff_terms_new();
    Messages m = {.well_formed = true, .path = action};
    CgDiagSink sink = {on_diag, &m, 0, 0};
    CgRdfGraph *a = NULL, *b = NULL;
    const CgLoadOptions ao = {diff_syntax(action), action_iri};
    const CgLoadOptions ro = {diff_syntax(result), result_iri};
    const bool read = !cg_diff_load_file(terms, action, &ao, &sink, &a) &&
                      !cg_diff_load_file(terms, result, &ro, &sink, &b);
    const bool equal = read && a->n == b->n &&
                       (!a->n || !memcmp(a->quads, b->quads, a->n * sizeof *a->quads));
    if (!read) {
        cg_buf_printf(why, "not read: %s", cg_buf_str(&m.text));
    } else if (!equal) {
        cg_buf_printf(why, "%zu quads, %zu expected", a->n, b->n);
    }
    cg_diff_graph_free(a);
    cg_diff_graph_free(b);
    cg_diff_terms_free(terms);
    cg_buf_free(&m.text);
    return equal;
}

/* Runs one entry; false (with `why`) when it fails. */
static bool run_entry(const char *dir, const char *type, const char *action_iri,
                      const char *result_iri, Counts *c, CgBuf *why)
{
    char *path = join(dir, strrchr(action_iri, '/'));
    Messages m;
    bool ok;
    if (strstr(type, "PositiveSyntax")) {
        ++c->pos;
        ok = !read_checked(path, action_iri, &m) && !m.errors;
        c->pos_ok += ok;
        if (!ok) {
            cg_buf_printf(why, "refused: %s", cg_buf_str(&m.text));
        }
    } else if (strstr(type, "Negative")) {
        ++c->neg;
        const CgStatus st = read_checked(path, action_iri, &m);
        ok = st == CG_ERR_SYNTAX && m.errors > 0 && m.well_formed;
        c->neg_ok += ok;
        if (getenv("CG_SUITE_VERBOSE")) { /* every message, to read them */
            fputs(cg_buf_str(&m.text), stdout);
        }
        if (!ok) {
            cg_buf_printf(why, "%s: %s", st ? "message not FILE:LINE:COLUMN: text" : "accepted",
                          cg_buf_str(&m.text));
        }
    } else {
        ++c->eval;
        m.text = (CgBuf)CG_BUF_INIT;
        char *result = join(dir, strrchr(result_iri, '/'));
        ok = eval_equal(path, action_iri, result, result_iri, why);
        c->eval_ok += ok;
        free(result);
    }
    cg_buf_free(&m.text);
    free(path);
    return ok;
}

static void run_suite(const char *name, const char *dirname)
{
    const char *shared = getenv("CG_SHARED_DIR");
    assert_non_null(shared); /* set by tests/CMakeLists.txt */
    char *suites = join(shared, "/conformance/w3c-rdf-tests/");
    char *dir = join(suites, dirname);
    char *manifest = join(dir, "/manifest.ttl");
    char *base = join(SUITE_BASE, dirname);
    char *manifest_iri = join(base, "/manifest.ttl");

    Triples ts = {0};
    CgDiagSink sink = {0};
    const CgRdfReadOptions o = {CG_RDF_TURTLE, manifest_iri, on_manifest_quad, NULL, &ts, &sink};
    assert_int_equal(cg_rdf_read_file(manifest, &o), CG_OK);

    Counts c = {0};
    size_t failures = 0;
    CgBuf why = CG_BUF_INIT;
    const char *list = object_of(&ts, manifest_iri, MF "entries");
    assert_non_null(list);
    while (list && strcmp(list, RDF "nil")) {
        const char *entry = object_of(&ts, list, RDF "first");
        const char *type = object_of(&ts, entry, RDF "type");
        const char *action = object_of(&ts, entry, MF "action");
        assert_non_null(type);
        assert_non_null(action);
        assert_true(!strncmp(type, RDFT, strlen(RDFT)));
        cg_buf_clear(&why);
        if (!run_entry(dir, type, action, object_of(&ts, entry, MF "result"), &c, &why)) {
            printf("FAIL %s %s (%s)\n  %s\n", name, entry, type + strlen(RDFT),
                   cg_buf_str(&why));
            ++failures;
        }
        list = object_of(&ts, list, RDF "rest");
    }
    printf("%s: positive %zu/%zu accepted, negative %zu/%zu rejected, eval %zu/%zu equal\n",
           name, c.pos_ok, c.pos, c.neg_ok, c.neg, c.eval_ok, c.eval);
    cg_buf_free(&why);
    triples_free(&ts);
    free(suites);
    free(dir);
    free(manifest);
    free(base);
    free(manifest_iri);
    assert_true(c.pos + c.neg + c.eval > 0);
    assert_int_equal(failures, 0);
}

static void test_turtle(void **state)
{
    (void)state;
    run_suite("turtle", "rdf-turtle");
}

static void test_trig(void **state)
{
    (void)state;
    run_suite("trig", "rdf-trig");
}

static void test_ntriples(void **state)
{
    (void)state;
    run_suite("ntriples", "rdf-n-triples");
}

static void test_nquads(void **state)
{
    (void)state;
    run_suite("nquads", "rdf-n-quads");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_turtle),
        cmocka_unit_test(test_trig),
        cmocka_unit_test(test_ntriples),
        cmocka_unit_test(test_nquads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
