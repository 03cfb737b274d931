/* The corpus: which documents a run reads, and reading them.
 * Inputs are files, directories (searched recursively for *.txt, in name
 * order, following symbolic links but never the same directory twice) or
 * "-" for standard input.  A *.txt entry that is not a directory is listed
 * even when it cannot be read (a dangling symbolic link), so that reading
 * it reports, counts and names it as a skipped document. */
#ifndef CG_CORPUS_H
#define CG_CORPUS_H

#include "../core/diag.h"
#include "../core/status.h"

#include <stddef.h>

typedef struct {
    char **paths; /* owned */
    size_t n;
    size_t cap;
} CgCorpus;

/* Appends the documents of `input` to `corpus`.  A missing or unreadable
 * input is reported to `sink` and returns CG_FAILURE (the rest goes on). */
CgStatus cg_corpus_add(CgCorpus *corpus, const char *input, CgDiagSink *sink);

/* Reads a whole document ("-": standard input) into *text (NUL-terminated,
 * caller frees) and its length into *len.  Reports failures to `sink`. */
CgStatus cg_corpus_read(const char *path, char **text, size_t *len, CgDiagSink *sink);

/* The same, but a document of more than `max` bytes is not read: it is
 * reported and CG_ERR_LIMIT returned (a regular file is measured before
 * reading, a pipe read no further than max + 1 bytes).  A named pipe with
 * no writer reads as empty rather than waiting for one. */
CgStatus cg_corpus_read_max(const char *path, size_t max, char **text, size_t *len,
                            CgDiagSink *sink);

/* Keeps only shard k of n (1 <= k <= n): the documents whose path, as
 * listed, hashes (core/hash.h, stable across runs and machines) to k - 1
 * modulo n.  The n shards of a corpus partition it, whatever order or
 * machine they are built on. */
void cg_corpus_keep_shard(CgCorpus *corpus, unsigned k, unsigned n);

/* NULL-safe. */
void cg_corpus_free(CgCorpus *corpus);

#endif
