/* load/: media types, request URLs, error pages as text, and the failures
 * that need no store (an unreadable file, a refused connection). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "load/load.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

typedef struct {
    char msg[1024];
} Collected;

static void collect(void *ctx, const CgDiag *diag)
{
    Collected *c = ctx;
    snprintf(c->msg, sizeof c->msg, "%s", diag->msg);
}

static void test_content_type(void **state)
{
    (void)state;
    assert_string_equal(cg_load_content_type("out/graph.ttl"), "text/turtle");
    assert_string_equal(cg_load_content_type("g.NT"), "application/n-triples");
    assert_string_equal(cg_load_content_type("g.nq"), "application/n-quads");
    assert_null(cg_load_content_type("g.svg"));
    assert_null(cg_load_content_type("dir.ttl/graph"));
    assert_null(cg_load_content_type("graph"));
}

static void test_target_url(void **state)
{
    (void)state;
    char *u = cg_load_target_url("http://h/store", NULL);
    assert_string_equal(u, "http://h/store?default");
    free(u);
    u = cg_load_target_url("http://h/store?k=v", "https://ex.org/g#1 é");
    assert_string_equal(u, "http://h/store?k=v&graph=https%3A%2F%2Fex.org%2Fg%231%20%C3%A9");
    free(u);
}

static void expect_redacted(const char *url, const char *want)
{
    char *got = cg_load_redact_url(url);
    assert_string_equal(got, want);
    free(got);
}

static void test_redact_url(void **state)
{
    (void)state;
    expect_redacted("http://h:8890/store", "http://h:8890/store");
    expect_redacted("http://ann:s3cret@h:8890/store?x=1", "http://ann:***@h:8890/store?x=1");
    expect_redacted("https://ann:@h/", "https://ann:***@h/");
    expect_redacted("http://TOKEN@h/store", "http://***@h/store");
    /* An unencoded '@' or ':' in the password: all of it is hidden. */
    expect_redacted("http://ann:p@ss:w@h/", "http://ann:***@h/");
    expect_redacted("http://ann:p%40ss@[::1]:80/s", "http://ann:***@[::1]:80/s");
    expect_redacted("http://ann:s@h", "http://ann:***@h");
    /* An '@' past the authority is no credential. */
    expect_redacted("http://h/graphs/a@b?who=x@y#z@w", "http://h/graphs/a@b?who=x@y#z@w");
    expect_redacted("http://h?x=a:b@c", "http://h?x=a:b@c");
    expect_redacted("ann:s3cret@h/store", "ann:***@h/store");
    expect_redacted("", "");
}

static void write_file(const char *path, const char *text)
{
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    assert_int_equal(fclose(fp), 0);
}

