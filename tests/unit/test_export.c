/* Unit tests for export/: format names, RDF written and read back, output
 * determinism, diagrams, hostile labels, and error paths. */
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

/* Quote, backslash, newline and markup: everything a writer must escape. */
#define HOSTILE "He said \"hi\" \\ <script>alert(1)</script>\nnext"
#define BASE CG_DEFAULT_BASE

/* ---- helpers ---------------------------------------------------------- */

typedef struct {
    size_t count;
    CgStatus status;
    unsigned line;
    char file[256];
    char msg[512];
} Collected;

static void collect(void *ctx, const CgDiag *d)
{
    Collected *c = ctx;
    if (c->count++) {
        return; /* keep the first */
    }
    c->status = d->status;
    c->line = d->line;
    snprintf(c->file, sizeof c->file, "%s", d->file ? d->file : "");
    snprintf(c->msg, sizeof c->msg, "%s", d->msg);
}

/* The sample graph, with its items added forwards or backwards. */
static CgGraph *sample(bool backwards)
{
    CgGraph *g = cg_graph_new();
    char *kim_iri[] = {"http://www.wikidata.org/entity/Q56226"};
    const char *docs[] = {"news/b.txt", "news/a.txt"};
    for (int i = 0; i < 2; ++i) {
        cg_graph_add_document(g, docs[backwards ? 1 - i : i]);
    }
    for (int i = 0; i < 2; ++i) {
        if ((i == 0) != backwards) {
            cg_graph_add_entity(g, "kim-jong-un", "Person", "Kim Jong Un", kim_iri, 1);
            cg_graph_add_entity(g, "north-korea", "Country", "North Korea", NULL, 0);
            cg_graph_add_entity(g, "wagner", "MilitaryGroup", HOSTILE, NULL, 0);
        } else {
            cg_graph_add_entity(g, "vladimir-putin", "Person", "Vladimir Putin", NULL, 0);
            cg_graph_add_entity(g, "russia", "Country", "Russia", NULL, 0);
        }
    }
    return g;
}

static uint32_t id(const CgGraph *g, const char *entity)
{
    const long i = cg_graph_find_entity(g, entity);
    assert_true(i >= 0);
    return (uint32_t)i;
}

typedef struct {
    const char *predicate;
    bool symmetric;
    const char *subject, *object, *document, *rule, *quote;
    size_t begin, end;
    const char *quantity;
} SampleEvidence;

static const SampleEvidence sample_evidence[] = {
    {"deploysTroopsTo", false, "north-korea", "russia", "news/a.txt", "deploy",
     "North Korea has sent 12,000 soldiers to Russia.", 0, 47, "12,000"},
    {"deploysTroopsTo", false, "north-korea", "russia", "news/b.txt", "deploy",
     "North Korea has sent 12,000 soldiers to Russia.", 10, 57, NULL},
    {"meets", true, "vladimir-putin", "kim-jong-un", "news/a.txt", "meet",
     "Putin met Kim \"Jong Un\" \\ there.\nAgain.", 48, 90, "1,5"},
    {"fightsFor", false, "wagner", "russia", "news/a.txt", "fight", HOSTILE, 91, 140, "3.25"},
};

#define N_SAMPLE (sizeof sample_evidence / sizeof sample_evidence[0])

static CgGraph *sample_finished(bool backwards)
{
    CgGraph *g = sample(backwards);
    for (size_t k = 0; k < N_SAMPLE; ++k) {
        const SampleEvidence *e = &sample_evidence[backwards ? N_SAMPLE - 1 - k : k];
        /* a symmetric assertion read the other way round is the same one */
        const bool flip = backwards && e->symmetric;
        cg_graph_add_evidence(g, e->predicate, e->symmetric, id(g, flip ? e->object : e->subject),
                              id(g, flip ? e->subject : e->object),
                              cg_graph_add_document(g, e->document), e->rule, e->quote,
                              e->begin, e->end, e->quantity);
    }
    cg_graph_finish(g);
    return g;
}

