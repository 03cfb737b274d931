/* A CgRdfGraph out through a Raptor2 serialiser.  Keys are parsed back into
 * terms here, the only place a graph turns into Raptor objects again. */
#include "diff_internal.h"

#include "../core/mem.h"
#include "../core/utf8.h"

#include <errno.h>
#include <raptor2.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    raptor_world *world;
    const CgTermTable *terms;
    CgBuf value, datatype;
} CgWriter;

static raptor_term *cg_raptor_term(CgWriter *w, uint32_t id)
{
    CgNtCursor c = {cg_diff_term_key(w->terms, id), 0, NULL};
    CgTermParts p;
    if (!cg_diff_nt_term(&c, &w->value, &w->datatype, &p)) {
        return NULL;
    }
    const unsigned char *value = (const unsigned char *)p.value;
    if (p.kind == CG_TERM_IRI) {
        return raptor_new_term_from_counted_uri_string(w->world, value, p.len);
    }
    if (p.kind == CG_TERM_BLANK) {
        return raptor_new_term_from_counted_blank(w->world, value, p.len);
    }
    raptor_uri *datatype =
        p.datatype ? raptor_new_uri_from_counted_string(w->world,
                                                        (const unsigned char *)p.datatype,
                                                        p.datatype_len)
                   : NULL;
    raptor_term *t = raptor_new_term_from_counted_literal(
        w->world, value, p.len, datatype, (const unsigned char *)p.lang,
        (unsigned char)p.lang_len);
    if (datatype) {
        raptor_free_uri(datatype);
    }
    return t;
}

static int cg_serialise(CgWriter *w, raptor_serializer *ser, const CgQuad *q)
{
    raptor_term *t[4] = {NULL, NULL, NULL, NULL};
    for (int a = 0; a < 4; ++a) {
        t[a] = a == 3 && q->t[3] == CG_DEFAULT_GRAPH ? NULL : cg_raptor_term(w, q->t[a]);
    }
    /* the statement owns its terms from here on */
    raptor_statement *st = raptor_new_statement_from_nodes(w->world, t[0], t[1], t[2], t[3]);
    const int rc = st ? raptor_serializer_serialize_statement(ser, st) : -1;
    raptor_free_statement(st);
    return rc;
}

typedef struct {
    const char *key[4];
    const CgQuad *quad;
} CgSortedQuad;

static int cg_sorted_cmp(const void *a, const void *b)
{
    const CgSortedQuad *x = a, *y = b;
    for (int i = 0; i < 4; ++i) {
        const int c = strcmp(x->key[i], y->key[i]);
        if (c) {
            return c;
        }
    }
    return 0;
}

/* By the text of the terms, so the output does not depend on term ids. */
static CgSortedQuad *cg_sorted_quads(const CgRdfGraph *g)
{
    CgSortedQuad *sorted = cg_xmalloc((g->n + 1) * sizeof *sorted);
    for (size_t i = 0; i < g->n; ++i) {
        for (int a = 0; a < 4; ++a) {
            sorted[i].key[a] = cg_diff_term_key(g->terms, g->quads[i].t[a]);
        }
        sorted[i].quad = &g->quads[i];
    }
    qsort(sorted, g->n, sizeof *sorted, cg_sorted_cmp);
    return sorted;
}

static void cg_declare_prefixes(CgWriter *w, raptor_serializer *ser, const CgRdfGraph *g)
{
    for (size_t i = 0; i < g->n_prefixes; ++i) {
        raptor_uri *uri = raptor_new_uri(w->world, (const unsigned char *)g->prefixes[i].iri);
        if (uri) {
            raptor_serializer_set_namespace(
                ser, uri, *g->prefixes[i].prefix ? (const unsigned char *)g->prefixes[i].prefix
                                                 : NULL);
            raptor_free_uri(uri);
        }
    }
}

