/* Relations: runs the relation rules' patterns over each sentence's tokens
 * and mentions; each match is an assertion. */
#ifndef CG_EXTRACT_H
#define CG_EXTRACT_H

#include "../match/match.h"
#include "../rules/rules.h"
#include "../text/text.h"

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t rule;             /* index into the rule set's relations */
    uint32_t subject, object;  /* entity indexes */
    uint32_t sentence;         /* index into the text's sentences */
    size_t tok_begin, tok_end; /* the matched tokens */
    size_t qty_begin, qty_end; /* bytes of the captured quantity; equal when none */
} CgAssertion;

typedef struct CgExtractor CgExtractor;

/* Compiles the relation rules of `rules` (borrowed; must outlive it). */
CgExtractor *cg_extractor_new(const CgRuleSet *rules);
/* NULL-safe. */
void cg_extractor_free(CgExtractor *extractor);

/* Finds the assertions of one document.  Within a sentence, one assertion is
 * kept per (predicate, subject, object): the first rule in rule order wins.
 * An entity is never related to itself.  Returns the count and sets *out to
 * an array the caller frees (NULL when none). */
size_t cg_extract_document(const CgExtractor *extractor, const CgText *text,
                           const CgMention *mentions, size_t n_mentions,
                           CgAssertion **out);

#endif
