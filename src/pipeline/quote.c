#include "quote.h"

#include "../core/buf.h"
#include "../core/mem.h"
#include "../text/text.h"

/* Bytes from `begin` that hold at most `chars` characters of `src`
 * (stopping before `end`), on a character boundary. */
static size_t quote_prefix(const char *src, size_t begin, size_t end, size_t chars)
{
    size_t i = begin, n = 0;
    for (; i < end; ++i) {
        if (((unsigned char)src[i] & 0xC0) != 0x80 && n++ == chars) {
            break;
        }
    }
    return i - begin;
}

/* Widens tokens [*lo, *hi) one token at a time, left and right in turn,
 * while the sentence's tokens [first, last) allow and the span fits. */
static void quote_widen(const CgToken *toks, size_t first, size_t last, size_t *lo, size_t *hi)
{
    bool grew = true;
    while (grew) {
        grew = false;
        if (*lo > first && toks[*hi - 1].cend - toks[*lo - 1].cbegin <= CG_QUOTE_MAX_CHARS) {
            --*lo;
            grew = true;
        }
        if (*hi < last && toks[*hi].cend - toks[*lo].cbegin <= CG_QUOTE_MAX_CHARS) {
            ++*hi;
            grew = true;
        }
    }
}

static void quote_whole(const CgSentence *s, const char *src, CgQuote *out)
{
    out->text = cg_xstrndup(src + s->begin, s->end - s->begin);
    out->cbegin = s->cbegin;
    out->cend = s->cend;
    out->cut = false;
}

#define QUOTE_CUT "\xE2\x80\xA6" /* U+2026 HORIZONTAL ELLIPSIS */

/* Bytes [begin, end) of `src` as out's text, after "… " and before " …"
 * where they stop short of sentence `s` (out's offsets already set). */
static void quote_text(const CgSentence *s, const char *src, size_t begin, size_t end,
                       CgQuote *out)
{
    CgBuf buf = CG_BUF_INIT;
    cg_buf_puts(&buf, out->cbegin > s->cbegin ? QUOTE_CUT " " : "");
    cg_buf_append(&buf, src + begin, end - begin);
    cg_buf_puts(&buf, out->cend < s->cend ? " " QUOTE_CUT : "");
    out->text = cg_buf_take(&buf);
    out->cut = true;
}

void cg_quote_build(const CgText *text, const char *src, const CgAssertion *a, CgQuote *out)
{
    const CgSentence *s = &cg_text_sentences(text)[a->sentence];
    size_t lo = a->tok_begin, hi = a->tok_end;
    if (s->cend - s->cbegin <= CG_QUOTE_MAX_CHARS || lo < s->tok_begin || hi > s->tok_end ||
        lo >= hi) {
        quote_whole(s, src, out);
        return;
    }
    const CgToken *toks = cg_text_tokens(text);
    if (toks[hi - 1].cend - toks[lo].cbegin > CG_QUOTE_MAX_CHARS) { /* the match alone */
        const size_t begin = toks[lo].begin;
        out->cbegin = toks[lo].cbegin;
        out->cend = out->cbegin + CG_QUOTE_MAX_CHARS;
        quote_text(s, src, begin,
                   begin + quote_prefix(src, begin, toks[hi - 1].end, CG_QUOTE_MAX_CHARS), out);
        return;
    }
    quote_widen(toks, s->tok_begin, s->tok_end, &lo, &hi);
    out->cbegin = toks[lo].cbegin;
    out->cend = toks[hi - 1].cend;
    quote_text(s, src, toks[lo].begin, toks[hi - 1].end, out);
}
