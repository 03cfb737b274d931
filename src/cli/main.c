/* claimgraph: build knowledge graphs from text with YAML rules.
 * main only dispatches; each command lives in cmd_*.c. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} CgCommand;

static const CgCommand cg_commands[] = {
    {"build", cg_cmd_build, "read documents, write the graph (RDF or a diagram)"},
    {"render", cg_cmd_render, "draw a graph written earlier (SVG, PNG, PDF, DOT)"},
    {"check", cg_cmd_check, "validate rules and summarise them"},
    {"explain", cg_cmd_explain, "show what the rules see in a document, sentence by sentence"},
    {"diff", cg_cmd_diff, "compare two RDF graphs (summary, patch, diagram)"},
    {"patch", cg_cmd_patch, "apply a patch from diff to a graph"},
    {"merge", cg_cmd_merge, "unite graphs built from disjoint documents (build --shard)"},
    {"load", cg_cmd_load, "send a graph file to a triple store (SPARQL Graph Store)"},
};

static void print_usage(FILE *out)
{
    fputs("Usage: claimgraph COMMAND [OPTIONS] ...\n\n"
          "Builds a knowledge graph from text: YAML rules name the entities and the\n"
          "sentence shapes that assert relations; every relation keeps its source\n"
          "(document, offsets, quote).\n\nCommands:\n",
          out);
    for (size_t i = 0; i < sizeof cg_commands / sizeof *cg_commands; ++i) {
        fprintf(out, "  %-8s %s\n", cg_commands[i].name, cg_commands[i].summary);
    }
    fputs("\nRun 'claimgraph COMMAND --help' for a command's options.\n\n"
          "Example:\n  claimgraph build --rules rules -o out/graph.ttl -o out/graph.svg examples\n\n"
          "Exit status: 0 ok; 1 input problems were reported (the rest was done);\n"
          "2 usage or rule errors (nothing was read).\n",
          out);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        print_usage(stderr);
        return CG_EXIT_USAGE;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        print_usage(stdout);
        return CG_EXIT_OK;
    }
    if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
        printf("claimgraph %s\n", CG_VERSION);
        return CG_EXIT_OK;
    }
    cg_cli_install_signal_handlers();
    for (size_t i = 0; i < sizeof cg_commands / sizeof *cg_commands; ++i) {
        if (!strcmp(argv[1], cg_commands[i].name)) {
            return cg_commands[i].run(argc - 1, argv + 1);
        }
    }
    fprintf(stderr, "claimgraph: unknown command '%s'\nTry 'claimgraph --help'.\n", argv[1]);
    return CG_EXIT_USAGE;
}
