/* Structured diagnostics (after serd's serd_error and libyaml's marks).
 *
 * Every problem a user can fix is reported as one CgDiag and printed as
 * `FILE:LINE:COLUMN: message` (lines and columns count from 1; a 0 line or
 * column is left out).  Diagnostics go to a sink so that tests can collect
 * them and the CLI can print them. */
#ifndef CG_DIAG_H
#define CG_DIAG_H

#include "attributes.h"
#include "status.h"

#include <stddef.h>
#include <stdio.h>

typedef enum { CG_SEV_ERROR, CG_SEV_WARNING, CG_SEV_NOTE } CgSeverity;

typedef struct {
    CgStatus status;
    CgSeverity severity;
    const char *file; /* borrowed; may be NULL */
    unsigned line;    /* 1-based; 0 when unknown */
    unsigned col;     /* 1-based; 0 when unknown */
    const char *msg;  /* borrowed for the duration of the call */
} CgDiag;

typedef void (*CgDiagFunc)(void *ctx, const CgDiag *diag);

typedef struct {
    CgDiagFunc func; /* NULL: print to stderr */
    void *ctx;
    size_t errors;   /* counted by cg_diag */
    size_t warnings;
} CgDiagSink;

/* Report a problem. `sink` may be NULL (prints to stderr). */
void cg_diag(CgDiagSink *sink, CgSeverity sev, CgStatus st, const char *file,
             unsigned line, unsigned col, const char *fmt, ...) CG_PRINTF(7, 8);

/* Print `diag` as `FILE:LINE:COLUMN: message` (with "warning: " for warnings). */
void cg_diag_print(FILE *stream, const CgDiag *diag);

#endif
