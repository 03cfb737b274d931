/* Internal to pipeline/: the quote an evidence carries.
 *
 * An evidence quotes its sentence.  A sentence can be any length (a 2.5 MB
 * document with no full stop is one sentence), and every assertion found in
 * it is an evidence of its own: quoting the whole sentence each time cost a
 * 2.5 MB one-sentence document 490 MB of N-Triples and 614 MB of memory
 * (187 evidence).  So a sentence longer than CG_QUOTE_MAX_CHARS is quoted
 * only around the assertion's own words, as much of it as fits, with "…"
 * where it was cut; the evidence's offsets still give the whole sentence,
 * and the quote's own offsets say which part it shows. */
#ifndef CG_PIPELINE_QUOTE_H
#define CG_PIPELINE_QUOTE_H

#include "../extract/extract.h"

#include <stdbool.h>
#include <stddef.h>

/* Characters of a sentence quoted whole; longer ones are cut.  News
 * sentences run to a few hundred (the longest of the gold corpora: 420). */
#define CG_QUOTE_MAX_CHARS 1000

typedef struct {
    char *text;          /* caller frees */
    size_t cbegin, cend; /* the characters of the document it shows (without
                          * the "…" marks); the sentence's when not cut */
    bool cut;            /* part of a longer sentence */
} CgQuote;

/* The quote of assertion `a` of `text` (whose source is `src`): its
 * sentence, or the whole tokens around its match that fit in
 * CG_QUOTE_MAX_CHARS characters, "… " before and " …" after where cut.  A
 * match longer than that (one huge token) is cut at a character. */
void cg_quote_build(const CgText *text, const char *src, const CgAssertion *a, CgQuote *out);

#endif
