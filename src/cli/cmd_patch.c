/* claimgraph patch: an RDF graph + an RDF Patch -> the patched graph. */
#include "cli.h"

#include "../core/atomic_file.h"
#include "../diff/diff.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

enum { CG_PATCH_OK = 0, CG_PATCH_CONFLICT = 1, CG_PATCH_TROUBLE = 2 };

typedef struct {
    const char *output;
    const char *format;
    const char *from_format;
    const char *base;
    bool verbose;
} CgPatchOptions;

static void patch_help(void)
{
    printf("Usage: claimgraph patch [OPTIONS] OLD PATCH -o NEW\n\n"
           "Applies an RDF Patch (as 'claimgraph diff -f patch' writes it) to the graph\n"
           "OLD and writes the result.  Blank nodes in the patch are named by their\n"
           "canonical labels in OLD, as diff gives them.  PATCH may be - for standard\n"
           "input.\n\n"
           "Options:\n"
           "  -o, --output FILE      the patched graph: .ttl .nt or .nq (required;\n"
           "                         - writes Turtle to standard output)\n"
           "  -f, --format FMT       turtle, ntriples or nquads (default: from -o)\n"
           "      --from-format SYN  syntax of OLD: turtle, ntriples, nquads, trig or\n"
           "                         rdfxml (default: from its extension)\n"
           "      --base IRI         base for relative IRIs in OLD, an absolute\n"
           "                         IRI (RFC 3987; default: %s)\n"
           "  -v, --verbose          print the patch's id (H id) and row count on\n"
           "                         standard error\n"
           "  -h, --help             this help\n\n"
           "Examples:\n"
           "  claimgraph diff -f patch old.ttl new.ttl > changes.rdfp\n"
           "  claimgraph patch old.ttl changes.rdfp -o new-again.ttl\n\n"
           "The output is written to a temporary file and renamed when complete.\n\n"
           "Exit status: 0 applied; 1 the patch does not apply (a deleted triple is\n"
           "missing or an added one is there already: nothing is written); 2 trouble\n"
           "(usage, unreadable or malformed input, failed output).\n",
           CG_DIFF_DEFAULT_BASE);
}

static int patch_parse(int argc, char **argv, CgPatchOptions *o)
{
    enum { OPT_FROM = 256, OPT_BASE };
    static const struct option longs[] = {
        {"output", required_argument, NULL, 'o'}, {"format", required_argument, NULL, 'f'},
        {"from-format", required_argument, NULL, OPT_FROM},
        {"base", required_argument, NULL, OPT_BASE}, {"help", no_argument, NULL, 'h'},
        {"verbose", no_argument, NULL, 'v'}, {NULL, 0, NULL, 0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:f:vh", longs, NULL)) != -1) {
        switch (c) {
        case 'o': o->output = optarg; break;
        case 'f': o->format = optarg; break;
        case OPT_FROM: o->from_format = optarg; break;
        case OPT_BASE: o->base = optarg; break;
        case 'v': o->verbose = true; break;
        case 'h': patch_help(); return CG_PATCH_OK;
        default: return cg_cli_usage_error("patch", "bad option");
        }
    }
    if (optind + 2 != argc) {
        return cg_cli_usage_error("patch", "give the graph and the patch: OLD PATCH");
    }
    if (!o->output) {
        return cg_cli_usage_error("patch", "give the patched graph's file with -o FILE.ttl");
    }
    if (!strcmp(argv[optind], "-") && !strcmp(argv[optind + 1], "-")) {
        return cg_cli_usage_error("patch", "only one of OLD and PATCH can be standard input");
    }
    if (o->base && !cg_cli_base_ok("patch", o->base)) {
        return CG_EXIT_USAGE;
    }
    return -1;
}

static bool patch_syntax(const char *path, const char *from_format, CgSyntax *out)
{
    if (from_format && cg_diff_syntax_from_name(from_format, out)) {
        cg_cli_usage_error("patch", "unknown syntax '%s' (use turtle, ntriples, nquads, trig or "
                                    "rdfxml)", from_format);
        return false;
    }
    if (!from_format && cg_diff_syntax_from_path(path, out)) {
        cg_cli_usage_error("patch", "cannot tell the syntax of '%s' from its extension (.ttl "
                                    ".nt .nq .trig .rdf); give --from-format", path);
        return false;
    }
    return true;
}

static CgStatus patch_read(CgTermTable *terms, const char *path, CgDiagSink *sink,
                           CgPatch **out)
{
    const bool is_stdin = !strcmp(path, "-");
    FILE *fp = is_stdin ? stdin : fopen(path, "r");
    if (!fp) {
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_IO, path, 0, 0, "cannot open: %s", strerror(errno));
        return CG_ERR_IO;
    }
    const CgStatus st = cg_patch_read(terms, fp, is_stdin ? "stdin" : path, sink, out);
    if (!is_stdin) {
        fclose(fp);
    }
    return st;
}

