/* core/: buffers, the string map, stable hashes, diagnostics, atomic files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/atomic_file.h"
#include "core/bidi.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/hash.h"
#include "core/iri.h"
#include "core/normalize.h"
#include "core/utf8.h"
#include "core/strmap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void test_buf_grows_and_formats(void **state)
{
    (void)state;
    CgBuf b = CG_BUF_INIT;
    assert_string_equal(cg_buf_str(&b), "");
    for (int i = 0; i < 1000; ++i) {
        cg_buf_printf(&b, "%d,", i);
    }
    assert_int_equal(strncmp(cg_buf_str(&b), "0,1,2,", 6), 0);
    assert_int_equal(b.len, strlen(b.data));
    char *s = cg_buf_take(&b);
    assert_null(b.data);
    free(s);
    cg_buf_free(&b);
}

static void test_strmap_put_get_many(void **state)
{
    (void)state;
    CgStrMap *m = cg_strmap_new();
    char key[32];
    for (uint32_t i = 0; i < 10000; ++i) {
        snprintf(key, sizeof key, "k%u", i);
        cg_strmap_put(m, key, strlen(key), i * 2);
    }
    assert_int_equal(cg_strmap_size(m), 10000);
    uint32_t v = 0;
    assert_true(cg_strmap_get(m, "k1234", 5, &v));
    assert_int_equal(v, 2468);
    assert_false(cg_strmap_get(m, "k12345", 6, &v));
    cg_strmap_put(m, "k1", 2, 7);
    assert_true(cg_strmap_get(m, "k1", 2, &v));
    assert_int_equal(v, 7);
    assert_int_equal(cg_strmap_size(m), 10000);
    cg_strmap_free(m);
}

/* Evidence IRIs depend on these values: they must never change. */
static void test_hash_is_stable(void **state)
{
    (void)state;
    char hex[17];
    cg_hash_hex(cg_hash_final(cg_hash_str(CG_HASH_SEED, "claimgraph")), hex);
    assert_int_equal(strlen(hex), 16);
    char again[17];
    cg_hash_hex(cg_hash_final(cg_hash_str(CG_HASH_SEED, "claimgraph")), again);
    assert_string_equal(hex, again);
    assert_true(cg_hash_str(CG_HASH_SEED, "ab") != cg_hash_bytes(CG_HASH_SEED, "ab", 2));
    assert_int_equal(cg_hash_bytes(CG_HASH_SEED, "a", 1), UINT64_C(0xaf63dc4c8601ec8c));
}

static void assert_norm(const char *in, const char *want)
{
    size_t len = 0;
    char *got = cg_normalize(in, strlen(in), &len);
    assert_string_equal(got, want);
    assert_int_equal(len, strlen(want));
    free(got);
}

static void test_normalize(void **state)
{
    (void)state;
    assert_norm("Russia\xE2\x80\x99s", "russia's");
    assert_norm("\xE2\x80\x9CZ\xC3\x9Crich\xE2\x80\x9D", "\"z\xC3\xBCrich\"");
}

/* Full case folding, not only ASCII and Latin-1: ß folds to ss, so
 * "STRASSE" and "Straße" are one word; Greek final and medial sigma fold
 * alike; Cyrillic and Latin Extended letters fold. */
static void test_normalize_folds_full_unicode(void **state)
{
    (void)state;
    char *a = cg_normalize("STRASSE", 7, NULL);
    char *b = cg_normalize("Stra\xC3\x9F" "e", 7, NULL);
    assert_string_equal(a, b);
    assert_string_equal(a, "strasse");
    free(a);
    free(b);
    /* ΟΔΥΣΣΕΥΣ (capitals) and Οδυσσευς (final sigma) */
    char *g1 = cg_normalize("\xCE\x9F\xCE\x94\xCE\xA5\xCE\xA3\xCE\xA3\xCE\x95\xCE\xA5\xCE\xA3", 16, NULL);
    char *g2 = cg_normalize("\xCE\x9F\xCE\xB4\xCF\x85\xCF\x83\xCF\x83\xCE\xB5\xCF\x85\xCF\x82", 16, NULL);
    assert_string_equal(g1, g2);
    free(g1);
    free(g2);
    assert_norm("\xD0\x97\xD0\x95\xD0\x9B\xD0\x95\xD0\x9D\xD0\xA1\xD0\x9A\xD0\x98\xD0\x99",
                "\xD0\xB7\xD0\xB5\xD0\xBB\xD0\xB5\xD0\xBD\xD1\x81\xD0\xBA\xD0\xB8\xD0\xB9");
    assert_norm("\xC5\x81\xC3\x93" "D\xC5\xB9", "\xC5\x82\xC3\xB3" "d\xC5\xBA"); /* ŁÓDŹ */
}

