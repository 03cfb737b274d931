/* Unit tests for the diagrams of export/: aliases seen (graph and RDF),
 * the filters of CgDiagramOptions, merged edges, styles, tooltips, links,
 * the legend, the layout chosen, and the HTML report. */
#include "export/export.h"

#include <graphviz/cgraph.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#define HOSTILE "Wagner \"PMC\" \\ <script>alert(1)</script>"

/* ---- the sample graph ------------------------------------------------- */

static uint32_t entity(CgGraph *g, const char *id, const char *type, const char *same_as)
{
    char *links[] = {(char *)same_as};
    return cg_graph_add_entity(g, id, type, !strcmp(id, "wagner") ? HOSTILE : id,
                               links, same_as ? 1 : 0);
}

static void evidence(CgGraph *g, const char *pred, bool sym, uint32_t s, uint32_t o,
                     const char *doc, size_t begin, const char *certainty)
{
    const CgGraphClaim claim = {.certainty = (char *)certainty, .claimer = CG_GRAPH_NONE};
    char quote[64];
    snprintf(quote, sizeof quote, "Quote %zu: %s.", begin, pred);
    cg_graph_add_claim(g, pred, sym, s, o, cg_graph_add_document(g, doc), "r", quote, begin,
                       begin + 10, NULL, &claim);
}

/* kim -metWith- putin; kim officialOf nk; nk deploysTroopsTo (5) and
 * suppliesArmsTo (1) russia; russia -atWarWith- ukraine (2); wagner
 * fightsFor russia, only reported; lonely, a Place, related to nothing. */
static CgGraph *sample(void)
{
    CgGraph *g = cg_graph_new();
    const uint32_t kim = entity(g, "kim", "Person", "http://www.wikidata.org/entity/Q56226");
    const uint32_t putin = entity(g, "putin", "Person", NULL);
    const uint32_t nk = entity(g, "nk", "Country", NULL);
    const uint32_t ru = entity(g, "russia", "Country", NULL);
    const uint32_t ua = entity(g, "ukraine", "Country", NULL);
    const uint32_t wagner = entity(g, "wagner", "MilitaryGroup", NULL);
    entity(g, "lonely", "Place", NULL);
    evidence(g, "metWith", true, putin, kim, "news/a.txt", 0, NULL);
    evidence(g, "officialOf", false, kim, nk, "https://example.com/story", 0, NULL);
    for (size_t i = 0; i < 5; ++i) {
        evidence(g, "deploysTroopsTo", false, nk, ru, i < 3 ? "news/b.txt" : "news/a.txt",
                 100 + i * 20, NULL);
    }
    evidence(g, "suppliesArmsTo", false, nk, ru, "news/b.txt", 300, "reported");
    evidence(g, "atWarWith", true, ru, ua, "news/a.txt", 400, NULL);
    evidence(g, "atWarWith", true, ua, ru, "news/b.txt", 400, NULL);
    evidence(g, "fightsFor", false, wagner, ru, "news/a.txt", 500, "reported");
    cg_graph_count_mentions(g, nk, 3);
    cg_graph_add_alias_seen(g, nk, "Pyongyang", 9);
    cg_graph_add_alias_seen(g, nk, "North Korea", 11);
    cg_graph_add_alias_seen(g, nk, " North\n  Korea ", 15);
    cg_graph_finish(g);
    return g;
}

typedef struct {
    size_t count;
    CgStatus status;
    char msg[512];
} Collected;

static void collect(void *ctx, const CgDiag *d)
{
    Collected *c = ctx;
    if (!c->count++) {
        c->status = d->status;
        snprintf(c->msg, sizeof c->msg, "%s", d->msg);
    }
}

/* The drawing, as a NUL-terminated string the caller frees.  It is returned
 * as a copy: open_memstream was handed the address of the local `data`, and
 * GCC 12 at -O3, inlining a caller that reads the result, cannot rule out
 * that the stream left `data` pointing at itself, and fails the Release
 * build with -Werror=dangling-pointer.  A fresh block has no such past. */
static char *draw(const CgGraph *g, const CgDiagramOptions *o, CgFormat format)
{
    char *data = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&data, &n);
    assert_non_null(f);
    const CgStatus st = cg_export_diagram_with(g, o, format, f, NULL);
    assert_int_equal(fclose(f), 0);
    assert_int_equal(st, CG_OK);
    char *copy = malloc(n + 1);
    assert_non_null(copy);
    memcpy(copy, data, n + 1);
    free(data);
    return copy;
}

