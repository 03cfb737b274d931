/* The graph as a diagram, built in memory with cgraph and rendered with gvc
 * in-process.  Nodes and edges are created in the finished graph's order
 * (edges by their two ends), which is also the order Graphviz writes and
 * lays them out in, so the same graph gives the same DOT and the same
 * drawing. */
#include "diagram_internal.h"

#include "../core/utf8.h"
#include "stream.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Graphviz reads labels and tooltips as escString ("\N" is the node name,
 * "\l" a left-justified break), so a backslash in the text must be escaped
 * (`backslash` is what stands for one); a newline becomes an explicit
 * centred break.  It also reads "&amp;" and the like as HTML entities, so
 * every "&" is written as "&amp;" and text that looks like an entity stays
 * as written. */
static const char *cg_esc_with(CgBuf *buf, const char *text, const char *backslash)
{
    CgBuf valid = CG_BUF_INIT;
    /* Ill-formed bytes: else Graphviz guesses Latin-1; U+FFFE and U+FFFF: its
     * SVG would not be XML. */
    text = cg_utf8_sanitize_xml(&valid, text);
    cg_buf_clear(buf);
    for (const char *p = text; *p; ++p) {
        if (*p == '\\') {
            cg_buf_puts(buf, backslash);
        } else if (*p == '\n') {
            cg_buf_puts(buf, "\\n");
        } else if (*p == '&') {
            cg_buf_puts(buf, "&amp;");
        } else if ((unsigned char)*p < 0x20) {
            cg_buf_putc(buf, ' ');
        } else {
            cg_buf_putc(buf, *p);
        }
    }
    cg_buf_free(&valid);
    return cg_buf_str(buf);
}

static const char *cg_esc_string(CgBuf *buf, const char *text)
{
    return cg_esc_with(buf, text, "\\\\");
}

/* Graphviz 2.43 unescapes a tooltip once more than a label before it puts
 * in the names: with a backslash doubled, a quote saying "\G" would show
 * the graph's name.  Four make one (tests/cli/hostile_text.sh checks). */
static const char *cg_esc_tooltip(CgBuf *buf, const char *text)
{
    return cg_esc_with(buf, text, "\\\\\\\\");
}

static void cg_set(void *obj, const char *name, const char *value)
{
    agsafeset(obj, (char *)name, (char *)value, "");
}

/* Scratch buffers for one drawing. */
typedef struct {
    CgBuf text, esc;
} CgScratch;

static void cg_declare(Agraph_t *g, int kind, const char *const (*attrs)[2], size_t n)
{
    for (size_t i = 0; i < n; ++i) {
        agattr(g, kind, (char *)attrs[i][0], (char *)attrs[i][1]);
    }
}

/* Defaults declared once make the DOT shorter and give every attribute a
 * declaration before agsafeset uses it.  Edges are drawn first so that
 * nodes and their labels stay on top. */
static void cg_declare_defaults(Agraph_t *g)
{
    static const char *const graph[][2] = {
        {"fontname", "Helvetica"}, {"fontsize", "10"}, {"outputorder", "edgesfirst"},
        {"bgcolor", "white"},      {"pad", "0.2"},     {"labelloc", "b"},
        {"labeljust", "l"},
    };
    static const char *const node[][2] = {
        {"style", "filled"}, {"fontname", "Helvetica"}, {"fontsize", "12"},
        {"shape", "ellipse"}, {"fillcolor", "white"},   {"fontcolor", "black"},
        {"label", "\\N"},     {"tooltip", ""},          {"href", ""},
        {"target", "_blank"}, {"margin", "0.11,0.055"},
    };
    static const char *const edge[][2] = {
        {"fontname", "Helvetica"}, {"fontsize", "9"}, {"fontcolor", "#333333"},
        {"label", ""},             {"dir", ""},       {"color", "#000000"},
        {"penwidth", "1"},         {"arrowhead", "normal"}, {"style", ""},
        {"tooltip", ""},           {"labeltooltip", ""}, {"href", ""},
        {"target", "_blank"},
    };
    cg_declare(g, AGRAPH, graph, sizeof graph / sizeof graph[0]);
    cg_declare(g, AGNODE, node, sizeof node / sizeof node[0]);
    cg_declare(g, AGEDGE, edge, sizeof edge / sizeof edge[0]);
}

