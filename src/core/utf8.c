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

uint32_t cg_utf8_value(const unsigned char *s, size_t n)
{
    static const unsigned lead_mask[5] = {0, 0x7F, 0x1F, 0x0F, 0x07};
    uint32_t c = s[0] & lead_mask[n < 5 ? n : 0];
    for (size_t k = 1; k < n; ++k) {
        c = (c << 6) | (s[k] & 0x3F);
    }
    return c;
}

bool cg_utf8_xml_forbidden(uint32_t cp)
{
    return cp == 0xFFFE || cp == 0xFFFF;
}

/* The length of the sequence at s[i] when it is kept as it is, else 0. */
static size_t utf8_kept(const unsigned char *s, size_t len, size_t i, bool xml)
{
    const size_t n = s[i] < 0x80 ? 1 : cg_utf8_seq_len(s, len, i);
    return n && xml && n == 3 && cg_utf8_xml_forbidden(cg_utf8_value(s + i, n)) ? 0 : n;
}

static const char *utf8_clean(CgBuf *buf, const char *s, size_t *len, bool xml)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, step = 1;
    while (i < *len && step) {
        step = utf8_kept(p, *len, i, xml);
        i += step;
    }
    if (step) {
        return s;
    }
    cg_buf_clear(buf);
    for (i = 0; i < *len;) {
        const size_t n = utf8_kept(p, *len, i, xml);
        if (n) {
            cg_buf_append(buf, s + i, n);
        } else {
            cg_buf_puts(buf, "\xEF\xBF\xBD");
        }
        /* a forbidden character is replaced whole, a stray byte alone */
        const size_t whole = n ? n : cg_utf8_seq_len(p, *len, i);
        i += whole ? whole : 1;
    }
    *len = buf->len;
    return cg_buf_str(buf);
}

const char *cg_utf8_sanitize(CgBuf *buf, const char *s)
{
    size_t len = strlen(s);
    return utf8_clean(buf, s, &len, false);
}

const char *cg_utf8_sanitize_n(CgBuf *buf, const char *s, size_t *len)
{
    return utf8_clean(buf, s, len, false);
}

const char *cg_utf8_sanitize_xml(CgBuf *buf, const char *s)
{
    size_t len = strlen(s);
    return utf8_clean(buf, s, &len, true);
}
