/* Character classes for splitting news text.  A full Unicode database would
 * be overkill here: the tokenizer only needs to tell white space and marks
 * from word characters, so any code point not listed as space or mark
 * counts as part of a word (letters of every script, combining accents). */
#include "text_impl.h"

#include <stddef.h>

typedef struct {
    uint32_t lo, hi; /* inclusive */
} Range;

static bool in_ranges(uint32_t cp, const Range *r, size_t n)
{
    for (size_t i = 0; i < n; ++i) {
        if (cp >= r[i].lo && cp <= r[i].hi) {
            return true;
        }
    }
    return false;
}

/* Besides white space proper: controls and invisible format characters
 * (zero-width space, direction marks, BOM), which must not split or join
 * words in a visible way. */
static const Range space_ranges[] = {
    {0x00, 0x20},     {0x7F, 0xA0},     {0x1680, 0x1680}, {0x2000, 0x200B},
    {0x200E, 0x200F}, {0x2028, 0x202F}, {0x205F, 0x206F}, {0x3000, 0x3000},
    {0xFEFF, 0xFEFF},
};

/* Non-ASCII punctuation and symbols, each a token of its own.  U+02BC is
 * formally a letter but news text uses it as an apostrophe. */
static const Range mark_ranges[] = {
    {0xA1, 0xA9},     {0xAB, 0xB4},     {0xB6, 0xB9},       {0xBB, 0xBF},
    {0xD7, 0xD7},     {0xF7, 0xF7},     {0x02BC, 0x02BC},   {0x2010, 0x2027},
    {0x2030, 0x205E}, {0x20A0, 0x20CF}, {0x2190, 0x2BFF},   {0x3001, 0x3003},
    {0x3008, 0x3011}, {0x3014, 0x301F}, {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},
    {0xFF01, 0xFF0F}, {0xFF1A, 0xFF20}, {0xFF3B, 0xFF40},   {0xFF5B, 0xFF65},
    {0x1F000, 0x1FAFF},
};

#define N_RANGES(a) (sizeof(a) / sizeof((a)[0]))

bool cg_text_is_space(uint32_t cp)
{
    if (cp < 0x80) {
        return cp <= 0x20 || cp == 0x7F;
    }
    return in_ranges(cp, space_ranges, N_RANGES(space_ranges));
}

bool cg_text_is_digit(uint32_t cp)
{
    return cp >= '0' && cp <= '9';
}

bool cg_text_is_mark(uint32_t cp)
{
    if (cp < 0x80) {
        return cp > 0x20 && cp < 0x7F && !cg_text_is_digit(cp) &&
               !((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
    }
    return in_ranges(cp, mark_ranges, N_RANGES(mark_ranges));
}

bool cg_text_is_word_char(uint32_t cp)
{
    if (cp < 0x80) { /* letters and digits: the tokenizer asks for every byte */
        return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
    }
    return cp != CG_TEXT_END && !cg_text_is_space(cp) && !cg_text_is_mark(cp);
}

bool cg_text_is_apostrophe(uint32_t cp)
{
    return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}

bool cg_text_is_hyphen(uint32_t cp)
{
    return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

/* Latin Extended-A pairs capitals and small letters, but the parity of the
 * capital flips at U+0139 and again at U+014A and U+0179. */
static bool latin_ext_a_upper(uint32_t cp)
{
    if (cp <= 0x0137) {
        return cp % 2 == 0;
    }
    if (cp >= 0x0139 && cp <= 0x0148) {
        return cp % 2 == 1;
    }
    if (cp >= 0x014A && cp <= 0x0177) {
        return cp % 2 == 0;
    }
    return cp == 0x0178 || (cp >= 0x0179 && cp <= 0x017E && cp % 2 == 1);
}

/* Enough case knowledge to see where a sentence starts in Latin, Greek and
 * Cyrillic news text. */
bool cg_text_is_upper(uint32_t cp)
{
    if (cp < 0x80) {
        return cp >= 'A' && cp <= 'Z';
    }
    if (cp >= 0xC0 && cp <= 0xDE) {
        return cp != 0xD7;
    }
    if (cp >= 0x0100 && cp <= 0x017F) {
        return latin_ext_a_upper(cp);
    }
    return (cp >= 0x0386 && cp <= 0x03AB && cp != 0x0387) || (cp >= 0x0400 && cp <= 0x042F);
}

bool cg_text_is_lower(uint32_t cp)
{
    if (cp < 0x80) {
        return cp >= 'a' && cp <= 'z';
    }
    if (cp >= 0xDF && cp <= 0xFF) {
        return cp != 0xF7;
    }
    if (cp >= 0x0100 && cp <= 0x017F) {
        return !latin_ext_a_upper(cp);
    }
    return (cp >= 0x03AC && cp <= 0x03CE) || (cp >= 0x0430 && cp <= 0x045F);
}
