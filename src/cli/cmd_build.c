/* claimgraph build: rules + documents -> graph -> outputs. */
#include "cli.h"
#include "diagram_opts.h"

#include "../pipeline/corpus.h"
#include "../pipeline/pipeline.h"
#include "../rules/rules.h"

#include <errno.h>
#include <getopt.h>
#include <stdint.h>
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
    bool stats;
    CgPipelineLimits limits;
    CgCliDiagram diagram;
    unsigned jobs;              /* --jobs: threads analysing documents */
    unsigned shard_k, shard_n;  /* --shard K/N; 0/0: every document */
} CgBuildOptions;

/* --max-doc-bytes when not given: far above any article, far below what
 * would exhaust memory (a document takes about ten times its size). */
#define CG_DEFAULT_MAX_DOC_BYTES ((size_t)64 << 20)

/* Long options without a short form. */
enum { CG_OPT_MAX_DOC_BYTES = 256, CG_OPT_MAX_MEMORY, CG_OPT_STATS, CG_OPT_SHARD };

static void build_help(void)
{
    printf("Usage: claimgraph build [OPTIONS] INPUT...\n\n"
           "Reads documents, finds the entities and relations the rules describe, and\n"
           "writes the graph.  INPUT is a UTF-8 text file, a directory (searched\n"
           "recursively for *.txt) or - for standard input.\n\n"
           "Options:\n"
           "  -r, --rules PATH    rule file or directory (default: ./rules, else %s/rules)\n"
           "  -b, --base IRI      base of the graph's IRIs, an absolute IRI (RFC 3987)\n"
           "                      (default: %s)\n"
           "  -f, --format FMT    turtle, ntriples, nquads, trig, dot, svg, png, pdf or\n"
           "                      html; nquads and trig put each document's evidence\n"
           "                      in a named graph (the document's IRI)\n"
           "                      (default: from the -o extension; turtle for -)\n"
           "  -o, --output FILE   where to write (- for standard output, the default);\n"
           "                      repeat to write several formats from one run\n"
           "  -q, --quiet         no progress or summary on standard error\n"
           "      --stats         also print, on standard error, the assertions of each\n"
           "                      relation rule, the mentions of each entity, and the\n"
           "                      documents read and skipped\n"
           "      --max-doc-bytes N  skip (and report) documents larger than N bytes;\n"
           "                      K, M or G multiply by 1024s (default: 64M; 0: no limit)\n"
           "      --max-memory MB stop with an error, writing nothing, once the graph\n"
           "                      holds more than MB mebibytes, checked as each\n"
           "                      relation found is added (default: no limit)\n"
           "  -j, --jobs N        analyse N documents at once on threads (default: 1);\n"
           "                      the output is the same bytes whatever N\n"
           "      --shard K/N     read only shard K of N (1 <= K <= N) of the documents,\n"
           "                      chosen by a stable hash of each path as listed; merge\n"
           "                      the N graphs with 'claimgraph merge'\n"
           "  -h, --help          this help\n\n" CG_DIAGRAM_HELP "\n"
           "Examples:\n"
           "  claimgraph build -o out/graph.ttl -o out/graph.svg examples/\n"
           "  claimgraph build -f ntriples -o - article.txt | grep metWith\n"
           "  cat article.txt | claimgraph build -\n\n"
           "Outputs are written to temporary files and renamed only when all are\n"
           "complete, so an interrupted or failed run never leaves a half-written\n"
           "graph, nor a new graph beside an old diagram (if one cannot be renamed,\n"
           "those renamed already get their old files back).  Each output's folder\n"
           "must exist: it is checked, by making and removing a temporary file\n"
           "there, before any document is read (it is not created).\n\n"
           "Exit status: 0 ok; 1 documents were skipped, a sentence was cut short, a\n"
           "limit stopped the run or an output failed (all reported); 2 usage or rule\n"
           "errors, or an output's folder missing or not writable (nothing was read).\n",
           CG_SHARE_DIR, CG_DEFAULT_BASE);
}

/* Parses "123", "64K", "64M" or "1G" as a count of `unit`s (the suffix
 * multiplies by 1024s instead); false when it is not one or overflows. */