static const char *const cg_engines[] = {"dot", "dot", "neato", "sfdp"};

/* Above this many edges the spring layouts draw straight lines: routing
 * splines around nodes grows much faster than the graph (500 nodes and
 * 1,500 edges: minutes instead of a second). */
#define CG_SPLINE_EDGES_MAX 150

/* Above this many nodes the spring layouts remove overlaps by scaling the
 * drawing up rather than with prism, whose triangulation took 13 of the 14.5
 * seconds of a 5,000-node render (3.4 s with scaling). */
#define CG_PRISM_NODES_MAX 1000

/* dot ranks left to right and places edge labels itself; the spring
 * layouts need overlap removal and, when affordable, splines routed around
 * nodes.  A fixed start makes their drawings reproducible. */
static void cg_declare_layout(Agraph_t *g, const CgDiagram *d)
{
    static const char *const dot[][2] = {
        {"rankdir", "LR"}, {"nodesep", "0.25"}, {"ranksep", "0.6"}, {"newrank", "true"},
    };
    static const char *const spring[][2] = {
        {"overlap", "prism"}, {"sep", "+6"}, {"esep", "+3"}, {"start", "1"},
    };
    agattr(g, AGRAPH, "layout", (char *)cg_engines[d->layout]);
    if (d->layout == CG_LAYOUT_DOT) {
        cg_declare(g, AGRAPH, dot, sizeof dot / sizeof dot[0]);
        return;
    }
    cg_declare(g, AGRAPH, spring, sizeof spring / sizeof spring[0]);
    agattr(g, AGRAPH, "splines", d->n_edges <= CG_SPLINE_EDGES_MAX ? "true" : "false");
    if (d->sel.n_entities > CG_PRISM_NODES_MAX) {
        agattr(g, AGRAPH, "overlap", "scale");
    }
}

/* The subgraph a node goes in: its type's cluster, or the graph. */
static Agraph_t *cg_parent(Agraph_t *g, const CgDiagram *d, const char *type, CgBuf *buf)
{
    if (d->opts.cluster != CG_CLUSTER_TYPE || d->layout != CG_LAYOUT_DOT) {
        return g;
    }
    cg_buf_clear(buf);
    cg_buf_printf(buf, "cluster_%s", type);
    Agraph_t *sub = agsubg(g, (char *)cg_buf_str(buf), 1);
    cg_set(sub, "label", cg_esc_string(buf, type));
    cg_set(sub, "labelloc", "t");
    cg_set(sub, "labeljust", "l");
    cg_set(sub, "style", "rounded,dashed");
    cg_set(sub, "color", "#999999");
    return sub;
}

static Agnode_t *cg_add_node(Agraph_t *g, const CgDiagram *d, size_t i, CgScratch *s)
{
    const CgGraphEntity *e = cg_graph_entity(d->graph, i);
    Agnode_t *n = agnode(cg_parent(g, d, e->type, &s->esc), e->id, 1);
    const CgNodeStyle style = cg_diagram_node_style(e->type);
    cg_set(n, "label", cg_esc_string(&s->esc, e->label));
    cg_diagram_node_tooltip(e, &s->text);
    cg_set(n, "tooltip", cg_esc_tooltip(&s->esc, cg_buf_str(&s->text)));
    cg_set(n, "shape", style.shape);
    cg_set(n, "fillcolor", style.fill);
    cg_set(n, "fontcolor", style.font);
    if (e->n_same_as && cg_diagram_web_url(e->same_as[0])) {
        cg_set(n, "href", cg_esc_string(&s->esc, e->same_as[0]));
    }
    return n;
}