static int cg_write_all(CgWriter *w, raptor_serializer *ser, const CgRdfGraph *g, FILE *stream,
                        CgFormat format)
{
    if (raptor_serializer_start_to_file_handle(ser, NULL, stream)) {
        return -1;
    }
    if (format == CG_FMT_TURTLE) {
        cg_declare_prefixes(w, ser, g);
    }
    CgSortedQuad *sorted = cg_sorted_quads(g);
    int rc = 0;
    for (size_t i = 0; i < g->n && !rc; ++i) {
        rc = cg_serialise(w, ser, sorted[i].quad);
    }
    free(sorted);
    return raptor_serializer_serialize_end(ser) || rc;
}

static bool cg_is_blank(const CgTermTable *terms, uint32_t id)
{
    const char *key = cg_diff_term_key(terms, id);
    return key[0] == '_' && key[1] == ':';
}

/* Per term: the subject of the only triple naming it as object, UINT32_MAX
 * when it is the object of none, UINT32_MAX - 1 when of several. */
static uint32_t *cg_single_parents(const CgRdfGraph *g)
{
    uint32_t *parent = cg_xmalloc(((size_t)g->terms->n + 1) * sizeof *parent);
    memset(parent, 0xff, ((size_t)g->terms->n + 1) * sizeof *parent);
    for (size_t i = 0; i < g->n; ++i) {
        uint32_t *p = &parent[g->quads[i].t[2]];
        *p = *p == UINT32_MAX ? g->quads[i].t[0] : UINT32_MAX - 1;
    }
    return parent;
}

/* Raptor's Turtle writer nests a blank node that is the object of exactly
 * one triple inside that triple's subject, and skips it at the top level; a
 * cycle of such nodes (a self-loop included) is then written nowhere.  Does
 * `g` have one? */
static bool cg_has_nested_cycle(const CgRdfGraph *g)
{
    uint32_t *parent = cg_single_parents(g);
    uint8_t *mark = cg_xcalloc((size_t)g->terms->n + 1, 1); /* 1 on the path, 2 done */
    bool cycle = false;
    for (size_t i = 0; i < g->n && !cycle; ++i) {
        uint32_t v = g->quads[i].t[0];
        while (!cycle && !mark[v] && cg_is_blank(g->terms, v) && parent[v] < UINT32_MAX - 1) {
            mark[v] = 1;
            v = parent[v];
            cycle = mark[v] == 1;
        }
        for (uint32_t u = g->quads[i].t[0]; mark[u] == 1; u = parent[u]) {
            mark[u] = 2;
        }
    }
    free(mark);
    free(parent);
    return cycle;
}

/* Raptor's Turtle writer puts a carriage return raw into a "short" string
 * (which Turtle forbids) and stops a literal at a NUL.  In a key they are
 * the escapes \r and \u0000. */
static bool cg_turtle_mangles(const char *key)
{
    if (key[0] != '"') {
        return false;
    }
    for (const char *p = key + 1; *p && *p != '"'; ++p) {
        if (*p == '\\') {
            ++p;
            if (*p == 'r' || !strncmp(p, "u0000", 5)) {
                return true;
            }
        }
    }
    return false;
}

/* Whether Raptor's Turtle writer would lose or garble part of `g`. */
static bool cg_turtle_unsafe(const CgRdfGraph *g)
{
    for (size_t i = 0; i < g->n; ++i) {
        if (cg_turtle_mangles(cg_diff_term_key(g->terms, g->quads[i].t[2]))) {
            return true;
        }
    }
    return cg_has_nested_cycle(g);
}

/* Whether Raptor's writers would lose part of a term: they cut a literal at
 * U+FFFE or U+FFFF (N-Triples) or give up (Turtle), and bytes that are not
 * UTF-8 (a surrogate read from an escape) are not RDF text. */
static bool cg_raptor_unsafe(const CgRdfGraph *g)
{
    CgBuf valid = CG_BUF_INIT;
    bool unsafe = false;
    for (uint32_t id = 0; id < g->terms->n && !unsafe; ++id) {
        const char *key = cg_diff_term_key(g->terms, id);
        unsafe = strstr(key, "\xEF\xBF\xBE") || strstr(key, "\xEF\xBF\xBF") ||
                 cg_utf8_sanitize(&valid, key) != key;
    }
    cg_buf_free(&valid);
    return unsafe;
}

