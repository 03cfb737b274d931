/* claimgraph build: rules + documents -> graph -> outputs. */
#include "cli.h"

#include "../pipeline/corpus.h"
#include "../pipeline/pipeline.h"
#include "../rules/rules.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CG_MAX_OUTPUTS 16

typedef struct {
    const char *rules;
    const char *base;
    const char *format;
    const char *out_paths[CG_MAX_OUTPUTS];
    int n_out;
    bool quiet;
} CgBuildOptions;

static void build_help(void)
{
    printf("Usage: claimgraph build [OPTIONS] INPUT...\n\n"
           "Reads documents, finds the entities and relations the rules describe, and\n"
           "writes the graph.  INPUT is a UTF-8 text file, a directory (searched\n"
           "recursively for *.txt) or - for standard input.\n\n"
           "Options:\n"
           "  -r, --rules PATH    rule file or directory (default: ./rules, else %s/rules)\n"
           "  -b, --base IRI      base of the graph's IRIs (default: %s)\n"
           "  -f, --format FMT    turtle, ntriples, nquads, dot, svg, png or pdf\n"
           "                      (default: from the -o extension; turtle for -)\n"
           "  -o, --output FILE   where to write (- for standard output, the default);\n"
           "                      repeat to write several formats from one run\n"
           "  -q, --quiet         no progress or summary on standard error\n"
           "  -h, --help          this help\n\n"
           "Examples:\n"
           "  claimgraph build -o out/graph.ttl -o out/graph.svg examples/\n"
           "  claimgraph build -f ntriples -o - article.txt | grep metWith\n"
           "  cat article.txt | claimgraph build -\n\n"
           "Outputs are written to a temporary file and renamed when complete, so an\n"
           "interrupted run never leaves a half-written graph.\n\n"
           "Exit status: 0 ok; 1 documents were skipped or an output failed (all\n"
           "reported); 2 usage or rule errors (nothing was read).\n",
           CG_SHARE_DIR, CG_DEFAULT_BASE);
}

/* Returns -1 to go on, else an exit status. */
static int build_parse(int argc, char **argv, CgBuildOptions *o)
{
    static const struct option longs[] = {
        {"rules", required_argument, NULL, 'r'}, {"base", required_argument, NULL, 'b'},
        {"format", required_argument, NULL, 'f'}, {"output", required_argument, NULL, 'o'},
        {"quiet", no_argument, NULL, 'q'},       {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "r:b:f:o:qh", longs, NULL)) != -1) {
        switch (c) {
        case 'r': o->rules = optarg; break;
        case 'b': o->base = optarg; break;
        case 'f': o->format = optarg; break;
        case 'q': o->quiet = true; break;
        case 'h': build_help(); return CG_EXIT_OK;
        case 'o':
            if (o->n_out == CG_MAX_OUTPUTS) {
                return cg_cli_usage_error("build", "at most %d outputs", CG_MAX_OUTPUTS);
            }
            o->out_paths[o->n_out++] = optarg;
            break;
        default: return cg_cli_usage_error("build", "bad option");
        }
    }
    if (optind >= argc) {
        return cg_cli_usage_error("build", "no INPUT given (a file, a directory or -)");
    }
    if (o->format && o->n_out > 1) {
        return cg_cli_usage_error("build", "-f applies to a single -o; with several, "
                                           "the extensions give the formats");
    }
    return -1;
}

static void build_progress(bool show, size_t i, size_t n, const char *path)
{
    if (show) {
        fprintf(stderr, "\r\033[K[%zu/%zu] %s", i + 1, n, path);
        if (i + 1 == n) {
            fputc('\n', stderr);
        }
    }
}

static void build_summary(const CgBuildOptions *o, const CgPipelineStats *s,
                          const CgGraph *g)
{
    if (o->quiet) {
        return;
    }
    fprintf(stderr,
            "claimgraph: %zu documents read, %zu skipped; %zu sentences, %zu mentions, "
            "%zu assertions; %zu entities, %zu relations\n",
            s->documents, s->skipped, s->sentences, s->mentions, s->assertions,
            cg_graph_entity_count(g), cg_graph_relation_count(g));
}

static int build_run(const CgBuildOptions *o, CgOutput *outputs, int n_out, char **inputs,
                     int n_inputs, const CgRuleSet *rules)
{
    CgDiagSink sink = {NULL, NULL, 0, 0};
    CgCorpus corpus = {NULL, 0, 0};
    size_t missing = 0;
    for (int i = 0; i < n_inputs; ++i) {
        missing += cg_corpus_add(&corpus, inputs[i], &sink) != CG_OK;
    }
    CgPipeline *pipeline = cg_pipeline_new(rules);
    CgGraph *graph = cg_graph_new();
    const bool show = !o->quiet && isatty(STDERR_FILENO) && corpus.n > 1;
    for (size_t i = 0; i < corpus.n; ++i) {
        build_progress(show, i, corpus.n, corpus.paths[i]);
        cg_pipeline_add_file(pipeline, graph, corpus.paths[i], &sink);
    }
    cg_graph_finish(graph);
    const int failed = cg_cli_write_outputs(graph, o->base, outputs, n_out, &sink);
    const CgPipelineStats *stats = cg_pipeline_stats(pipeline);
    build_summary(o, stats, graph);
    const bool trouble = failed || missing || stats->skipped;
    cg_graph_free(graph);
    cg_pipeline_free(pipeline);
    cg_corpus_free(&corpus);
    return trouble ? CG_EXIT_INPUT : CG_EXIT_OK;
}

int cg_cmd_build(int argc, char **argv)
{
    CgBuildOptions o = {NULL, CG_DEFAULT_BASE, NULL, {NULL}, 0, false};
    const int done = build_parse(argc, argv, &o);
    if (done >= 0) {
        return done;
    }
    if (!o.n_out) {
        o.out_paths[o.n_out++] = "-";
    }
    CgOutput outputs[CG_MAX_OUTPUTS];
    for (int i = 0; i < o.n_out; ++i) {
        if (!cg_cli_output_format("build", o.out_paths[i], o.format, &outputs[i])) {
            return CG_EXIT_USAGE;
        }
    }
    CgRuleSet *rules = NULL;
    if (cg_rules_load(o.rules ? o.rules : cg_cli_default_rules(), NULL, &rules)) {
        fprintf(stderr, "claimgraph build: the rules have errors (above); nothing was read\n");
        return CG_EXIT_USAGE;
    }
    const int st = build_run(&o, outputs, o.n_out, argv + optind, argc - optind, rules);
    cg_rules_free(rules);
    return st;
}
