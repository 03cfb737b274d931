/* Fuzzes the writers with arbitrary Unicode: the input is cut at 0xFF bytes
 * (no UTF-8 holds one) into two entity labels, an alias, a document path,
 * a quote and a title, in which \uXXXX and \UXXXXXX stand for any code
 * point encoded as UTF-8 would encode it: noncharacters (U+FFFE, U+FFFF),
 * surrogates (ED A0 80, which no well-formed UTF-8 holds: what Raptor reads
 * from an escaped \uD800), values past U+10FFFF, bidi controls.  Other
 * bytes go as they are, ill-formed or not.  Promises checked: the graph is
 * written in every format but the pictures (Turtle, N-Triples, N-Quads, DOT,
 * SVG, HTML); Turtle and N-Triples read back give every string exactly,
 * bytes that are not UTF-8 as U+FFFD; SVG and HTML are UTF-8 without a
 * character XML cannot hold; and each quote in a tooltip or the report is
 * an isolate that ends where the quote ends. */
#include "fuzz.h"

#include "core/buf.h"
#include "core/utf8.h"
#include "export/export.h"

#include <string.h>

#define FUZZ_FIELDS 6

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

static int fuzz_hex(const uint8_t *p, size_t n, uint32_t *cp)
{
    *cp = 0;
    for (size_t i = 0; i < n; ++i) {
        const char c = (char)p[i];
        const int v = c >= '0' && c <= '9'   ? c - '0'
                      : c >= 'a' && c <= 'f' ? c - 'a' + 10
                      : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                             : -1;
        if (v < 0) {
            return 0;
        }
        *cp = *cp << 4 | (uint32_t)v;
    }
    return 1;
}