static Agraph_t *draw_dot(const CgGraph *g, const CgDiagramOptions *o)
{
    char *dot = draw(g, o, CG_FMT_DOT);
    Agraph_t *ag = agmemread(dot);
    assert_non_null(ag);
    free(dot);
    return ag;
}

static Agedge_t *edge(Agraph_t *ag, const char *tail, const char *head)
{
    Agnode_t *t = agnode(ag, (char *)tail, 0), *h = agnode(ag, (char *)head, 0);
    assert_non_null(t);
    assert_non_null(h);
    Agedge_t *e = agedge(ag, t, h, NULL, 0);
    assert_non_null(e);
    return e;
}

static void assert_contains(const char *text, const char *part)
{
    if (!strstr(text, part)) {
        fail_msg("'%s' lacks '%s'", text, part);
    }
}

/* ---- aliases seen ----------------------------------------------------- */

static void test_aliases_seen(void **state)
{
    (void)state;
    CgGraph *g = sample();
    const CgGraphEntity *nk = cg_graph_entity(g, (size_t)cg_graph_find_entity(g, "nk"));
    assert_int_equal(nk->n_aliases, 2);
    assert_string_equal(nk->aliases[0], "North Korea");
    assert_string_equal(nk->aliases[1], "Pyongyang");
    assert_int_equal(nk->mentions, 3);
    cg_graph_free(g);
}

static void test_aliases_round_trip(void **state)
{
    (void)state;
    CgGraph *g = sample();
    char path[] = "/tmp/cg-test-diagram-XXXXXX"; /* no extension: read as Turtle */
    const int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_int_equal(cg_export_rdf(g, NULL, CG_FMT_TURTLE, f, NULL), CG_OK);
    assert_int_equal(fclose(f), 0);
    CgGraph *back = NULL;
    assert_int_equal(cg_import_rdf(path, NULL, &back), CG_OK);
    unlink(path);
    const CgGraphEntity *nk = cg_graph_entity(back, (size_t)cg_graph_find_entity(back, "nk"));
    assert_int_equal(nk->n_aliases, 2);
    assert_string_equal(nk->aliases[1], "Pyongyang");
    assert_int_equal(nk->mentions, 3);
    cg_graph_free(back);
    cg_graph_free(g);
}

/* ---- filters ---------------------------------------------------------- */

static void select_counts(const CgGraph *g, const CgDiagramOptions *o, size_t entities,
                          size_t relations)
{
    CgDiagramSelection sel;
    assert_int_equal(cg_diagram_select(g, o, &sel, NULL), CG_OK);
    assert_int_equal(sel.n_entities, entities);
    assert_int_equal(sel.n_relations, relations);
    cg_diagram_selection_clear(&sel);
}

static void test_select_all(void **state)
{
    (void)state;
    CgGraph *g = sample();
    CgDiagramOptions o;
    cg_diagram_options_init(&o);
    assert_int_equal(o.depth, 1);
    select_counts(g, &o, 7, 6);
    cg_graph_free(g);
}

static void test_select_types_and_exclude(void **state)
{
    (void)state;
    CgGraph *g = sample();
    CgDiagramOptions o;
    cg_diagram_options_init(&o);
    const char *countries[] = {"Country"};
    o.types = countries;
    o.n_types = 1;
    select_counts(g, &o, 3, 3); /* deploys, supplies, atWar */
    const char *russia[] = {"russia"};
    o.exclude = russia;
    o.n_exclude = 1;
    select_counts(g, &o, 2, 0); /* no edge filter: entities stay */
    o.n_types = 0;
    select_counts(g, &o, 6, 2); /* metWith, officialOf */
    cg_graph_free(g);
}

static void test_select_predicates_and_evidence(void **state)
{
    (void)state;
    CgGraph *g = sample();
    CgDiagramOptions o;
    cg_diagram_options_init(&o);
    const char *met[] = {"metWith", "noSuchPredicate"};
    o.predicates = met;
    o.n_predicates = 2;
    Collected c = {0};
    CgDiagSink sink = {collect, &c, 0, 0};
    CgDiagramSelection sel;
    assert_int_equal(cg_diagram_select(g, &o, &sel, &sink), CG_OK);
    assert_int_equal(sel.n_entities, 2); /* the isolated are dropped */
    assert_int_equal(sel.n_relations, 1);
    cg_diagram_selection_clear(&sel);
    assert_int_equal(sink.warnings, 1);
    assert_contains(c.msg, "noSuchPredicate");
    o.n_predicates = 0;
    o.min_evidence = 2;
    select_counts(g, &o, 3, 2); /* deploys (5), atWar (2) */
    cg_graph_free(g);
}