static char *export_to_string(const CgGraph *g, CgFormat format, size_t *len)
{
    char *data = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&data, &n);
    assert_non_null(f);
    const CgStatus st = cg_format_is_rdf(format) ? cg_export_rdf(g, NULL, format, f, NULL)
                                                 : cg_export_diagram(g, format, f, NULL);
    assert_int_equal(fclose(f), 0);
    assert_int_equal(st, CG_OK);
    if (len) {
        *len = n;
    }
    return data;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

/* Writes `g` to a temporary file with the given extension and reads it back. */
static CgGraph *round_trip(const CgGraph *g, CgFormat format, const char *ext)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/cg-test-export-%ld.%s", (long)getpid(), ext);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    assert_int_equal(cg_export_rdf(g, NULL, format, f, NULL), CG_OK);
    assert_int_equal(fclose(f), 0);
    CgGraph *back = NULL;
    assert_int_equal(cg_import_rdf(path, NULL, &back), CG_OK);
    unlink(path);
    return back;
}

static void assert_same_strv(char *const *x, size_t nx, char *const *y, size_t ny)
{
    assert_int_equal(nx, ny);
    for (size_t i = 0; i < nx; ++i) {
        assert_string_equal(x[i], y[i]);
    }
}

static void assert_same_entities(const CgGraph *x, const CgGraph *y)
{
    assert_int_equal(cg_graph_entity_count(x), cg_graph_entity_count(y));
    for (size_t i = 0; i < cg_graph_entity_count(x); ++i) {
        const CgGraphEntity *ex = cg_graph_entity(x, i), *ey = cg_graph_entity(y, i);
        assert_string_equal(ex->id, ey->id);
        assert_string_equal(ex->type, ey->type);
        assert_string_equal(ex->label, ey->label);
        assert_same_strv(ex->same_as, ex->n_same_as, ey->same_as, ey->n_same_as);
    }
}

static void assert_same_evidence(const CgGraphEvidence *ex, const CgGraphEvidence *ey)
{
    assert_string_equal(ex->key, ey->key);
    assert_string_equal(ex->predicate, ey->predicate);
    assert_int_equal(ex->symmetric, ey->symmetric);
    assert_int_equal(ex->subject, ey->subject);
    assert_int_equal(ex->object, ey->object);
    assert_int_equal(ex->document, ey->document);
    assert_string_equal(ex->rule, ey->rule);
    assert_string_equal(ex->quote, ey->quote);
    assert_int_equal(ex->begin, ey->begin);
    assert_int_equal(ex->end, ey->end);
    assert_int_equal(ex->claim.quote_cut, ey->claim.quote_cut);
    assert_int_equal(ex->claim.quote_begin, ey->claim.quote_begin);
    assert_int_equal(ex->claim.quote_end, ey->claim.quote_end);
    assert_int_equal(ex->claim.n_captures, ey->claim.n_captures);
    assert_true((ex->quantity == NULL) == (ey->quantity == NULL));
    if (ex->quantity) {
        assert_string_equal(ex->quantity, ey->quantity);
    }
}

static void assert_same_graph(const CgGraph *x, const CgGraph *y)
{
    assert_same_entities(x, y);
    assert_int_equal(cg_graph_document_count(x), cg_graph_document_count(y));
    for (size_t i = 0; i < cg_graph_document_count(x); ++i) {
        assert_string_equal(cg_graph_document(x, i)->path, cg_graph_document(y, i)->path);
        assert_string_equal(cg_graph_document(x, i)->key, cg_graph_document(y, i)->key);
    }
    assert_int_equal(cg_graph_evidence_count(x), cg_graph_evidence_count(y));
    for (size_t i = 0; i < cg_graph_evidence_count(x); ++i) {
        assert_same_evidence(cg_graph_evidence(x, i), cg_graph_evidence(y, i));
    }
    assert_int_equal(cg_graph_relation_count(x), cg_graph_relation_count(y));
    for (size_t i = 0; i < cg_graph_relation_count(x); ++i) {
        const CgGraphRelation *rx = cg_graph_relation(x, i), *ry = cg_graph_relation(y, i);
        assert_string_equal(rx->predicate, ry->predicate);
        assert_int_equal(rx->subject, ry->subject);
        assert_int_equal(rx->object, ry->object);
        assert_int_equal(rx->support, ry->support);
        assert_int_equal(rx->symmetric, ry->symmetric);
    }
}

