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
    int unit;                  /* index into the claims' units ("$" -> USD), or -1 */
    bool percent;              /* the quantity ends with % */
    int certainty;             /* index into the claims' certainty, -1: asserted */
    bool negated;              /* an odd number of negation cues in the claim's
                                * clause, up to the match's end */
    uint32_t claimer;          /* entity who made the claim, or CG_NO_ENTITY */
    size_t claimer_begin, claimer_end; /* bytes of a claimer that is no
                                        * entity ("a Kremlin insider") */
    uint32_t claimer_mention;  /* index into the mentions, or CG_NO_ENTITY */
    size_t clause_begin;       /* the token where the clause whose negation
                                * cues count begins (for `explain`) */
    bool spread;               /* made by spreading a match over a list of
                                * names (syntax.h) or a group reference */
    uint8_t subject_member, object_member; /* an end that is a group
                                * reference ("the two leaders"): which of its
                                * members (0: CgMention.antecedent, k:
                                * CgMention.more[k - 1]) */
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
 * cues from the start of the match's clause to its end; `negated: drop`
 * rules then give nothing).  Returns the count and sets *out to
 * an array the caller frees (NULL when none). */
size_t cg_extract_document(const CgExtractor *extractor, const CgText *text,
                           const CgMention *mentions, size_t n_mentions,
                           CgAssertion **out);

/* A sentence where a relation pattern's search ran out of steps
 * (CG_PATTERN_STEP_LIMIT, a guard against hostile text): relations it
 * states may be missing from the result. */
typedef struct {
    uint32_t sentence; /* index into the text's sentences */
    uint32_t rule;     /* the first relation rule cut short there */
    unsigned steps;    /* the budget that ran out */
} CgStepLimitHit;

/* cg_extract_document, also listing such sentences: *hits is an array the
 * caller frees (NULL when none), *n_hits its length. */
size_t cg_extract_document_hits(const CgExtractor *extractor, const CgText *text,
                                const CgMention *mentions, size_t n_mentions,
                                CgAssertion **out, CgStepLimitHit **hits, size_t *n_hits);

/* A pattern that did not fire in a sentence although its words are there:
 * what `explain` shows a rule author. */
typedef struct {
    uint32_t rule;      /* index into the rule set's relations */
    uint32_t pattern;   /* index into the rule's patterns */
    size_t element;     /* the element of its top sequence that failed, at best */
    size_t matched;     /* required elements matched before it */
    size_t n_elements;  /* required elements in its top sequence */
    size_t stop_token;  /* the token where the next element failed; the
                         * sentence's tok_end when it ran out of words */
    uint32_t wrong_type;   /* a mention a slot refused for its entity's type
                            * (index into the mentions), or CG_NO_ENTITY */
    bool wrong_type_subject; /* ... refused by {subject} (else {object}) */
    unsigned blocked_col;  /* the column of a constraint (!X, <!X) that
                            * failed, or 0 */
    size_t blocked_token;  /* ... at this token */
    bool steps_exceeded;   /* the search ran out of steps */
} CgNearMiss;

/* The shallow syntax of one sentence, as `explain` shows it. */
typedef struct {
    size_t tok_begin, tok_end; /* the tokens the list covers */
    uint32_t *members;         /* indexes into the mentions */
    size_t n_members;
    bool before_verb;          /* a verb follows: the list is its subject */
    bool after_verb;           /* ... and one comes before: two clauses */
} CgNameListInfo;

typedef struct {
    size_t *breaks;            /* tokens that break a clause: no plain gap
                                * crosses them */
    size_t n_breaks;
    CgNameListInfo *lists;
    size_t n_lists;
} CgSentenceStructure;

/* The clause breaks and lists of names of sentence `sentence`; clear *out
 * with cg_sentence_structure_clear. */
void cg_extract_structure(const CgExtractor *extractor, const CgText *text,
                          const CgMention *mentions, size_t n_mentions, size_t sentence,
                          CgSentenceStructure *out);
void cg_sentence_structure_clear(CgSentenceStructure *s);

/* The near misses of sentence `sentence`: patterns whose words (anchors)
 * are all in it but which match nowhere in it (none when the sentence has
 * fewer than two mentions), the closest first.  Returns the count and sets
 * *out (caller frees). */
size_t cg_extract_near_misses(const CgExtractor *extractor, const CgText *text,
                              const CgMention *mentions, size_t n_mentions, size_t sentence,
                              CgNearMiss **out);

/* The value of a number as captured ("12,000", "1.5 million", "eight
 * million"); false for vague amounts ("thousands", "several"). */
bool cg_quantity_parse(const char *text, size_t len, double *value);

#endif
