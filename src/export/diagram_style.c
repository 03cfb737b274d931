/* How types and predicates look, and the legend that says so.  All colours
 * come from the Okabe-Ito palette, which stays distinguishable under the
 * common colour-vision deficiencies. */
#include "diagram_internal.h"

#include "../core/hash.h"
#include "../core/mem.h"
#include "../core/utf8.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *fill, *font;
} CgColour;

static const CgColour cg_palette[] = {
    {"#E69F00", "black"}, {"#56B4E9", "black"}, {"#009E73", "black"}, {"#F0E442", "black"},
    {"#0072B2", "white"}, {"#D55E00", "black"}, {"#CC79A7", "black"},
};

typedef struct {
    const char *type, *shape;
    size_t colour;
} CgKnownType;

static const CgKnownType cg_known_types[] = {
    {"Person", "ellipse", 0},
    {"Country", "box", 1},
    {"Organization", "hexagon", 2},
    {"Place", "house", 3},
};

/* Lines: the palette without its yellow, too faint on white, and with
 * black and its grey.  Predicates beyond it repeat a colour with another
 * arrowhead. */
static const char *const cg_line_colours[] = {"#000000", "#0072B2", "#D55E00", "#009E73",
                                              "#CC79A7", "#E69F00", "#56B4E9", "#999999"};
static const char *const cg_arrowheads[] = {"normal", "vee", "diamond", "box"};

#define CG_N_PALETTE (sizeof cg_palette / sizeof cg_palette[0])
#define CG_N_KNOWN (sizeof cg_known_types / sizeof cg_known_types[0])
#define CG_N_LINES (sizeof cg_line_colours / sizeof cg_line_colours[0])
#define CG_N_ARROWS (sizeof cg_arrowheads / sizeof cg_arrowheads[0])

/* Any other type keeps one colour from run to run: the type name's stable
 * hash picks it among the colours the known types leave free. */
CgNodeStyle cg_diagram_node_style(const char *type)
{
    for (size_t i = 0; i < CG_N_KNOWN; ++i) {
        if (!strcmp(type, cg_known_types[i].type)) {
            const CgColour c = cg_palette[cg_known_types[i].colour];
            return (CgNodeStyle){cg_known_types[i].shape, c.fill, c.font};
        }
    }
    const uint64_t h = cg_hash_final(cg_hash_str(CG_HASH_SEED, type));
    const CgColour c = cg_palette[CG_N_KNOWN + h % (CG_N_PALETTE - CG_N_KNOWN)];
    return (CgNodeStyle){"octagon", c.fill, c.font};
}

CgEdgeStyle cg_diagram_edge_style(const CgDiagram *d, const char *predicate)
{
    const size_t rank = cg_diagram_predicate_rank(d, predicate);
    return (CgEdgeStyle){cg_line_colours[rank % CG_N_LINES],
                         cg_arrowheads[rank / CG_N_LINES % CG_N_ARROWS]};
}

void cg_diagram_xml_escape(CgBuf *out, const char *text)
{
    CgBuf valid = CG_BUF_INIT;
    text = cg_utf8_sanitize_xml(&valid, text); /* else the XML would be void */
    for (const char *p = text; *p; ++p) {
        switch (*p) {
        case '&': cg_buf_puts(out, "&amp;"); break;
        case '<': cg_buf_puts(out, "&lt;"); break;
        case '>': cg_buf_puts(out, "&gt;"); break;
        case '"': cg_buf_puts(out, "&quot;"); break;
        case '\'': cg_buf_puts(out, "&#39;"); break;
        default: cg_buf_putc(out, (unsigned char)*p < 0x20 ? ' ' : *p);
        }
    }
    cg_buf_free(&valid);
}

static int cg_str_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The types of the entities drawn, sorted, without repeats (borrowed). */
static const char **cg_drawn_types(const CgDiagram *d, size_t *n)
{
    const size_t ne = cg_graph_entity_count(d->graph);
    const char **types = cg_xcalloc(ne ? ne : 1, sizeof *types);
    size_t k = 0;
    for (size_t i = 0; i < ne; ++i) {
        if (d->sel.entities[i]) {
            types[k++] = cg_graph_entity(d->graph, i)->type;
        }
    }
    qsort(types, k, sizeof *types, cg_str_cmp);
    *n = 0;
    for (size_t i = 0; i < k; ++i) {
        if (!*n || strcmp(types[*n - 1], types[i])) {
            types[(*n)++] = types[i];
        }
    }
    return types;
}

/* Drawn predicates, each once, in rank order, as ranks; *symmetric tells
 * (by rank) which are drawn without arrowheads. */
