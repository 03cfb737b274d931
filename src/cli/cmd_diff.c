/* claimgraph diff: two RDF graphs -> what changed (summary, patch, diagram). */
#include "cli.h"

#include "../core/atomic_file.h"
#include "../diff/diff.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

/* Like diff(1). */
enum { CG_DIFF_SAME = 0, CG_DIFF_DIFFERENT = 1, CG_DIFF_TROUBLE = 2 };

typedef struct {
    const char *format;
    const char *from_format[2]; /* given once: both; twice: OLD's, then NEW's */
    int n_from;
    const char *base;
    const char *output;
    bool quiet;
    const char *patch_prev;
} CgDiffOptions;

static void diff_help(void)
{
    printf("Usage: claimgraph diff [OPTIONS] OLD NEW\n\n"
           "Compares two RDF graphs (Turtle, N-Triples, N-Quads, TriG or RDF/XML) as\n"
           "graphs: prefixes, order, white space and serialisation style are not\n"
           "changes, and blank nodes are matched by structure, not by label.  In\n"
           "N-Quads and TriG a statement's graph name is part of it: changes show per\n"
           "graph ('A s p o g .'), and a triple moved to another graph is one removed\n"
           "and one added.  OLD or NEW may be - for standard input (with --from-format).\n\n"
           "Options:\n"
           "  -f, --format FMT       summary (default): entities, relations and evidence\n"
           "                         added and removed, then each changed relation with\n"
           "                         its quotes;\n"
           "                         patch: RDF Patch, 'H id <urn:uuid:...> .' (derived\n"
           "                         from the changes), then 'TX .', one 'A s p o .' or\n"
           "                         'D s p o .' per triple, 'TC .', for 'claimgraph\n"
           "                         patch' or Jena's RDF Patch;\n"
           "                         dot or svg: the union graph, added green, removed\n"
           "                         red and dashed, unchanged grey\n"
           "      --from-format SYN  turtle, ntriples, nquads, trig or rdfxml for both\n"
           "                         inputs, or give it twice: for OLD, then for NEW (as\n"
           "                         diff --label); default: from each extension\n"
           "                         (.ttl .nt .nq .trig .rdf)\n"
           "      --base IRI         base for relative IRIs in both, an absolute\n"
           "                         IRI (RFC 3987; default: %s)\n"
           "      --patch-prev IRI   with -f patch: the id of the patch this one follows,\n"
           "                         written as 'H prev <IRI> .' (RDF Patch logs)\n"
           "  -o, --output FILE      write there (atomically) instead of standard output\n"
           "  -q, --quiet            print nothing; only the exit status tells\n"
           "  -h, --help             this help\n\n"
           "Examples:\n"
           "  claimgraph diff old/graph.ttl new/graph.ttl\n"
           "  claimgraph diff -f patch old.ttl new.nt > changes.rdfp\n"
           "  claimgraph diff -f svg -o changes.svg old.ttl new.ttl\n"
           "  claimgraph diff --from-format nt --from-format ttl - new.ttl <old.nt\n\n"
           "Exit status (as diff(1)): 0 the graphs are the same; 1 they differ;\n"
           "2 trouble (usage, unreadable or malformed input, failed output).\n",
           CG_DIFF_DEFAULT_BASE);
}

/* Returns -1 to go on, else an exit status. */
static int diff_parse(int argc, char **argv, CgDiffOptions *o)
{
    enum { OPT_FROM = 256, OPT_BASE, OPT_PREV };
    static const struct option longs[] = {
        {"format", required_argument, NULL, 'f'},
        {"patch-prev", required_argument, NULL, OPT_PREV},
        {"from-format", required_argument, NULL, OPT_FROM},
        {"base", required_argument, NULL, OPT_BASE},
        {"output", required_argument, NULL, 'o'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "f:o:qh", longs, NULL)) != -1) {
        switch (c) {
        case 'f': o->format = optarg; break;
        case OPT_FROM:
            if (o->n_from == 2) {
                return cg_cli_usage_error("diff", "--from-format at most twice (OLD, NEW)");
            }
            o->from_format[o->n_from++] = optarg;
            break;
        case OPT_BASE: o->base = optarg; break;
        case OPT_PREV: o->patch_prev = optarg; break;
        case 'o': o->output = optarg; break;
        case 'q': o->quiet = true; break;
        case 'h': diff_help(); return CG_DIFF_SAME;
        default: return cg_cli_usage_error("diff", "bad option");
        }
    }
    if (optind + 2 != argc) {
        return cg_cli_usage_error("diff", "give two graphs: OLD NEW");
    }
    if (!strcmp(argv[optind], "-") && !strcmp(argv[optind + 1], "-")) {
        return cg_cli_usage_error("diff", "only one of OLD and NEW can be standard input");
    }
    if (o->base && !cg_cli_base_ok("diff", o->base)) {
        return CG_EXIT_USAGE;
    }
    if (o->patch_prev && (!strchr(o->patch_prev, ':') ||
                          strpbrk(o->patch_prev, "<>\"{}|^`\\ \t\r\n"))) {
        return cg_cli_usage_error("diff", "--patch-prev wants an absolute IRI without <>, "
                                          "such as urn:uuid:..., not '%s'", o->patch_prev);
    }
    return -1;
}