/* NFC: "É" as one code point and as E + U+0301 give the same bytes. */
static void test_normalize_composes(void **state)
{
    (void)state;
    char *composed = cg_normalize("\xC3\x89lys\xC3\xA9" "e", 8, NULL);
    char *decomposed = cg_normalize("E\xCC\x81lyse\xCC\x81" "e", 10, NULL);
    assert_string_equal(composed, decomposed);
    assert_string_equal(composed, "\xC3\xA9lys\xC3\xA9" "e");
    free(composed);
    free(decomposed);
    CgBuf keep = CG_BUF_INIT;
    cg_normalize_keep_case(&keep, "E\xCC\x81", 3);
    assert_string_equal(keep.data, "\xC3\x89");
    cg_buf_free(&keep);
}

/* Bytes that are no UTF-8 are kept, and ASCII in them still folds. */
static void test_normalize_ill_formed(void **state)
{
    (void)state;
    assert_norm("AB\xFF" "C", "ab\xFF" "c");
}

typedef struct {
    unsigned line, col;
    char msg[128];
} Seen;

static void collect(void *ctx, const CgDiag *d)
{
    Seen *s = ctx;
    s->line = d->line;
    s->col = d->col;
    snprintf(s->msg, sizeof s->msg, "%s", d->msg);
}

/* U+FFFE and U+FFFF stay in text for RDF and give way to U+FFFD in text
 * for XML; ill-formed bytes (a surrogate's) give way in both. */
static void test_utf8_sanitize_xml(void **state)
{
    (void)state;
    CgBuf buf = CG_BUF_INIT;
    const char *nonchars = "a\xEF\xBF\xBE\xEF\xBF\xBF\xEF\xB7\x90" "b";
    assert_ptr_equal(cg_utf8_sanitize(&buf, nonchars), nonchars);
    assert_string_equal(cg_utf8_sanitize_xml(&buf, nonchars),
                        "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xB7\x90" "b");
    assert_string_equal(cg_utf8_sanitize_xml(&buf, "\xED\xA0\x80!"),
                        "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD!");
    size_t len = 3;
    assert_string_equal(cg_utf8_sanitize_n(&buf, "x\0\xFF", &len), "x");
    assert_int_equal(len, 5);
    assert_memory_equal(cg_buf_str(&buf), "x\0\xEF\xBF\xBD", 5);
    cg_buf_free(&buf);
}

/* A quote isolated for a tooltip: its own PDI that closes nothing is
 * dropped, the isolate it leaves open is closed, a paragraph separator is a
 * space; an override inside ends with the isolate. */
static void test_bidi_isolate(void **state)
{
    (void)state;
    CgBuf buf = CG_BUF_INIT;
#define PDI "\xE2\x81\xA9"
    cg_bidi_isolate(&buf, "a" PDI "b" "\xE2\x80\xAE" "c" "\xE2\x81\xA6" "d\ne" "\xE2\x80\xA9" "f");
    assert_string_equal(cg_buf_str(&buf), "\xE2\x81\xA8" "ab" "\xE2\x80\xAE" "c" "\xE2\x81\xA6"
                                          "d e f" PDI PDI);
    cg_buf_clear(&buf);
    cg_bidi_balance(&buf, "\xE2\x81\xA7" "x" PDI PDI);
    assert_string_equal(cg_buf_str(&buf), "\xE2\x81\xA7" "x" PDI);
    cg_buf_free(&buf);
#undef PDI
}

static void test_diag_sink_counts(void **state)
{
    (void)state;
    Seen seen = {0, 0, ""};
    CgDiagSink sink = {collect, &seen, 0, 0};
    cg_diag(&sink, CG_SEV_ERROR, CG_ERR_RULES, "r.yaml", 3, 7, "bad %s", "thing");
    cg_diag(&sink, CG_SEV_WARNING, CG_FAILURE, "r.yaml", 4, 1, "meh");
    assert_int_equal(sink.errors, 1);
    assert_int_equal(sink.warnings, 1);
    assert_int_equal(seen.line, 4);
    char *f = NULL;
    size_t n = 0;
    FILE *mem = open_memstream(&f, &n);
    const CgDiag d = {CG_ERR_RULES, CG_SEV_ERROR, "r.yaml", 3, 7, "bad thing"};
    cg_diag_print(mem, &d);
    fclose(mem);
    assert_string_equal(f, "r.yaml:3:7: bad thing\n");
    free(f);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        return NULL;
    }
    char *s = calloc(1, 256);
    (void)!fread(s, 1, 255, f);
    fclose(f);
    return s;
}

