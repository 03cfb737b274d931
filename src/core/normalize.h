/* The one normalisation of words shared by rules, patterns and text, so that
 * an alias or pattern word and a token of text compare equal when a reader
 * would say they are the same word. */
#ifndef CG_NORMALIZE_H
#define CG_NORMALIZE_H

#include <stddef.h>

/* Writes the normalised form of the UTF-8 string `s` (`len` bytes) into `out`
 * (at least len + 1 bytes; the result is never longer than the input) and
 * returns its length.  ASCII and Latin-1 capitals are lower-cased; curly
 * apostrophes (U+2018, U+2019, U+02BC) become ', curly double quotes
 * (U+201C, U+201D) become ".  Anything else is copied as is. */
size_t cg_normalize(const char *s, size_t len, char *out);

#endif
