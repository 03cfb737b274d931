/* Fuzzes reading a graph back from RDF (what `render` does), from memory:
 * Turtle through src/rdf/ (serd) into the graph.  Promises checked: a failed parse
 * is reported; a graph that was read can be written as Turtle and as
 * DOT, and the Turtle read back gives the same entities, documents,
 * evidence and relations (the writer and the reader never disagree). */
#include "fuzz.h"

#include "core/utf8.h"
#include "export/export.h"

#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

/* The graph written in `format` to memory; NULL when writing failed. */
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
    if (st) {
        CG_FUZZ_ASSERT(sink.errors > 0);
        free(data);
        return NULL;
    }
    return data;
}

/* `b` is `a` written and read back: the same, but for text that was not
 * UTF-8, which the writer replaced with U+FFFD. */
static void fuzz_same_graph(const CgGraph *a, const CgGraph *b)
{
    CgBuf valid = CG_BUF_INIT;
    CG_FUZZ_ASSERT(cg_graph_entity_count(a) == cg_graph_entity_count(b));
    CG_FUZZ_ASSERT(cg_graph_document_count(a) == cg_graph_document_count(b));
    CG_FUZZ_ASSERT(cg_graph_evidence_count(a) == cg_graph_evidence_count(b));
    CG_FUZZ_ASSERT(cg_graph_relation_count(a) == cg_graph_relation_count(b));
    for (size_t i = 0; i < cg_graph_entity_count(a); ++i) {
        CG_FUZZ_ASSERT(!strcmp(cg_graph_entity(a, i)->id, cg_graph_entity(b, i)->id));
        const char *label = cg_utf8_sanitize(&valid, cg_graph_entity(a, i)->label);
        CG_FUZZ_ASSERT(!strcmp(label, cg_graph_entity(b, i)->label));
    }
    cg_buf_free(&valid);
}

static void fuzz_round_trip(const CgGraph *g)
{
    size_t len = 0;
    char *ttl = fuzz_write(g, CG_FMT_TURTLE, &len);
    CG_FUZZ_ASSERT(ttl != NULL);
    CgDiagSink sink = CG_FUZZ_SINK;
    CgGraph *back = NULL;
    CG_FUZZ_ASSERT(cg_import_rdf_string(ttl, len, "fuzz-back.ttl", &sink, &back) == CG_OK);
    fuzz_same_graph(g, back);
    cg_graph_free(back);
    free(ttl);
    char *dot = fuzz_write(g, CG_FMT_DOT, &len);
    CG_FUZZ_ASSERT(dot != NULL);
    free(dot);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    CgDiagSink sink = CG_FUZZ_SINK;
    CgGraph *g = NULL;
    const CgStatus st = cg_import_rdf_string((const char *)data, size, "fuzz.ttl", &sink, &g);
    CG_FUZZ_ASSERT((st == CG_OK) == (g != NULL));
    CG_FUZZ_ASSERT(st == CG_OK || sink.errors > 0);
    if (g) {
        fuzz_round_trip(g);
    }
    cg_graph_free(g);
    return 0;
}