/* ---- formats ---------------------------------------------------------- */

static void test_format_names(void **state)
{
    (void)state;
    CgFormat f;
    const char *names[] = {"turtle", "ntriples", "nquads", "dot", "svg", "png", "pdf"};
    for (int i = 0; i < 7; ++i) {
        assert_int_equal(cg_format_from_name(names[i], &f), CG_OK);
        assert_int_equal(f, (CgFormat)i);
        assert_string_equal(cg_format_name(f), names[i]);
        assert_int_equal(cg_format_is_rdf(f), i < 3);
    }
    assert_int_equal(cg_format_from_name("ttl", &f), CG_OK);
    assert_int_equal(f, CG_FMT_TURTLE);
    assert_int_equal(cg_format_from_name("nq", &f), CG_OK);
    assert_int_equal(f, CG_FMT_NQUADS);
    assert_int_equal(cg_format_from_name("jpeg", &f), CG_ERR_USAGE);
    assert_int_equal(cg_format_from_name(NULL, &f), CG_ERR_USAGE);
    assert_int_equal(cg_format_from_path("out/graph.nt", &f), CG_OK);
    assert_int_equal(f, CG_FMT_NTRIPLES);
    assert_int_equal(cg_format_from_path("OUT.GV", &f), CG_OK);
    assert_int_equal(f, CG_FMT_DOT);
    assert_int_equal(cg_format_from_path("v1.2/graph", &f), CG_FAILURE);
    assert_int_equal(cg_format_from_path("dir/.ttl", &f), CG_FAILURE);
    assert_int_equal(cg_format_from_path("graph.", &f), CG_FAILURE);
    assert_int_equal(cg_format_from_path("graph.txt", &f), CG_FAILURE);
}

/* ---- RDF -------------------------------------------------------------- */

static void test_turtle_round_trip(void **state)
{
    (void)state;
    CgGraph *g = sample_finished(false);
    CgGraph *back = round_trip(g, CG_FMT_TURTLE, "ttl");
    assert_same_graph(g, back);
    assert_string_equal(cg_graph_entity(back, id(back, "wagner"))->label, HOSTILE);
    cg_graph_free(back);
    cg_graph_free(g);
}

static void test_ntriples_and_nquads_round_trip(void **state)
{
    (void)state;
    CgGraph *g = sample_finished(false);
    CgGraph *nt = round_trip(g, CG_FMT_NTRIPLES, "nt");
    CgGraph *nq = round_trip(g, CG_FMT_NQUADS, "nq");
    assert_same_graph(g, nt);
    assert_same_graph(g, nq);
    cg_graph_free(nt);
    cg_graph_free(nq);
    cg_graph_free(g);
}

/* A quote cut from a long sentence says so, and which characters it shows,
 * in typed literals; read back, those are the cut, not captures. */
