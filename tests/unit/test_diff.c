/* Unit tests for diff/: terms compared as terms, canonical blank-node
 * labels (renamed, symmetric and 1-WL-equivalent graphs), patches written,
 * read and applied (properties on generated graphs), the summary and the
 * diagram, and error positions. */
#include "diff/diff.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

/* ---- helpers ---------------------------------------------------------- */

typedef struct {
    size_t count;
    unsigned line, col;
    char file[128];
    char msg[512];
} Collected;

static void collect(void *ctx, const CgDiag *d)
{
    Collected *c = ctx;
    if (d->severity != CG_SEV_ERROR || c->count++) {
        return; /* keep the first error */
    }
    c->line = d->line;
    c->col = d->col;
    snprintf(c->file, sizeof c->file, "%s", d->file ? d->file : "");
    snprintf(c->msg, sizeof c->msg, "%s", d->msg);
}

static CgRdfGraph *load_as(CgTermTable *terms, const char *text, CgSyntax syntax)
{
    const CgLoadOptions o = {syntax, NULL};
    Collected c = {0};
    CgDiagSink sink = {collect, &c, 0, 0};
    CgRdfGraph *g = NULL;
    const CgStatus st = cg_diff_load_string(terms, text, "test", &o, &sink, &g);
    if (st) {
        fprintf(stderr, "load failed: %u:%u: %s\n", c.line, c.col, c.msg);
    }
    assert_int_equal(st, CG_OK);
    return g;
}

static CgRdfGraph *load(CgTermTable *terms, const char *text)
{
    return load_as(terms, text, CG_SYNTAX_NTRIPLES);
}

/* The patch from a to b, as text (caller frees). */
static char *patch_text(const CgRdfGraph *a, const CgRdfGraph *b)
{
    char *data = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&data, &n);
    CgDiff *d = cg_diff_new(a, b);
    assert_int_equal(cg_diff_write(d, CG_DIFF_PATCH, f, NULL), CG_OK);
    cg_diff_free(d);
    assert_int_equal(fclose(f), 0);
    return data;
}

/* The A and D rows of a written patch (its H, TX and TC lines not counted). */
static size_t count_rows(const char *text)
{
    size_t n = 0;
    for (const char *p = text; *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : p + strlen(p)) {
        n += (p[0] == 'A' || p[0] == 'D') && p[1] == ' ';
    }
    return n;
}

static bool same_graph(const CgRdfGraph *a, const CgRdfGraph *b)
{
    CgDiff *d = cg_diff_new(a, b);
    const bool same = !cg_diff_added_count(d) && !cg_diff_removed_count(d);
    cg_diff_free(d);
    return same;
}

/* Loads both texts into one table and tells whether they are isomorphic. */
static bool isomorphic(const char *x, const char *y)
{
    CgTermTable *terms = cg_diff_terms_new();
    CgRdfGraph *a = load(terms, x), *b = load(terms, y);
    const bool same = same_graph(a, b);
    cg_diff_graph_free(a);
    cg_diff_graph_free(b);
    cg_diff_terms_free(terms);
    return same;
}

/* ---- a tiny graph builder: edges between numbered blank nodes ---------- */

typedef struct {
    char *text;
    size_t len, cap;
} Text;

static void text_printf(Text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char line[512];
    const int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    assert_true(n >= 0 && (size_t)n < sizeof line);
    if (t->len + (size_t)n + 1 > t->cap) {
        t->cap = (t->len + (size_t)n + 1) * 2;
        t->text = realloc(t->text, t->cap);
        assert_non_null(t->text);
    }
    memcpy(t->text + t->len, line, (size_t)n + 1);
    t->len += (size_t)n;
}

