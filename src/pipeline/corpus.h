/* The corpus: which documents a run reads, and reading them.
 * Inputs are files, directories (searched recursively for *.txt, in name
 * order, following symbolic links but never the same directory twice) or
 * "-" for standard input. */
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

/* NULL-safe. */
void cg_corpus_free(CgCorpus *corpus);

#endif