/* 1 + log2(n), by halving: the interpolation between powers of two is
 * close enough for a line's width, and spares a libm dependency. */
static double cg_penwidth(size_t support)
{
    double x = (double)support, w = 1.0;
    for (; x >= 2.0; x /= 2.0) {
        w += 1.0;
    }
    return w + (x - 1.0);
}

/* One line per predicate: "deploysTroopsTo (4)". */
static void cg_edge_label(const CgDiagram *d, const CgDrawnEdge *e, CgBuf *out)
{
    cg_buf_clear(out);
    for (size_t i = 0; i < e->n_relations; ++i) {
        const CgGraphRelation *r = cg_graph_relation(d->graph, e->relations[i]);
        cg_buf_printf(out, "%s%s (%zu)", i ? "\n" : "", r->predicate, cg_diagram_support(r));
    }
}

/* Merged predicates keep their colours as parallel strands ("a:b"). */
static void cg_edge_colours(const CgDiagram *d, const CgDrawnEdge *e, CgBuf *out)
{
    cg_buf_clear(out);
    for (size_t i = 0; i < e->n_relations; ++i) {
        const CgGraphRelation *r = cg_graph_relation(d->graph, e->relations[i]);
        cg_buf_printf(out, "%s%s", i ? ":" : "", cg_diagram_edge_style(d, r->predicate).colour);
    }
}

/* Labels only where they can be placed well: dot lays them out as part of
 * the drawing; elsewhere they would pile up on a busy graph. */
static bool cg_edge_labels_shown(const CgDiagram *d)
{
    return d->layout == CG_LAYOUT_DOT || d->n_edges <= 60;
}

static void cg_edge_style(Agedge_t *edge, const CgDiagram *d, const CgDrawnEdge *e,
                          CgScratch *s)
{
    if (cg_edge_labels_shown(d)) {
        cg_edge_label(d, e, &s->text);
        cg_set(edge, "label", cg_esc_string(&s->esc, cg_buf_str(&s->text)));
    }
    cg_edge_colours(d, e, &s->text);
    cg_set(edge, "color", cg_buf_str(&s->text));
    const CgGraphRelation *first = cg_graph_relation(d->graph, e->relations[0]);
    cg_set(edge, "arrowhead", cg_diagram_edge_style(d, first->predicate).arrowhead);
    cg_buf_clear(&s->text);
    cg_buf_printf(&s->text, "%.2f", cg_penwidth(e->support));
    cg_set(edge, "penwidth", cg_buf_str(&s->text));
    if (e->symmetric) {
        cg_set(edge, "dir", "none");
    }
    if (!e->asserted) {
        cg_set(edge, "style", "dashed");
    }
}

static void cg_add_edge(Agraph_t *g, Agnode_t **nodes, const CgDiagram *d,
                        const CgDrawnEdge *e, CgScratch *s)
{
    Agedge_t *edge = agedge(g, nodes[e->subject], nodes[e->object], NULL, 1);
    cg_edge_style(edge, d, e, s);
    cg_diagram_edge_tooltip(d, e, &s->text);
    cg_set(edge, "tooltip", cg_esc_tooltip(&s->esc, cg_buf_str(&s->text)));
    cg_set(edge, "labeltooltip", cg_buf_str(&s->esc)); /* else the label's own text */
    const uint32_t doc = cg_diagram_edge_document(d, e);
    if (doc != UINT32_MAX && cg_diagram_document_link(d, doc, &s->text)) {
        cg_set(edge, "href", cg_esc_string(&s->esc, cg_buf_str(&s->text)));
    }
}

static void cg_set_legend(Agraph_t *g, const CgDiagram *d, CgBuf *buf)
{
    cg_diagram_legend(d, buf);
    if (buf->len) {
        char *html = agstrdup_html(g, (char *)cg_buf_str(buf));
        agsafeset(g, "label", html, "");
        agstrfree(g, html);
    }
}

