/* claimgraph render: an RDF graph written earlier -> a diagram. */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>

static void render_help(void)
{
    printf("Usage: claimgraph render [OPTIONS] GRAPH\n\n"
           "Draws a graph written earlier by 'claimgraph build' (Turtle, N-Triples,\n"
           "N-Quads or RDF/XML; the format comes from the extension).\n\n"
           "Options:\n"
           "  -o, --output FILE   the diagram: .svg .png .pdf or .dot (required;\n"
           "                      - writes to standard output, with -f)\n"
           "  -f, --format FMT    svg, png, pdf or dot (default: from the extension)\n"
           "  -h, --help          this help\n\n"
           "Example:\n"
           "  claimgraph render out/graph.ttl -o out/graph.png\n\n"
           "Exit status: 0 ok; 1 the graph could not be read or written; 2 usage.\n");
}

int cg_cmd_render(int argc, char **argv)
{
    static const struct option longs[] = {{"output", required_argument, NULL, 'o'},
                                          {"format", required_argument, NULL, 'f'},
                                          {"help", no_argument, NULL, 'h'},
                                          {NULL, 0, NULL, 0}};
    const char *path = NULL, *format = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:f:h", longs, NULL)) != -1) {
        switch (c) {
        case 'o': path = optarg; break;
        case 'f': format = optarg; break;
        case 'h': render_help(); return CG_EXIT_OK;
        default: return cg_cli_usage_error("render", "bad option");
        }
    }
    if (optind + 1 != argc) {
        return cg_cli_usage_error("render", "give exactly one GRAPH file");
    }
    if (!path) {
        return cg_cli_usage_error("render", "give the diagram's file with -o FILE.svg");
    }
    CgOutput out;
    if (!cg_cli_output_format("render", path, format, &out)) {
        return CG_EXIT_USAGE;
    }
    if (cg_format_is_rdf(out.format)) {
        return cg_cli_usage_error("render", "render draws diagrams: use svg, png, pdf or dot");
    }
    CgDiagSink sink = {NULL, NULL, 0, 0};
    CgGraph *graph = NULL;
    if (cg_import_rdf(argv[optind], &sink, &graph)) {
        return CG_EXIT_INPUT;
    }
    const int failed = cg_cli_write_outputs(graph, CG_DEFAULT_BASE, &out, 1, &sink);
    cg_graph_free(graph);
    return failed ? CG_EXIT_INPUT : CG_EXIT_OK;
}
