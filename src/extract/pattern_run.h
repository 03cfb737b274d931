/* Internal to extract/: runs one parsed pattern over a sentence's units. */
#ifndef CG_EXTRACT_PATTERN_RUN_H
#define CG_EXTRACT_PATTERN_RUN_H

#include "../rules/rules.h"
#include "compile.h"
#include "units.h"

#include <stdbool.h>
#include <stddef.h>

/* What one match binds. */
typedef struct {
    const CgMention *subject;
    const CgMention *object;
    size_t qty_first, qty_last; /* units of the quantity; qty_last < qty_first when none */
    size_t first, last;         /* units the match covers, inclusive */
} CgBinding;

/* Backtracking steps allowed per pattern and start position, so that a
 * hostile sentence cannot make a pattern run for ever. */
#define CG_PATTERN_STEP_LIMIT 100000u

/* A sentence as the patterns see it. */
typedef struct {
    const CgText *text;
    const uint32_t *word_ids; /* per token of the document: its vocabulary id or 0 */
    const CgUnit *units;
    size_t n_units;
} CgSentenceView;

/* Finds the first match of `rule`'s compiled pattern `root` that starts at
 * unit `start`, binds a subject and an object of the rule's types and two
 * different entities.  Returns true and fills *out when there is one. */
bool cg_pattern_match_at(const CgRuleSet *rules, const CgRelationRule *rule,
                         const CgCNode *root, const CgSentenceView *view, size_t start,
                         CgBinding *out);

#endif