static uint64_t rng_next(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static unsigned rng_below(uint64_t *s, unsigned n)
{
    return (unsigned)(rng_next(s) % n);
}

static void shuffle(unsigned *a, size_t n, uint64_t *seed)
{
    for (size_t i = n; i > 1; --i) {
        const unsigned j = rng_below(seed, (unsigned)i), t = a[i - 1];
        a[i - 1] = a[j];
        a[j] = t;
    }
}

typedef struct {
    unsigned from, to;
    const char *predicate;
} Edge;

/* N-Triples for `edges` over blank nodes, with blank nodes renamed by a
 * random permutation and lines shuffled when `seed` is not 0. */
static char *blank_graph(const Edge *edges, size_t n, unsigned n_nodes, uint64_t seed)
{
    unsigned *name = malloc((n_nodes + 1) * sizeof *name), *order = malloc((n + 1) * sizeof *order);
    for (unsigned i = 0; i < n_nodes; ++i) {
        name[i] = i;
    }
    for (unsigned i = 0; i < n; ++i) {
        order[i] = i;
    }
    if (seed) {
        shuffle(name, n_nodes, &seed);
        shuffle(order, n, &seed);
    }
    Text t = {0};
    text_printf(&t, "");
    for (size_t i = 0; i < n; ++i) {
        const Edge *e = &edges[order[i]];
        text_printf(&t, "_:n%u <http://ex.org/%s> _:n%u .\n", name[e->from], e->predicate,
                    name[e->to]);
    }
    free(name);
    free(order);
    return t.text;
}

static bool edges_isomorphic(const Edge *a, size_t na, unsigned nodes_a, const Edge *b,
                             size_t nb, unsigned nodes_b, uint64_t seed)
{
    char *x = blank_graph(a, na, nodes_a, 0), *y = blank_graph(b, nb, nodes_b, seed);
    const bool same = isomorphic(x, y);
    free(x);
    free(y);
    return same;
}

/* A directed cycle over nodes first..first+len-1. */
static size_t add_cycle(Edge *edges, size_t n, unsigned first, unsigned len, bool both_ways)
{
    for (unsigned i = 0; i < len; ++i) {
        const unsigned a = first + i, b = first + (i + 1) % len;
        edges[n++] = (Edge){a, b, "next"};
        if (both_ways) {
            edges[n++] = (Edge){b, a, "next"};
        }
    }
    return n;
}

/* ---- tests: terms ------------------------------------------------------- */

static void test_free_null(void **state)
{
    (void)state;
    cg_diff_terms_free(NULL);
    cg_diff_graph_free(NULL);
    cg_diff_free(NULL);
    cg_patch_free(NULL);
}

static void test_names(void **state)
{
    (void)state;
    CgSyntax s;
    assert_int_equal(cg_diff_syntax_from_path("a/b.nt", &s), CG_OK);
    assert_int_equal(s, CG_SYNTAX_NTRIPLES);
    assert_int_equal(cg_diff_syntax_from_path("x.rdf", &s), CG_OK);
    assert_int_equal(s, CG_SYNTAX_RDFXML);
    assert_int_equal(cg_diff_syntax_from_path("x.trig", &s), CG_OK);
    assert_int_equal(s, CG_SYNTAX_TRIG);
    assert_int_equal(cg_diff_syntax_from_name("trig", &s), CG_OK);
    assert_int_equal(s, CG_SYNTAX_TRIG);
    assert_int_equal(cg_diff_syntax_from_path("x.nq", &s), CG_OK);
    assert_int_equal(s, CG_SYNTAX_NQUADS);
    assert_int_not_equal(cg_diff_syntax_from_path("dir.ttl/x", &s), CG_OK);
    assert_int_not_equal(cg_diff_syntax_from_path(".ttl", &s), CG_OK);
    assert_int_equal(cg_diff_syntax_from_name("turtle", &s), CG_OK);
    assert_int_equal(s, CG_SYNTAX_TURTLE);
    assert_int_not_equal(cg_diff_syntax_from_name("json", &s), CG_OK);
    CgDiffFormat f;
    assert_int_equal(cg_diff_format_from_name("patch", &f), CG_OK);
    assert_int_equal(f, CG_DIFF_PATCH);
    assert_int_not_equal(cg_diff_format_from_name("html", &f), CG_OK);
}

/* Prefixes, abbreviations, escapes, xsd:string and language-tag case are
 * spelling, not content. */
static void test_terms_compare_as_terms(void **state)
{
    (void)state;
    static const char *ttl =
        "@prefix ex: <http://ex.org/> .\n@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        "ex:s ex:p \"A\\u00e9\" , \"x\"@EN-GB , 42 , \"t\"^^xsd:string ;\n"
        "     ex:q \"\"\"two\nlines\"\"\" ; a ex:C .\n";
    static const char *nt =
        "<http://ex.org/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://ex.org/C> .\n"
        "<http://ex.org/s> <http://ex.org/q> \"two\\nlines\" .\n"
        "<http://ex.org/s> <http://ex.org/p> \"t\" .\n"
        "<http://ex.org/s> <http://ex.org/p> \"42\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
        "<http://ex.org/s> <http://ex.org/p> \"x\"@en-gb .\n"
        "<http://ex.org/s> <http://ex.org/p> \"A\xc3\xa9\" .\n"
        "<http://ex.org/s> <http://ex.org/p> \"A\xc3\xa9\" .\n"; /* a duplicate */
    CgTermTable *terms = cg_diff_terms_new();
    CgRdfGraph *a = load_as(terms, ttl, CG_SYNTAX_TURTLE), *b = load(terms, nt);
    assert_int_equal(cg_diff_graph_size(a), 6);
    assert_true(same_graph(a, b));
    cg_diff_graph_free(a);
    cg_diff_graph_free(b);
    cg_diff_terms_free(terms);
}

static void test_rdfxml_and_nquads(void **state)
{
    (void)state;
    static const char *xml =
        "<?xml version=\"1.0\"?>\n"
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"\n"
        "  xmlns:ex=\"http://ex.org/\">\n  <rdf:Description rdf:about=\"http://ex.org/s\">\n"
        "    <ex:p><rdf:Description><ex:q>v</ex:q></rdf:Description></ex:p>\n"
        "  </rdf:Description>\n</rdf:RDF>\n";
    static const char *nt = "<http://ex.org/s> <http://ex.org/p> _:x .\n"
                            "_:x <http://ex.org/q> \"v\" .\n";
    static const char *nq = "<http://ex.org/s> <http://ex.org/p> _:x <http://ex.org/g> .\n"
                            "_:x <http://ex.org/q> \"v\" .\n";
    CgTermTable *terms = cg_diff_terms_new();
    CgRdfGraph *a = load_as(terms, xml, CG_SYNTAX_RDFXML), *b = load(terms, nt);
    CgRdfGraph *c = load_as(terms, nq, CG_SYNTAX_NQUADS);
    assert_true(same_graph(a, b));
    assert_false(same_graph(b, c)); /* the graph name is part of the quad */
    char *p = patch_text(b, c);
    assert_non_null(strstr(p, "<http://ex.org/g> .\n"));
    free(p);
    cg_diff_graph_free(a);
    cg_diff_graph_free(b);
    cg_diff_graph_free(c);
    cg_diff_terms_free(terms);
}

/* ---- tests: canonical blank-node labels -------------------------------- */

static void test_renamed_blank_nodes_are_equal(void **state)
{
    (void)state;
    assert_true(isomorphic("_:a <http://ex.org/p> _:b .\n_:b <http://ex.org/q> \"x\" .\n"
                           "<http://ex.org/s> <http://ex.org/r> _:a .\n",
                           "<http://ex.org/s> <http://ex.org/r> _:zz .\n"
                           "_:y <http://ex.org/q> \"x\" .\n_:zz <http://ex.org/p> _:y .\n"));
    assert_false(isomorphic("_:a <http://ex.org/p> _:b .\n_:b <http://ex.org/q> \"x\" .\n",
                            "_:a <http://ex.org/p> _:b .\n_:a <http://ex.org/q> \"x\" .\n"));
}

/* Colour refinement sees every node of both as "one in, one out": only the
 * search tells two 3-cycles from one 6-cycle. */
static void test_two_triangles_are_not_a_hexagon(void **state)
{
    (void)state;
    Edge two[6], six[6];
    add_cycle(two, add_cycle(two, 0, 0, 3, false), 3, 3, false);
    add_cycle(six, 0, 0, 6, false);
    assert_false(edges_isomorphic(two, 6, 6, six, 6, 6, 0));
    assert_false(edges_isomorphic(six, 6, 6, two, 6, 6, 7));
    for (uint64_t seed = 1; seed <= 5; ++seed) {
        assert_true(edges_isomorphic(two, 6, 6, two, 6, 6, seed));
        assert_true(edges_isomorphic(six, 6, 6, six, 6, 6, seed));
    }
}

/* A ring whose nodes all look alike, one way and both ways round. */
static void test_rings(void **state)
{
    (void)state;
    Edge ring[400], bigger[402];
    for (int both = 0; both < 2; ++both) {
        const size_t n = add_cycle(ring, 0, 0, 200, both);
        const size_t m = add_cycle(bigger, 0, 0, 201, both);
        for (uint64_t seed = 1; seed <= 3; ++seed) {
            assert_true(edges_isomorphic(ring, n, 200, ring, n, 200, seed));
        }
        assert_false(edges_isomorphic(ring, n, 200, bigger, m, 201, 3));
    }
}

/* The same nodes wired differently: K3,3 and the triangular prism are both
 * 3-regular on six nodes (1-WL-equivalent), and not isomorphic. */
static void test_wiring_of_identical_nodes(void **state)
{
    (void)state;
    static const unsigned k33[9][2] = {{0, 3}, {0, 4}, {0, 5}, {1, 3}, {1, 4},
                                       {1, 5}, {2, 3}, {2, 4}, {2, 5}};
    static const unsigned prism[9][2] = {{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 5},
                                         {5, 3}, {0, 3}, {1, 4}, {2, 5}};
    Edge a[18], b[18];
    for (int i = 0; i < 9; ++i) {
        a[2 * i] = (Edge){k33[i][0], k33[i][1], "knows"};
        a[2 * i + 1] = (Edge){k33[i][1], k33[i][0], "knows"};
        b[2 * i] = (Edge){prism[i][0], prism[i][1], "knows"};
        b[2 * i + 1] = (Edge){prism[i][1], prism[i][0], "knows"};
    }
    assert_false(edges_isomorphic(a, 18, 6, b, 18, 6, 11));
    assert_true(edges_isomorphic(a, 18, 6, a, 18, 6, 12));
    assert_true(edges_isomorphic(b, 18, 6, b, 18, 6, 13));
    /* two 2-cycles against one 4-cycle, with identical decorations */
    Edge c22[4], c4[4];
    add_cycle(c22, add_cycle(c22, 0, 0, 2, false), 2, 2, false);
    add_cycle(c4, 0, 0, 4, false);
    assert_false(edges_isomorphic(c22, 4, 4, c4, 4, 4, 5));
}

static char *many_lone_nodes(unsigned n, uint64_t seed)
{
    Text t = {0};
    text_printf(&t, "");
    for (unsigned i = 0; i < n; ++i) {
        text_printf(&t, "_:x%u <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                        "<http://ex.org/T> .\n",
                    (unsigned)(seed ? (i * 7919u + seed) % 100003u : i));
    }
    return t.text;
}

/* Many identical components ([] a :T) stay many, and any numbering of them
 * gives the same quads. */
static void test_identical_components(void **state)
{
    (void)state;
    CgTermTable *terms = cg_diff_terms_new();
    char *x = many_lone_nodes(1000, 0), *y = many_lone_nodes(1000, 5), *z = many_lone_nodes(999, 3);
    CgRdfGraph *a = load(terms, x), *b = load(terms, y), *c = load(terms, z);
    assert_int_equal(cg_diff_graph_size(a), 1000);
    assert_true(same_graph(a, b));
    char *p = patch_text(a, c);
    assert_int_equal(count_rows(p), 1);
    assert_non_null(strstr(p, "TX .\nD "));
    free(p);
    free(x);
    free(y);
    free(z);
    cg_diff_graph_free(a);
    cg_diff_graph_free(b);
    cg_diff_graph_free(c);
    cg_diff_terms_free(terms);
}

/* A subject with many interchangeable blank objects, and nested twins. */
static void test_twins(void **state)
{
    (void)state;
    Edge e[700];
    size_t n = 0;
    for (unsigned i = 1; i <= 300; ++i) {
        e[n++] = (Edge){0, i, "has"};
    }
    for (unsigned i = 301; i <= 400; ++i) {
        e[n++] = (Edge){(i % 3) + 1, i, "tag"}; /* three children get 33-34 tags each */
    }
    assert_true(edges_isomorphic(e, n, 401, e, n, 401, 21));
    e[n - 1].from = 5; /* move one tag to another child */
    char *x = blank_graph(e, n, 401, 0);
    e[n - 1].from = (400 % 3) + 1;
    char *y = blank_graph(e, n, 401, 22);
    assert_false(isomorphic(x, y));
    free(x);
    free(y);
}

/* Many identical blank subtrees under one node (the children are not
 * twins: each has a grandchild of its own).  Equal when renamed; and one
 * subtree less is a small patch, not a relabelling of all the others. */
static void test_identical_subtrees(void **state)
{
    (void)state;
    enum { N = 2000 };
    static Edge e[2 * N];
    for (unsigned i = 1; i <= N; ++i) {
        e[2 * (i - 1)] = (Edge){0, i, "part"};
        e[2 * (i - 1) + 1] = (Edge){i, N + i, "part"};
    }
    assert_true(edges_isomorphic(e, 2 * N, 2 * N + 1, e, 2 * N, 2 * N + 1, 31));
    char *x = blank_graph(e, 2 * N, 2 * N + 1, 0), *y = blank_graph(e, 2 * N - 1, 2 * N + 1, 32);
    CgTermTable *terms = cg_diff_terms_new();
    CgRdfGraph *a = load(terms, x), *b = load(terms, y);
    char *p = patch_text(a, b);
    assert_true(count_rows(p) <= 3); /* the edge, and at most its two ends relabelled */
    free(p);
    free(x);
    free(y);
    cg_diff_graph_free(a);
    cg_diff_graph_free(b);
    cg_diff_terms_free(terms);
}

/* ---- generated graphs --------------------------------------------------- */

static const char *const gen_literals[] = {
    "\"plain\"",
    "\"with \\\"quotes\\\" and \\\\ backslash\"",
    "\"new\\nline\\ttab\\r\"",
    "\"caf\\u00E9 \\U0001F600\"",
    "\"x\"@en",
    "\"x\"@de-CH",
    "\"42\"^^<http://www.w3.org/2001/XMLSchema#integer>",
    "\"\"",
    "\"\\b\\f \\u0001 ctl\"",
    "\"<not an IRI> _:nor a blank\"",
};

#define N_GEN_LITERALS (sizeof gen_literals / sizeof gen_literals[0])

typedef struct {
    unsigned kind[3]; /* 0 IRI, 1 blank node, 2 literal */
    unsigned value[3];
} GenTriple;

static GenTriple gen_triple(uint64_t *seed, unsigned n_blank)
{
    GenTriple t;
    t.kind[0] = rng_below(seed, 5) < 2 ? 1 : 0;
    t.kind[1] = 0;
    const unsigned o = rng_below(seed, 10);
    t.kind[2] = o < 3 ? 1 : o < 6 ? 0 : 2;
    t.value[0] = rng_below(seed, t.kind[0] ? n_blank : 40);
    t.value[1] = rng_below(seed, 5);
    t.value[2] = rng_below(seed, t.kind[2] == 1 ? n_blank : t.kind[2] ? N_GEN_LITERALS : 40);
    return t;
}

static void gen_term(Text *t, unsigned kind, unsigned value, const unsigned *names, int pos)
{
    if (kind == 1) {
        text_printf(t, "_:b%u", names[value]);
    } else if (kind == 2) {
        text_printf(t, "%s", gen_literals[value]);
    } else {
        text_printf(t, pos == 1 ? "<http://ex.org/p%u>" : "<http://ex.org/r%u>", value);
    }
}

static char *gen_text(const GenTriple *ts, size_t n, unsigned n_blank, uint64_t relabel)
{
    unsigned *names = malloc((n_blank + 1) * sizeof *names);
    unsigned *order = malloc((n + 1) * sizeof *order);
    for (unsigned i = 0; i < n_blank; ++i) {
        names[i] = i;
    }
    for (unsigned i = 0; i < n; ++i) {
        order[i] = i;
    }
    if (relabel) {
        shuffle(names, n_blank, &relabel);
        shuffle(order, n, &relabel);
    }
    Text t = {0};
    text_printf(&t, "");
    for (size_t i = 0; i < n; ++i) {
        for (int a = 0; a < 3; ++a) {
            gen_term(&t, ts[order[i]].kind[a], ts[order[i]].value[a], names, a);
            text_printf(&t, " ");
        }
        text_printf(&t, ".\n");
    }
    free(names);
    free(order);
    return t.text;
}

/* NEW: OLD with about a tenth of its triples dropped and as many added
 * (new blank nodes included). */
static size_t gen_mutate(const GenTriple *old, size_t n, GenTriple *out, uint64_t *seed,
                         unsigned n_blank)
{
    size_t m = 0;
    for (size_t i = 0; i < n; ++i) {
        if (rng_below(seed, 10)) {
            out[m++] = old[i];
        }
    }
    for (size_t i = 0; i < n / 10 + 1; ++i) {
        out[m++] = gen_triple(seed, n_blank + 10);
    }
    return m;
}

static CgRdfGraph *apply_text(CgTermTable *terms, const CgRdfGraph *g, char *patch)
{
    FILE *f = fmemopen(patch, strlen(patch), "r");
    CgPatch *p = NULL;
    assert_int_equal(cg_patch_read(terms, f, "patch", NULL, &p), CG_OK);
    fclose(f);
    CgRdfGraph *out = NULL;
    assert_int_equal(cg_patch_apply(p, g, NULL, &out), CG_OK);
    cg_patch_free(p);
    return out;
}

/* Writes `g` in `format` and reads it back. */
static CgRdfGraph *rewrite(CgTermTable *terms, const CgRdfGraph *g, CgFormat format,
                           CgSyntax syntax)
{
    char *data = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&data, &n);
    assert_int_equal(cg_diff_graph_write(g, format, f, NULL), CG_OK);
    assert_int_equal(fclose(f), 0);
    CgRdfGraph *back = load_as(terms, data, syntax);
    free(data);
    return back;
}