static void test_atomic_file_commit_and_abort(void **state)
{
    (void)state;
    char dir[] = "/tmp/cg-atomic-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/out.ttl", dir);
    CgAtomicFile *f = cg_atomic_open(path, NULL);
    fputs("old", cg_atomic_stream(f));
    assert_int_equal(cg_atomic_commit(f, NULL), CG_OK);
    f = cg_atomic_open(path, NULL);
    fputs("half-writ", cg_atomic_stream(f));
    cg_atomic_abort(f);
    char *s = slurp(path);
    assert_string_equal(s, "old"); /* the aborted write left no trace */
    free(s);
    unlink(path);
    assert_int_equal(rmdir(dir), 0); /* and no temporary file */
}

static void test_atomic_file_reports_unwritable_dir(void **state)
{
    (void)state;
    Seen seen = {0, 0, ""};
    CgDiagSink sink = {collect, &seen, 0, 0};
    assert_null(cg_atomic_open("/nonexistent-dir/x.ttl", &sink));
    assert_int_equal(sink.errors, 1);
    assert_non_null(strstr(seen.msg, "the folder '/nonexistent-dir' does not exist"));
}

/* Writes `text` to a finished atomic file for `path`. */
static CgAtomicFile *finished(const char *path, const char *text)
{
    CgAtomicFile *f = cg_atomic_open(path, NULL);
    assert_non_null(f);
    fputs(text, cg_atomic_stream(f));
    assert_int_equal(cg_atomic_finish(f, NULL), CG_OK);
    return f;
}

/* All or none: a rename that fails (here over a folder) after another
 * succeeded puts the first back, and a new file where there was none is
 * removed again; with no failure, every file is replaced. */
static void test_atomic_commit_all_rolls_back(void **state)
{
    (void)state;
    Seen seen = {0, 0, ""};
    CgDiagSink sink = {collect, &seen, 0, 0};
    char dir[] = "/tmp/cg-group-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char a[64], b[64], c[64], inside[80];
    snprintf(a, sizeof a, "%s/a.ttl", dir);
    snprintf(b, sizeof b, "%s/b.dot", dir);
    snprintf(c, sizeof c, "%s/c.svg", dir);
    snprintf(inside, sizeof inside, "%s/x", c);
    CgAtomicFile *f[3] = {finished(a, "old a"), NULL, NULL};
    assert_int_equal(cg_atomic_commit_all(f, 1, &sink), CG_OK);
    assert_int_equal(mkdir(c, 0700), 0);
    fclose(fopen(inside, "w"));
    f[0] = finished(a, "new a");
    f[1] = finished(b, "new b");
    f[2] = finished(c, "new c");
    assert_int_equal(cg_atomic_commit_all(f, 3, &sink), CG_ERR_IO);
    assert_int_equal(sink.errors, 1);
    assert_non_null(strstr(seen.msg, "no output was replaced"));
    char *text = slurp(a);
    assert_string_equal(text, "old a");
    free(text);
    assert_int_equal(access(b, F_OK), -1);
    unlink(inside);
    rmdir(c);
    f[0] = finished(a, "new a");
    f[1] = finished(b, "new b");
    assert_int_equal(cg_atomic_commit_all(f, 2, &sink), CG_OK);
    text = slurp(a);
    assert_string_equal(text, "new a");
    free(text);
    unlink(a);
    unlink(b);
    assert_int_equal(rmdir(dir), 0); /* no temporary or kept file left */
}

