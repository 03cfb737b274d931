/* The HTML report: one file that opens anywhere without a server or a
 * network.  The SVG diagram goes inline, then a table of the relations drawn
 * with all their quotes and sources, and a few lines of script to filter
 * the table.  A Content-Security-Policy forbids any resource from elsewhere,
 * so that the file cannot leak that it was opened. */
#include "diagram_internal.h"

#include "../core/bidi.h"

#include <string.h>

static const char cg_html_head[] =
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
    "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<title>claimgraph report</title>\n<style>\n"
    "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;"
    "margin:1.5rem;color:#222;background:#fff}\n"
    "h1{font-size:1.4rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}\n"
    ".summary,#count,.src{color:#555}\n"
    "#diagram{border:1px solid #ddd;border-radius:6px;padding:.5rem;overflow:auto}\n"
    "#diagram svg{max-width:100%;height:auto}\n"
    "#filter{font:inherit;padding:.35rem .5rem;width:min(28rem,90%);border:1px solid #888;"
    "border-radius:4px}\n#count{margin-left:.75rem}\n"
    "table{border-collapse:collapse;width:100%;margin-top:.75rem}\n"
    "th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;"
    "border-bottom:1px solid #e3e3e3}\nth{background:#f3f3f3;position:sticky;top:0}\n"
    "td.n{text-align:right}ol{margin:0;padding-left:1.3rem}.src{font-size:.9em}\n"
    ".tag{font-size:.8em;border:1px solid #aaa;border-radius:3px;padding:0 .3em}\n"
    ".swatch{display:inline-block;width:1.6em;height:.3em;vertical-align:middle;"
    "margin-right:.4em}\n"
    "</style>\n</head>\n<body>\n<h1>claimgraph report</h1>\n";

static const char cg_html_table_head[] =
    "<h2>Relations</h2>\n<p><label for=\"filter\">Filter:</label> "
    "<input id=\"filter\" type=\"search\" autocomplete=\"off\" "
    "placeholder=\"an entity, a predicate, a word of a quote, a source\">"
    "<span id=\"count\" aria-live=\"polite\"></span></p>\n"
    "<table id=\"relations\">\n<thead><tr><th>Subject</th><th>Predicate</th><th>Object</th>"
    "<th>Support</th><th>Evidence and sources</th></tr></thead>\n<tbody>\n";

/* Rows whose text holds what was typed stay; the count says how many. */
static const char cg_html_tail[] =
    "</tbody>\n</table>\n<script>\n"
    "(function () {\n"
    "  var box = document.getElementById('filter');\n"
    "  var count = document.getElementById('count');\n"
    "  var rows = Array.prototype.slice.call(document.querySelectorAll('#relations tbody tr'));\n"
    "  function run() {\n"
    "    var q = box.value.trim().toLowerCase(), shown = 0;\n"
    "    rows.forEach(function (row) {\n"
    "      var keep = !q || row.textContent.toLowerCase().indexOf(q) >= 0;\n"
    "      row.hidden = !keep;\n"
    "      shown += keep ? 1 : 0;\n"
    "    });\n"
    "    count.textContent = shown + ' of ' + rows.length + ' relations';\n"
    "  }\n"
    "  box.addEventListener('input', run);\n"
    "  run();\n"
    "})();\n"
    "</script>\n</body>\n</html>\n";

static void cg_put_escaped(FILE *stream, CgBuf *buf, const char *text)
{
    cg_buf_clear(buf);
    cg_diagram_xml_escape(buf, text);
    fputs(cg_buf_str(buf), stream);
}

/* Text from a document or a file name, in <bdi> so that a bidi control in
 * it cannot reorder what follows; balanced, so that it cannot close the
 * isolate early either. */
static void cg_put_isolated(FILE *stream, CgBuf *buf, const char *text)
{
    CgBuf balanced = CG_BUF_INIT;
    cg_bidi_balance(&balanced, text);
    fputs("<bdi>", stream);
    cg_put_escaped(stream, buf, cg_buf_str(&balanced));
    fputs("</bdi>", stream);
    cg_buf_free(&balanced);
}

static void cg_html_summary(const CgDiagram *d, FILE *stream)
{
    size_t quotes = 0;
    for (size_t i = 0; i < cg_graph_relation_count(d->graph); ++i) {
        quotes += d->sel.relations[i] ? d->ev_end[i] - d->ev_begin[i] : 0;
    }
    fprintf(stream,
            "<p class=\"summary\">%zu entities, %zu relations, %zu quotes from %zu "
            "documents. Hover over an edge for its quotes; click it for its source.</p>\n",
            d->sel.n_entities, d->sel.n_relations, quotes, cg_graph_document_count(d->graph));
}

