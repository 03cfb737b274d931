/* The words of a diagram beyond its labels: tooltips that show the evidence
 * on hover, and the links from edges to their documents. */
#include "diagram_internal.h"

#include "../core/bidi.h"
#include "../core/mem.h"
#include "rdf_common.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define CG_TOOLTIP_QUOTES 3   /* per predicate; then "and N more" */
#define CG_TOOLTIP_ALIASES 12
#define CG_QUOTE_MAX 200      /* bytes of a quote shown before "…" */

void cg_diagram_short_quote(const char *quote, CgBuf *out)
{
    size_t n = strlen(quote);
    const bool cut = n > CG_QUOTE_MAX;
    if (cut) {
        n = CG_QUOTE_MAX;
        while (n && ((unsigned char)quote[n] & 0xC0) == 0x80) {
            --n; /* back to the first byte of a UTF-8 character */
        }
    }
    /* A sentence broken over lines reads as one line. */
    for (size_t i = 0; i < n; ++i) {
        const bool space = quote[i] == '\n' || quote[i] == '\r' || quote[i] == '\t';
        cg_buf_putc(out, space ? ' ' : quote[i]);
    }
    if (cut) {
        cg_buf_puts(out, "\u2026");
    }
}

static void cg_mentions_line(const CgGraphEntity *e, CgBuf *out)
{
    if (e->mentions == 1) {
        cg_buf_puts(out, "\nmentioned once");
    } else if (e->mentions) {
        cg_buf_printf(out, "\nmentioned %zu times", e->mentions);
    } else {
        cg_buf_puts(out, "\nno mentions recorded");
    }
}

void cg_diagram_node_tooltip(const CgGraphEntity *e, CgBuf *out)
{
    cg_buf_clear(out);
    cg_buf_printf(out, "%s (%s, %s)", e->label, e->type, e->id);
    cg_mentions_line(e, out);
    for (size_t i = 0; i < e->n_aliases && i < CG_TOOLTIP_ALIASES; ++i) {
        cg_buf_puts(out, i ? ", " : " as: ");
        cg_buf_puts(out, e->aliases[i]);
    }
    if (e->n_aliases > CG_TOOLTIP_ALIASES) {
        cg_buf_printf(out, " and %zu more", e->n_aliases - CG_TOOLTIP_ALIASES);
    }
}

static void cg_quotes(const CgDiagram *d, size_t relation, CgBuf *out, CgBuf *short_quote)
{
    const size_t begin = d->ev_begin[relation], n = d->ev_end[relation] - begin;
    for (size_t i = 0; i < n && i < CG_TOOLTIP_QUOTES; ++i) {
        const CgGraphEvidence *ev = cg_graph_evidence(d->graph, d->evidence[begin + i]);
        /* each isolated: a U+202E in a quote or a file name must not turn
         * the rest of the line around */
        cg_buf_clear(short_quote);
        cg_diagram_short_quote(ev->quote, short_quote);
        cg_buf_puts(out, "\n\u201C");
        cg_bidi_isolate(out, cg_buf_str(short_quote));
        cg_buf_puts(out, "\u201D (");
        cg_bidi_isolate(out, cg_graph_document(d->graph, ev->document)->path);
        cg_buf_putc(out, ')');
        if (ev->claim.certainty || ev->claim.negated) {
            cg_buf_printf(out, " [%s]", ev->claim.negated ? "denied" : ev->claim.certainty);
        }
    }
    if (n > CG_TOOLTIP_QUOTES) {
        cg_buf_printf(out, "\nand %zu more", n - CG_TOOLTIP_QUOTES);
    }
}

void cg_diagram_edge_tooltip(const CgDiagram *d, const CgDrawnEdge *e, CgBuf *out)
{
    CgBuf short_quote = CG_BUF_INIT;
    cg_buf_clear(out);
    cg_buf_printf(out, "%s %s %s", cg_graph_entity(d->graph, e->subject)->label,
                  e->symmetric ? "\u2014" : "\u2192", cg_graph_entity(d->graph, e->object)->label);
    for (size_t i = 0; i < e->n_relations; ++i) {
        const size_t r = e->relations[i];
        const size_t n = d->ev_end[r] - d->ev_begin[r];
        cg_buf_printf(out, "\n%s: ", cg_graph_relation(d->graph, r)->predicate);
        if (n) {
            cg_buf_printf(out, n == 1 ? "%zu quote" : "%zu quotes", n);
        } else {
            cg_buf_puts(out, "no quote recorded");
        }
        cg_quotes(d, r, out, &short_quote);
    }
    cg_buf_free(&short_quote);
}