/* patch(OLD, diff(OLD, NEW)) == NEW; diff(A, A) is empty; a renamed and
 * reordered NEW is NEW; NEW written by a Raptor serialiser is NEW. */
static void check_generated(uint64_t seed, unsigned n_blank, size_t n)
{
    GenTriple *old = malloc(n * sizeof *old), *new_ = malloc((n + n / 10 + 2) * sizeof *new_);
    for (size_t i = 0; i < n; ++i) {
        old[i] = gen_triple(&seed, n_blank);
    }
    const size_t m = gen_mutate(old, n, new_, &seed, n_blank);
    char *old_text = gen_text(old, n, n_blank, 0), *new_text = gen_text(new_, m, n_blank + 10, 0);
    char *renamed = gen_text(new_, m, n_blank + 10, seed | 1);
    CgTermTable *terms = cg_diff_terms_new();
    CgRdfGraph *a = load(terms, old_text), *b = load(terms, new_text), *b2 = load(terms, renamed);
    assert_true(same_graph(a, a));
    assert_true(same_graph(b, b2));
    char *patch = patch_text(a, b);
    CgRdfGraph *patched = apply_text(terms, a, patch);
    assert_true(same_graph(patched, b));
    CgRdfGraph *ttl = rewrite(terms, patched, CG_FMT_TURTLE, CG_SYNTAX_TURTLE);
    CgRdfGraph *nt = rewrite(terms, patched, CG_FMT_NTRIPLES, CG_SYNTAX_NTRIPLES);
    assert_true(same_graph(ttl, b));
    assert_true(same_graph(nt, b));
    CgRdfGraph *graphs[] = {a, b, b2, patched, ttl, nt};
    for (size_t i = 0; i < sizeof graphs / sizeof graphs[0]; ++i) {
        cg_diff_graph_free(graphs[i]);
    }
    cg_diff_terms_free(terms);
    free(patch);
    free(old_text);
    free(new_text);
    free(renamed);
    free(old);
    free(new_);
}

