/* The one normalisation of words shared by rules, patterns and text, so that
 * an alias or pattern word and a token of text compare equal when a reader
 * would say they are the same word.
 *
 * Curly apostrophes (U+2018, U+2019, U+02BC) become ', curly double quotes
 * (U+201C, U+201D) become ", and then the text is case-folded (full Unicode
 * case folding: "STRASSE" and "Straße" fold alike, as do final and medial
 * sigma) and put in Normalization Form C, so that "É" written as one code
 * point or as E plus a combining accent is the same word.  Folding and NFC
 * are GNU libunistring's (u8_casefold); ASCII, most of any news text, takes a
 * fast path that gives the same result. */
#ifndef CG_NORMALIZE_H
#define CG_NORMALIZE_H

#include "buf.h"

#include <stddef.h>

/* Appends the normalised form of the UTF-8 string `s` (`len` bytes) and a
 * NUL to `buf`; returns the length of the form (without the NUL).  Bytes
 * that are not well-formed UTF-8 are kept as they are (ASCII letters in
 * them still fold). */
size_t cg_normalize_append(CgBuf *buf, const char *s, size_t len);

/* The normalised form as a new string (the caller frees it); *out_len (may
 * be NULL) is set to its length. */
char *cg_normalize(const char *s, size_t len, size_t *out_len);

/* Appends the text with only the quotes straightened and NFC applied, case
 * kept: what `case: exact` aliases compare. */
size_t cg_normalize_keep_case(CgBuf *buf, const char *s, size_t len);

#endif