static bool build_size(const char *arg, size_t unit, size_t *out)
{
    char *end;
    errno = 0;
    const unsigned long long v = strtoull(arg, &end, 10);
    const char *suffixes = "KMG";
    const char *suffix = *end ? strchr(suffixes, *end) : NULL;
    const unsigned shift = suffix ? 10u * (unsigned)(suffix - suffixes + 1) : 0;
    if (errno || end == arg || *arg == '-' || (*end && (!suffix || end[1]))) {
        return false;
    }
    if (suffix) {
        unit = 1;
    }
    if (v > (SIZE_MAX >> shift) / unit) {
        return false;
    }
    *out = (size_t)(v << shift) * unit;
    return true;
}

/* --jobs N: 1 to 256. */
static bool build_jobs(const char *arg, unsigned *out)
{
    char *end;
    errno = 0;
    const long v = strtol(arg, &end, 10);
    *out = (unsigned)v;
    return !errno && end != arg && !*end && v >= 1 && v <= 256;
}

/* --shard K/N with 1 <= K <= N. */
static bool build_shard(const char *arg, unsigned *k, unsigned *n)
{
    char *end, *end2 = NULL;
    errno = 0;
    const long vk = strtol(arg, &end, 10);
    const long vn = *end == '/' ? strtol(end + 1, &end2, 10) : 0;
    if (errno || end == arg || *end != '/' || end2 == end + 1 || *end2 || vk < 1 || vn < vk ||
        vn > 1000000) {
        return false;
    }
    *k = (unsigned)vk;
    *n = (unsigned)vn;
    return true;
}