static Agraph_t *cg_build_agraph(const CgDiagram *d)
{
    Agraph_t *g = agopen("claimgraph", Agdirected, NULL);
    cg_declare_defaults(g);
    cg_declare_layout(g, d);
    const size_t n = cg_graph_entity_count(d->graph);
    Agnode_t **nodes = calloc(n ? n : 1, sizeof *nodes);
    if (!nodes) {
        agclose(g);
        return NULL;
    }
    CgScratch s = {CG_BUF_INIT, CG_BUF_INIT};
    for (size_t i = 0; i < n; ++i) {
        nodes[i] = d->sel.entities[i] ? cg_add_node(g, d, i, &s) : NULL;
    }
    for (size_t i = 0; i < d->n_edges; ++i) {
        cg_add_edge(g, nodes, d, &d->edges[i], &s);
    }
    cg_set_legend(g, d, &s.text);
    cg_buf_free(&s.text);
    cg_buf_free(&s.esc);
    free(nodes);
    return g;
}

/* Graphviz reports through one global hook without a context pointer, and
 * hands it each message in pieces ("Warning", ": ", text with a newline). */
typedef struct {
    CgDiagSink *sink;
    CgBuf line;
} CgGvLog;

static CgGvLog *cg_gv_log;

static void cg_gv_flush(CgGvLog *log)
{
    if (!log->line.len) {
        return;
    }
    const char *text = cg_buf_str(&log->line);
    const bool error = !strncmp(text, "Error: ", 7);
    const bool warning = !strncmp(text, "Warning: ", 9);
    cg_diag(log->sink, error ? CG_SEV_ERROR : CG_SEV_WARNING,
            error ? CG_ERR_INTERNAL : CG_OK, NULL, 0, 0, "graphviz: %s",
            text + (error ? 7 : warning ? 9 : 0));
    cg_buf_clear(&log->line);
}

static int cg_gv_error(char *msg)
{
    for (const char *p = msg; *p; ++p) {
        if (*p == '\n') {
            cg_gv_flush(cg_gv_log);
        } else {
            cg_buf_putc(&cg_gv_log->line, *p);
        }
    }
    return 0;
}

/* Cairo 1.16 stamps a PDF with the time it was rendered (and ignores
 * SOURCE_DATE_EPOCH).  Blanking the entry with as many spaces keeps every
 * cross-reference offset valid and makes the bytes reproducible. */
static void cg_blank_pdf_dates(char *data, size_t len)
{
    static const char *const keys[] = {"/CreationDate (", "/ModDate ("};
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; ++k) {
        const size_t n = strlen(keys[k]);
        for (size_t i = 0; i + n <= len; ++i) {
            char *close = memcmp(data + i, keys[k], n) ? NULL : memchr(data + i, ')', len - i);
            if (close) {
                memset(data + i, ' ', (size_t)(close - (data + i)) + 1);
            }
        }
    }
}

/* Always into memory, then out through stdio: Graphviz ends the process
 * when its own write to a stream fails (a full disk), and PDF (its dates)
 * and HTML (the SVG goes inside) are worked on after rendering anyway.
 * Returns -1 when Graphviz cannot render; *write_errno is why a write
 * failed (0 if none did). */
static int cg_gv_render(GVC_t *gvc, Agraph_t *g, const CgDiagram *d, CgFormat format,
                        FILE *stream, int *write_errno)
{
    char *data = NULL;
    unsigned int len = 0;
    const char *device = format == CG_FMT_HTML ? "svg" : cg_format_name(format);
    if (gvRenderData(gvc, g, (char *)device, &data, &len)) {
        return -1;
    }
    if (format == CG_FMT_PDF) {
        cg_blank_pdf_dates(data, len);
    }
    if (format == CG_FMT_HTML) {
        cg_diagram_write_html(d, data, len, stream);
    } else {
        fwrite(data, 1, len, stream); /* errors surface in cg_stream_check */
    }
    *write_errno = ferror(stream) ? errno : 0; /* before anything resets it */
    gvFreeRenderData(data);
    return 0;
}

