/* Internal to extract/: the extractor, shared by extract.c and explain.c. */
#ifndef CG_EXTRACT_IMPL_H
#define CG_EXTRACT_IMPL_H

#include "claims.h"
#include "compile.h"

struct CgExtractor {
    const CgRuleSet *rules;
    CgVocab vocab;
    CgCPattern **patterns; /* per relation rule, one per pattern */
    CgClaimsCompiled claims;
};

#endif