static void test_select_focus(void **state)
{
    (void)state;
    CgGraph *g = sample();
    CgDiagramOptions o;
    cg_diagram_options_init(&o);
    o.focus = "kim";
    select_counts(g, &o, 3, 2); /* putin, nk */
    o.depth = 2;
    select_counts(g, &o, 4, 4); /* + russia: deploys and supplies */
    o.depth = 0;
    select_counts(g, &o, 1, 0);
    o.depth = 1000;
    select_counts(g, &o, 6, 6); /* all but lonely */
    cg_graph_free(g);
}

static void test_select_focus_errors(void **state)
{
    (void)state;
    CgGraph *g = sample();
    CgDiagramOptions o;
    cg_diagram_options_init(&o);
    o.focus = "nobody";
    Collected c = {0};
    CgDiagSink sink = {collect, &c, 0, 0};
    CgDiagramSelection sel;
    assert_int_equal(cg_diagram_select(g, &o, &sel, &sink), CG_ERR_USAGE);
    assert_contains(c.msg, "'nobody' is no entity");
    assert_null(sel.entities);
    const char *kim[] = {"kim"};
    o.focus = "kim";
    o.exclude = kim;
    o.n_exclude = 1;
    c.count = 0;
    assert_int_equal(cg_export_diagram_with(g, &o, CG_FMT_DOT, stdout, &sink), CG_ERR_USAGE);
    assert_contains(c.msg, "left out");
    cg_diagram_selection_clear(NULL);
    cg_graph_free(g);
}

/* ---- edges, styles, tooltips, links ------------------------------------ */

static void test_merged_edges(void **state)
{
    (void)state;
    CgGraph *g = sample();
    Agraph_t *ag = draw_dot(g, NULL);
    assert_int_equal(agnnodes(ag), 7);
    assert_int_equal(agnedges(ag), 5); /* nk -> russia carries two predicates */
    Agedge_t *e = edge(ag, "nk", "russia");
    assert_string_equal(agget(e, "label"), "deploysTroopsTo (5)\\nsuppliesArmsTo (1)");
    assert_non_null(strchr(agget(e, "color"), ':'));
    assert_string_equal(agget(e, "penwidth"), "3.50"); /* 1 + log2(6), interpolated */
    assert_string_equal(agget(e, "style"), "");        /* deploys is asserted */
    assert_string_equal(agget(edge(ag, "kim", "putin"), "dir"), "none");
    assert_string_equal(agget(edge(ag, "wagner", "russia"), "style"), "dashed");
    assert_string_equal(agget(edge(ag, "kim", "nk"), "dir"), "");
    agclose(ag);
    cg_graph_free(g);
}

static void test_tooltips(void **state)
{
    (void)state;
    CgGraph *g = sample();
    Agraph_t *ag = draw_dot(g, NULL);
    const char *tip = agget(edge(ag, "nk", "russia"), "tooltip");
    assert_contains(tip, "nk \xE2\x86\x92 russia\\ndeploysTroopsTo: 5 quotes");
    /* quote and file name each in an isolate (U+2068 ... U+2069) */
    assert_contains(tip, "\xE2\x80\x9C\xE2\x81\xA8" "Quote 160: deploysTroopsTo.\xE2\x81\xA9\xE2\x80\x9D"
                         " (\xE2\x81\xA8" "news/a.txt\xE2\x81\xA9)");
    assert_contains(tip, "\\nand 2 more\\nsuppliesArmsTo: 1 quote");
    assert_contains(tip, "(\xE2\x81\xA8" "news/b.txt\xE2\x81\xA9) [reported]");
    assert_string_equal(agget(edge(ag, "nk", "russia"), "labeltooltip"), tip);
    const char *node = agget(agnode(ag, "nk", 0), "tooltip");
    assert_string_equal(node, "nk (Country, nk)\\nmentioned 3 times as: North Korea, Pyongyang");
    assert_contains(agget(agnode(ag, "kim", 0), "tooltip"), "no mentions recorded");
    agclose(ag);
    cg_graph_free(g);
}

