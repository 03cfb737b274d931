#include "claims.h"

#include "../core/mem.h"

#include <stdlib.h>
#include <string.h>

static void vocab_cues(CgVocab *vocab, const CgCueClass *classes, size_t n)
{
    for (size_t i = 0; i < n; ++i) {
        for (size_t j = 0; j < classes[i].n_cues; ++j) {
            cg_vocab_add_pattern(vocab, classes[i].cues[j]);
        }
    }
}

void cg_claims_vocab(const CgClaimRules *claims, CgVocab *vocab)
{
    for (size_t i = 0; i < claims->n_attribution; ++i) {
        cg_vocab_add_pattern(vocab, claims->attribution[i].root);
    }
    for (size_t i = 0; i < claims->n_context; ++i) {
        cg_vocab_add_pattern(vocab, claims->context[i].root);
    }
    vocab_cues(vocab, claims->certainty, claims->n_certainty);
    vocab_cues(vocab, claims->comparators, claims->n_comparators);
    vocab_cues(vocab, claims->units, claims->n_units);
    for (size_t i = 0; i < claims->n_negation; ++i) {
        cg_vocab_add_pattern(vocab, claims->negation[i]);
    }
}

/* Compiles the phrases `cues` as one group of alternatives.  The group node
 * only borrows them: compiling copies what it needs. */
static void compile_cues(CgCPattern *out, CgPatNode **cues, size_t n, const CgVocab *vocab)
{
    CgPatNode alt = {.kind = CG_PAT_ALT, .kids = cues, .n_kids = n, .col = 1};
    cg_cpattern_init(out, &alt, vocab);
}

static CgCPattern *compile_classes(const CgCueClass *classes, size_t n, const CgVocab *vocab)
{
    CgCPattern *out = cg_xcalloc(n, sizeof *out);
    for (size_t i = 0; i < n; ++i) {
        compile_cues(&out[i], classes[i].cues, classes[i].n_cues, vocab);
    }
    return out;
}

static CgCPattern *compile_patterns(const CgPattern *patterns, size_t n, const CgVocab *vocab)
{
    CgCPattern *out = cg_xcalloc(n, sizeof *out);
    for (size_t i = 0; i < n; ++i) {
        cg_cpattern_init(&out[i], patterns[i].root, vocab);
    }
    return out;
}

void cg_claims_compile(CgClaimsCompiled *out, const CgClaimRules *claims, const CgVocab *vocab)
{
    memset(out, 0, sizeof *out);
    out->n_attribution = claims->n_attribution;
    out->attribution = compile_patterns(claims->attribution, claims->n_attribution, vocab);
    out->n_context = claims->n_context;
    out->context = compile_patterns(claims->context, claims->n_context, vocab);
    out->n_certainty = claims->n_certainty;
    out->certainty = compile_classes(claims->certainty, claims->n_certainty, vocab);
    out->n_comparators = claims->n_comparators;
    out->comparators = compile_classes(claims->comparators, claims->n_comparators, vocab);
    out->n_units = claims->n_units;
    out->units = compile_classes(claims->units, claims->n_units, vocab);
    if (claims->n_negation) {
        compile_cues(&out->negation, claims->negation, claims->n_negation, vocab);
    }
}

static void free_patterns(CgCPattern *patterns, size_t n)
{
    for (size_t i = 0; i < n; ++i) {
        cg_cpattern_free(&patterns[i]);
    }
    free(patterns);
}

void cg_claims_free_compiled(CgClaimsCompiled *compiled)
{
    free_patterns(compiled->attribution, compiled->n_attribution);
    free_patterns(compiled->context, compiled->n_context);
    free_patterns(compiled->certainty, compiled->n_certainty);
    free_patterns(compiled->comparators, compiled->n_comparators);
    free_patterns(compiled->units, compiled->n_units);
    cg_cpattern_free(&compiled->negation);
    memset(compiled, 0, sizeof *compiled);
}

bool cg_claims_cue_at(const CgCPattern *cue, const CgSentenceView *view, size_t pos,
                      size_t *last)
{
    static const CgRunContext phrase = {.rules = NULL};
    CgBinding b;
    if (!cue->root || !cg_pattern_match_at(&phrase, cue->root, view, pos, &b, NULL)) {
        return false;
    }
    if (last) {
        *last = b.last;
    }
    return true;
}
