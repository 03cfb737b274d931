/* Relations: runs the relation rules' patterns over each sentence's tokens
 * and mentions; each match is an assertion. */
#ifndef CG_EXTRACT_H
#define CG_EXTRACT_H

#include "../match/match.h"
#include "../rules/rules.h"
#include "../text/text.h"

#include <stddef.h>
#include <stdint.h>

#define CG_NO_ENTITY UINT32_MAX
#define CG_ASSERTION_CAPTURES 4

/* A named capture ([date: ...]) as bytes of the document. */
typedef struct {
    const char *name; /* borrowed from the rules */
    size_t begin, end;
} CgAssertionCapture;

typedef struct {
    uint32_t rule;             /* index into the rule set's relations */
    uint32_t subject, object;  /* entity indexes */
    uint32_t subject_mention, object_mention; /* indexes into the mentions */
    uint32_t sentence;         /* index into the text's sentences */
    size_t tok_begin, tok_end; /* the matched tokens */
    size_t qty_begin, qty_end; /* bytes of the quantity as written, with its
                                * comparator ("around 12,000"); equal when none */
    size_t num_begin, num_end; /* bytes of the number and scale word ("12,000") */
    int comparator;            /* index into the claims' comparators, or -1 */
    bool percent;              /* the quantity ends with % */
    int certainty;             /* index into the claims' certainty, -1: asserted */
    bool negated;              /* an odd number of negation cues in the match */
    uint32_t claimer;          /* entity who made the claim, or CG_NO_ENTITY */
    size_t claimer_begin, claimer_end; /* bytes of a claimer that is no
                                        * entity ("a Kremlin insider") */
    uint32_t claimer_mention;  /* index into the mentions, or CG_NO_ENTITY */
    CgAssertionCapture captures[CG_ASSERTION_CAPTURES];
    size_t n_captures;
} CgAssertion;

typedef struct CgExtractor CgExtractor;

/* Compiles the relation rules of `rules` (borrowed; must outlive it). */
CgExtractor *cg_extractor_new(const CgRuleSet *rules);
/* NULL-safe. */
void cg_extractor_free(CgExtractor *extractor);

/* Finds the assertions of one document.  Within a sentence, one assertion is
 * kept per (predicate, subject, object): the first rule in rule order wins.
 * An entity is never related to itself.  Each assertion is qualified by the
 * rules' claims: who made it (the first attribution pattern that matches
 * the sentence), its certainty (the first class with a cue between the
 * sentence start and the match's end), negation (an odd number of negation
 * cues within the match; `negated: drop` rules then give nothing).  Returns the count and sets *out to
 * an array the caller frees (NULL when none). */
size_t cg_extract_document(const CgExtractor *extractor, const CgText *text,
                           const CgMention *mentions, size_t n_mentions,
                           CgAssertion **out);

#endif
