#include "pipeline_doc.h"

#include "../core/mem.h"

#include <stdlib.h>

static void diag_log_add(void *ctx, const CgDiag *diag)
{
    CgDiagLog *log = ctx;
    log->items = cg_xgrow(log->items, &log->cap, log->n + 1, sizeof *log->items);
    CgDiag *d = &log->items[log->n++];
    *d = *diag;
    d->file = diag->file ? cg_xstrdup(diag->file) : NULL;
    d->msg = cg_xstrdup(diag->msg);
}

CgDiagSink cg_diag_log_sink(CgDiagLog *log)
{
    const CgDiagSink sink = {diag_log_add, log, 0, 0};
    return sink;
}

void cg_diag_log_replay(const CgDiagLog *log, CgDiagSink *sink)
{
    for (size_t i = 0; i < log->n; ++i) {
        const CgDiag *d = &log->items[i];
        cg_diag(sink, d->severity, d->status, d->file, d->line, d->col, "%s", d->msg);
    }
}

void cg_diag_log_clear(CgDiagLog *log)
{
    if (!log) {
        return;
    }
    for (size_t i = 0; i < log->n; ++i) {
        free((char *)log->items[i].file);
        free((char *)log->items[i].msg);
    }
    free(log->items);
    log->items = NULL;
    log->n = log->cap = 0;
}