static void test_links(void **state)
{
    (void)state;
    CgGraph *g = sample();
    CgDiagramOptions o;
    cg_diagram_options_init(&o);
    o.output_path = "out/graphs/g.svg";
    Agraph_t *ag = draw_dot(g, &o);
    assert_string_equal(agget(agnode(ag, "kim", 0), "href"),
                        "http://www.wikidata.org/entity/Q56226");
    assert_string_equal(agget(agnode(ag, "nk", 0), "href"), "");
    assert_string_equal(agget(edge(ag, "nk", "russia"), "href"), "../../news/a.txt");
    assert_string_equal(agget(edge(ag, "kim", "nk"), "href"), "https://example.com/story");
    assert_string_equal(agget(edge(ag, "nk", "russia"), "target"), "_blank");
    agclose(ag);
    char cwd[4096], want[4200];
    assert_non_null(getcwd(cwd, sizeof cwd));
    o.output_path = "/nonexistent/dir/g.svg"; /* from there: up two, then down to cwd */
    snprintf(want, sizeof want, "../..%s/news/a.txt", cwd);
    ag = draw_dot(g, &o);
    assert_string_equal(agget(edge(ag, "nk", "russia"), "href"), want);
    agclose(ag);
    o.output_path = "-";
    ag = draw_dot(g, &o);
    assert_string_equal(agget(edge(ag, "nk", "russia"), "href"), "news/a.txt");
    agclose(ag);
    cg_graph_free(g);
}

/* Only http(s) links go out as they are: a javascript: URL in a document's
 * metadata or a sameAs would run when clicked in the report. */
static void test_links_unsafe(void **state)
{
    (void)state;
    CgGraph *g = cg_graph_new();
    char *bad[] = {"javascript:alert(1)"};
    const uint32_t a = cg_graph_add_entity(g, "a", "Person", "A", bad, 1);
    const uint32_t b = entity(g, "b", "Person", NULL);
    const uint32_t doc = cg_graph_add_document(g, "news/c d.txt");
    cg_graph_set_document_meta(g, doc, "url", "javascript://%0Aalert(1)");
    cg_graph_add_evidence(g, "knows", false, a, b, doc, "r", "A knows B.", 0, 10, NULL);
    cg_graph_finish(g);
    Agraph_t *ag = draw_dot(g, NULL);
    assert_null(agget(agnode(ag, "a", 0), "href")); /* no node links: not even declared */
    assert_string_equal(agget(edge(ag, "a", "b"), "href"), "news/c%20d.txt");
    agclose(ag);
    cg_graph_free(g);
}

/* ---- legend and layout ------------------------------------------------- */

static void test_legend(void **state)
{
    (void)state;
    CgGraph *g = sample();
    Agraph_t *ag = draw_dot(g, NULL);
    const char *legend = agget(ag, "label");
    assert_true(aghtmlstr((char *)legend));
    const char *parts[] = {">Entities<", ">Country<", "<I>box</I>", ">MilitaryGroup<",
                           "<I>octagon</I>", ">Relations<", "atWarWith <I>(both ways)</I>",
                           ">fightsFor<", "dashed: no quote states it as a fact"};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; ++i) {
        assert_contains(legend, parts[i]);
    }
    agclose(ag);
    CgDiagramOptions o;
    cg_diagram_options_init(&o);
    const char *met[] = {"metWith"};
    o.predicates = met;
    o.n_predicates = 1;
    ag = draw_dot(g, &o);
    assert_null(strstr(agget(ag, "label"), "Country"));
    assert_null(strstr(agget(ag, "label"), "dashed"));
    agclose(ag);
    cg_graph_free(g);
}

/* A chain of n Person entities. */
static CgGraph *chain(size_t n)
{
    CgGraph *g = cg_graph_new();
    char id[32];
    for (size_t i = 0; i < n; ++i) {
        snprintf(id, sizeof id, "p%03zu", i);
        entity(g, id, "Person", NULL);
    }
    for (size_t i = 1; i < n; ++i) {
        evidence(g, "knows", false, (uint32_t)i - 1, (uint32_t)i, "doc.txt", i * 10, NULL);
    }
    cg_graph_finish(g);
    return g;
}

