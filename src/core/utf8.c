#include "utf8.h"

#include <string.h>

size_t cg_utf8_seq_len(const unsigned char *s, size_t len, size_t i)
{
    const unsigned c = s[i];
    /* The range of the second byte narrows for E0, ED, F0 and F4: that is
     * what rejects overlongs, surrogates and values past U+10FFFF. */
    unsigned lo = 0x80, hi = 0xBF;
    size_t n;
    if (c < 0x80) {
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        lo = c == 0xE0 ? 0xA0 : lo;
        hi = c == 0xED ? 0x9F : hi;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        lo = c == 0xF0 ? 0x90 : lo;
        hi = c == 0xF4 ? 0x8F : hi;
    } else {
        return 0;
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

const char *cg_utf8_sanitize(CgBuf *buf, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    const size_t len = strlen(s);
    size_t i = 0, step = 1;
    while (i < len && step) {
        step = p[i] < 0x80 ? 1 : cg_utf8_seq_len(p, len, i);
        i += step;
    }
    if (step) {
        return s;
    }
    cg_buf_clear(buf);
    for (i = 0; i < len;) {
        const size_t n = cg_utf8_seq_len(p, len, i);
        if (n) {
            cg_buf_append(buf, s + i, n);
        } else {
            cg_buf_puts(buf, "\xEF\xBF\xBD");
        }
        i += n ? n : 1;
    }
    return cg_buf_str(buf);
}