static void test_generated_round_trips(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= 8; ++seed) {
        check_generated(seed * 0x9e3779b97f4a7c15u, 5 + (unsigned)seed * 7, 60 + seed * 40);
    }
}

/* Few blank nodes, few predicates, many triples: lots of ties to break. */
static void test_generated_dense_blank_graphs(void **state)
{
    (void)state;
    for (uint64_t seed = 11; seed <= 16; ++seed) {
        check_generated(seed * 0x2545f4914f6cdd1du, 4, 30);
    }
}

/* Random unions of short cycles (2-regular, all nodes alike to refinement)
 * compared with renamed copies of themselves. */
static void test_random_cycle_unions(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= 10; ++seed) {
        uint64_t s = seed * 0x9e3779b97f4a7c15u;
        Edge e[120];
        size_t n = 0;
        unsigned nodes = 0;
        while (nodes < 50) {
            const unsigned len = 2 + rng_below(&s, 5);
            n = add_cycle(e, n, nodes, len, false);
            nodes += len;
        }
        assert_true(edges_isomorphic(e, n, nodes, e, n, nodes, seed + 100));
    }
}

/* ---- patches ------------------------------------------------------------ */

static CgStatus read_patch(CgTermTable *terms, const char *text, Collected *c, CgPatch **out)
{
    CgDiagSink sink = {collect, c, 0, 0};
    FILE *f = fmemopen((void *)text, strlen(text), "r");
    const CgStatus st = cg_patch_read(terms, f, "p.rdfp", &sink, out);
    fclose(f);
    return st;
}

