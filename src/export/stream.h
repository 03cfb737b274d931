/* Private to export/: the libraries write through stdio without reporting
 * errors, so the stream's error flag is the only witness of a full disk. */
#ifndef CG_EXPORT_STREAM_H
#define CG_EXPORT_STREAM_H

#include "../core/diag.h"
#include "../core/status.h"

#include <stdio.h>

/* Flushes `stream`; reports "cannot write WHAT: reason" and returns
 * CG_ERR_IO if that or any earlier write failed. */
CgStatus cg_stream_check(FILE *stream, const char *what, CgDiagSink *sink);

/* The same, naming `write_errno` (0: unknown) as the reason when the flush
 * gives none: a write that failed earlier, inside a long fwrite, has left
 * nothing in the buffer to fail again. */
CgStatus cg_stream_check_errno(FILE *stream, const char *what, int write_errno,
                               CgDiagSink *sink);

#endif