/* One context for the whole process: Graphviz 2.43's pango plugin caches a
 * pointer into the context's font table, so rendering with a second context
 * after freeing the first reads freed memory.  It is freed at exit. */
static GVC_t *cg_gvc;

static void cg_gvc_free(void)
{
    gvFreeContext(cg_gvc);
    cg_gvc = NULL;
}

static GVC_t *cg_gvc_get(void)
{
    if (!cg_gvc) {
        cg_gvc = gvContext();
        if (cg_gvc && atexit(cg_gvc_free)) {
            cg_gvc_free(); /* would leak at exit: fail now, loudly */
        }
    }
    return cg_gvc;
}

/* DOT is written as built, without layout: positions would only make the
 * file harder to read and to diff, and `dot` recomputes them anyway (its
 * `layout` attribute names the engine). */
static CgStatus cg_render(Agraph_t *g, const CgDiagram *d, CgFormat format, FILE *stream,
                          int *write_errno, CgDiagSink *sink)
{
    if (format == CG_FMT_DOT) {
        /* agwrite leaves the closing brace without a newline */
        const bool failed = agwrite(g, stream) || fputc('\n', stream) == EOF;
        *write_errno = failed ? errno : 0;
        return failed ? CG_ERR_IO : CG_OK;
    }
    GVC_t *gvc = cg_gvc_get();
    if (!gvc || gvLayout(gvc, g, cg_engines[d->layout])) {
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_INTERNAL, NULL, 0, 0, "cannot lay out the diagram");
        return CG_ERR_INTERNAL;
    }
    CgStatus st = CG_OK;
    if (cg_gv_render(gvc, g, d, format, stream, write_errno)) {
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_INTERNAL, NULL, 0, 0,
                "cannot render %s (is its Graphviz plugin installed?)", cg_format_name(format));
        st = CG_ERR_INTERNAL;
    }
    gvFreeLayout(gvc, g);
    return st;
}

/* Graphviz's messages go to `sink` while it works on `d`. */
static CgStatus cg_draw(const CgDiagram *d, CgFormat format, FILE *stream, int *write_errno,
                        CgDiagSink *sink)
{
    CgGvLog log = {sink, CG_BUF_INIT};
    CgGvLog *const saved_log = cg_gv_log;
    cg_gv_log = &log;
    const agusererrf saved_hook = agseterrf(cg_gv_error);
    Agraph_t *g = cg_build_agraph(d);
    const CgStatus st = g ? cg_render(g, d, format, stream, write_errno, sink) : CG_ERR_NOMEM;
    if (g) {
        agclose(g);
    }
    agseterrf(saved_hook);
    cg_gv_log = saved_log;
    cg_gv_flush(&log);
    cg_buf_free(&log.line);
    return st;
}

CgStatus cg_export_diagram(const CgGraph *graph, CgFormat format, FILE *stream,
                           CgDiagSink *sink)
{
    return cg_export_diagram_with(graph, NULL, format, stream, sink);
}

CgStatus cg_export_diagram_with(const CgGraph *graph, const CgDiagramOptions *opts,
                                CgFormat format, FILE *stream, CgDiagSink *sink)
{
    if (cg_format_is_rdf(format)) {
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_USAGE, NULL, 0, 0, "%s is not a diagram format",
                cg_format_name(format));
        return CG_ERR_USAGE;
    }
    CgDiagram d;
    int write_errno = 0;
    CgStatus st = cg_diagram_init(&d, graph, opts, sink);
    if (!st) {
        st = cg_draw(&d, format, stream, &write_errno, sink);
    }
    cg_diagram_clear(&d);
    const CgStatus io = cg_stream_check_errno(stream, "the diagram", write_errno, sink);
    if (st == CG_ERR_IO && !io) {
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_IO, NULL, 0, 0, "cannot write the diagram");
    }
    return st ? st : io; /* an I/O failure is reported once, above */
}