/* Returns -1 to go on, else an exit status. */
static int build_parse(int argc, char **argv, CgBuildOptions *o)
{
    static const struct option longs[] = {
        {"rules", required_argument, NULL, 'r'}, {"base", required_argument, NULL, 'b'},
        {"format", required_argument, NULL, 'f'}, {"output", required_argument, NULL, 'o'},
        {"quiet", no_argument, NULL, 'q'},       {"help", no_argument, NULL, 'h'},
        {"max-doc-bytes", required_argument, NULL, CG_OPT_MAX_DOC_BYTES},
        {"max-memory", required_argument, NULL, CG_OPT_MAX_MEMORY},
        {"stats", no_argument, NULL, CG_OPT_STATS},
        {"jobs", required_argument, NULL, 'j'}, {"shard", required_argument, NULL, CG_OPT_SHARD},
        CG_DIAGRAM_LONGOPTS,
        {NULL, 0, NULL, 0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "r:b:f:o:qhj:", longs, NULL)) != -1) {
        switch (c) {
        case 'r': o->rules = optarg; break;
        case 'b': o->base = optarg; break;
        case 'f': o->format = optarg; break;
        case 'q': o->quiet = true; break;
        case CG_OPT_STATS: o->stats = true; break;
        case 'h': build_help(); return CG_EXIT_OK;
        case 'j':
            if (!build_jobs(optarg, &o->jobs)) {
                return cg_cli_usage_error("build", "--jobs needs a number from 1 to 256, "
                                                   "not '%s'", optarg);
            }
            break;
        case CG_OPT_SHARD:
            if (!build_shard(optarg, &o->shard_k, &o->shard_n)) {
                return cg_cli_usage_error("build", "--shard needs K/N with 1 <= K <= N "
                                                   "(e.g. 2/4), not '%s'", optarg);
            }
            break;
        case CG_OPT_MAX_DOC_BYTES:
            if (!build_size(optarg, 1, &o->limits.max_doc_bytes)) {
                return cg_cli_usage_error("build", "--max-doc-bytes needs a number of bytes "
                                                   "(e.g. 1000000 or 64M), not '%s'", optarg);
            }
            break;
        case CG_OPT_MAX_MEMORY:
            if (!build_size(optarg, (size_t)1 << 20, &o->limits.max_graph_bytes) ||
                !o->limits.max_graph_bytes) {
                return cg_cli_usage_error("build", "--max-memory needs a number of "
                                                   "mebibytes above 0, not '%s'", optarg);
            }
            break;
        case 'o':
            if (o->n_out == CG_MAX_OUTPUTS) {
                return cg_cli_usage_error("build", "at most %d outputs", CG_MAX_OUTPUTS);
            }
            o->out_paths[o->n_out++] = optarg;
            break;
        default:
            if (cg_cli_diagram_option("build", c, optarg, &o->diagram)) {
                return CG_EXIT_USAGE;
            }
        }
    }
    if (optind >= argc) {
        return cg_cli_usage_error("build", "no INPUT given (a file, a directory or -)");
    }
    if (o->format && o->n_out > 1) {
        return cg_cli_usage_error("build", "-f applies to a single -o; with several, "
                                           "the extensions give the formats");
    }
    if (!cg_cli_base_ok("build", o->base)) {
        return CG_EXIT_USAGE;
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

/* Every skipped document by name (each was also warned about as it was
 * met, but a long run scrolls those away). */
static void build_summary_skipped(const CgPipeline *p, size_t n)
{
    enum { CG_SKIPPED_SHOWN = 20 };
    if (!n) {
        return;
    }
    fprintf(stderr, "claimgraph: skipped %zu document%s:", n, n == 1 ? "" : "s");
    for (size_t i = 0; i < n && i < CG_SKIPPED_SHOWN; ++i) {
        fprintf(stderr, " %s%s", cg_pipeline_skipped(p, i), i + 1 < n ? "," : "");
    }
    if (n > CG_SKIPPED_SHOWN) {
        fprintf(stderr, " and %zu more", n - CG_SKIPPED_SHOWN);
    }
    fputc('\n', stderr);
}

static void build_summary(const CgBuildOptions *o, const CgPipeline *p, const CgGraph *g)
{
    const CgPipelineStats *s = cg_pipeline_stats(p);
    if (o->quiet) {
        return;
    }
    fprintf(stderr,
            "claimgraph: %zu documents read, %zu skipped; %zu sentences, %zu mentions, "
            "%zu assertions; %zu entities, %zu relations\n",
            s->documents, s->skipped, s->sentences, s->mentions, s->assertions,
            cg_graph_entity_count(g), cg_graph_relation_count(g));
    build_summary_skipped(p, s->skipped);
    if (s->step_limited) {
        fprintf(stderr, "claimgraph: %zu sentence%s cut short by the pattern step limit "
                        "(warned of above): relations there may be missing\n",
                s->step_limited, s->step_limited == 1 ? " was" : "s were");
    }
}

typedef struct {
    bool show;
    const CgCorpus *corpus;
} CgBuildProgress;

static void build_progress_cb(void *ctx, size_t i)
{
    const CgBuildProgress *pr = ctx;
    build_progress(pr->show, i, pr->corpus->n, pr->corpus->paths[i]);
}

/* Reads every document; false when a limit stopped the run (reported). */
static bool build_read_all(const CgBuildOptions *o, const CgCorpus *corpus,
                           CgPipeline *pipeline, CgGraph *graph, CgDiagSink *sink)
{
    CgBuildProgress pr = {!o->quiet && isatty(STDERR_FILENO) && corpus->n > 1, corpus};
    const CgPipelineRun run = {o->jobs, build_progress_cb, &pr};
    size_t added = 0;
    if (cg_pipeline_add_files(pipeline, graph, corpus->paths, corpus->n, &run, sink, &added) ==
        CG_ERR_LIMIT) {
        fprintf(stderr, "%sclaimgraph build: stopped after %zu of %zu documents; nothing "
                        "was written, earlier outputs are as they were\n",
                pr.show ? "\n" : "", added, corpus->n);
        return false;
    }
    return true;
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
    if (o->shard_n) {
        cg_corpus_keep_shard(&corpus, o->shard_k, o->shard_n);
    }
    CgPipeline *pipeline = cg_pipeline_new(rules);
    cg_pipeline_set_limits(pipeline, &o->limits);
    CgGraph *graph = cg_graph_new();
    const bool complete = build_read_all(o, &corpus, pipeline, graph, &sink);
    cg_graph_finish(graph);
    const int failed = complete ? cg_cli_write_outputs(graph, o->base, outputs, n_out, &sink) : 0;
    build_summary(o, pipeline, graph);
    if (o->stats) {
        cg_cli_print_stats(stderr, rules, pipeline, graph);
    }
    const CgPipelineStats *stats = cg_pipeline_stats(pipeline);
    const bool trouble =
        !complete || failed || missing || stats->skipped || stats->step_limited;
    cg_graph_free(graph);
    cg_pipeline_free(pipeline);
    cg_corpus_free(&corpus);
    return trouble ? CG_EXIT_INPUT : CG_EXIT_OK;
}

int cg_cmd_build(int argc, char **argv)
{
    CgBuildOptions o = {NULL, CG_DEFAULT_BASE, NULL, {NULL}, 0, false, false,
                        {CG_DEFAULT_MAX_DOC_BYTES, 0}, {0}, 1, 0, 0};
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
        outputs[i].diagram = cg_cli_diagram_get(&o.diagram);
    }
    if (!cg_cli_outputs_writable("build", o.out_paths, o.n_out)) {
        return CG_EXIT_USAGE;
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
