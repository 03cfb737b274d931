/* The command-line interface: thin commands over the library. */
#ifndef CG_CLI_H
#define CG_CLI_H

#include "../core/attributes.h"
#include "../export/export.h"
#include "../graph/graph.h"

#include <stdbool.h>
#include <stdio.h>

/* Exit status, listed in --help. */
typedef enum {
    CG_EXIT_OK = 0,     /* done, nothing skipped */
    CG_EXIT_INPUT = 1,  /* done, but input problems were reported (skipped
                           documents, unreadable inputs, failed writes) */
    CG_EXIT_USAGE = 2   /* bad usage or rule errors: nothing was read */
} CgExit;

int cg_cmd_build(int argc, char **argv);
int cg_cmd_render(int argc, char **argv);
int cg_cmd_check(int argc, char **argv);
int cg_cmd_explain(int argc, char **argv);
int cg_cmd_diff(int argc, char **argv);
int cg_cmd_patch(int argc, char **argv);
int cg_cmd_load(int argc, char **argv);
int cg_cmd_merge(int argc, char **argv);

/* Prints "claimgraph CMD: message" and a hint to try --help; returns
 * CG_EXIT_USAGE. */
int cg_cli_usage_error(const char *cmd, const char *fmt, ...) CG_PRINTF(2, 3);

/* True when `base` (a --base argument) is an absolute IRI; otherwise says
 * why, with a usage hint, and returns false (the caller exits 2). */
bool cg_cli_base_ok(const char *cmd, const char *base);

/* One requested output: a path ("-" for standard output) and its format. */
typedef struct {
    const char *path;
    CgFormat format;
    const CgDiagramOptions *diagram; /* for diagrams; NULL: the defaults */
} CgOutput;

/* Resolves the format of `path` from `format_name` (may be NULL) or the
 * extension; standard output defaults to Turtle. */
bool cg_cli_output_format(const char *cmd, const char *path, const char *format_name,
                          CgOutput *out);

/* Checks, before anything is read, that every output's folder exists and
 * can be written in (core/atomic_file.h cg_atomic_check); false after
 * naming each that cannot, with "nothing was read" (the caller exits 2). */
bool cg_cli_outputs_writable(const char *cmd, const char *const *paths, int n_paths);

/* Writes `graph` to each output atomically; returns the number that failed. */
int cg_cli_write_outputs(const CgGraph *graph, const char *base, const CgOutput *outputs,
                         int n_outputs, CgDiagSink *sink);

/* The rule path to use when --rules is not given: ./rules, else the
 * installed share directory. */
const char *cg_cli_default_rules(void);

struct CgRuleSet;
struct CgPipeline;
/* build --stats: documents read and skipped, assertions per rule, mentions
 * per entity. */
void cg_cli_print_stats(FILE *out, const struct CgRuleSet *rules,
                        const struct CgPipeline *pipeline, const CgGraph *graph);

/* SIGINT/SIGTERM: remove temporary outputs, then exit 130/143. */
void cg_cli_install_signal_handlers(void);

#endif