static void test_cut_quote(void **state)
{
    (void)state;
    CgGraph *g = sample(false);
    const CgGraphClaim cut = {.claimer = CG_GRAPH_NONE, .quote_cut = true,
                              .quote_begin = 4000, .quote_end = 5000};
    cg_graph_add_claim(g, "meets", true, id(g, "vladimir-putin"), id(g, "kim-jong-un"),
                       cg_graph_add_document(g, "news/a.txt"), "meet",
                       "\u2026 Putin met Kim \u2026", 0, 900000, NULL, &cut);
    cg_graph_add_evidence(g, "meets", true, id(g, "vladimir-putin"), id(g, "russia"),
                          cg_graph_add_document(g, "news/a.txt"), "meet", "Putin met.", 7, 17,
                          NULL);
    cg_graph_finish(g);
    char *nt = export_to_string(g, CG_FMT_NTRIPLES, NULL);
    assert_non_null(strstr(nt, "<" CG_VOCAB "quoteTruncated> "
                               "\"true\"^^<http://www.w3.org/2001/XMLSchema#boolean> ."));
    assert_non_null(strstr(nt, "<" CG_VOCAB "quoteBeginIndex> \"4000\"^^<"));
    assert_non_null(strstr(nt, "<" CG_VOCAB "quoteEndIndex> \"5000\"^^<"));
    assert_non_null(strstr(nt, "<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/"
                               "nif-core#endIndex> \"900000\"^^<"));
    size_t marks = 0; /* only the cut quote is marked */
    for (const char *p = strstr(nt, "quoteTruncated"); p; p = strstr(p + 1, "quoteTruncated")) {
        ++marks;
    }
    assert_int_equal(marks, 1);
    free(nt);
    CgGraph *back = round_trip(g, CG_FMT_TURTLE, "ttl");
    assert_same_graph(g, back);
    cg_graph_free(back);
    cg_graph_free(g);
}

static void test_ntriples_lines(void **state)
{
    (void)state;
    CgGraph *g = sample_finished(false);
    char *nt = export_to_string(g, CG_FMT_NTRIPLES, NULL);
    const char *expect[] = {
        "<" BASE "entity/kim-jong-un> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <"
        CG_VOCAB "Person> .\n",
        "<" BASE "entity/kim-jong-un> <http://www.w3.org/2000/01/rdf-schema#label> "
        "\"Kim Jong Un\" .\n",
        "<" BASE "entity/kim-jong-un> <http://www.w3.org/2002/07/owl#sameAs> "
        "<http://www.wikidata.org/entity/Q56226> .\n",
        "<" BASE "entity/north-korea> <" CG_VOCAB "deploysTroopsTo> <" BASE "entity/russia> .\n",
        "<" BASE "entity/kim-jong-un> <" CG_VOCAB "meets> <" BASE "entity/vladimir-putin> .\n",
        "<" CG_VOCAB "meets> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        "<http://www.w3.org/2002/07/owl#SymmetricProperty> .\n",
        "<" CG_VOCAB "path> \"news/a.txt\" .\n",
        "<http://www.w3.org/ns/prov#wasDerivedFrom> <" BASE "document/",
        "#beginIndex> \"48\"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger> .\n",
        "<" CG_VOCAB "quantity> \"12,000\" .\n",
        "<" CG_VOCAB "quantityValue> \"12000.0\"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n",
        "<" CG_VOCAB "quantityValue> \"3.25\"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n",
        "\"He said \\\"hi\\\" \\\\ <script>alert(1)</script>\\nnext\" .\n",
    };
    for (size_t i = 0; i < sizeof expect / sizeof expect[0]; ++i) {
        if (!strstr(nt, expect[i])) {
            fail_msg("missing: %s", expect[i]);
        }
    }
    /* "1,5" is a decimal comma, not fifteen: no value for it */
    assert_non_null(strstr(nt, "<" CG_VOCAB "quantity> \"1,5\" .\n"));
    assert_null(strstr(nt, "\"15.0\""));
    assert_null(strstr(nt, "_:")); /* no blank nodes */
    free(nt);
    cg_graph_free(g);
}

