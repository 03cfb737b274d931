/* Internal to extract/: runs one compiled pattern over a sentence's units. */
#ifndef CG_EXTRACT_PATTERN_RUN_H
#define CG_EXTRACT_PATTERN_RUN_H

#include "../rules/rules.h"
#include "compile.h"
#include "units.h"

#include <stdbool.h>
#include <stddef.h>

#define CG_MAX_CAPTURES 4

/* A named span of units, [first, last]. */
typedef struct {
    const char *name; /* borrowed from the pattern */
    size_t first, last;
} CgCapture;

/* What one match binds. */
typedef struct {
    const CgMention *subject;
    const CgMention *object;
    const CgMention *claimer;   /* attribution patterns */
    size_t subject_unit, object_unit; /* the units the slots bound */
    size_t qty_first, qty_last; /* units of the quantity with its comparator;
                                 * qty_last < qty_first when none */
    size_t num_first, num_last; /* units of the number and its scale word */
    int comparator;             /* index into the comparators, or -1 */
    int unit;                   /* index into the units ("$", "shells"), or -1 */
    CgCapture captures[CG_MAX_CAPTURES];
    size_t n_captures;
    size_t first, last;         /* units the match covers, inclusive */
} CgBinding;

/* Backtracking steps allowed per pattern and start position, so that a
 * hostile sentence cannot make a pattern run for ever. */
#define CG_PATTERN_STEP_LIMIT 100000u

/* Elements tried inside each other, at most: the matcher recurses once per
 * element on a match's path, so its stack grows with the pattern.  The
 * rules loader keeps that path within CG_PATTERN_MAX_LENGTH elements; the
 * comparator and unit cues a {quantity} runs add their own, hence the
 * margin.  A run that would go deeper stops as if out of steps (measured:
 * about 600 bytes of stack a level in an ASan debug build, 260 in a
 * release one, so 4,000 levels stay within 2.5 MB). */
#define CG_PATTERN_DEPTH_LIMIT (4u * CG_PATTERN_MAX_LENGTH)

/* A sentence as the patterns see it. */
typedef struct {
    const CgText *text;
    const uint32_t *word_ids; /* per token of the document: its vocabulary id or 0 */
    const CgUnit *units;
    size_t n_units;
    bool numbers_marked;      /* units carry CG_UNIT_NUMBER and CG_UNIT_QTY_START
                               * (cg_units_mark_numbers); else they are worked out
                               * where needed */
} CgSentenceView;

/* What a run needs besides the pattern: the rule (NULL for attribution
 * patterns and cue phrases) and the compiled comparator phrases that may
 * open a {quantity}. */
typedef struct {
    const CgRuleSet *rules;
    const CgRelationRule *rule;
    const CgCPattern *comparators; /* one per comparator class, in rule order */
    size_t n_comparators;
    const CgCPattern *units;       /* one per unit class ("$", shells), in rule order */
    size_t n_units;
    const CgWordSet *qty_starts;   /* every word a comparator or unit cue may
                                    * start with, or NULL (worked out then) */
    bool attribution;              /* success needs a claimer, not two slots */
} CgRunContext;

/* How far a search got, for `explain` and the step budget. */
typedef struct {
    bool budget_only;    /* only steps_exceeded is wanted: the run keeps no
                          * detail (profiled: keeping it on every run of a
                          * build was 1% of build time) */
    bool steps_exceeded; /* the step budget ran out */
    size_t matched;      /* most elements of the top sequence matched in a row */
    size_t at_unit;      /* the unit where the next element failed */
    const CgMention *wrong_type; /* the last mention a slot refused for its type */
    bool wrong_type_subject;     /* ... the {subject} slot (else {object}) */
    size_t wrong_type_at;        /* ... at this unit */
    const CgCNode *blocked_by;   /* the last constraint (!X, <!X) that failed */
    size_t blocked_at;           /* ... at this unit */
} CgRunTrace;

/* Finds the first match of `root` that starts at unit `start`: for a
 * relation rule, one binding a subject and an object of the rule's types
 * and two different entities; for an attribution pattern, one binding a
 * claimer; for a cue phrase (rule NULL, not attribution), any match.
 * Returns true and fills *out when there is one.  `trace` (may be NULL) is
 * updated with how far the search got. */
bool cg_pattern_match_at(const CgRunContext *ctx, const CgCNode *root,
                         const CgSentenceView *view, size_t start, CgBinding *out,
                         CgRunTrace *trace);

/* Sets CG_UNIT_NUMBER and CG_UNIT_QTY_START on the view's units (`units`
 * is view->units, writable) and view->numbers_marked, once per sentence, so
 * that a {quantity} is tried only where one may start (profiled: trying it
 * at every unit of every sentence was the costliest part of a pattern
 * that starts with one). */
void cg_units_mark_numbers(const CgRunContext *ctx, CgSentenceView *view, CgUnit *units);

#endif