static void test_layout_choice(void **state)
{
    (void)state;
    CgGraph *small = chain(CG_LAYOUT_AUTO_LIMIT - 1), *big = chain(CG_LAYOUT_AUTO_LIMIT);
    Agraph_t *ag = draw_dot(small, NULL);
    assert_string_equal(agget(ag, "layout"), "dot");
    agclose(ag);
    ag = draw_dot(big, NULL);
    assert_string_equal(agget(ag, "layout"), "sfdp");
    assert_string_equal(agget(ag, "overlap"), "prism");
    assert_string_equal(agget(ag, "splines"), "true");
    agclose(ag);
    CgDiagramOptions o;
    cg_diagram_options_init(&o);
    o.cluster = CG_CLUSTER_TYPE;
    ag = draw_dot(small, &o);
    assert_string_equal(agget(ag, "layout"), "dot");
    assert_non_null(agsubg(ag, "cluster_Person", 0));
    agclose(ag);
    o.layout = CG_LAYOUT_NEATO;
    Collected c = {0};
    CgDiagSink sink = {collect, &c, 0, 0};
    CgDiagramSelection sel;
    char *svg = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&svg, &n);
    assert_int_equal(cg_export_diagram_with(small, &o, CG_FMT_SVG, f, &sink), CG_OK);
    fclose(f);
    assert_contains(c.msg, "dot layout only");
    assert_contains(svg, "<svg");
    free(svg);
    (void)sel;
    cg_graph_free(small);
    cg_graph_free(big);
}

/* ---- the HTML report --------------------------------------------------- */

static size_t count(const char *text, const char *part)
{
    size_t n = 0;
    for (const char *p = strstr(text, part); p; p = strstr(p + 1, part)) {
        ++n;
    }
    return n;
}

static void test_html(void **state)
{
    (void)state;
    CgGraph *g = sample();
    CgDiagramOptions o;
    cg_diagram_options_init(&o);
    o.output_path = "out/report.html";
    char *html = draw(g, &o, CG_FMT_HTML);
    assert_true(!strncmp(html, "<!DOCTYPE html>", 15));
    assert_contains(html, "Content-Security-Policy\" content=\"default-src 'none'");
    assert_int_equal(count(html, "<svg"), 1);
    assert_null(strstr(html, "<?xml"));
    assert_null(strstr(html, "<!DOCTYPE svg"));
    assert_int_equal(count(html, "<script"), 1);
    assert_null(strstr(html, " src="));
    assert_int_equal(count(html, "<tr>"), 1 + 6); /* the header, then each relation */
    assert_contains(html, "<input id=\"filter\"");
    assert_contains(html, "<a class=\"src\" href=\"../news/b.txt\"><bdi>news/b.txt</bdi></a>");
    assert_contains(html, "<q><bdi>Quote 300: suppliesArmsTo.</bdi></q>");
    assert_contains(html, "<span class=\"tag\">reported</span>");
    assert_contains(html, "Wagner &quot;PMC&quot; \\ &lt;script&gt;alert(1)&lt;/script&gt;");
    char *again = draw(g, &o, CG_FMT_HTML);
    assert_string_equal(html, again);
    free(again);
    free(html);
    cg_graph_free(g);
}

static void test_format_names(void **state)
{
    (void)state;
    CgFormat f;
    assert_int_equal(cg_format_from_path("out/report.html", &f), CG_OK);
    assert_int_equal(f, CG_FMT_HTML);
    assert_int_equal(cg_format_from_name("htm", &f), CG_OK);
    assert_int_equal(f, CG_FMT_HTML);
    assert_string_equal(cg_format_name(CG_FMT_HTML), "html");
    assert_false(cg_format_is_rdf(CG_FMT_HTML));
    assert_int_equal(cg_format_from_path("out/graph.trig", &f), CG_OK);
    assert_int_equal(f, CG_FMT_TRIG);
    assert_string_equal(cg_format_name(CG_FMT_TRIG), "trig");
    assert_true(cg_format_is_rdf(CG_FMT_TRIG));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_aliases_seen),
        cmocka_unit_test(test_aliases_round_trip),
        cmocka_unit_test(test_select_all),
        cmocka_unit_test(test_select_types_and_exclude),
        cmocka_unit_test(test_select_predicates_and_evidence),
        cmocka_unit_test(test_select_focus),
        cmocka_unit_test(test_select_focus_errors),
        cmocka_unit_test(test_merged_edges),
        cmocka_unit_test(test_tooltips),
        cmocka_unit_test(test_links),
        cmocka_unit_test(test_links_unsafe),
        cmocka_unit_test(test_legend),
        cmocka_unit_test(test_layout_choice),
        cmocka_unit_test(test_html),
        cmocka_unit_test(test_format_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
