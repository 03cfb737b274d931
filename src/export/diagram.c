/* The graph as a diagram, built in memory with cgraph and rendered with gvc
 * in-process.  Nodes and edges are created in the finished graph's order,
 * which is also the order Graphviz writes and lays them out in, so the same
 * graph gives the same DOT and the same drawing. */
#include "export.h"

#include "../core/buf.h"
#include "../core/hash.h"
#include "stream.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *fill;
    const char *font;
} CgColour;

/* Okabe-Ito: told apart under the common colour-vision deficiencies. */
static const CgColour cg_palette[] = {
    {"#E69F00", "black"}, {"#56B4E9", "black"}, {"#009E73", "black"}, {"#F0E442", "black"},
    {"#0072B2", "white"}, {"#D55E00", "black"}, {"#CC79A7", "black"},
};

typedef struct {
    const char *type;
    const char *shape;
    size_t colour;
} CgNodeStyle;

static const CgNodeStyle cg_known_types[] = {
    {"Person", "ellipse", 0},
    {"Country", "box", 1},
    {"Organization", "hexagon", 2},
    {"Place", "house", 3},
};

#define CG_N_PALETTE (sizeof cg_palette / sizeof cg_palette[0])
#define CG_N_KNOWN (sizeof cg_known_types / sizeof cg_known_types[0])

/* Any other type keeps one colour from run to run: the type name's stable
 * hash picks it. */
static CgNodeStyle cg_node_style(const char *type)
{
    for (size_t i = 0; i < CG_N_KNOWN; ++i) {
        if (!strcmp(type, cg_known_types[i].type)) {
            return cg_known_types[i];
        }
    }
    const uint64_t h = cg_hash_final(cg_hash_str(CG_HASH_SEED, type));
    return (CgNodeStyle){type, "octagon", (size_t)(h % CG_N_PALETTE)};
}

/* Graphviz reads labels and tooltips as escString ("\N" is the node name,
 * "\l" a left-justified break), so a backslash in the text must be doubled;
 * a newline becomes an explicit centred break. */
static const char *cg_esc_string(CgBuf *buf, const char *text)
{
    cg_buf_clear(buf);
    for (const char *p = text; *p; ++p) {
        if (*p == '\\') {
            cg_buf_puts(buf, "\\\\");
        } else if (*p == '\n') {
            cg_buf_puts(buf, "\\n");
        } else if ((unsigned char)*p < 0x20) {
            cg_buf_putc(buf, ' ');
        } else {
            cg_buf_putc(buf, *p);
        }
    }
    return cg_buf_str(buf);
}

static void cg_set(void *obj, const char *name, const char *value)
{
    agsafeset(obj, (char *)name, (char *)value, "");
}

/* Defaults declared once make the DOT shorter and give every attribute a
 * declaration before agsafeset uses it. */
static void cg_declare_defaults(Agraph_t *g)
{
    agattr(g, AGRAPH, "rankdir", "LR");
    agattr(g, AGNODE, "style", "filled");
    agattr(g, AGNODE, "fontname", "Helvetica");
    agattr(g, AGNODE, "shape", "ellipse");
    agattr(g, AGNODE, "fillcolor", "white");
    agattr(g, AGNODE, "fontcolor", "black");
    agattr(g, AGNODE, "label", "\\N");
    agattr(g, AGNODE, "tooltip", "");
    agattr(g, AGEDGE, "fontname", "Helvetica");
    agattr(g, AGEDGE, "fontsize", "10");
    agattr(g, AGEDGE, "label", "");
    agattr(g, AGEDGE, "dir", ""); /* empty: Graphviz's own default */
}

static Agnode_t *cg_add_node(Agraph_t *g, const CgGraphEntity *e, CgBuf *buf)
{
    Agnode_t *n = agnode(g, e->id, 1);
    const CgNodeStyle style = cg_node_style(e->type);
    cg_set(n, "label", cg_esc_string(buf, e->label));
    cg_set(n, "tooltip", cg_esc_string(buf, e->id));
    cg_set(n, "shape", style.shape);
    cg_set(n, "fillcolor", cg_palette[style.colour].fill);
    cg_set(n, "fontcolor", cg_palette[style.colour].font);
    return n;
}

