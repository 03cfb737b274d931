/* Helpers shared by the commands: usage errors, outputs, signals. */
#include "cli.h"

#include "../core/atomic_file.h"
#include "../core/iri.h"
#include "../core/mem.h"
#include "diagram_opts.h"

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int cg_cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "claimgraph %s: ", cmd);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\nTry 'claimgraph %s --help'.\n", cmd);
    va_end(ap);
    return CG_EXIT_USAGE;
}

bool cg_cli_base_ok(const char *cmd, const char *base)
{
    CgIriProblem p;
    if (cg_iri_is_absolute(base, &p)) {
        return true;
    }
    cg_cli_usage_error(cmd, "--base needs an absolute IRI (RFC 3987) such as %s; '%s' is not "
                            "one: at byte %zu, %s", CG_DEFAULT_BASE, base, p.offset, p.why);
    return false;
}

bool cg_cli_output_format(const char *cmd, const char *path, const char *format_name,
                          CgOutput *out)
{
    out->path = path;
    out->diagram = NULL;
    if (format_name) {
        if (cg_format_from_name(format_name, &out->format)) {
            cg_cli_usage_error(cmd, "unknown format '%s' (use turtle, ntriples, nquads, "
                                    "trig, dot, svg, png, pdf or html)", format_name);
            return false;
        }
        return true;
    }
    if (!strcmp(path, "-")) {
        out->format = CG_FMT_TURTLE;
        return true;
    }
    if (cg_format_from_path(path, &out->format)) {
        cg_cli_usage_error(cmd, "cannot tell the format of '%s' from its extension "
                                "(.ttl .nt .nq .trig .dot .svg .png .pdf .html); give -f FORMAT", path);
        return false;
    }
    return true;
}

bool cg_cli_outputs_writable(const char *cmd, const char *const *paths, int n_paths)
{
    int bad = 0;
    for (int i = 0; i < n_paths; ++i) {
        bad += paths[i] && cg_atomic_check(paths[i], NULL) != CG_OK;
    }
    if (bad) {
        fprintf(stderr, "claimgraph %s: %s cannot be written (above); nothing was read\n",
                cmd, bad == 1 && n_paths == 1 ? "the output" : bad == 1 ? "an output" : "outputs");
    }
    return !bad;
}

/* Writes one output into its temporary file; NULL after reporting why not. */
static CgAtomicFile *cli_write_one(const CgGraph *graph, const char *base, const CgOutput *o,
                                   CgDiagSink *sink)
{
    CgAtomicFile *f = cg_atomic_open(o->path, sink);
    if (!f) {
        return NULL;
    }
    CgDiagramOptions diagram;
    const CgStatus st = cg_format_is_rdf(o->format)
                            ? cg_export_rdf(graph, base, o->format, cg_atomic_stream(f), sink)
                            : cg_export_diagram_with(graph, cg_cli_diagram_for(o, &diagram),
                                                     o->format, cg_atomic_stream(f), sink);
    if (st) {
        cg_atomic_abort(f);
        return NULL;
    }
    return cg_atomic_finish(f, sink) ? NULL : f;
}

/* All outputs or none: each is written whole to a temporary file first, and
 * only when every one is whole are they renamed into place, together
 * (cg_atomic_commit_all puts back the old files if a rename fails), so that
 * a failure or an interruption never leaves a new graph beside an old
 * diagram.  (Standard output and devices are written as they come.) */
int cg_cli_write_outputs(const CgGraph *graph, const char *base, const CgOutput *outputs,
                         int n_outputs, CgDiagSink *sink)
{
    CgAtomicFile **files = cg_xcalloc(n_outputs > 0 ? (size_t)n_outputs : 1, sizeof *files);
    int failed = 0;
    for (int i = 0; i < n_outputs && !failed; ++i) {
        files[i] = cli_write_one(graph, base, &outputs[i], sink);
        failed += !files[i];
    }
    if (failed) {
        for (int i = 0; i < n_outputs; ++i) {
            cg_atomic_abort(files[i]);
        }
        if (n_outputs > 1) {
            cg_diag(sink, CG_SEV_NOTE, CG_OK, NULL, 0, 0,
                    "no output was replaced: they are written all together or not at all");
        }
    } else if (cg_atomic_commit_all(files, (size_t)n_outputs, sink)) {
        failed = 1;
    }
    free(files);
    return failed;
}

const char *cg_cli_default_rules(void)
{
    struct stat st;
    if (!stat("rules", &st) && S_ISDIR(st.st_mode)) {
        return "rules";
    }
    return CG_SHARE_DIR "/rules";
}

static void cli_on_signal(int sig)
{
    cg_atomic_cleanup_all();
    static const char msg[] = "claimgraph: interrupted; unfinished outputs were removed, earlier files left as they were\n";
    (void)!write(STDERR_FILENO, msg, sizeof msg - 1);
    _exit(128 + sig);
}

void cg_cli_install_signal_handlers(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = cli_on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}
