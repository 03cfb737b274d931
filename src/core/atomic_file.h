/* Nothing half-written (after redis's rdbSave): output goes to a temporary
 * file beside the target and is renamed over it only once complete. */
#ifndef CG_ATOMIC_FILE_H
#define CG_ATOMIC_FILE_H

#include "diag.h"
#include "status.h"

#include <stdio.h>

typedef struct CgAtomicFile CgAtomicFile;

/* Checks, before any work, that `path` can be written: its folder exists
 * and a temporary file can be made there (it is made and removed at once),
 * so that a run over a large corpus does not fail only at its end.
 * Standard output and devices are not checked.  Reports a problem (naming
 * a missing folder) to `sink` and returns CG_ERR_IO. */
CgStatus cg_atomic_check(const char *path, CgDiagSink *sink);
/* Opens a temporary file in the directory of `path` ("-" means standard
 * output; devices and pipes such as /dev/null are also written directly).  Reports a problem to `sink` and returns NULL on
 * failure. */
CgAtomicFile *cg_atomic_open(const char *path, CgDiagSink *sink);
/* The stream to write to; borrowed. */
FILE *cg_atomic_stream(CgAtomicFile *file);
/* The temporary file's path (or "-"), e.g. for libraries that write by name. */
const char *cg_atomic_temp_path(const CgAtomicFile *file);
/* Flushes, checks for write errors and closes, but does not rename yet, so
 * that several outputs can be put in place together once all are whole.
 * On failure it reports, removes the temporary file and frees `file`;
 * otherwise `file` waits for cg_atomic_commit or cg_atomic_abort. */
CgStatus cg_atomic_finish(CgAtomicFile *file, CgDiagSink *sink);
/* Flushes, checks for write errors, closes (unless finished) and renames into place.  On any
 * failure the temporary file is removed, a message is reported and the old
 * target is left as it was.  Frees `file` in every case. */
CgStatus cg_atomic_commit(CgAtomicFile *file, CgDiagSink *sink);
/* Puts every one of `files` (each finished with cg_atomic_finish) into
 * place, or none.  Each existing target is first kept aside beside itself
 * (a hard link, else a copy); the renames follow, and if one fails, the
 * targets already replaced get their old files back (or are removed when
 * there was none), so the message "no output was replaced" stays true.
 * SIGINT, SIGTERM and SIGHUP wait until it is done.  Reports every problem,
 * frees every file, and returns CG_OK or CG_ERR_IO.  Files written in place
 * (standard output, devices) were written already: they only close. */
CgStatus cg_atomic_commit_all(CgAtomicFile **files, size_t n, CgDiagSink *sink);
/* Discards the temporary file; NULL-safe. */
void cg_atomic_abort(CgAtomicFile *file);
/* Removes every temporary file still open (for signal handlers: only
 * async-signal-safe calls). */
void cg_atomic_cleanup_all(void);

#endif
