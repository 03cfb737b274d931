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

#endif