static void test_rdf_deterministic(void **state)
{
    (void)state;
    CgGraph *x = sample_finished(false);
    CgGraph *y = sample_finished(true);
    for (CgFormat f = CG_FMT_TURTLE; f <= CG_FMT_NQUADS; ++f) {
        size_t n1, n2, n3;
        char *a = export_to_string(x, f, &n1);
        char *b = export_to_string(x, f, &n2);
        char *c = export_to_string(y, f, &n3); /* other insertion order */
        assert_int_equal(n1, n2);
        assert_int_equal(n1, n3);
        assert_memory_equal(a, b, n1);
        assert_memory_equal(a, c, n1);
        free(a);
        free(b);
        free(c);
    }
    /* what is read back writes out the same bytes */
    CgGraph *back = round_trip(x, CG_FMT_TURTLE, "ttl");
    char *a = export_to_string(x, CG_FMT_TURTLE, NULL);
    char *b = export_to_string(back, CG_FMT_TURTLE, NULL);
    assert_string_equal(a, b);
    free(a);
    free(b);
    cg_graph_free(back);
    cg_graph_free(x);
    cg_graph_free(y);
}

static void test_turtle_prefixes_and_rapper(void **state)
{
    (void)state;
    CgGraph *g = sample_finished(false);
    char *ttl = export_to_string(g, CG_FMT_TURTLE, NULL);
    assert_non_null(strstr(ttl, "@prefix prov: <http://www.w3.org/ns/prov#> ."));
    assert_non_null(strstr(ttl, "@prefix ent: <" BASE "entity/> ."));
    assert_non_null(strstr(ttl, "ent:kim-jong-un"));
    assert_non_null(strstr(ttl, "cg:quantityValue \"12000.0\"^^xsd:decimal"));
    if (system("command -v rapper >/dev/null 2>&1")) {
        free(ttl);
        cg_graph_free(g);
        skip();
    }
    char path[64];
    snprintf(path, sizeof path, "/tmp/cg-test-rapper-%ld.ttl", (long)getpid());
    write_file(path, ttl);
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rapper -q -i turtle -c %s", path);
    assert_int_equal(system(cmd), 0);
    unlink(path);
    free(ttl);
    cg_graph_free(g);
}

static void test_base_and_encoded_ids(void **state)
{
    (void)state;
    CgGraph *g = cg_graph_new();
    const uint32_t a = cg_graph_add_entity(g, "odd id/é", "Secret Service", "Odd", NULL, 0);
    const uint32_t b = cg_graph_add_entity(g, "b", "Person", "B", NULL, 0);
    const uint32_t d = cg_graph_add_document(g, "-");
    cg_graph_add_evidence(g, "works for", false, b, a, d, "r", "B works for Odd.", 0, 16, NULL);
    cg_graph_finish(g);
    char *data = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&data, &n);
    assert_int_equal(cg_export_rdf(g, "http://x.org/kg", CG_FMT_NTRIPLES, f, NULL), CG_OK);
    fclose(f);
    assert_non_null(strstr(data, "<http://x.org/kg/entity/b> <" CG_VOCAB "works%20for> "
                                 "<http://x.org/kg/entity/odd%20id%2F%C3%A9> ."));
    assert_non_null(strstr(data, "\"stdin\""));
    free(data);
    CgGraph *back = round_trip(g, CG_FMT_TURTLE, "ttl");
    assert_same_graph(g, back);
    cg_graph_free(back);
    cg_graph_free(g);
}

static void test_import_plain_relations(void **state)
{
    (void)state;
    char path[64];
    snprintf(path, sizeof path, "/tmp/cg-test-plain-%ld.ttl", (long)getpid());
    write_file(path, "@prefix cg: <" CG_VOCAB "> .\n"
                     "@prefix ent: <http://x.org/entity/> .\n"
                     "ent:b a cg:Person ; cg:knows ent:a ; cg:likes ent:nobody .\n"
                     "ent:a a cg:Person ; <http://www.w3.org/2000/01/rdf-schema#label> \"A\" .\n"
                     "cg:knows a <http://www.w3.org/2002/07/owl#SymmetricProperty> .\n");
    CgGraph *g = NULL;
    assert_int_equal(cg_import_rdf(path, NULL, &g), CG_OK);
    unlink(path);
    assert_int_equal(cg_graph_entity_count(g), 2);
    assert_string_equal(cg_graph_entity(g, 1)->label, "b"); /* no label: the id */
    assert_int_equal(cg_graph_relation_count(g), 1);
    const CgGraphRelation *r = cg_graph_relation(g, 0);
    assert_string_equal(r->predicate, "knows");
    assert_int_equal(r->support, 0);
    assert_true(r->symmetric);
    assert_int_equal(r->subject, 0); /* symmetric: a before b */
    char *dot = export_to_string(g, CG_FMT_DOT, NULL);
    assert_non_null(strstr(dot, "a -> b"));
    assert_non_null(strstr(dot, "label=\"knows (1)\""));
    assert_non_null(strstr(dot, "dir=none"));
    free(dot);
    cg_graph_free(g);
}

