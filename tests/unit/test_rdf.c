/* src/rdf/: IRI resolution against RFC 3986's own examples (section 5.4),
 * and the reader's quads and messages on small inputs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/buf.h"
#include "rdf/read.h"

#include <string.h>

static void test_rfc3986_examples(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        /* 5.4.1 normal */
        {"g:h", "g:h"}, {"g", "http://a/b/c/g"}, {"./g", "http://a/b/c/g"},
        {"g/", "http://a/b/c/g/"}, {"/g", "http://a/g"}, {"//g", "http://g"},
        {"?y", "http://a/b/c/d;p?y"}, {"g?y", "http://a/b/c/g?y"},
        {"#s", "http://a/b/c/d;p?q#s"}, {"g#s", "http://a/b/c/g#s"},
        {"g?y#s", "http://a/b/c/g?y#s"}, {";x", "http://a/b/c/;x"},
        {"g;x", "http://a/b/c/g;x"}, {"g;x?y#s", "http://a/b/c/g;x?y#s"},
        {"", "http://a/b/c/d;p?q"}, {".", "http://a/b/c/"}, {"./", "http://a/b/c/"},
        {"..", "http://a/b/"}, {"../", "http://a/b/"}, {"../g", "http://a/b/g"},
        {"../..", "http://a/"}, {"../../", "http://a/"}, {"../../g", "http://a/g"},
        /* 5.4.2 abnormal */
        {"../../../g", "http://a/g"}, {"../../../../g", "http://a/g"},
        {"/./g", "http://a/g"}, {"/../g", "http://a/g"}, {"g.", "http://a/b/c/g."},
        {".g", "http://a/b/c/.g"}, {"g..", "http://a/b/c/g.."}, {"..g", "http://a/b/c/..g"},
        {"./../g", "http://a/b/g"}, {"./g/.", "http://a/b/c/g/"},
        {"g/./h", "http://a/b/c/g/h"}, {"g/../h", "http://a/b/c/h"},
        {"g;x=1/./y", "http://a/b/c/g;x=1/y"}, {"g;x=1/../y", "http://a/b/c/y"},
        {"g?y/./x", "http://a/b/c/g?y/./x"}, {"g#s/../x", "http://a/b/c/g#s/../x"},
        {"http:g", "http:g"},
    };
    CgBuf out = CG_BUF_INIT;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
        cg_buf_clear(&out);
        assert_true(cg_rdf_iri_resolve(&out, "http://a/b/c/d;p?q", cases[i][0],
                                       strlen(cases[i][0])));
        assert_string_equal(cg_buf_str(&out), cases[i][1]);
    }
    cg_buf_clear(&out);
    assert_false(cg_rdf_iri_resolve(&out, NULL, "g", 1));
    cg_buf_free(&out);
}

typedef struct {
    size_t n;
    char last_object[64];
    unsigned line, col;
    char msg[256];
} Seen;

static void on_quad(void *ctx, const CgRdfQuad *q)
{
    Seen *s = ctx;
    ++s->n;
    snprintf(s->last_object, sizeof s->last_object, "%s", q->o.value);
}

static void on_diag(void *ctx, const CgDiag *d)
{
    Seen *s = ctx;
    s->line = d->line;
    s->col = d->col;
    snprintf(s->msg, sizeof s->msg, "%s", d->msg);
}

static CgStatus read_text(const char *text, CgRdfSyntax syntax, Seen *seen)
{
    memset(seen, 0, sizeof *seen);
    CgDiagSink sink = {on_diag, seen, 0, 0};
    const CgRdfReadOptions o = {syntax, "http://base/dir/file", on_quad, NULL, seen, &sink};
    return cg_rdf_read_string(text, strlen(text), "in.ttl", &o);
}

static void test_reader(void **state)
{
    (void)state;
    Seen s;
    assert_int_equal(read_text("@prefix p: <../ns#> .\np:a p:b p:c .\n", CG_RDF_TURTLE, &s),
                     CG_OK);
    assert_int_equal(s.n, 1);
    assert_string_equal(s.last_object, "http://base/ns#c");
    assert_int_equal(read_text("<http://a> <http://b> \"x\\'y\" .\n", CG_RDF_NTRIPLES, &s),
                     CG_OK);
    assert_string_equal(s.last_object, "x'y");
    /* undefined prefix: named where it is used */
    assert_int_equal(read_text("<http://a> <http://b> <http://c> .\n  q:a <http://b> 1 .\n",
                               CG_RDF_TURTLE, &s),
                     CG_ERR_SYNTAX);
    assert_int_equal(s.line, 2);
    assert_int_equal(s.col, 3);
    assert_non_null(strstr(s.msg, "undefined prefix \"q:\""));
    /* a raw byte that is not UTF-8 is shown escaped in the message */
    assert_int_equal(read_text("<http://a> <http://b> \"\\\xff\" .\n", CG_RDF_NTRIPLES, &s),
                     CG_ERR_SYNTAX);
    assert_int_equal(s.line, 1);
    assert_non_null(strstr(s.msg, "\\xFF"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rfc3986_examples),
        cmocka_unit_test(test_reader),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