/* UTF-8's bit pattern for any value below 2^21, surrogates included. */
static void fuzz_put_cp(CgBuf *out, uint32_t cp)
{
    if (cp < 0x80) {
        cg_buf_putc(out, (char)(cp ? cp : ' ')); /* strings end at NUL */
    } else if (cp < 0x800) {
        cg_buf_putc(out, (char)(0xC0 | cp >> 6));
        cg_buf_putc(out, (char)(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        cg_buf_putc(out, (char)(0xE0 | cp >> 12));
        cg_buf_putc(out, (char)(0x80 | (cp >> 6 & 0x3F)));
        cg_buf_putc(out, (char)(0x80 | (cp & 0x3F)));
    } else {
        cg_buf_putc(out, (char)(0xF0 | (cp >> 18 & 0x07)));
        cg_buf_putc(out, (char)(0x80 | (cp >> 12 & 0x3F)));
        cg_buf_putc(out, (char)(0x80 | (cp >> 6 & 0x3F)));
        cg_buf_putc(out, (char)(0x80 | (cp & 0x3F)));
    }
}

/* One field: escapes expanded, NUL bytes as spaces. */
static void fuzz_field(const uint8_t *p, size_t n, CgBuf *out)
{
    for (size_t i = 0; i < n; ++i) {
        const size_t digits = i + 1 < n && p[i] == '\\' ? (p[i + 1] == 'u'   ? 4
                                                           : p[i + 1] == 'U' ? 6
                                                                             : 0)
                                                         : 0;
        uint32_t cp = 0;
        if (digits && i + 2 + digits <= n && fuzz_hex(p + i + 2, digits, &cp) && cp < 0x200000) {
            fuzz_put_cp(out, cp);
            i += 1 + digits;
        } else {
            cg_buf_putc(out, p[i] ? (char)p[i] : ' ');
        }
    }
}

static CgGraph *fuzz_graph(CgBuf *f)
{
    CgGraph *g = cg_graph_new();
    const uint32_t a = cg_graph_add_entity(g, "a", "Person", cg_buf_str(&f[0]), NULL, 0);
    const uint32_t b = cg_graph_add_entity(g, "b", "Country", cg_buf_str(&f[1]), NULL, 0);
    cg_graph_add_alias_seen(g, a, f[2].data ? f[2].data : "", f[2].len);
    cg_graph_count_mention(g, a);
    const uint32_t doc = cg_graph_add_document(g, f[3].len ? cg_buf_str(&f[3]) : "d.txt");
    if (f[5].len) {
        cg_graph_set_document_meta(g, doc, "title", cg_buf_str(&f[5]));
    }
    cg_graph_add_evidence(g, "metWith", false, a, b, doc, "r", cg_buf_str(&f[4]), 0, f[4].len,
                          NULL);
    cg_graph_finish(g);
    return g;
}

static char *fuzz_write(const CgGraph *g, CgFormat format, size_t *len)
{
    char *data = NULL;
    FILE *f = open_memstream(&data, len);
    CG_FUZZ_ASSERT(f != NULL);
    CgDiagSink sink = CG_FUZZ_SINK;
    const CgStatus st = cg_format_is_rdf(format)
                            ? cg_export_rdf(g, CG_DEFAULT_BASE, format, f, &sink)
                            : cg_export_diagram(g, format, f, &sink);
    fclose(f);
    CG_FUZZ_ASSERT(st == CG_OK);
    return data;
}

static void fuzz_same_text(const char *written, const char *read)
{
    CgBuf valid = CG_BUF_INIT;
    CG_FUZZ_ASSERT(!strcmp(cg_utf8_sanitize(&valid, written), read));
    cg_buf_free(&valid);
}

static void fuzz_read_back(const CgGraph *g, const char *text, size_t len, const char *name)
{
    CgDiagSink sink = CG_FUZZ_SINK;
    CgGraph *back = NULL;
    CG_FUZZ_ASSERT(cg_import_rdf_string(text, len, name, &sink, &back) == CG_OK);
    CG_FUZZ_ASSERT(cg_graph_entity_count(back) == 2 && cg_graph_evidence_count(back) == 1);
    for (size_t i = 0; i < 2; ++i) {
        const CgGraphEntity *e = cg_graph_entity(g, i), *f = cg_graph_entity(back, i);
        fuzz_same_text(e->label, f->label);
        CG_FUZZ_ASSERT(e->n_aliases == f->n_aliases);
        for (size_t k = 0; k < e->n_aliases; ++k) {
            fuzz_same_text(e->aliases[k], f->aliases[k]);
        }
    }
    fuzz_same_text(cg_graph_document(g, 0)->path, cg_graph_document(back, 0)->path);
    const char *title = cg_graph_document(g, 0)->title;
    CG_FUZZ_ASSERT(!title == !cg_graph_document(back, 0)->title);
    if (title) {
        fuzz_same_text(title, cg_graph_document(back, 0)->title);
    }
    fuzz_same_text(cg_graph_evidence(g, 0)->quote, cg_graph_evidence(back, 0)->quote);
    cg_graph_free(back);
}

/* Well-formed UTF-8 that XML 1.0 can hold: no U+FFFE/U+FFFF, no C0
 * control but tab, line feed and carriage return. */
static void fuzz_xml_chars(const char *text, size_t len)
{
    const unsigned char *p = (const unsigned char *)text;
    for (size_t i = 0; i < len;) {
        const size_t n = cg_utf8_seq_len(p, len, i);
        CG_FUZZ_ASSERT(n > 0);
        const uint32_t cp = cg_utf8_value(p + i, n);
        CG_FUZZ_ASSERT(!cg_utf8_xml_forbidden(cp));
        CG_FUZZ_ASSERT(cp >= 0x20 || cp == '\t' || cp == '\n' || cp == '\r');
        i += n;
    }
}

/* +1 for LRI, RLI, FSI (E2 81 A6..A8), -1 for PDI (E2 81 A9), else 0. */
static int fuzz_isolate(const char *p)
{
    if ((unsigned char)p[0] != 0xE2 || (unsigned char)p[1] != 0x81) {
        return 0;
    }
    const unsigned char c = (unsigned char)p[2];
    return c >= 0xA6 && c <= 0xA8 ? 1 : c == 0xA9 ? -1 : 0;
}

/* After each `open` (which ends in an isolate initiator, depth 1, or not,
 * depth 0), the isolates stay balanced, no line ends inside, and the text
 * ends with `close` at depth 0. */
static void fuzz_isolated(const char *text, const char *open, int depth0, const char *close)
{
    for (const char *p = strstr(text, open); p; p = strstr(p, open)) {
        p += strlen(open);
        int depth = depth0;
        while (depth > 0 || strncmp(p, close, strlen(close))) {
            CG_FUZZ_ASSERT(*p && *p != '\n' && strncmp(p, "&#10;", 5));
            depth += fuzz_isolate(p);
            CG_FUZZ_ASSERT(depth >= 0);
            p += fuzz_isolate(p) ? 3 : 1;
        }
    }
}

static void fuzz_all_formats(const CgGraph *g)
{
    static const struct {
        CgFormat format;
        const char *name;
    } rdf[] = {{CG_FMT_TURTLE, "w.ttl"},
               {CG_FMT_NTRIPLES, "w.nt"},
               {CG_FMT_NQUADS, "w.nq"},
               {CG_FMT_TRIG, "w.trig"}};
    size_t len = 0;
    for (size_t i = 0; i < sizeof rdf / sizeof rdf[0]; ++i) {
        char *text = fuzz_write(g, rdf[i].format, &len);
        CgBuf valid = CG_BUF_INIT;
        CG_FUZZ_ASSERT(cg_utf8_sanitize(&valid, text) == text);
        cg_buf_free(&valid);
        if (rdf[i].name) {
            fuzz_read_back(g, text, len, rdf[i].name);
        }
        free(text);
    }
    free(fuzz_write(g, CG_FMT_DOT, &len));
    char *svg = fuzz_write(g, CG_FMT_SVG, &len);
    fuzz_xml_chars(svg, len);
    fuzz_isolated(svg, "\xE2\x80\x9C\xE2\x81\xA8", 1, "\xE2\x80\x9D (\xE2\x81\xA8");
    free(svg);
    char *html = fuzz_write(g, CG_FMT_HTML, &len);
    fuzz_xml_chars(html, len);
    fuzz_isolated(html, "<q><bdi>", 0, "</bdi></q>");
    free(html);
}

/* Only a quote may hold the opening quotation mark: else a label could
 * look like the start of a quote to fuzz_isolated. */
static void fuzz_unmark(CgBuf *f)
{
    for (char *p = f->data; p && (p = strstr(p, "\xE2\x80\x9C"));) {
        memcpy(p, "'''", 3);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    CgBuf f[FUZZ_FIELDS] = {CG_BUF_INIT, CG_BUF_INIT, CG_BUF_INIT,
                            CG_BUF_INIT, CG_BUF_INIT, CG_BUF_INIT};
    size_t k = 0, start = 0;
    for (size_t i = 0; i <= size && k < FUZZ_FIELDS; ++i) {
        if (i == size || data[i] == 0xFF) {
            fuzz_field(data + start, i - start, &f[k++]);
            start = i + 1;
        }
    }
    for (size_t i = 0; i < FUZZ_FIELDS; ++i) {
        if (i != 4) {
            fuzz_unmark(&f[i]);
        }
    }
    CgGraph *g = fuzz_graph(f);
    fuzz_all_formats(g);
    cg_graph_free(g);
    for (size_t i = 0; i < FUZZ_FIELDS; ++i) {
        cg_buf_free(&f[i]);
    }
    return 0;
}