static void test_read_password(void **state)
{
    (void)state;
    char dir[] = "/tmp/cg-pass-XXXXXX", path[64];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/pass", dir);
    const struct {
        const char *text, *want, *why;
    } cases[] = {
        {"s3cret\n", "s3cret", NULL},
        {"s3 cret\r\nsecond line\n", "s3 cret", NULL},
        {"no newline", "no newline", NULL},
        {"", NULL, "the file is empty: put the password on its first line"},
        {"\nlater\n", NULL, "its first line is empty: put the password there"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; ++i) {
        write_file(path, cases[i].text);
        const char *why = NULL;
        char *got = cg_load_read_password(path, &why);
        if (cases[i].want) {
            assert_non_null(got);
            assert_string_equal(got, cases[i].want);
        } else {
            assert_null(got);
            assert_string_equal(why, cases[i].why);
        }
        free(got);
    }
    unlink(path);
    const char *why = NULL;
    assert_null(cg_load_read_password(path, &why));
    assert_string_equal(why, "No such file or directory");
    assert_null(cg_load_read_password(dir, &why)); /* a directory */
    assert_string_equal(why, "Is a directory");
    rmdir(dir);
}

static void test_server_text_html(void **state)
{
    (void)state;
    const char *page = "<!DOCTYPE html><!-- x > y --><html><head><title>Failed</title>"
                       "<style>h1 { color: red }</style></head><body>\n\n"
                       "<h1>HTTP/1.1 500 <b>Request</b> Failed</h1>"
                       "<xmp>graph <urn:g> &amp; more</xmp><p>a &lt;b&gt;</p></body></html>";
    char *t = cg_load_server_text(page, strlen(page), 5);
    assert_string_equal(t, "  Failed\n  HTTP/1.1 500 Request Failed\n"
                           "  graph <urn:g> &amp; more\n  a <b>\n");
    free(t);
    t = cg_load_server_text(page, strlen(page), 2);
    assert_string_equal(t, "  Failed\n  HTTP/1.1 500 Request Failed\n  ...\n");
    free(t);
}

static void test_server_text_plain(void **state)
{
    (void)state;
    char line[400];
    memset(line, 'x', sizeof line - 1);
    line[sizeof line - 1] = '\0';
    char *t = cg_load_server_text(line, strlen(line), 3);
    assert_int_equal(strlen(t), 2 + 160 + 1);
    free(t);
    t = cg_load_server_text("  one \r\n\r\n\ttwo\n", 15, 3);
    assert_string_equal(t, "  one\n  two\n");
    free(t);
    t = cg_load_server_text("", 0, 3);
    assert_string_equal(t, "");
    free(t);
}

static void test_missing_file(void **state)
{
    (void)state;
    Collected c = {""};
    CgDiagSink sink = {collect, &c, 0, 0};
    const CgLoadOptions o = {.endpoint = "http://127.0.0.1:9/", .mode = CG_LOAD_REPLACE};
    CgLoadReport r;
    assert_int_equal(cg_load_file("/nonexistent/g.ttl", &o, &r, &sink), CG_ERR_IO);
    assert_int_equal(r.outcome, CG_LOAD_NO_FILE);
    assert_int_equal(cg_load_file("g.rdf", &o, &r, &sink), CG_ERR_USAGE);
    assert_int_equal(r.outcome, CG_LOAD_BAD_FORMAT);
    assert_int_equal(sink.errors, 2);
}

/* A port that nothing listens on: bound, then released. */
static int closed_port(void)
{
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {0};
    socklen_t len = sizeof a;
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
    assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &len), 0);
    close(fd);
    return ntohs(a.sin_port);
}

static void test_refused_counts_statements(void **state)
{
    (void)state;
    char dir[] = "/tmp/cg-load-XXXXXX", path[64];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/g.nt", dir);
    const int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    const char text[] = "# comment\n<a:s> <a:p> <a:o> .\n\n  <a:s> <a:p> \"x#y\" .\n<a:s> <a:p> <a:z> .";
    assert_int_equal(write(fd, text, sizeof text - 1), (ssize_t)(sizeof text - 1));
    close(fd);
    char url[80];
    snprintf(url, sizeof url, "http://u:s3cret@127.0.0.1:%d/store", closed_port());
    Collected c = {""};
    CgDiagSink sink = {collect, &c, 0, 0};
    const CgLoadOptions o = {.endpoint = url, .graph = "urn:x:g", .mode = CG_LOAD_ADD,
                             .user = "u", .password = "p", .timeout_s = 10};
    CgLoadReport r;
    assert_int_equal(cg_load_file(path, &o, &r, &sink), CG_ERR_IO);
    unlink(path);
    rmdir(dir);
    assert_int_equal(r.outcome, CG_LOAD_UNREACHABLE);
    assert_true(r.triples_known);
    assert_int_equal(r.triples, 3);
    assert_int_equal(r.bytes, sizeof text - 1);
    assert_non_null(strstr(c.msg, "cannot connect to http://u:***@127.0.0.1:"));
    assert_null(strstr(c.msg, "s3cret"));
    assert_non_null(strstr(c.msg, "nothing was loaded"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_content_type),
        cmocka_unit_test(test_target_url),
        cmocka_unit_test(test_redact_url),
        cmocka_unit_test(test_read_password),
        cmocka_unit_test(test_server_text_html),
        cmocka_unit_test(test_server_text_plain),
        cmocka_unit_test(test_missing_file),
        cmocka_unit_test(test_refused_counts_statements),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