/* ---- links ------------------------------------------------------------ */

bool cg_diagram_web_url(const char *s)
{
    return !strncasecmp(s, "http://", 7) || !strncasecmp(s, "https://", 8);
}

typedef struct {
    const char *s;
    size_t n;
} CgSeg;

/* The components of an absolute path, with "." dropped and ".." applied
 * (lexically: documents may be gone by the time a graph is rendered). */
static size_t cg_segments(const char *path, CgSeg *segs)
{
    size_t n = 0;
    for (const char *p = path; *p;) {
        const size_t len = strcspn(p, "/");
        if (len == 2 && !strncmp(p, "..", 2)) {
            n -= n > 0;
        } else if (len && !(len == 1 && *p == '.')) {
            segs[n++] = (CgSeg){p, len};
        }
        p += len + (p[len] == '/');
    }
    return n;
}

static void cg_absolute(const char *path, CgBuf *out)
{
    char cwd[4096];
    cg_buf_clear(out);
    if (path[0] != '/' && getcwd(cwd, sizeof cwd)) {
        cg_buf_printf(out, "%s/", cwd);
    }
    cg_buf_puts(out, path);
}

/* The folder of the output file, absolute. */
static void cg_output_dir(const char *output, CgBuf *out)
{
    const char *slash = output && strcmp(output, "-") ? strrchr(output, '/') : NULL;
    if (!output || !strcmp(output, "-") || !slash) {
        cg_absolute(".", out);
        return;
    }
    CgBuf dir = CG_BUF_INIT;
    cg_buf_append(&dir, output, (size_t)(slash - output) + 1);
    cg_absolute(cg_buf_str(&dir), out);
    cg_buf_free(&dir);
}

static void cg_relative(const char *from_dir, const char *to, CgBuf *out)
{
    CgSeg *a = cg_xcalloc(strlen(from_dir) + 1, sizeof *a);
    CgSeg *b = cg_xcalloc(strlen(to) + 1, sizeof *b);
    const size_t na = cg_segments(from_dir, a), nb = cg_segments(to, b);
    size_t common = 0;
    while (common < na && common + 1 < nb && a[common].n == b[common].n &&
           !memcmp(a[common].s, b[common].s, a[common].n)) {
        ++common;
    }
    for (size_t i = common; i < na; ++i) {
        cg_buf_puts(out, "../");
    }
    CgBuf seg = CG_BUF_INIT;
    for (size_t i = common; i < nb; ++i) {
        cg_buf_clear(&seg);
        cg_buf_append(&seg, b[i].s, b[i].n);
        cg_iri_segment_encode(out, cg_buf_str(&seg));
        cg_buf_puts(out, i + 1 < nb ? "/" : "");
    }
    cg_buf_free(&seg);
    free(a);
    free(b);
}

bool cg_diagram_document_link(const CgDiagram *d, uint32_t doc, CgBuf *out)
{
    const CgGraphDocument *document = cg_graph_document(d->graph, doc);
    const char *path = document->path;
    cg_buf_clear(out);
    if (document->url && cg_diagram_web_url(document->url)) {
        path = document->url;
    }
    if (!strcmp(path, "stdin")) {
        return false; /* read from a pipe: nothing to link to */
    }
    if (cg_diagram_web_url(path)) {
        cg_buf_puts(out, path);
        return true;
    }
    CgBuf dir = CG_BUF_INIT, target = CG_BUF_INIT;
    cg_output_dir(d->opts.output_path, &dir);
    cg_absolute(path, &target);
    cg_relative(cg_buf_str(&dir), cg_buf_str(&target), out);
    cg_buf_free(&dir);
    cg_buf_free(&target);
    return true;
}
