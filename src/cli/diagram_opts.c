/* Parsing of the diagram options shared by `build` and `render`. */
#include "diagram_opts.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

static void cli_diagram_ready(CgCliDiagram *d)
{
    if (!d->ready) {
        cg_diagram_options_init(&d->opts);
        d->ready = true;
    }
}

static int cli_add_names(const char *cmd, const char *option, char *arg, CgCliNames *names)
{
    char *save = NULL;
    for (char *name = strtok_r(arg, ",", &save); name; name = strtok_r(NULL, ",", &save)) {
        if (names->n == CG_CLI_MAX_NAMES) {
            return cg_cli_usage_error(cmd, "at most %d names for --%s", CG_CLI_MAX_NAMES,
                                      option);
        }
        names->v[names->n++] = name;
    }
    return 0;
}

static int cli_count(const char *cmd, const char *option, const char *arg, unsigned long max,
                     unsigned long *out)
{
    char *end;
    errno = 0;
    *out = strtoul(arg, &end, 10);
    if (*arg < '0' || *arg > '9' || *end || errno || *out > max) {
        return cg_cli_usage_error(cmd, "--%s wants a whole number from 0 to %lu, not '%s'",
                                  option, max, arg);
    }
    return 0;
}

static int cli_layout(const char *cmd, const char *arg, CgLayout *out)
{
    static const char *const names[] = {"auto", "dot", "neato", "sfdp"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; ++i) {
        if (!strcmp(arg, names[i])) {
            *out = (CgLayout)i;
            return 0;
        }
    }
    return cg_cli_usage_error(cmd, "--layout is auto, dot, neato or sfdp, not '%s'", arg);
}

static int cli_cluster(const char *cmd, const char *arg, CgCluster *out)
{
    if (strcmp(arg, "none") && strcmp(arg, "type")) {
        return cg_cli_usage_error(cmd, "--cluster is none or type, not '%s'", arg);
    }
    *out = strcmp(arg, "type") ? CG_CLUSTER_NONE : CG_CLUSTER_TYPE;
    return 0;
}

static int cli_numbers(const char *cmd, int opt, const char *arg, CgCliDiagram *d)
{
    unsigned long n;
    if (opt == CG_OPT_DEPTH) {
        const int st = cli_count(cmd, "depth", arg, 1000, &n);
        d->opts.depth = (unsigned)n;
        return st;
    }
    if (opt == CG_OPT_MAX_NODES) {
        const int st = cli_count(cmd, "max-nodes", arg, UINT_MAX, &n);
        d->opts.max_nodes = n;
        return st;
    }
    const int st = cli_count(cmd, "min-evidence", arg, UINT_MAX, &n);
    d->opts.min_evidence = n;
    return st;
}

int cg_cli_diagram_option(const char *cmd, int opt, char *arg, CgCliDiagram *d)
{
    cli_diagram_ready(d);
    switch (opt) {
    case CG_OPT_FOCUS: d->opts.focus = arg; return 0;
    case CG_OPT_DEPTH:
    case CG_OPT_MIN_EVIDENCE:
    case CG_OPT_MAX_NODES: return cli_numbers(cmd, opt, arg, d);
    case CG_OPT_PREDICATES: return cli_add_names(cmd, "predicates", arg, &d->predicates);
    case CG_OPT_TYPES: return cli_add_names(cmd, "types", arg, &d->types);
    case CG_OPT_EXCLUDE: return cli_add_names(cmd, "exclude", arg, &d->exclude);
    case CG_OPT_LAYOUT: return cli_layout(cmd, arg, &d->opts.layout);
    case CG_OPT_CLUSTER: return cli_cluster(cmd, arg, &d->opts.cluster);
    default: return cg_cli_usage_error(cmd, "bad option");
    }
}

const CgDiagramOptions *cg_cli_diagram_get(CgCliDiagram *d)
{
    cli_diagram_ready(d);
    d->opts.predicates = d->predicates.v;
    d->opts.n_predicates = d->predicates.n;
    d->opts.types = d->types.v;
    d->opts.n_types = d->types.n;
    d->opts.exclude = d->exclude.v;
    d->opts.n_exclude = d->exclude.n;
    return &d->opts;
}

const CgDiagramOptions *cg_cli_diagram_for(const CgOutput *out, CgDiagramOptions *scratch)
{
    if (out->diagram) {
        *scratch = *out->diagram;
    } else {
        cg_diagram_options_init(scratch);
    }
    scratch->output_path = out->path;
    return scratch;
}
