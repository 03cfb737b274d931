/* claimgraph render: an RDF graph written earlier -> a diagram. */
#include "cli.h"
#include "diagram_opts.h"

#include <getopt.h>
#include <stdio.h>

static void render_help(void)
{
    printf("Usage: claimgraph render [OPTIONS] GRAPH\n\n"
           "Draws a graph written earlier by 'claimgraph build' (Turtle, TriG,\n"
           "N-Triples, N-Quads or RDF/XML; the format comes from the extension).\n\n"
           "Options:\n"
           "  -o, --output FILE   the diagram: .svg .png .pdf .dot or .html (required;\n"
           "                      - writes to standard output, with -f)\n"
           "  -f, --format FMT    svg, png, pdf, dot or html (default: from the extension)\n"
           "  -h, --help          this help\n\n" CG_DIAGRAM_HELP "\n"
           "An SVG shows each relation's quotes when the pointer rests on its edge, and\n"
           "links each edge to its first source; html is one self-contained file: the\n"
           "diagram and a table of the relations with their quotes, with a filter box.\n\n"
           "Examples:\n"
           "  claimgraph render out/graph.ttl -o out/graph.png\n"
           "  claimgraph render out/graph.ttl -o out/report.html\n"
           "  claimgraph render out/graph.ttl --focus north-korea --depth 2 -o nk.svg\n"
           "  claimgraph render out/graph.ttl --types Person,Country --min-evidence 2 -o g.svg\n\n"
           "Exit status: 0 ok; 1 the graph could not be read or drawn, or written; 2 usage,\n"
           "or the output's folder missing or not writable (checked before reading).\n");
}

typedef struct {
    const char *path, *format;
    CgCliDiagram diagram;
} CgRenderOptions;

/* Returns -1 to go on, else an exit status. */
static int render_parse(int argc, char **argv, CgRenderOptions *o)
{
    static const struct option longs[] = {{"output", required_argument, NULL, 'o'},
                                          {"format", required_argument, NULL, 'f'},
                                          {"help", no_argument, NULL, 'h'},
                                          CG_DIAGRAM_LONGOPTS,
                                          {NULL, 0, NULL, 0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:f:h", longs, NULL)) != -1) {
        switch (c) {
        case 'o': o->path = optarg; break;
        case 'f': o->format = optarg; break;
        case 'h': render_help(); return CG_EXIT_OK;
        default:
            if (cg_cli_diagram_option("render", c, optarg, &o->diagram)) {
                return CG_EXIT_USAGE;
            }
        }
    }
    if (optind + 1 != argc) {
        return cg_cli_usage_error("render", "give exactly one GRAPH file");
    }
    if (!o->path) {
        return cg_cli_usage_error("render", "give the diagram's file with -o FILE.svg");
    }
    return -1;
}

int cg_cmd_render(int argc, char **argv)
{
    CgRenderOptions o = {NULL, NULL, {0}};
    const int done = render_parse(argc, argv, &o);
    if (done >= 0) {
        return done;
    }
    CgOutput out;
    if (!cg_cli_output_format("render", o.path, o.format, &out)) {
        return CG_EXIT_USAGE;
    }
    if (cg_format_is_rdf(out.format)) {
        return cg_cli_usage_error("render",
                                  "render draws diagrams: use svg, png, pdf, dot or html");
    }
    out.diagram = cg_cli_diagram_get(&o.diagram);
    if (!cg_cli_outputs_writable("render", &o.path, 1)) {
        return CG_EXIT_USAGE;
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