/* cg_atomic_check: the folder is tried before any work, and nothing stays. */
static void test_atomic_check_before_work(void **state)
{
    (void)state;
    Seen seen = {0, 0, ""};
    CgDiagSink sink = {collect, &seen, 0, 0};
    char dir[] = "/tmp/cg-check-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64], below_file[80], missing[80];
    snprintf(path, sizeof path, "%s/g.ttl", dir);
    snprintf(below_file, sizeof below_file, "%s/x.ttl", path);
    snprintf(missing, sizeof missing, "%s/no/g.ttl", dir);
    assert_int_equal(cg_atomic_check(path, &sink), CG_OK);
    assert_int_equal(cg_atomic_check("-", &sink), CG_OK);
    assert_int_equal(cg_atomic_check("/dev/null", &sink), CG_OK);
    assert_int_equal(sink.errors, 0);
    FILE *f = fopen(path, "w");
    fclose(f);
    assert_int_equal(cg_atomic_check(below_file, &sink), CG_ERR_IO);
    assert_non_null(strstr(seen.msg, "is not a folder"));
    assert_int_equal(cg_atomic_check(missing, &sink), CG_ERR_IO);
    assert_non_null(strstr(seen.msg, "does not exist (create it first: mkdir -p"));
    assert_int_equal(sink.errors, 2);
    unlink(path);
    assert_int_equal(rmdir(dir), 0); /* empty: no probe file was left */
}

/* Writing to a device must not replace the device with a regular file. */
static void test_atomic_file_writes_devices_in_place(void **state)
{
    (void)state;
    CgAtomicFile *f = cg_atomic_open("/dev/null", NULL);
    assert_non_null(f);
    fputs("discarded", cg_atomic_stream(f));
    assert_int_equal(cg_atomic_commit(f, NULL), CG_OK);
    struct stat st;
    assert_int_equal(stat("/dev/null", &st), 0);
    assert_true(S_ISCHR(st.st_mode));
}

/* --base: what RFC 3987 calls an IRI with a scheme, and nothing else. */
static void test_iri_absolute(void **state)
{
    (void)state;
    static const char *const good[] = {
        "https://example.org/claimgraph/", "https://example.org/graph#", "urn:x", "x:",
        "http://[::1]:8080/g/", "http://[v7.a:b]/", "https://\xe4\xbe\x8b\xe3\x81\x88.jp/g/",
        "http://u:p@h.example/%41/?q=1&r=\xee\x80\x80", "file:///tmp/g/"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; ++i) {
        assert_true(cg_iri_is_absolute(good[i], NULL));
    }
    static const struct {
        const char *iri;
        size_t offset;
        const char *why;
    } bad[] = {{"not an iri", 0, "scheme"},
               {"", 0, "scheme"},
               {"1http://x/", 0, "scheme"},
               {"https://example.org/a b/", 21, "space"},
               {"http://x/\t", 9, "control"},
               {"http://x/<y>", 9, "percent-encode"},
               {"http://x/%zz", 9, "hexadecimal"},
               {"http://x/%4", 9, "hexadecimal"},
               {"http://[::1x]/", 7, "IPv6"},
               {"http://[::1/", 7, "IP literal"},
               {"http://x:8a/", 10, "port"},
               {"http://a@b@c/", 10, "percent-encode"},
               {"http://x/a#b#c", 12, "percent-encode"},
               {"http://x/\xe0\x80", 9, "UTF-8"},
               {"http://x/\xef\xbf\xbf", 9, "not allowed"},
               {"http://x/#\xee\x80\x80", 10, "not allowed"}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; ++i) {
        CgIriProblem p = {99, NULL};
        assert_false(cg_iri_is_absolute(bad[i].iri, &p));
        assert_int_equal(p.offset, bad[i].offset);
        assert_non_null(strstr(p.why, bad[i].why));
    }
}

static void test_free_null(void **state)
{
    (void)state;
    cg_strmap_free(NULL);
    cg_buf_free(NULL);
    cg_atomic_abort(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_buf_grows_and_formats),
        cmocka_unit_test(test_strmap_put_get_many),
        cmocka_unit_test(test_hash_is_stable),
        cmocka_unit_test(test_normalize),
        cmocka_unit_test(test_normalize_folds_full_unicode),
        cmocka_unit_test(test_normalize_composes),
        cmocka_unit_test(test_normalize_ill_formed),
        cmocka_unit_test(test_utf8_sanitize_xml),
        cmocka_unit_test(test_bidi_isolate),
        cmocka_unit_test(test_diag_sink_counts),
        cmocka_unit_test(test_atomic_file_commit_and_abort),
        cmocka_unit_test(test_atomic_file_reports_unwritable_dir),
        cmocka_unit_test(test_atomic_check_before_work),
        cmocka_unit_test(test_atomic_commit_all_rolls_back),
        cmocka_unit_test(test_atomic_file_writes_devices_in_place),
        cmocka_unit_test(test_iri_absolute),
        cmocka_unit_test(test_free_null),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