static void test_patch_syntax(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        unsigned line, col;
        const char *msg;
    } bad[] = {
        {"A <http://a> <http://b> \"open .\n", 1, 25, "unterminated string"},
        {"# c\n\nX <http://a> <http://b> <http://c> .\n", 3, 1, "PD, A or D"},
        {"TX .\nTX .\nTC .\n", 2, 1, "TX inside the transaction begun on line 1"},
        {"A <http://a> <http://b> <http://c> .\nTC .\n", 2, 1, "TC without a transaction"},
        {"TA .\n", 1, 1, "TA without a transaction"},
        {"H id <urn:x> .\nTX .\nA <http://a> <http://b> <http://c> .\n", 2, 1, "not ended"},
        {"H id .\n", 1, 6, "expected a header value"},
        {"H <urn:x> <urn:y> .\n", 1, 3, "expected a header key"},
        {"H id <urn:x>\n", 1, 13, "expected '.'"},
        {"H id <urn:x> .\nH id <urn:y> .\n", 2, 3, "given twice"},
        {"TX .\nTC .\nH id <urn:x> .\n", 3, 1, "must come before the rows"},
        {"PA \"ex\" .\n", 1, 9, "the prefix's IRI"},
        {"TX\n", 1, 3, "expected '.'"},
        {"D <http://a> _:p <http://c> .\n", 1, 14, "predicate must be an IRI"},
        {"A \"s\" <http://b> <http://c> .\n", 1, 3, "subject must be"},
        {"A <http://a> <http://b> <http://c> . x\n", 1, 38, "unexpected text"},
        {"A <http://a> <http://b> <http://c>\n", 1, 35, "expected '.'"},
        {"A <http://a> <http://b> ex:c .\n", 1, 25, "prefixed names"},
        {"A <http://a> <http://b> \"\\q\" .\n", 1, 26, "unknown escape"},
        {"A <http://a b> <http://b> <http://c> .\n", 1, 12, "not allowed in an IRI"},
    };
    CgTermTable *terms = cg_diff_terms_new();
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; ++i) {
        Collected c = {0};
        CgPatch *p = NULL;
        assert_int_equal(read_patch(terms, bad[i].text, &c, &p), CG_ERR_SYNTAX);
        assert_null(p);
        assert_string_equal(c.file, "p.rdfp");
        assert_int_equal(c.line, bad[i].line);
        assert_int_equal(c.col, bad[i].col);
        assert_non_null(strstr(c.msg, bad[i].msg));
    }
    Collected c = {0};
    CgPatch *p = NULL;
    assert_int_equal(read_patch(terms, "H id <urn:x> .\nTX .\n# note\n"
                                       "A _:b <http://p> \"v\"@en <http://g> . # ok\nTC .\n",
                                &c, &p),
                     CG_OK);
    assert_int_equal(cg_patch_size(p), 1);
    cg_patch_free(p);
    cg_diff_terms_free(terms);
}