/* Keys are terms as canonical N-Triples writes them (UTF-8 as it is, which
 * holds U+FFFE and U+FFFF too): a graph Raptor cannot write goes out as
 * its keys, one statement a line, bytes that are not UTF-8 as U+FFFD.
 * N-Triples lines are Turtle, and N-Quads lines when the graph has none
 * named. */
static void cg_write_keys(const CgRdfGraph *g, FILE *stream)
{
    CgSortedQuad *sorted = cg_sorted_quads(g);
    CgBuf valid = CG_BUF_INIT;
    for (size_t i = 0; i < g->n; ++i) {
        const int n = sorted[i].quad->t[3] == CG_DEFAULT_GRAPH ? 3 : 4;
        for (int a = 0; a < n; ++a) {
            fputs(cg_utf8_sanitize(&valid, sorted[i].key[a]), stream);
            fputc(' ', stream);
        }
        fputs(".\n", stream);
    }
    cg_buf_free(&valid);
    free(sorted);
}

static bool cg_has_named_graphs(const CgRdfGraph *g)
{
    for (size_t i = 0; i < g->n; ++i) {
        if (g->quads[i].t[3] != CG_DEFAULT_GRAPH) {
            return true;
        }
    }
    return false;
}

static CgStatus cg_check_format(const CgRdfGraph *g, CgFormat format, CgDiagSink *sink)
{
    if (!cg_format_is_rdf(format)) {
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_USAGE, NULL, 0, 0, "%s is not an RDF format",
                cg_format_name(format));
        return CG_ERR_USAGE;
    }
    if (format == CG_FMT_TRIG) {
        /* Raptor 2 reads TriG but has no TriG writer. */
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_USAGE, NULL, 0, 0,
                "cannot write TriG here: write N-Quads (.nq), which holds the same dataset");
        return CG_ERR_USAGE;
    }
    if (format != CG_FMT_NQUADS && cg_has_named_graphs(g)) {
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_USAGE, NULL, 0, 0,
                "the graph has quads in named graphs, which %s cannot hold: write N-Quads",
                cg_format_name(format));
        return CG_ERR_USAGE;
    }
    return CG_OK;
}

static CgStatus cg_flushed(FILE *stream, CgDiagSink *sink)
{
    if (fflush(stream) || ferror(stream)) {
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_IO, NULL, 0, 0, "cannot write the graph: %s",
                errno ? strerror(errno) : "write error");
        return CG_ERR_IO;
    }
    return CG_OK;
}

CgStatus cg_diff_graph_write(const CgRdfGraph *graph, CgFormat format, FILE *stream,
                             CgDiagSink *sink)
{
    CG_TRY(cg_check_format(graph, format, sink));
    if (cg_raptor_unsafe(graph)) {
        cg_write_keys(graph, stream);
        return cg_flushed(stream, sink);
    }
    /* N-Triples is Turtle too, and keeps every triple */
    const char *name = format == CG_FMT_TURTLE && cg_turtle_unsafe(graph)
                           ? "ntriples"
                           : cg_format_name(format);
    CgWriter w = {raptor_new_world(), graph->terms, CG_BUF_INIT, CG_BUF_INIT};
    raptor_serializer *ser =
        w.world && !raptor_world_open(w.world) ? raptor_new_serializer(w.world, name) : NULL;
    CgStatus st = CG_OK;
    if (!ser || cg_write_all(&w, ser, graph, stream, format)) {
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_INTERNAL, NULL, 0, 0, "cannot write %s with Raptor",
                cg_format_name(format));
        st = CG_ERR_INTERNAL;
    }
    if (ser) {
        raptor_free_serializer(ser);
    }
    raptor_free_world(w.world);
    cg_buf_free(&w.value);
    cg_buf_free(&w.datatype);
    return st ? st : cg_flushed(stream, sink);
}
