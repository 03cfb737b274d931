/* Private to text/: the CgText layout and the helpers its files share. */
#ifndef CG_TEXT_IMPL_H
#define CG_TEXT_IMPL_H

#include "text.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Returned by the decoder past the end of the text; in no character class. */
#define CG_TEXT_END UINT32_MAX

struct CgText {
    const char *doc; /* borrowed */
    size_t len;
    CgToken *toks;
    size_t n_toks, cap_toks;
    CgSentence *sents;
    size_t n_sents, cap_sents;
    char *pool; /* every token's norm, each NUL-terminated */
};

/* Decodes the code point at s[i] into *cp and returns its length in bytes.
 * An ill-formed byte decodes as U+FFFD of length 1, so that text which was
 * not checked is still split safely; at i >= len, *cp is CG_TEXT_END and 0
 * is returned. */
size_t cg_text_decode(const char *s, size_t len, size_t i, uint32_t *cp);

/* Character classes: every code point is exactly one of space, mark
 * (punctuation or symbol, one per token) or word character. */
bool cg_text_is_space(uint32_t cp);
bool cg_text_is_mark(uint32_t cp);
bool cg_text_is_word_char(uint32_t cp);
bool cg_text_is_digit(uint32_t cp);
bool cg_text_is_upper(uint32_t cp);
bool cg_text_is_lower(uint32_t cp);
/* ' U+2019 U+02BC: the marks that may stand inside a word or start 's. */
bool cg_text_is_apostrophe(uint32_t cp);
/* - U+2010 U+2011: the marks that may join two words. */
bool cg_text_is_hyphen(uint32_t cp);

/* Fills text->toks (with byte and character offsets) from text->doc. */
void cg_text_tokenize(CgText *text);
/* Fills text->sents from text->toks; every token lands in one sentence. */
void cg_text_split_sentences(CgText *text);

#endif
