/* Internal to extract/: a sentence seen as the pattern engine sees it, a
 * sequence of units, each one token or one whole mention.  Hyphens inside
 * words are dropped, as the matcher drops them. */
#ifndef CG_EXTRACT_UNITS_H
#define CG_EXTRACT_UNITS_H

#include "../match/match.h"
#include "../text/text.h"

#include <stddef.h>
#include <stdint.h>

/* What the shallow syntax says of a unit (syntax.h): bits of CgUnit.flags. */
enum {
    CG_UNIT_CLAUSE_BREAK = 1u, /* a clause break: no plain gap crosses it */
    CG_UNIT_POSSESSIVE = 2u,   /* a mention that ends with a possessive 's, or
                                * a possessive pronoun ("its") */
    CG_UNIT_WORD_TOO = 4u,     /* a mention that is a plain word as well ("it") */
    CG_UNIT_NUMBER = 8u,       /* a number as {quantity} reads it ("12,000", "5bn") */
    CG_UNIT_QTY_START = 16u    /* a {quantity} may start here: a number, or the
                                * first word of a comparator or unit cue */
};

typedef struct {
    size_t tok_begin, tok_end; /* tokens covered */
    const CgMention *mention;  /* NULL for a plain token */
    uint32_t word;             /* the vocabulary id of a plain token (or of a
                                * mention that is a word too), else 0 */
    unsigned flags;            /* CG_UNIT_* */
    signed char unit_cue;      /* with CG_UNIT_NUMBER marking: the first unit
                                * class ("$", shells) with a cue here, or -1 */
    unsigned char unit_cue_len; /* ... the units that cue covers */
} CgUnit;

/* Fills `units` (capacity: the sentence's token count) for `sentence`, with
 * `mentions` (sorted, all of the document) starting the search at
 * *next_mention, which is advanced past this sentence; `word_ids` holds the
 * vocabulary id of each token of the document.  Returns the count. */
size_t cg_units_build(const CgText *text, const CgSentence *sentence, const CgMention *mentions,
                      size_t n_mentions, size_t *next_mention, const uint32_t *word_ids,
                      CgUnit *units);

/* Sets in `present` (a bitset of `blocks` 64-bit words, cleared first) the
 * vocabulary id of each plain token of the units; `word_ids` per token. */
void cg_units_mark_present(const CgUnit *units, size_t n_units, uint64_t *present,
                           size_t blocks);

#endif