static size_t *cg_drawn_predicates(const CgDiagram *d, size_t *n, bool **symmetric)
{
    const size_t np = d->n_predicates ? d->n_predicates : 1;
    bool *drawn = cg_xcalloc(np, sizeof *drawn);
    *symmetric = cg_xcalloc(np, sizeof **symmetric);
    for (size_t i = 0; i < cg_graph_relation_count(d->graph); ++i) {
        const CgGraphRelation *r = cg_graph_relation(d->graph, i);
        if (d->sel.relations[i]) {
            const size_t rank = cg_diagram_predicate_rank(d, r->predicate);
            drawn[rank] = true;
            (*symmetric)[rank] |= r->symmetric;
        }
    }
    size_t *ranks = cg_xcalloc(np, sizeof *ranks);
    *n = 0;
    for (size_t i = 0; i < d->n_predicates; ++i) {
        if (drawn[i]) {
            ranks[(*n)++] = i;
        }
    }
    free(drawn);
    return ranks;
}

/* A swatch of the type's fill with its name, then its shape's name. */
static void cg_legend_type(CgBuf *out, const char *type)
{
    if (!type) {
        cg_buf_puts(out, "<TD></TD><TD></TD>");
        return;
    }
    const CgNodeStyle s = cg_diagram_node_style(type);
    cg_buf_printf(out, "<TD BGCOLOR=\"%s\"><FONT COLOR=\"%s\">", s.fill, s.font);
    cg_diagram_xml_escape(out, type);
    cg_buf_printf(out, "</FONT></TD><TD ALIGN=\"LEFT\"><I>%s</I></TD>", s.shape);
}

/* A sample of the line (a thin filled cell, centred by its own table),
 * then the predicate's name. */
static void cg_legend_predicate(const CgDiagram *d, CgBuf *out, const char *predicate,
                                bool symmetric)
{
    if (!predicate) {
        cg_buf_puts(out, "<TD></TD><TD></TD>");
        return;
    }
    cg_buf_printf(out,
                  "<TD><TABLE BORDER=\"0\" CELLPADDING=\"0\" CELLSPACING=\"0\"><TR>"
                  "<TD BGCOLOR=\"%s\" WIDTH=\"30\" HEIGHT=\"3\" FIXEDSIZE=\"TRUE\"></TD>"
                  "</TR></TABLE></TD><TD ALIGN=\"LEFT\">",
                  cg_diagram_edge_style(d, predicate).colour);
    cg_diagram_xml_escape(out, predicate);
    cg_buf_puts(out, symmetric ? " <I>(both ways)</I></TD>" : "</TD>");
}

static bool cg_any_reported(const CgDiagram *d)
{
    for (size_t i = 0; i < d->n_edges; ++i) {
        if (!d->edges[i].asserted) {
            return true;
        }
    }
    return false;
}

static void cg_legend_notes(const CgDiagram *d, CgBuf *out)
{
    static const char row[] =
        "<TR><TD COLSPAN=\"5\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">%s</FONT></TD></TR>";
    cg_buf_printf(out, row, "wider: more supporting quotes; hover over an edge for them");
    if (cg_any_reported(d)) {
        cg_buf_printf(out, row, "dashed: no quote states it as a fact");
    }
}

/* One table, types beside predicates, so that both columns share rows. */
void cg_diagram_legend(const CgDiagram *d, CgBuf *out)
{
    cg_buf_clear(out);
    if (!d->sel.n_entities) {
        return;
    }
    size_t nt, np;
    bool *symmetric;
    const char **types = cg_drawn_types(d, &nt);
    size_t *ranks = cg_drawn_predicates(d, &np, &symmetric);
    cg_buf_printf(out, "<TABLE BORDER=\"1\" COLOR=\"#BBBBBB\" CELLBORDER=\"0\" CELLSPACING=\"3\" "
                       "CELLPADDING=\"3\" STYLE=\"rounded\"><TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">"
                       "<B>Entities</B></TD><TD WIDTH=\"10\"></TD><TD COLSPAN=\"2\" "
                       "ALIGN=\"LEFT\">%s</TD></TR>",
                  np ? "<B>Relations</B>" : "");
    for (size_t i = 0; i < nt || i < np; ++i) {
        cg_buf_puts(out, "<TR>");
        cg_legend_type(out, i < nt ? types[i] : NULL);
        cg_buf_puts(out, "<TD></TD>");
        cg_legend_predicate(d, out, i < np ? d->predicates[ranks[i]] : NULL,
                            i < np && symmetric[ranks[i]]);
        cg_buf_puts(out, "</TR>");
    }
    if (np) {
        cg_legend_notes(d, out);
    }
    cg_buf_puts(out, "</TABLE>");
    free(types);
    free(ranks);
    free(symmetric);
}