static void test_patch_conflicts_and_order(void **state)
{
    (void)state;
    CgTermTable *terms = cg_diff_terms_new();
    CgRdfGraph *g = load(terms, "<http://a> <http://p> \"1\" .\n");
    CgPatch *p = NULL;
    Collected c = {0};
    CgDiagSink sink = {collect, &c, 0, 0};
    /* delete then add back: fine in order */
    assert_int_equal(read_patch(terms,
                                "D <http://a> <http://p> \"1\" .\n"
                                "A <http://a> <http://p> \"1\" .\n",
                                &c, &p),
                     CG_OK);
    CgRdfGraph *out = NULL;
    assert_int_equal(cg_patch_apply(p, g, &sink, &out), CG_OK);
    assert_true(same_graph(out, g));
    cg_diff_graph_free(out);
    cg_patch_free(p);
    assert_int_equal(read_patch(terms,
                                "A <http://a> <http://p> \"2\" .\n"
                                "D <http://a> <http://p> \"3\" .\n",
                                &c, &p),
                     CG_OK);
    out = NULL;
    assert_int_equal(cg_patch_apply(p, g, &sink, &out), CG_FAILURE);
    assert_null(out);
    assert_int_equal(c.line, 2);
    assert_non_null(strstr(c.msg, "not in the graph"));
    cg_patch_free(p);
    cg_diff_graph_free(g);
    cg_diff_terms_free(terms);
}

static void test_named_graphs_need_nquads(void **state)
{
    (void)state;
    CgTermTable *terms = cg_diff_terms_new();
    CgRdfGraph *g = load_as(terms, "<http://a> <http://p> <http://o> <http://g> .\n",
                            CG_SYNTAX_NQUADS);
    char *data = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&data, &n);
    CgDiagSink quiet = {collect, &(Collected){0}, 0, 0};
    assert_int_equal(cg_diff_graph_write(g, CG_FMT_TURTLE, f, &quiet), CG_ERR_USAGE);
    assert_int_equal(cg_diff_graph_write(g, CG_FMT_NQUADS, f, NULL), CG_OK);
    fclose(f);
    assert_non_null(strstr(data, "<http://g>"));
    free(data);
    cg_diff_graph_free(g);
    cg_diff_terms_free(terms);
}

