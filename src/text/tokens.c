/* Tokens: one left-to-right pass that keeps byte and character offsets
 * together, so that no later stage has to recount characters. */
#include "text_impl.h"

#include "../core/mem.h"

typedef struct {
    CgText *text;
    size_t pos, cpos; /* the cursor in bytes and in characters */
} Lexer;

/* The code point `k` places after the cursor (CG_TEXT_END past the end). */
static uint32_t peek(const Lexer *lx, unsigned k)
{
    size_t at = lx->pos;
    uint32_t cp;
    size_t n = cg_text_decode(lx->text->doc, lx->text->len, at, &cp);
    while (k-- > 0 && n) {
        at += n;
        n = cg_text_decode(lx->text->doc, lx->text->len, at, &cp);
    }
    return cp;
}

static void advance(Lexer *lx)
{
    uint32_t cp;
    const size_t n = cg_text_decode(lx->text->doc, lx->text->len, lx->pos, &cp);
    lx->pos += n;
    lx->cpos += n ? 1 : 0;
}

/* The previous token, if it is a word or number touching the cursor: only
 * then can an apostrophe be possessive or a hyphen join. */
static const CgToken *touching_word(const Lexer *lx)
{
    const CgText *t = lx->text;
    if (!t->n_toks) {
        return NULL;
    }
    const CgToken *prev = &t->toks[t->n_toks - 1];
    if (prev->end != lx->pos || (prev->kind != CG_TOK_WORD && prev->kind != CG_TOK_NUMBER)) {
        return NULL;
    }
    return prev;
}

/* At an apostrophe: is it 's closing the word ("Russia's", not "s'il")? */
static bool at_possessive_s(const Lexer *lx)
{
    const uint32_t s = peek(lx, 1);
    return (s == 's' || s == 'S') && !cg_text_is_word_char(peek(lx, 2));
}

/* Letters and digits, and apostrophes with a letter on each side ("hasn't",
 * "O'Brien") unless they start a possessive. */
static void lex_word(Lexer *lx)
{
    for (;;) {
        /* ASCII letters and digits, the bulk of news text, byte by byte
         * (profiled: decoding each character twice was 5% of a build) */
        const unsigned char *doc = (const unsigned char *)lx->text->doc;
        size_t i = lx->pos;
        while (i < lx->text->len &&
               ((unsigned)((doc[i] | 0x20) - 'a') < 26u || (unsigned)(doc[i] - '0') < 10u)) {
            ++i;
        }
        lx->cpos += i - lx->pos;
        lx->pos = i;
        const uint32_t c = peek(lx, 0);
        if (cg_text_is_apostrophe(c)) {
            if (!cg_text_is_word_char(peek(lx, 1)) || at_possessive_s(lx)) {
                return;
            }
        } else if (!cg_text_is_word_char(c)) {
            return;
        }
        advance(lx);
    }
}

/* Digits with inner , or . ("12,000", "1.5").  Plain digits running into
 * letters make a word instead ("3rd", "1990s"). */
static CgTokKind lex_number(Lexer *lx)
{
    bool separated = false;
    for (;;) {
        const uint32_t c = peek(lx, 0);
        if ((c == ',' || c == '.') && cg_text_is_digit(peek(lx, 1))) {
            separated = true;
        } else if (!cg_text_is_digit(c)) {
            break;
        }
        advance(lx);
    }
    if (!separated && cg_text_is_word_char(peek(lx, 0))) {
        lex_word(lx);
        return CG_TOK_WORD;
    }
    return CG_TOK_NUMBER;
}

static bool ends_in_s(const CgText *t, const CgToken *tok)
{
    const char last = t->doc[tok->end - 1];
    return tok->kind == CG_TOK_WORD && (last == 's' || last == 'S');
}

/* One mark, unless it is a possessive ('s, or a bare ' after a word ending
 * in s: "forces'") or a hyphen between two words ("Jong-un"). */
static CgTokKind lex_mark(Lexer *lx, uint32_t c)
{
    const CgToken *prev = touching_word(lx);
    if (prev && cg_text_is_apostrophe(c)) {
        if (at_possessive_s(lx)) {
            advance(lx);
            advance(lx);
            return CG_TOK_POSSESSIVE;
        }
        if (ends_in_s(lx->text, prev) && !cg_text_is_word_char(peek(lx, 1))) {
            advance(lx);
            return CG_TOK_POSSESSIVE;
        }
    }
    advance(lx);
    if (prev && cg_text_is_hyphen(c) && cg_text_is_word_char(peek(lx, 0))) {
        return CG_TOK_HYPHEN;
    }
    return CG_TOK_PUNCT;
}

static void lex_token(Lexer *lx, uint32_t c)
{
    CgText *t = lx->text;
    const size_t begin = lx->pos, cbegin = lx->cpos;
    CgTokKind kind = CG_TOK_WORD;
    if (cg_text_is_digit(c)) {
        kind = lex_number(lx);
    } else if (cg_text_is_word_char(c)) {
        lex_word(lx);
    } else {
        kind = lex_mark(lx, c);
    }
    t->toks = cg_xgrow(t->toks, &t->cap_toks, t->n_toks + 1, sizeof *t->toks);
    t->toks[t->n_toks++] = (CgToken){begin, lx->pos, cbegin, lx->cpos, kind, NULL, 0};
}

void cg_text_tokenize(CgText *text)
{
    Lexer lx = {text, 0, 0};
    for (uint32_t c = peek(&lx, 0); c != CG_TEXT_END; c = peek(&lx, 0)) {
        if (cg_text_is_space(c)) {
            advance(&lx);
        } else {
            lex_token(&lx, c);
        }
    }
}
