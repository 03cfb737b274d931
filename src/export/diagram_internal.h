/* Private to export/: the parts of the diagram writer.  A CgDiagram is what
 * will be drawn, after the filters: the relations merged into edges and
 * each relation's evidence at hand.  The Graphviz builder (diagram.c) and
 * the HTML report (diagram_html.c) both read it. */
#ifndef CG_EXPORT_DIAGRAM_INTERNAL_H
#define CG_EXPORT_DIAGRAM_INTERNAL_H

#include "../core/buf.h"
#include "export.h"

#include <stdint.h>

/* The relations between two entities, the same way round (or all
 * symmetric), drawn as one edge. */
typedef struct {
    uint32_t subject, object;
    bool symmetric;
    const size_t *relations; /* graph relation indexes, in predicate order */
    size_t n_relations;
    size_t support;          /* drawn support, summed over the relations */
    bool asserted;           /* some evidence states it as a fact */
} CgDrawnEdge;

typedef struct {
    const CgGraph *graph;
    CgDiagramOptions opts;
    CgDiagramSelection sel;
    CgLayout layout;          /* resolved: never CG_LAYOUT_AUTO */
    CgDrawnEdge *edges;
    size_t n_edges;
    size_t *edge_relations;   /* what the edges' `relations` point into */
    size_t *evidence;         /* evidence indexes grouped by relation: */
    size_t *ev_begin, *ev_end; /* relation i's are evidence[ev_begin[i] .. ev_end[i]) */
    const char **predicates;  /* the whole graph's, sorted, borrowed: a
                               * predicate keeps its colour whatever is drawn */
    size_t n_predicates;
} CgDiagram;

/* Selects (reporting problems to `sink`) and groups; clear it after. */
CgStatus cg_diagram_init(CgDiagram *d, const CgGraph *graph, const CgDiagramOptions *opts,
                         CgDiagSink *sink);
void cg_diagram_clear(CgDiagram *d);

/* The quotes that assert a relation; one read back without evidence was
 * still asserted once, one whose quotes all deny it is not (0). */
size_t cg_diagram_support(const CgGraphRelation *r);
/* The rank of `predicate` among the graph's predicates. */
size_t cg_diagram_predicate_rank(const CgDiagram *d, const char *predicate);
/* The first document that supports the edge, or UINT32_MAX. */
uint32_t cg_diagram_edge_document(const CgDiagram *d, const CgDrawnEdge *e);

/* Styles (diagram_style.c). */
typedef struct {
    const char *shape, *fill, *font;
} CgNodeStyle;

typedef struct {
    const char *colour, *arrowhead;
} CgEdgeStyle;

CgNodeStyle cg_diagram_node_style(const char *type);
CgEdgeStyle cg_diagram_edge_style(const CgDiagram *d, const char *predicate);
/* The legend of the types and predicates drawn, as an HTML-like label
 * (without the enclosing < >); empty when nothing is drawn. */
void cg_diagram_legend(const CgDiagram *d, CgBuf *out);
/* Appends `text` escaped for XML and HTML text and attribute values. */
void cg_diagram_xml_escape(CgBuf *out, const char *text);

/* Texts (diagram_text.c), plain: the caller escapes them for the output. */
void cg_diagram_node_tooltip(const CgGraphEntity *e, CgBuf *out);
void cg_diagram_edge_tooltip(const CgDiagram *d, const CgDrawnEdge *e, CgBuf *out);
/* A quote cut to a readable length on a character boundary. */
void cg_diagram_short_quote(const char *quote, CgBuf *out);
/* Whether `s` is an http(s) URL: the only kind linked as it is, since a
 * javascript: or data: link in a report would run when clicked. */
bool cg_diagram_web_url(const char *s);
/* A link to document `doc`: its http(s) URL, or its path relative to the
 * folder of the output (percent-encoded); false for standard input. */
bool cg_diagram_document_link(const CgDiagram *d, uint32_t doc, CgBuf *out);

/* The HTML report (diagram_html.c) around an SVG rendering of `d`. */
void cg_diagram_write_html(const CgDiagram *d, const char *svg, size_t len, FILE *stream);

#endif