static void test_import_errors(void **state)
{
    (void)state;
    Collected c = {0};
    CgDiagSink sink = {collect, &c, 0, 0};
    CgGraph *g = (CgGraph *)&c;
    assert_int_equal(cg_import_rdf("/nonexistent/graph.ttl", &sink, &g), CG_ERR_IO);
    assert_null(g);
    assert_string_equal(c.file, "/nonexistent/graph.ttl");
    char path[64];
    snprintf(path, sizeof path, "/tmp/cg-test-bad-%ld.ttl", (long)getpid());
    write_file(path, "@prefix cg: <" CG_VOCAB "> .\n\ncg:a cg:b cg:c .\ncg:a cg:b \"open .\n");
    c = (Collected){0};
    sink.errors = 0;
    assert_int_equal(cg_import_rdf(path, &sink, &g), CG_ERR_SYNTAX);
    unlink(path);
    assert_null(g);
    assert_true(c.count >= 1);
    assert_int_equal(c.status, CG_ERR_SYNTAX);
    assert_string_equal(c.file, path);
    assert_int_equal(c.line, 4);
    assert_int_equal(sink.errors, c.count);
}

static void test_write_errors(void **state)
{
    (void)state;
    CgGraph *g = sample_finished(false);
    Collected c = {0};
    CgDiagSink sink = {collect, &c, 0, 0};
    FILE *full = fopen("/dev/full", "w");
    if (!full) {
        cg_graph_free(g);
        skip();
    }
    assert_int_equal(cg_export_rdf(g, NULL, CG_FMT_TURTLE, full, &sink), CG_ERR_IO);
    assert_int_equal(c.status, CG_ERR_IO);
    clearerr(full);
    assert_int_equal(cg_export_diagram(g, CG_FMT_DOT, full, &sink), CG_ERR_IO);
    clearerr(full);
    assert_int_equal(cg_export_diagram(g, CG_FMT_SVG, full, &sink), CG_ERR_IO);
    fclose(full);
    assert_int_equal(cg_export_rdf(g, NULL, CG_FMT_SVG, stdout, &sink), CG_ERR_USAGE);
    assert_int_equal(cg_export_diagram(g, CG_FMT_NQUADS, stdout, &sink), CG_ERR_USAGE);
    cg_graph_free(g);
}

/* ---- diagrams --------------------------------------------------------- */

static void test_dot(void **state)
{
    (void)state;
    CgGraph *g = sample_finished(false);
    char *dot = export_to_string(g, CG_FMT_DOT, NULL);
    const char *expect[] = {
        "digraph claimgraph {",
        "\"kim-jong-un\"\t[fillcolor=\"#E69F00\",",
        "label=\"Kim Jong Un\"",
        "tooltip=\"Kim Jong Un (Person, kim-jong-un)",
        "shape=box",
        "shape=octagon",
        "\"north-korea\" -> russia\t[",
        "label=\"deploysTroopsTo (2)\"",
        "\"kim-jong-un\" -> \"vladimir-putin\"\t[",
        "dir=none",
        "label=\"meets (1)\"",
    };
    for (size_t i = 0; i < sizeof expect / sizeof expect[0]; ++i) {
        if (!strstr(dot, expect[i])) {
            fail_msg("missing %s in\n%s", expect[i], dot);
        }
    }
    char *again = export_to_string(g, CG_FMT_DOT, NULL);
    assert_string_equal(dot, again);
    free(again);
    free(dot);
    cg_graph_free(g);
}

