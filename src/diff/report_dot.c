/* The diff as a diagram: the union of both graphs' entities and relations,
 * built with cgraph and rendered with gvc in-process (as export/diagram.c
 * does), coloured by what happened to each. */
#include "report.h"

#include "../core/mem.h"
#include "../core/utf8.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <stdlib.h>
#include <string.h>

typedef enum { CG_KEPT, CG_ADDED, CG_REMOVED } CgChange;

typedef struct {
    const char *colour, *style, *penwidth;
} CgChangeStyle;

/* Colour is doubled by the line style, so removed items stay apart from
 * added ones for readers who cannot tell red from green. */
static const CgChangeStyle cg_change_styles[] = {
    [CG_KEPT] = {"#9a9a9a", "solid", "1"},
    [CG_ADDED] = {"#1a9850", "solid", "2"},
    [CG_REMOVED] = {"#d73027", "dashed", "2"},
};

static void cg_set(void *obj, const char *name, const char *value)
{
    agsafeset(obj, (char *)name, (char *)value, "");
}

static void cg_style(void *obj, CgChange change)
{
    const CgChangeStyle *s = &cg_change_styles[change];
    cg_set(obj, "color", s->colour);
    cg_set(obj, "fontcolor", s->colour);
    cg_set(obj, "style", s->style);
    cg_set(obj, "penwidth", s->penwidth);
}

/* Graphviz reads labels as escString: a backslash must be doubled.  Bytes
 * that are not UTF-8 (a surrogate read from an escape) and U+FFFE/U+FFFF
 * become U+FFFD, or the SVG would not be XML. */
static const char *cg_esc(CgBuf *buf, const char *text)
{
    CgBuf valid = CG_BUF_INIT;
    text = cg_utf8_sanitize_xml(&valid, text);
    cg_buf_clear(buf);
    for (const char *p = text; *p; ++p) {
        if (*p == '\\') {
            cg_buf_puts(buf, "\\\\");
        } else {
            cg_buf_putc(buf, (unsigned char)*p < 0x20 ? ' ' : *p);
        }
    }
    cg_buf_free(&valid);
    return cg_buf_str(buf);
}

static void cg_declare_defaults(Agraph_t *g)
{
    const CgChangeStyle *kept = &cg_change_styles[CG_KEPT];
    agattr(g, AGRAPH, "rankdir", "LR");
    agattr(g, AGNODE, "shape", "box");
    agattr(g, AGNODE, "label", "\\N");
    agattr(g, AGEDGE, "label", "");
    agattr(g, AGEDGE, "fontsize", "10");
    for (int kind = AGNODE; kind <= AGEDGE; ++kind) {
        agattr(g, kind, "fontname", "Helvetica");
        agattr(g, kind, "color", (char *)kept->colour);
        agattr(g, kind, "fontcolor", (char *)kept->colour);
        agattr(g, kind, "style", (char *)kept->style);
        agattr(g, kind, "penwidth", (char *)kept->penwidth);
    }
}

typedef struct {
    Agraph_t *g;
    const CgVocabView *old_v, *new_v;
    const CgTermTable *terms;
    CgBuf text, esc, name;
} CgDot;

/* An entity's label: rdfs:label in the new graph, else the old, else its id. */
static const char *cg_entity_label(CgDot *d, uint32_t id)
{
    uint32_t label = cg_report_object(d->new_v->graph, id, d->new_v->ids.label);
    if (label == UINT32_MAX) {
        label = cg_report_object(d->old_v->graph, id, d->old_v->ids.label);
    }
    if (label == UINT32_MAX) {
        return cg_report_short_name(d->terms, id, &d->text);
    }
    /* the literal's lexical form, its escapes decoded */
    CgNtCursor c = {cg_diff_term_key(d->terms, label), 0, NULL};
    CgTermParts parts;
    CgBuf datatype = CG_BUF_INIT;
    const bool ok = cg_diff_nt_term(&c, &d->text, &datatype, &parts);
    cg_buf_free(&datatype);
    return ok ? cg_buf_str(&d->text) : cg_report_short_name(d->terms, id, &d->text);
}

/* A node is named by its IRI (an entity's key without its brackets). */
static Agnode_t *cg_node(CgDot *d, uint32_t id)
{
    const char *key = cg_diff_term_key(d->terms, id);
    cg_buf_clear(&d->name);
    cg_buf_append(&d->name, key + 1, strlen(key) - 2);
    char *name = d->name.data;
    Agnode_t *n = agnode(d->g, name, 0);
    if (n) {
        return n;
    }
    const bool in_old = cg_report_has(d->old_v->entities, d->old_v->n_entities, id);
    const bool in_new = cg_report_has(d->new_v->entities, d->new_v->n_entities, id);
    n = agnode(d->g, name, 1);
    cg_set(n, "label", cg_esc(&d->esc, cg_entity_label(d, id)));
    cg_style(n, !in_old ? CG_ADDED : !in_new ? CG_REMOVED : CG_KEPT);
    return n;
}

