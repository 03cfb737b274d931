#include "diag.h"

#include "buf.h"
#include "mem.h"

#include <stdarg.h>
#include <stdio.h>

void cg_diag_print(FILE *stream, const CgDiag *diag)
{
    if (diag->file) {
        fprintf(stream, "%s:", diag->file);
        if (diag->line) {
            fprintf(stream, "%u:", diag->line);
            if (diag->col) {
                fprintf(stream, "%u:", diag->col);
            }
        }
        fputc(' ', stream);
    } else {
        fputs("claimgraph: ", stream);
    }
    if (diag->severity == CG_SEV_WARNING) {
        fputs("warning: ", stream);
    } else if (diag->severity == CG_SEV_NOTE) {
        fputs("note: ", stream);
    }
    fprintf(stream, "%s\n", diag->msg);
}

void cg_diag(CgDiagSink *sink, CgSeverity sev, CgStatus st, const char *file,
             unsigned line, unsigned col, const char *fmt, ...)
{
    CgBuf msg = CG_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    char small[512];
    const int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n >= (int)sizeof small) {
        va_start(ap, fmt);
        cg_buf_append(&msg, "", 0);
        msg.data = cg_xgrow(msg.data, &msg.cap, (size_t)n + 1, 1);
        vsnprintf(msg.data, (size_t)n + 1, fmt, ap);
        msg.len = (size_t)n;
        va_end(ap);
    } else {
        cg_buf_puts(&msg, small);
    }
    const CgDiag d = {st, sev, file, line, col, cg_buf_str(&msg)};
    if (sink) {
        if (sev == CG_SEV_ERROR) {
            ++sink->errors;
        } else if (sev == CG_SEV_WARNING) {
            ++sink->warnings;
        }
    }
    if (sink && sink->func) {
        sink->func(sink->ctx, &d);
    } else {
        cg_diag_print(stderr, &d);
    }
    cg_buf_free(&msg);
}
