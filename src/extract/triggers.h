/* Internal to extract/: which relation patterns a sentence's words may set
 * off.  Every pattern needs each of its anchors (compile.h) present in a
 * sentence before it is run; testing every anchor of every pattern on
 * every sentence grew with the rule set (8% of build time at 270
 * patterns).  Instead each pattern is filed under the words of one of its
 * anchors (one of uncommon words, see triggers.c), and a sentence's own
 * words name the few patterns worth testing further. */
#ifndef CG_EXTRACT_TRIGGERS_H
#define CG_EXTRACT_TRIGGERS_H

#include "compile.h"
#include "units.h"

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t *first;     /* per word id: where its patterns start in `items` (n_words + 1) */
    uint32_t *items;     /* pattern numbers, counted across rules in rule order */
    uint32_t *always;    /* the patterns without an anchor: every sentence may set them off */
    size_t n_always;
    size_t n_patterns;   /* patterns of all rules */
    size_t n_words;
} CgTriggers;

/* Files the `n_patterns` patterns (all rules' patterns, in order) under the
 * words of one anchor each; `n_words` is the vocabulary size. */
void cg_triggers_build(CgTriggers *t, const CgCPattern *const *patterns, size_t n_patterns,
                       size_t n_words);

/* Sets in `candidates` (n_patterns bits) the patterns the sentence's plain
 * words may set off: those whose filed anchor holds one of its words, and
 * those without anchors.  All their anchors are still to test. */
void cg_triggers_mark(const CgTriggers *t, const CgUnit *units, size_t n_units,
                      uint64_t *candidates);

void cg_triggers_free(CgTriggers *t);

#endif
