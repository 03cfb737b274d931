/* claimgraph merge: graphs built from disjoint documents (build --shard)
 * -> one graph, the same bytes as one build over all of them. */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>

#define CG_MERGE_MAX_OUTPUTS 16

typedef struct {
    const char *base, *format;
    const char *out_paths[CG_MERGE_MAX_OUTPUTS];
    int n_out;
} CgMergeOptions;

static void merge_help(void)
{
    printf("Usage: claimgraph merge [OPTIONS] GRAPH...\n\n"
           "Unites graphs written by 'claimgraph build' (Turtle, TriG, N-Triples,\n"
           "N-Quads or RDF/XML; the format comes from the extension): entities are merged by id\n"
           "(mention counts add up, aliases are united), documents by path, and every\n"
           "evidence resource is kept.  Merging the graphs of 'build --shard 1/N' ...\n"
           "'build --shard N/N' gives the same bytes as one build over all documents.\n\n"
           "Options:\n"
           "  -o, --output FILE   where to write (- for standard output, the default);\n"
           "                      repeat to write several formats\n"
           "  -f, --format FMT    turtle, ntriples, nquads, dot, svg, png, pdf or html\n"
           "                      (default: from the -o extension; turtle for -)\n"
           "  -b, --base IRI      base of the graph's IRIs, an absolute IRI (RFC 3987)\n"
           "                      (default: %s)\n"
           "  -h, --help          this help\n\n"
           "Example:\n"
           "  for k in 1 2 3; do claimgraph build --shard $k/3 -o g$k.ttl corpus & done; wait\n"
           "  claimgraph merge g1.ttl g2.ttl g3.ttl -o graph.ttl\n\n"
           "Exit status: 0 ok; 1 a graph could not be read or an output written\n"
           "(nothing is written when a graph could not be read); 2 usage, or an\n"
           "output's folder missing or not writable (checked before reading).\n",
           CG_DEFAULT_BASE);
}

/* Returns -1 to go on, else an exit status. */
static int merge_parse(int argc, char **argv, CgMergeOptions *o)
{
    static const struct option longs[] = {
        {"output", required_argument, NULL, 'o'}, {"format", required_argument, NULL, 'f'},
        {"base", required_argument, NULL, 'b'},   {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:f:b:h", longs, NULL)) != -1) {
        switch (c) {
        case 'f': o->format = optarg; break;
        case 'b': o->base = optarg; break;
        case 'h': merge_help(); return CG_EXIT_OK;
        case 'o':
            if (o->n_out == CG_MERGE_MAX_OUTPUTS) {
                return cg_cli_usage_error("merge", "at most %d outputs", CG_MERGE_MAX_OUTPUTS);
            }
            o->out_paths[o->n_out++] = optarg;
            break;
        default: return cg_cli_usage_error("merge", "unknown option");
        }
    }
    if (optind >= argc) {
        return cg_cli_usage_error("merge", "no GRAPH given");
    }
    if (o->format && o->n_out > 1) {
        return cg_cli_usage_error("merge", "-f applies to a single -o; with several, "
                                           "the extensions give the formats");
    }
    if (!cg_cli_base_ok("merge", o->base)) {
        return CG_EXIT_USAGE;
    }
    return -1;
}

/* Reads every graph into one; false (reported) when one could not be read. */
static bool merge_read(char **paths, int n, CgGraph *graph, CgDiagSink *sink)
{
    for (int i = 0; i < n; ++i) {
        if (cg_import_rdf_into(paths[i], graph, sink) != CG_OK) {
            fprintf(stderr, "claimgraph merge: cannot read %s (above); nothing was written\n",
                    paths[i]);
            return false;
        }
    }
    return true;
}

int cg_cmd_merge(int argc, char **argv)
{
    CgMergeOptions o = {CG_DEFAULT_BASE, NULL, {NULL}, 0};
    const int done = merge_parse(argc, argv, &o);
    if (done >= 0) {
        return done;
    }
    if (!o.n_out) {
        o.out_paths[o.n_out++] = "-";
    }
    CgOutput outputs[CG_MERGE_MAX_OUTPUTS];
    for (int i = 0; i < o.n_out; ++i) {
        if (!cg_cli_output_format("merge", o.out_paths[i], o.format, &outputs[i])) {
            return CG_EXIT_USAGE;
        }
        outputs[i].diagram = NULL;
    }
    if (!cg_cli_outputs_writable("merge", o.out_paths, o.n_out)) {
        return CG_EXIT_USAGE;
    }
    CgDiagSink sink = {NULL, NULL, 0, 0};
    CgGraph *graph = cg_graph_new();
    const bool read = merge_read(argv + optind, argc - optind, graph, &sink);
    cg_graph_finish(graph);
    const int failed = read ? cg_cli_write_outputs(graph, o.base, outputs, o.n_out, &sink) : 0;
    cg_graph_free(graph);
    return !read || failed ? CG_EXIT_INPUT : CG_EXIT_OK;
}
