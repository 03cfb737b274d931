/* Internal to extract/: the extractor, shared by extract.c and explain.c. */
#ifndef CG_EXTRACT_IMPL_H
#define CG_EXTRACT_IMPL_H

#include "claims.h"
#include "compile.h"
#include "syntax.h"
#include "triggers.h"

struct CgExtractor {
    const CgRuleSet *rules;
    CgVocab vocab;
    CgCPattern **patterns; /* per relation rule, one per pattern */
    uint32_t *pattern_base; /* per rule: the number of its first pattern across rules */
    CgTriggers triggers;    /* the patterns a sentence's words may set off */
    CgClaimsCompiled claims;
    CgSyntaxCompiled syntax;
    /* Entity types as bits, so that a sentence without a name of a rule's
     * subject and object types skips the rule at once: per entity its
     * type's bit; per rule the bits of its subject and object types (all
     * bits when the rules have more than 64 types). */
    uint64_t *entity_type_bit;
    uint64_t *subject_bits, *object_bits;
    CgWordSet qty_starts; /* the words a comparator or unit cue may start with */
};

/* What a pattern run needs of the extractor: `rule` NULL for attribution
 * patterns and cue phrases. */
static inline CgRunContext cg_run_context(const CgExtractor *x, const CgRelationRule *rule,
                                          bool attribution)
{
    return (CgRunContext){.rules = x->rules,
                          .rule = rule,
                          .comparators = x->claims.comparators,
                          .n_comparators = x->claims.n_comparators,
                          .units = x->claims.units,
                          .n_units = x->claims.n_units,
                          .qty_starts = x->qty_starts.bits ? &x->qty_starts : NULL,
                          .attribution = attribution};
}

#endif