/* A relation read back from plain triples has no evidence (support 0) but
 * was still asserted once. */
static void cg_add_edge(Agraph_t *g, Agnode_t **nodes, const CgGraphRelation *r, CgBuf *buf)
{
    Agedge_t *e = agedge(g, nodes[r->subject], nodes[r->object], NULL, 1);
    cg_esc_string(buf, r->predicate);
    cg_buf_printf(buf, " (%zu)", r->support ? r->support : 1);
    cg_set(e, "label", cg_buf_str(buf));
    if (r->symmetric) {
        cg_set(e, "dir", "none");
    }
}

static Agraph_t *cg_build_agraph(const CgGraph *graph)
{
    Agraph_t *g = agopen("claimgraph", Agdirected, NULL);
    cg_declare_defaults(g);
    const size_t n = cg_graph_entity_count(graph);
    Agnode_t **nodes = calloc(n ? n : 1, sizeof *nodes);
    if (!nodes) {
        agclose(g);
        return NULL;
    }
    CgBuf buf = CG_BUF_INIT;
    for (size_t i = 0; i < n; ++i) {
        nodes[i] = cg_add_node(g, cg_graph_entity(graph, i), &buf);
    }
    for (size_t i = 0; i < cg_graph_relation_count(graph); ++i) {
        cg_add_edge(g, nodes, cg_graph_relation(graph, i), &buf);
    }
    cg_buf_free(&buf);
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

static int cg_gv_render(GVC_t *gvc, Agraph_t *g, CgFormat format, FILE *stream)
{
    if (format != CG_FMT_PDF) {
        return gvRender(gvc, g, cg_format_name(format), stream);
    }
    char *data = NULL;
    unsigned int len = 0;
    if (gvRenderData(gvc, g, "pdf", &data, &len)) {
        return -1;
    }
    cg_blank_pdf_dates(data, len);
    fwrite(data, 1, len, stream); /* errors surface in cg_stream_check */
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
 * file harder to read and to diff, and `dot` recomputes them anyway. */
static CgStatus cg_render(Agraph_t *g, CgFormat format, FILE *stream, CgDiagSink *sink)
{
    if (format == CG_FMT_DOT) {
        /* agwrite leaves the closing brace without a newline */
        return agwrite(g, stream) || fputc('\n', stream) == EOF ? CG_ERR_IO : CG_OK;
    }
    GVC_t *gvc = cg_gvc_get();
    if (!gvc || gvLayout(gvc, g, "dot")) {
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_INTERNAL, NULL, 0, 0, "cannot lay out the diagram");
        return CG_ERR_INTERNAL;
    }
    CgStatus st = CG_OK;
    if (cg_gv_render(gvc, g, format, stream)) {
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_INTERNAL, NULL, 0, 0,
                "cannot render %s (is its Graphviz plugin installed?)", cg_format_name(format));
        st = CG_ERR_INTERNAL;
    }
    gvFreeLayout(gvc, g);
    return st;
}

CgStatus cg_export_diagram(const CgGraph *graph, CgFormat format, FILE *stream,
                           CgDiagSink *sink)
{
    if (cg_format_is_rdf(format)) {
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_USAGE, NULL, 0, 0, "%s is not a diagram format",
                cg_format_name(format));
        return CG_ERR_USAGE;
    }
    CgGvLog log = {sink, CG_BUF_INIT};
    CgGvLog *const saved_log = cg_gv_log;
    cg_gv_log = &log;
    const agusererrf saved_hook = agseterrf(cg_gv_error);
    Agraph_t *g = cg_build_agraph(graph);
    const CgStatus st = g ? cg_render(g, format, stream, sink) : CG_ERR_NOMEM;
    if (g) {
        agclose(g);
    }
    agseterrf(saved_hook);
    cg_gv_log = saved_log;
    cg_gv_flush(&log);
    cg_buf_free(&log.line);
    const CgStatus io = cg_stream_check(stream, "the diagram", sink);
    return st ? st : io;
}
