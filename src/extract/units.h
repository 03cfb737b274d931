/* Internal to extract/: a sentence seen as the pattern engine sees it, a
 * sequence of units, each one token or one whole mention.  Hyphens inside
 * words are dropped, as the matcher drops them. */
#ifndef CG_EXTRACT_UNITS_H
#define CG_EXTRACT_UNITS_H

#include "../match/match.h"
#include "../text/text.h"

#include <stddef.h>

/* What the shallow syntax says of a unit (syntax.h): bits of CgUnit.flags. */
enum {
    CG_UNIT_CLAUSE_BREAK = 1u, /* a clause break: no plain gap crosses it */
    CG_UNIT_POSSESSIVE = 2u,   /* a mention that ends with a possessive 's, or
                                * a possessive pronoun ("its") */
    CG_UNIT_WORD_TOO = 4u      /* a mention that is a plain word as well ("it") */
};

typedef struct {
    size_t tok_begin, tok_end; /* tokens covered */
    const CgMention *mention;  /* NULL for a plain token */
    unsigned flags;            /* CG_UNIT_* */
} CgUnit;

/* Fills `units` (capacity: the sentence's token count) for `sentence`, with
 * `mentions` (sorted, all of the document) starting the search at
 * *next_mention, which is advanced past this sentence.  Returns the count. */
size_t cg_units_build(const CgText *text, const CgSentence *sentence, const CgMention *mentions,
                      size_t n_mentions, size_t *next_mention, CgUnit *units);

/* Sets in `present` (a bitset of `blocks` 64-bit words, cleared first) the
 * vocabulary id of each plain token of the units; `word_ids` per token. */
void cg_units_mark_present(const CgUnit *units, size_t n_units, const uint32_t *word_ids,
                           uint64_t *present, size_t blocks);

#endif