/* The syntax of `path`: --from-format, else its extension. */
static bool diff_syntax(const char *cmd, const char *path, const char *from_format,
                       CgSyntax *out)
{
    if (from_format) {
        if (cg_diff_syntax_from_name(from_format, out)) {
            cg_cli_usage_error(cmd, "unknown syntax '%s' (use turtle, ntriples, nquads, trig or "
                                    "rdfxml)", from_format);
            return false;
        }
        return true;
    }
    if (cg_diff_syntax_from_path(path, out)) {
        cg_cli_usage_error(cmd, "cannot tell the syntax of '%s' from its extension (.ttl .nt "
                                ".nq .rdf); give --from-format", path);
        return false;
    }
    return true;
}

static CgStatus diff_write(const CgDiff *diff, CgDiffFormat format, const char *path,
                           CgDiagSink *sink)
{
    CgAtomicFile *f = cg_atomic_open(path, sink);
    if (!f) {
        return CG_ERR_IO;
    }
    const CgStatus st = cg_diff_write(diff, format, cg_atomic_stream(f), sink);
    if (st) {
        cg_atomic_abort(f);
        return st;
    }
    return cg_atomic_commit(f, sink);
}

static int diff_run(const CgDiffOptions *o, char **paths, const CgLoadOptions *load,
                    CgDiffFormat format)
{
    CgDiagSink sink = {NULL, NULL, 0, 0};
    CgTermTable *terms = cg_diff_terms_new();
    CgRdfGraph *graphs[2] = {NULL, NULL};
    int status = CG_DIFF_TROUBLE;
    if (!cg_diff_load_pair(terms, (const char *const *)paths, load, &sink, graphs)) {
        CgDiff *diff = cg_diff_new(graphs[0], graphs[1]);
        cg_diff_set_patch_prev(diff, o->patch_prev);
        const bool same = !cg_diff_added_count(diff) && !cg_diff_removed_count(diff);
        const bool ok = o->quiet || !diff_write(diff, format, o->output ? o->output : "-", &sink);
        status = !ok ? CG_DIFF_TROUBLE : same ? CG_DIFF_SAME : CG_DIFF_DIFFERENT;
        cg_diff_free(diff);
    }
    cg_diff_graph_free(graphs[0]);
    cg_diff_graph_free(graphs[1]);
    cg_diff_terms_free(terms);
    return status;
}

int cg_cmd_diff(int argc, char **argv)
{
    CgDiffOptions o = {.format = "summary"};
    const int done = diff_parse(argc, argv, &o);
    if (done >= 0) {
        return done;
    }
    CgDiffFormat format;
    if (cg_diff_format_from_name(o.format, &format)) {
        return cg_cli_usage_error("diff", "unknown format '%s' (use summary, patch, dot or svg)",
                                  o.format);
    }
    CgLoadOptions load[2];
    for (int i = 0; i < 2; ++i) {
        load[i].base = o.base;
        const char *from = o.from_format[o.n_from == 2 ? i : 0];
        if (!diff_syntax("diff", argv[optind + i], from, &load[i].syntax)) {
            return CG_DIFF_TROUBLE;
        }
    }
    if (!o.quiet && o.output && !cg_cli_outputs_writable("diff", &o.output, 1)) {
        return CG_DIFF_TROUBLE;
    }
    return diff_run(&o, argv + optind, load, format);
}
