/* UTF-8: the strict check that guards the pipeline's input, and the lenient
 * decoder the tokenizer steps with. */
#include "text_impl.h"

/* The range allowed for the byte after lead byte `c` (Unicode Table 3-7):
 * narrowing it is what rejects overlongs (E0, F0), surrogates (ED) and
 * values above U+10FFFF (F4).  Returns the sequence length, 0 for a byte
 * that cannot start one. */
static size_t utf8_lead(unsigned c, unsigned *lo, unsigned *hi)
{
    *lo = 0x80;
    *hi = 0xBF;
    if (c < 0x80) {
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        return 2;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        *lo = c == 0xE0 ? 0xA0 : 0x80;
        *hi = c == 0xED ? 0x9F : 0xBF;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        *lo = c == 0xF0 ? 0x90 : 0x80;
        *hi = c == 0xF4 ? 0x8F : 0xBF;
        return 4;
    }
    return 0;
}

size_t cg_text_utf8_len(const unsigned char *s, size_t len, size_t i)
{
    unsigned lo, hi;
    const size_t n = utf8_lead(s[i], &lo, &hi);
    if (n <= 1) {
        return n;
    }
    if (len - i < n || s[i + 1] < lo || s[i + 1] > hi) {
        return 0;
    }
    for (size_t k = 2; k < n; ++k) {
        if ((s[i + k] & 0xC0) != 0x80) {
            return 0;
        }
    }
    return n;
}

CgStatus cg_text_check_utf8(const char *s, size_t len, size_t *bad_offset)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        const size_t n = cg_text_utf8_len(p, len, i);
        if (!n) {
            if (bad_offset) {
                *bad_offset = i;
            }
            return CG_ERR_UTF8;
        }
        i += n;
    }
    return CG_OK;
}

size_t cg_text_decode(const char *s, size_t len, size_t i, uint32_t *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    if (i >= len) {
        *cp = CG_TEXT_END;
        return 0;
    }
    const size_t n = cg_text_utf8_len(p, len, i);
    if (!n) {
        *cp = 0xFFFD;
        return 1;
    }
    static const unsigned lead_mask[5] = {0, 0x7F, 0x1F, 0x0F, 0x07};
    uint32_t c = p[i] & lead_mask[n];
    for (size_t k = 1; k < n; ++k) {
        c = (c << 6) | (p[i + k] & 0x3F);
    }
    *cp = c;
    return n;
}