/* ---- reports ------------------------------------------------------------ */

#define ENT "<https://example.org/claimgraph/entity/"
#define NS "<https://w3id.org/claimgraph/ns#"
#define RDF "<http://www.w3.org/1999/02/22-rdf-syntax-ns#"

static const char *const report_old =
    ENT "a> " RDF "type> " NS "Person> .\n" ENT "b> " RDF "type> " NS "Country> .\n"
    ENT "c> " RDF "type> " NS "Country> .\n"
    ENT "a> " NS "officialOf> " ENT "b> .\n"
    "<http://e/1> " RDF "type> " NS "Evidence> .\n<http://e/1> " NS "quote> \"A leads B.\" .\n"
    "<http://e/1> " RDF "subject> " ENT "a> .\n<http://e/1> " RDF "predicate> " NS "officialOf> .\n"
    "<http://e/1> " RDF "object> " ENT "b> .\n"
    "<http://e/1> <http://www.w3.org/ns/prov#wasDerivedFrom> <http://d/1> .\n"
    "<http://d/1> " NS "path> \"news/a.txt\" .\n";

static const char *const report_new_extra =
    ENT "d> " RDF "type> " NS "Person> .\n" ENT "d> " NS "metWith> " ENT "a> .\n"
    ENT "d> <http://www.w3.org/2000/01/rdf-schema#label> \"Dee \\\\ \\\"D\\\"\" .\n"
    "<http://e/2> " RDF "type> " NS "Evidence> .\n<http://e/2> " NS "quote> \"D met A.\" .\n"
    "<http://e/2> " RDF "subject> " ENT "d> .\n<http://e/2> " RDF "predicate> " NS "metWith> .\n"
    "<http://e/2> " RDF "object> " ENT "a> .\n";

static char *report(CgDiffFormat format, bool reversed)
{
    CgTermTable *terms = cg_diff_terms_new();
    char both[4096];
    snprintf(both, sizeof both, "%s%s", report_old, report_new_extra);
    CgRdfGraph *a = load(terms, report_old), *b = load(terms, both);
    CgDiff *d = reversed ? cg_diff_new(b, a) : cg_diff_new(a, b);
    char *data = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&data, &n);
    assert_int_equal(cg_diff_write(d, format, f, NULL), CG_OK);
    assert_int_equal(fclose(f), 0);
    cg_diff_free(d);
    cg_diff_graph_free(a);
    cg_diff_graph_free(b);
    cg_diff_terms_free(terms);
    return data;
}

static void test_summary(void **state)
{
    (void)state;
    char *s = report(CG_DIFF_SUMMARY, false);
    assert_non_null(strstr(s, "entities           1         0\n"));
    assert_non_null(strstr(s, "relations          1         0\n"));
    assert_non_null(strstr(s, "evidence           1         0\n"));
    assert_non_null(strstr(s, "triples            8         0\n"));
    assert_non_null(strstr(s, "\n+ d metWith a\n    \"D met A.\"\n"));
    assert_null(strstr(s, "officialOf")); /* unchanged, with unchanged evidence */
    free(s);
    s = report(CG_DIFF_SUMMARY, true);
    assert_non_null(strstr(s, "relations          0         1\n"));
    assert_non_null(strstr(s, "\n- d metWith a\n    \"D met A.\"\n"));
    free(s);
}

static void test_diagram(void **state)
{
    (void)state;
    char *s = report(CG_DIFF_DOT, false);
    assert_non_null(strstr(s, "digraph"));
    assert_non_null(strstr(s, "#1a9850")); /* added: green */
    assert_null(strstr(s, "#d73027"));
    assert_non_null(strstr(s, "Dee \\\\ \\\"D\\\"")); /* escString, then DOT quoting */
    free(s);
    s = report(CG_DIFF_DOT, true);
    assert_non_null(strstr(s, "dashed")); /* removed: red and dashed */
    assert_non_null(strstr(s, "#d73027"));
    free(s);
    s = report(CG_DIFF_SVG, false);
    assert_non_null(strstr(s, "<svg"));
    assert_non_null(strstr(s, "metWith"));
    free(s);
}

/* ---- parse errors ------------------------------------------------------- */

static void test_parse_error_positions(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        CgSyntax syntax;
        unsigned line, col;
    } bad[] = {
        /* where the line ends inside the string */
        {"@prefix x: <http://x/> .\nx:a x:b x:c ;\n  x:d \"unterminated .\n", CG_SYNTAX_TURTLE,
         3, 21},
        /* (an error after the subject would do, but Raptor 2.0.15 then leaks
         * the terms it has parsed: tests/cli/diff_errors.sh covers it) */
        {"<http://a> <http://b> <http://c> .\n   x <http://b> <http://c> .\n",
         CG_SYNTAX_NTRIPLES, 2, 4},
        {"<r:RDF xmlns:r=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
         "<r:Description r:about=\"http://x\">\n  </r:RDF>\n",
         CG_SYNTAX_RDFXML, 3, 3},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; ++i) {
        CgTermTable *terms = cg_diff_terms_new();
        Collected c = {0};
        CgDiagSink sink = {collect, &c, 0, 0};
        const CgLoadOptions o = {bad[i].syntax, NULL};
        CgRdfGraph *g = NULL;
        assert_int_equal(cg_diff_load_string(terms, bad[i].text, "in.rdf", &o, &sink, &g),
                         CG_ERR_SYNTAX);
        assert_null(g);
        assert_string_equal(c.file, "in.rdf");
        assert_int_equal(c.line, bad[i].line);
        assert_int_equal(c.col, bad[i].col);
        cg_diff_terms_free(terms);
    }
}