static CgStatus patch_write(const CgRdfGraph *graph, const CgOutput *out, CgDiagSink *sink)
{
    CgAtomicFile *f = cg_atomic_open(out->path, sink);
    if (!f) {
        return CG_ERR_IO;
    }
    const CgStatus st = cg_diff_graph_write(graph, out->format, cg_atomic_stream(f), sink);
    if (st) {
        cg_atomic_abort(f);
        return st;
    }
    return cg_atomic_commit(f, sink);
}

static int patch_run(char **paths, const CgLoadOptions *load, const CgOutput *out,
                     bool verbose)
{
    CgDiagSink sink = {NULL, NULL, 0, 0};
    CgTermTable *terms = cg_diff_terms_new();
    CgRdfGraph *old_graph = NULL, *new_graph = NULL;
    CgPatch *patch = NULL;
    int status = CG_PATCH_TROUBLE;
    if (!cg_diff_load_file(terms, paths[0], load, &sink, &old_graph) &&
        !patch_read(terms, paths[1], &sink, &patch)) {
        if (verbose) {
            const char *id = cg_patch_id(patch);
            fprintf(stderr, "claimgraph patch: patch %s: %zu rows to apply\n",
                    id ? id : "(no H id)", cg_patch_size(patch));
        }
        const CgStatus st = cg_patch_apply(patch, old_graph, &sink, &new_graph);
        status = st == CG_FAILURE           ? CG_PATCH_CONFLICT
                 : st                       ? CG_PATCH_TROUBLE
                 : patch_write(new_graph, out, &sink) ? CG_PATCH_TROUBLE
                                            : CG_PATCH_OK;
    }
    cg_diff_graph_free(new_graph);
    cg_diff_graph_free(old_graph);
    cg_patch_free(patch);
    cg_diff_terms_free(terms);
    return status;
}

int cg_cmd_patch(int argc, char **argv)
{
    CgPatchOptions o = {.output = NULL};
    const int done = patch_parse(argc, argv, &o);
    if (done >= 0) {
        return done;
    }
    CgOutput out;
    if (!cg_cli_output_format("patch", o.output, o.format, &out)) {
        return CG_PATCH_TROUBLE;
    }
    if (!cg_format_is_rdf(out.format)) {
        return cg_cli_usage_error("patch", "patch writes RDF: use .ttl, .nt or .nq");
    }
    if (out.format == CG_FMT_TRIG) { /* Raptor 2 reads TriG, writes none */
        return cg_cli_usage_error("patch", "patch cannot write TriG: use .nq (N-Quads, the "
                                           "same named graphs)");
    }
    CgLoadOptions load = {CG_SYNTAX_TURTLE, o.base};
    if (!patch_syntax(argv[optind], o.from_format, &load.syntax)) {
        return CG_PATCH_TROUBLE;
    }
    if (!cg_cli_outputs_writable("patch", &o.output, 1)) {
        return CG_PATCH_TROUBLE;
    }
    return patch_run(argv + optind, &load, &out, o.verbose);
}
