/* Internal to extract/: the extractor, shared by extract.c and explain.c. */
#ifndef CG_EXTRACT_IMPL_H
#define CG_EXTRACT_IMPL_H

#include "claims.h"
#include "compile.h"
#include "syntax.h"

struct CgExtractor {
    const CgRuleSet *rules;
    CgVocab vocab;
    CgCPattern **patterns; /* per relation rule, one per pattern */
    CgClaimsCompiled claims;
    CgSyntaxCompiled syntax;
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
                          .attribution = attribution};
}

#endif
