/* Allocation that never returns NULL.
 *
 * Running out of memory is not an input problem the user can fix line by
 * line, so rather than thread CG_ERR_NOMEM through every append we stop the
 * process with a clear message and exit status 2 (like git's xmalloc).
 * Outputs are written atomically (see atomic_file.h), so nothing half-written
 * is left behind. */
#ifndef CG_MEM_H
#define CG_MEM_H

#include <stddef.h>

void *cg_xmalloc(size_t size);
void *cg_xcalloc(size_t n, size_t size);
void *cg_xrealloc(void *ptr, size_t size);
/* Grow an array so that it can hold at least `need` items of `size` bytes;
 * `*cap` is updated.  Amortised doubling. */
void *cg_xgrow(void *ptr, size_t *cap, size_t need, size_t size);
char *cg_xstrdup(const char *s);
char *cg_xstrndup(const char *s, size_t n);

#endif
