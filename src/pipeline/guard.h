/* Private to pipeline/: what keeps a document that is not text out of the
 * graph, and the list of what was kept out, for the summary. */
#ifndef CG_PIPELINE_GUARD_H
#define CG_PIPELINE_GUARD_H

#include "../core/diag.h"

#include <stdbool.h>
#include <stddef.h>

/* Whether `text` can be read as a UTF-8 document.  When not (a UTF-16 or
 * UTF-32 byte order mark, a NUL byte, invalid UTF-8), says why and how to
 * convert it, as a warning about `name`, and returns false. */
bool cg_guard_text(const char *name, const char *text, size_t len, CgDiagSink *sink);

/* Names of skipped documents, in the order they were met. */
typedef struct {
    char **names;
    size_t n, cap;
} CgSkipList;

void cg_skip_add(CgSkipList *list, const char *name);
void cg_skip_free(CgSkipList *list);

#endif