/* ---- loading a pair ----------------------------------------------------- */

typedef struct {
    size_t n;
    char files[4][64];
} AllErrors;

static void collect_all(void *ctx, const CgDiag *d)
{
    AllErrors *a = ctx;
    if (d->severity == CG_SEV_ERROR && a->n < 4) {
        snprintf(a->files[a->n++], sizeof a->files[0], "%s", d->file ? d->file : "");
    }
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

/* Two files loaded at once (two threads, or one by one for RDF/XML) give
 * the graphs loaded one by one; when both are broken, both are reported,
 * OLD first. */
static void test_load_pair(void **state)
{
    (void)state;
    char paths[4][64];
    static const char *const ext[] = {"nt", "ttl", "rdf", "bad.nt"};
    static const char *const text[] = {
        "<http://ex.org/s> <http://ex.org/p> _:a .\n_:a <http://ex.org/q> \"v\" .\n",
        "<http://ex.org/s> <http://ex.org/p> [ <http://ex.org/q> \"v\" ] .\n",
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
        " xmlns:ex=\"http://ex.org/\">"
        "<rdf:Description rdf:about=\"http://ex.org/s\"><ex:p><rdf:Description><ex:q>v</ex:q>"
        "</rdf:Description></ex:p></rdf:Description></rdf:RDF>\n",
        "oops <http://ex.org/p> <http://ex.org/o> .\n"}; /* (no leak in Raptor this way) */
    for (int i = 0; i < 4; ++i) {
        snprintf(paths[i], sizeof paths[i], "/tmp/cg-test-diff-%ld.%s", (long)getpid(), ext[i]);
        write_text(paths[i], text[i]);
    }
    static const CgSyntax syntax[] = {CG_SYNTAX_NTRIPLES, CG_SYNTAX_TURTLE, CG_SYNTAX_RDFXML,
                                      CG_SYNTAX_NTRIPLES};
    static const int pairs[][2] = {{0, 1}, {1, 2}, {2, 0}};
    for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; ++k) {
        const int a = pairs[k][0], b = pairs[k][1];
        const char *const two[2] = {paths[a], paths[b]};
        const CgLoadOptions o[2] = {{syntax[a], NULL}, {syntax[b], NULL}};
        CgTermTable *terms = cg_diff_terms_new();
        CgRdfGraph *g[2];
        assert_int_equal(cg_diff_load_pair(terms, two, o, NULL, g), CG_OK);
        assert_true(same_graph(g[0], g[1]));
        CgRdfGraph *alone = load(terms, text[0]);
        assert_true(same_graph(g[1], alone));
        cg_diff_graph_free(alone);
        cg_diff_graph_free(g[0]);
        cg_diff_graph_free(g[1]);
        cg_diff_terms_free(terms);
    }
    AllErrors errors = {0};
    CgDiagSink sink = {collect_all, &errors, 0, 0};
    const char *const broken[2] = {paths[3], "/nonexistent/new.nt"};
    const CgLoadOptions o[2] = {{CG_SYNTAX_NTRIPLES, NULL}, {CG_SYNTAX_NTRIPLES, NULL}};
    CgTermTable *terms = cg_diff_terms_new();
    CgRdfGraph *g[2];
    assert_int_not_equal(cg_diff_load_pair(terms, broken, o, &sink, g), CG_OK);
    assert_null(g[0]);
    assert_null(g[1]);
    assert_int_equal(errors.n, 2);
    assert_string_equal(errors.files[0], paths[3]);
    assert_string_equal(errors.files[1], "/nonexistent/new.nt");
    cg_diff_terms_free(terms);
    for (int i = 0; i < 4; ++i) {
        remove(paths[i]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_free_null),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_terms_compare_as_terms),
        cmocka_unit_test(test_rdfxml_and_nquads),
        cmocka_unit_test(test_renamed_blank_nodes_are_equal),
        cmocka_unit_test(test_two_triangles_are_not_a_hexagon),
        cmocka_unit_test(test_rings),
        cmocka_unit_test(test_wiring_of_identical_nodes),
        cmocka_unit_test(test_identical_components),
        cmocka_unit_test(test_twins),
        cmocka_unit_test(test_identical_subtrees),
        cmocka_unit_test(test_generated_round_trips),
        cmocka_unit_test(test_generated_dense_blank_graphs),
        cmocka_unit_test(test_random_cycle_unions),
        cmocka_unit_test(test_patch_syntax),
        cmocka_unit_test(test_patch_conflicts_and_order),
        cmocka_unit_test(test_named_graphs_need_nquads),
        cmocka_unit_test(test_summary),
        cmocka_unit_test(test_diagram),
        cmocka_unit_test(test_parse_error_positions),
        cmocka_unit_test(test_load_pair),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
