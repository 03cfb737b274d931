/* Internal to extract/: the rules' claims compiled: attribution patterns,
 * certainty and negation cues, comparators. */
#ifndef CG_EXTRACT_CLAIMS_H
#define CG_EXTRACT_CLAIMS_H

#include "compile.h"
#include "pattern_run.h"

typedef struct {
    CgCPattern *attribution;
    size_t n_attribution;
    CgCPattern *context;
    size_t n_context;
    CgCPattern *certainty;   /* one ALT of cues per class */
    size_t n_certainty;
    CgCPattern *comparators; /* one ALT of cues per class */
    size_t n_comparators;
    CgCPattern *units;       /* one ALT of cues per class */
    size_t n_units;
    CgCPattern negation;     /* one ALT of all cues; root NULL when none */
} CgClaimsCompiled;

/* Adds every word of the claims' patterns and cues to `vocab`. */
void cg_claims_vocab(const CgClaimRules *claims, CgVocab *vocab);
void cg_claims_compile(CgClaimsCompiled *out, const CgClaimRules *claims, const CgVocab *vocab);
void cg_claims_free_compiled(CgClaimsCompiled *compiled);

/* Whether a cue phrase of `cue` matches at unit `pos`; sets *last (may be
 * NULL) to its last unit. */
bool cg_claims_cue_at(const CgCPattern *cue, const CgSentenceView *view, size_t pos,
                      size_t *last);

#endif