static int cg_key_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Entities first, sorted by IRI, so that one without relations is drawn
 * too and the layout does not depend on term numbering. */
static void cg_add_nodes(CgDot *d)
{
    const size_t n_old = d->old_v->n_entities, n = n_old + d->new_v->n_entities;
    const char **keys = cg_xmalloc((n + 1) * sizeof *keys);
    for (size_t i = 0; i < n; ++i) {
        const uint32_t id = i < n_old ? d->old_v->entities[i] : d->new_v->entities[i - n_old];
        keys[i] = cg_diff_term_key(d->terms, id);
    }
    qsort(keys, n, sizeof *keys, cg_key_cmp);
    for (size_t i = 0; i < n; ++i) {
        uint32_t id;
        if (cg_diff_term_find(d->terms, keys[i], &id)) {
            cg_node(d, id);
        }
    }
    free(keys);
}

static void cg_add_edges(CgDot *d)
{
    CgRelRow *rows =
        cg_xmalloc((d->old_v->n_relations + d->new_v->n_relations + 1) * sizeof *rows);
    const size_t n = cg_report_union(d->old_v, d->new_v, rows);
    for (size_t i = 0; i < n; ++i) {
        const CgRelRow *r = &rows[i];
        Agedge_t *e = agedge(d->g, cg_node(d, r->rel.t[0]), cg_node(d, r->rel.t[2]), NULL, 1);
        const char *predicate = cg_report_short_name(d->terms, r->rel.t[1], &d->text);
        cg_set(e, "label", cg_esc(&d->esc, predicate));
        cg_style(e, !r->in_old ? CG_ADDED : !r->in_new ? CG_REMOVED : CG_KEPT);
    }
    free(rows);
}

/* Graphviz reports through one global hook without a context pointer. */
static CgDiagSink *cg_gv_sink;

static int cg_gv_error(char *msg)
{
    const size_t len = strcspn(msg, "\n");
    if (len) {
        cg_diag(cg_gv_sink, CG_SEV_WARNING, CG_OK, NULL, 0, 0, "graphviz: %.*s", (int)len, msg);
    }
    return 0;
}

/* DOT is written as built, without layout, as export/ does. */
static CgStatus cg_render(Agraph_t *g, CgDiffFormat format, FILE *stream, CgDiagSink *sink)
{
    if (format == CG_DIFF_DOT) {
        return agwrite(g, stream) || fputc('\n', stream) == EOF ? CG_ERR_IO : CG_OK;
    }
    GVC_t *gvc = gvContext();
    CgStatus st = CG_OK;
    if (!gvc || gvLayout(gvc, g, "dot")) {
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_INTERNAL, NULL, 0, 0, "cannot lay out the diagram");
        st = CG_ERR_INTERNAL;
    } else {
        if (gvRender(gvc, g, "svg", stream)) {
            cg_diag(sink, CG_SEV_ERROR, CG_ERR_INTERNAL, NULL, 0, 0, "cannot render SVG");
            st = CG_ERR_INTERNAL;
        }
        gvFreeLayout(gvc, g);
    }
    if (gvc) {
        gvFreeContext(gvc);
    }
    return st;
}

CgStatus cg_diff_write_diagram(const CgDiffData *diff, CgDiffFormat format, FILE *stream,
                               CgDiagSink *sink)
{
    CgVocabView old_v, new_v;
    cg_report_view(diff->old_graph, &old_v);
    cg_report_view(diff->new_graph, &new_v);
    CgDot d = {agopen("claimgraph_diff", Agdirected, NULL), &old_v, &new_v,
               diff->old_graph->terms, CG_BUF_INIT, CG_BUF_INIT, CG_BUF_INIT};
    CgDiagSink *const saved_sink = cg_gv_sink;
    cg_gv_sink = sink;
    const agusererrf saved_hook = agseterrf(cg_gv_error);
    cg_declare_defaults(d.g);
    cg_add_nodes(&d);
    cg_add_edges(&d);
    const CgStatus st = cg_render(d.g, format, stream, sink);
    agclose(d.g);
    agseterrf(saved_hook);
    cg_gv_sink = saved_sink;
    cg_buf_free(&d.text);
    cg_buf_free(&d.esc);
    cg_buf_free(&d.name);
    cg_report_view_clear(&old_v);
    cg_report_view_clear(&new_v);
    return st;
}