/* Graphviz's SVG after its XML declaration, doctype and comment. */
static void cg_html_svg(const char *svg, size_t len, FILE *stream)
{
    const char *start = svg;
    while (start && (size_t)(start - svg) + 4 < len && strncmp(start, "<svg", 4)) {
        start = memchr(start + 1, '<', len - (size_t)(start + 1 - svg));
    }
    fputs("<div id=\"diagram\">\n", stream);
    if (start) {
        fwrite(start, 1, len - (size_t)(start - svg), stream);
    }
    fputs("</div>\n", stream);
}

static void cg_html_entity_cell(const CgDiagram *d, uint32_t e, FILE *stream, CgBuf *buf)
{
    const CgGraphEntity *ent = cg_graph_entity(d->graph, e);
    fputs("<td title=\"", stream);
    cg_put_escaped(stream, buf, ent->id);
    fputs("\">", stream);
    cg_put_escaped(stream, buf, ent->label);
    fputs("</td>", stream);
}

static void cg_html_source(const CgDiagram *d, const CgGraphEvidence *ev, FILE *stream,
                           CgBuf *buf)
{
    const char *path = cg_graph_document(d->graph, ev->document)->path;
    if (cg_diagram_document_link(d, ev->document, buf)) {
        CgBuf href = CG_BUF_INIT;
        cg_diagram_xml_escape(&href, cg_buf_str(buf));
        fprintf(stream, " <a class=\"src\" href=\"%s\">", cg_buf_str(&href));
        cg_buf_free(&href);
        cg_put_isolated(stream, buf, path);
        fputs("</a>", stream);
    } else {
        fputs(" <span class=\"src\">", stream);
        cg_put_isolated(stream, buf, path);
        fputs("</span>", stream);
    }
}

static void cg_html_quotes(const CgDiagram *d, size_t r, FILE *stream, CgBuf *buf)
{
    fputs("<td><ol>", stream);
    for (size_t k = d->ev_begin[r]; k < d->ev_end[r]; ++k) {
        const CgGraphEvidence *ev = cg_graph_evidence(d->graph, d->evidence[k]);
        fputs("<li><q>", stream);
        cg_put_isolated(stream, buf, ev->quote);
        fputs("</q>", stream);
        if (ev->claim.certainty || ev->claim.negated) {
            fputs(" <span class=\"tag\">", stream);
            cg_put_escaped(stream, buf, ev->claim.negated ? "denied" : ev->claim.certainty);
            fputs("</span>", stream);
        }
        cg_html_source(d, ev, stream, buf);
        fputs("</li>", stream);
    }
    fputs("</ol></td>", stream);
}

static void cg_html_row(const CgDiagram *d, size_t r, FILE *stream, CgBuf *buf)
{
    const CgGraphRelation *rel = cg_graph_relation(d->graph, r);
    fputs("<tr>", stream);
    cg_html_entity_cell(d, rel->subject, stream, buf);
    fprintf(stream, "<td><span class=\"swatch\" style=\"background:%s\"></span>",
            cg_diagram_edge_style(d, rel->predicate).colour);
    cg_put_escaped(stream, buf, rel->predicate);
    fputs(rel->symmetric ? " <span class=\"tag\">both ways</span></td>" : "</td>", stream);
    cg_html_entity_cell(d, rel->object, stream, buf);
    fprintf(stream, "<td class=\"n\">%zu</td>", cg_diagram_support(rel));
    cg_html_quotes(d, r, stream, buf);
    fputs("</tr>\n", stream);
}

void cg_diagram_write_html(const CgDiagram *d, const char *svg, size_t len, FILE *stream)
{
    CgBuf buf = CG_BUF_INIT;
    fputs(cg_html_head, stream);
    cg_html_summary(d, stream);
    cg_html_svg(svg, len, stream);
    fputs(cg_html_table_head, stream);
    for (size_t r = 0; r < cg_graph_relation_count(d->graph); ++r) {
        if (d->sel.relations[r]) {
            cg_html_row(d, r, stream, &buf);
        }
    }
    fputs(cg_html_tail, stream);
    cg_buf_free(&buf);
}
