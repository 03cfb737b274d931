/* Sentences: a boundary can only fall where white space separates two
 * tokens, so the splitter looks at each such gap once and asks what is on
 * either side of it. */
#include "text_impl.h"

#include "../core/mem.h"

#include <string.h>

/* Compared case-sensitively: "No." before a number is an abbreviation,
 * "no." ending a sentence is not.  Other runs of single letters and dots
 * ("D.C.", "a.m.") and capital initials ("J.") need no entry: see
 * is_abbreviation. */
static const char *const abbreviations[] = {
    "U.S.", "U.K.", "U.N.", "E.U.", "Mr.",   "Mrs.", "Ms.",  "Dr.",   "Gen.", "Lt.",
    "Col.", "Maj.", "Capt.", "Sgt.", "Sen.", "Rep.", "Gov.", "Pres.", "St.",  "Jr.",
    "Sr.",  "Inc.", "Ltd.",  "Co.",  "Corp.", "No.", "vs.",  "etc.",  "e.g.", "i.e.",
    "Jan.", "Feb.", "Mar.",  "Apr.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.",
};

static bool norm_is(const CgToken *tok, const char *s)
{
    return tok->norm_len == strlen(s) && !memcmp(tok->norm, s, tok->norm_len);
}

static bool norm_in(const CgToken *tok, const char *const *set)
{
    for (; *set; ++set) {
        if (norm_is(tok, *set)) {
            return true;
        }
    }
    return false;
}

static uint32_t first_cp(const CgText *t, const CgToken *tok)
{
    uint32_t cp;
    cg_text_decode(t->doc, tok->end, tok->begin, &cp);
    return cp;
}

/* Line breaks in the white space [b, e): CR LF counts once, a paragraph
 * separator or form feed twice (it always ends a paragraph). */
static unsigned count_breaks(const CgText *t, size_t b, size_t e)
{
    unsigned n = 0;
    for (size_t i = b; i < e;) {
        uint32_t cp;
        i += cg_text_decode(t->doc, e, i, &cp);
        if (cp == '\n' || cp == '\v' || cp == 0x85 || cp == 0x2028) {
            n += 1;
        } else if (cp == '\r') {
            n += i < e && t->doc[i] == '\n' ? 0 : 1;
        } else if (cp == '\f' || cp == 0x2029) {
            n += 2;
        }
    }
    return n;
}

static bool in_abbreviation_list(const char *run, size_t len)
{
    for (size_t i = 0; i < sizeof abbreviations / sizeof *abbreviations; ++i) {
        if (strlen(abbreviations[i]) == len && !memcmp(abbreviations[i], run, len)) {
            return true;
        }
    }
    return false;
}

/* The run of words and dots touching the "." at `dot`, as in "U.S." or
 * "Gen.": is it an abbreviation rather than a full stop? */
static bool is_abbreviation(const CgText *t, size_t dot)
{
    const CgToken *toks = t->toks;
    size_t first = dot, n_words = 0;
    bool single = true; /* every word is one character: "U.S.", "J." */
    for (size_t j = dot; j > 0 && toks[j - 1].kind == CG_TOK_WORD &&
                         toks[j - 1].end == toks[j].begin;
         j = first - 1) {
        first = j - 1;
        ++n_words;
        single = single && toks[first].cend - toks[first].cbegin == 1;
        if (first == 0 || !norm_is(&toks[first - 1], ".") ||
            toks[first - 1].end != toks[first].begin) {
            break;
        }
    }
    if (!n_words) {
        return false;
    }
    if (in_abbreviation_list(t->doc + toks[first].begin, toks[dot].end - toks[first].begin)) {
        return true;
    }
    return single && (n_words > 1 || cg_text_is_upper(first_cp(t, &toks[first])));
}

static const char *const terminals[] = {".", "!", "?", "\xE2\x80\xA6", NULL};
static const char *const closers[] = {"\"", "'", ")", "]", "}", "\xC2\xBB", NULL};
static const char *const openers[] = {"\"", "'", "(", "[", "\xC2\xAB", NULL};

/* Does token i end a sentence: . ! ? or an ellipsis, then any closing
 * quotes or brackets touching it, and no abbreviation before the dot? */
static bool ends_sentence(const CgText *t, size_t i)
{
    const CgToken *toks = t->toks;
    size_t k = i;
    while (k > 0 && toks[k].kind == CG_TOK_PUNCT && norm_in(&toks[k], closers) &&
           toks[k - 1].end == toks[k].begin) {
        --k;
    }
    if (toks[k].kind != CG_TOK_PUNCT || !norm_in(&toks[k], terminals)) {
        return false;
    }
    return !norm_is(&toks[k], ".") || !is_abbreviation(t, k);
}

static bool starts_sentence(const CgText *t, const CgToken *tok)
{
    const uint32_t cp = first_cp(t, tok);
    if (cg_text_is_upper(cp) || cg_text_is_digit(cp)) {
        return true;
    }
    return tok->kind == CG_TOK_PUNCT && norm_in(tok, openers);
}

/* Is there a boundary between tokens i and i + 1?  News text puts one
 * paragraph or headline on a line, so a line break ends a sentence unless
 * the next line plainly continues it with a lower-case word. */
static bool breaks_after(const CgText *t, size_t i)
{
    const CgToken *a = &t->toks[i], *b = &t->toks[i + 1];
    if (a->end == b->begin) {
        return false;
    }
    const unsigned breaks = count_breaks(t, a->end, b->begin);
    if (breaks >= 2) {
        return true;
    }
    if (breaks == 1 && !cg_text_is_lower(first_cp(t, b))) {
        return true;
    }
    return ends_sentence(t, i) && starts_sentence(t, b);
}

static void add_sentence(CgText *t, size_t tok_begin, size_t tok_end)
{
    const CgToken *first = &t->toks[tok_begin], *last = &t->toks[tok_end - 1];
    t->sents = cg_xgrow(t->sents, &t->cap_sents, t->n_sents + 1, sizeof *t->sents);
    t->sents[t->n_sents++] = (CgSentence){tok_begin, tok_end, first->begin, last->end,
                                          first->cbegin, last->cend};
}

void cg_text_split_sentences(CgText *text)
{
    size_t first = 0;
    for (size_t i = 0; i < text->n_toks; ++i) {
        if (i + 1 == text->n_toks || breaks_after(text, i)) {
            add_sentence(text, first, i + 1);
            first = i + 1;
        }
    }
}
