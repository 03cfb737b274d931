/* Text: UTF-8 checking, tokens and sentences of one document.
 *
 * Offsets are kept twice: in bytes (to slice the text) and in Unicode
 * characters (code points) from the start of the document, as NIF and
 * RFC 5147 count them, for the evidence written to RDF. */
#ifndef CG_TEXT_H
#define CG_TEXT_H

#include "../core/status.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    CG_TOK_WORD,       /* letters, digits, inner apostrophes: "hasn't" */
    CG_TOK_NUMBER,     /* digits with inner , or .: "12,000", "1.5" */
    CG_TOK_PUNCT,      /* any other single mark: , . " ( % and so on */
    CG_TOK_HYPHEN,     /* a hyphen joining two words with no space: Jong-un */
    CG_TOK_POSSESSIVE  /* 's or ' after a word: Russia's, forces' */
} CgTokKind;

typedef struct {
    size_t begin, end;   /* byte offsets [begin, end) */
    size_t cbegin, cend; /* character offsets [cbegin, cend) */
    CgTokKind kind;
    const char *norm;    /* normalised form, NUL-terminated, owned by CgText:
                          * letters lower-cased, curly quotes and apostrophes
                          * straightened ("’s" -> "'s", "“" -> "\"") */
    size_t norm_len;
} CgToken;

typedef struct {
    size_t tok_begin, tok_end; /* tokens [tok_begin, tok_end) */
    size_t begin, end;         /* bytes of the sentence text, trimmed */
    size_t cbegin, cend;       /* the same in characters */
} CgSentence;

typedef struct CgText CgText;

/* Checks that `s` is valid UTF-8 (no overlongs, surrogates or values above
 * U+10FFFF).  Returns CG_ERR_UTF8 and sets *bad_offset to the byte offset of
 * the first bad sequence, else CG_OK. */
CgStatus cg_text_check_utf8(const char *s, size_t len, size_t *bad_offset);

/* Splits valid UTF-8 text into tokens and sentences.  `s` is borrowed and
 * must outlive the result.  Sentence boundaries: . ! ? (and closing quotes
 * after them) followed by white space and a capital, digit or opening quote;
 * a blank line; a line break before a capital.  Not after abbreviations
 * ("U.S.", "Dr.", "Gen.", initials), inside numbers ("1.5") or at an
 * ellipsis followed by a lower-case word. */
CgText *cg_text_analyze(const char *s, size_t len);

/* NULL-safe. */
void cg_text_free(CgText *text);

/* The text that was analysed (borrowed from the caller of cg_text_analyze). */
const char *cg_text_source(const CgText *text);
size_t cg_text_token_count(const CgText *text);
const CgToken *cg_text_tokens(const CgText *text);
size_t cg_text_sentence_count(const CgText *text);
const CgSentence *cg_text_sentences(const CgText *text);

#endif