/* Read back, the DOT must give Graphviz the label with its backslash doubled
 * and the newline as "\n": the escString that draws the original text. */
static void test_dot_escaping(void **state)
{
    (void)state;
    CgGraph *g = sample_finished(false);
    char *dot = export_to_string(g, CG_FMT_DOT, NULL);
    Agraph_t *ag = agmemread(dot);
    assert_non_null(ag);
    Agnode_t *n = agnode(ag, "wagner", 0);
    assert_non_null(n);
    assert_string_equal(agget(n, "label"),
                        "He said \"hi\" \\\\ <script>alert(1)</script>\\nnext");
    assert_int_equal(agnnodes(ag), 5);
    assert_int_equal(agnedges(ag), 3);
    agclose(ag);
    free(dot);
    cg_graph_free(g);
}

static void test_svg(void **state)
{
    (void)state;
    CgGraph *g = sample_finished(false);
    char *svg = export_to_string(g, CG_FMT_SVG, NULL);
    assert_non_null(strstr(svg, "<svg"));
    assert_non_null(strstr(svg, ">Kim Jong Un</text>"));
    assert_non_null(strstr(svg, ">North Korea</text>"));
    assert_non_null(strstr(svg, ">deploysTroopsTo (2)</text>"));
    assert_non_null(strstr(svg, "He said &quot;hi&quot; \\ &lt;script&gt;alert(1)&lt;/script&gt;"));
    assert_null(strstr(svg, "<script"));
    char *again = export_to_string(g, CG_FMT_SVG, NULL);
    assert_string_equal(svg, again);
    free(again);
    free(svg);
    cg_graph_free(g);
}

static void test_png_pdf(void **state)
{
    (void)state;
    CgGraph *g = sample_finished(false);
    size_t n1, n2;
    char *png = export_to_string(g, CG_FMT_PNG, &n1);
    assert_true(n1 > 8);
    assert_memory_equal(png, "\x89PNG\r\n\x1a\n", 8);
    free(png);
    char *pdf = export_to_string(g, CG_FMT_PDF, &n1);
    assert_memory_equal(pdf, "%PDF-", 5);
    sleep(1); /* a timestamp would now differ */
    char *pdf2 = export_to_string(g, CG_FMT_PDF, &n2);
    assert_int_equal(n1, n2);
    assert_memory_equal(pdf, pdf2, n1);
    free(pdf);
    free(pdf2);
    cg_graph_free(g);
}

static void test_empty_graph(void **state)
{
    (void)state;
    CgGraph *g = cg_graph_new();
    cg_graph_finish(g);
    CgGraph *back = round_trip(g, CG_FMT_TURTLE, "ttl");
    assert_int_equal(cg_graph_entity_count(back), 0);
    char *dot = export_to_string(g, CG_FMT_DOT, NULL);
    assert_non_null(strstr(dot, "digraph claimgraph {"));
    char *svg = export_to_string(g, CG_FMT_SVG, NULL);
    assert_non_null(strstr(svg, "<svg"));
    free(dot);
    free(svg);
    cg_graph_free(back);
    cg_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_names),
        cmocka_unit_test(test_turtle_round_trip),
        cmocka_unit_test(test_ntriples_and_nquads_round_trip),
        cmocka_unit_test(test_ntriples_lines),
        cmocka_unit_test(test_cut_quote),
        cmocka_unit_test(test_rdf_deterministic),
        cmocka_unit_test(test_turtle_prefixes_and_rapper),
        cmocka_unit_test(test_base_and_encoded_ids),
        cmocka_unit_test(test_import_plain_relations),
        cmocka_unit_test(test_import_errors),
        cmocka_unit_test(test_write_errors),
        cmocka_unit_test(test_dot),
        cmocka_unit_test(test_dot_escaping),
        cmocka_unit_test(test_svg),
        cmocka_unit_test(test_png_pdf),
        cmocka_unit_test(test_empty_graph),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
