#include "normalize.h"

#include "mem.h"

#include <stdbool.h>
#include <stdlib.h>
#include <unicase.h>
#include <uninorm.h>
#include <unistr.h>

/* The straight form of a curly quote at p[0..left), or 0; *n its length. */
static char straight_quote(const unsigned char *p, size_t left, size_t *n)
{
    if (left >= 3 && p[0] == 0xE2 && p[1] == 0x80) {
        *n = 3;
        switch (p[2]) {
        case 0x98:
        case 0x99: return '\'';
        case 0x9C:
        case 0x9D: return '"';
        default: break;
        }
    }
    if (left >= 2 && p[0] == 0xCA && p[1] == 0xBC) {
        *n = 2;
        return '\'';
    }
    return 0;
}

/* Appends `s` with quotes straightened; `fold_ascii` lower-cases A-Z.
 * Returns whether any byte is outside ASCII. */
static bool straighten(CgBuf *buf, const char *s, size_t len, bool fold_ascii)
{
    const unsigned char *p = (const unsigned char *)s;
    bool wide = false;
    size_t run = 0; /* bytes copied as they are, not yet appended */
    for (size_t i = 0; i < len;) {
        size_t n = 1;
        char c = 0;
        if (p[i] >= 0x80) {
            c = straight_quote(p + i, len - i, &n);
            wide |= !c;
        } else if (fold_ascii && p[i] >= 'A' && p[i] <= 'Z') {
            c = (char)(p[i] + 32);
        }
        if (!c) {
            run += n;
            i += n;
            continue;
        }
        cg_buf_append(buf, s + i - run, run);
        cg_buf_putc(buf, c);
        run = 0;
        i += n;
    }
    cg_buf_append(buf, s + len - run, run);
    return wide;
}

/* Replaces buf[from..) by its NFC (and case fold when `fold`), when the
 * bytes there are well-formed UTF-8; else leaves them. */
static void unicode_pass(CgBuf *buf, size_t from, bool fold)
{
    const uint8_t *in = (const uint8_t *)buf->data + from;
    const size_t n = buf->len - from;
    if (u8_check(in, n)) {
        return; /* ill-formed: keep the straightened bytes */
    }
    size_t out_len = 0;
    uint8_t *out = fold ? u8_casefold(in, n, NULL, UNINORM_NFC, NULL, &out_len)
                        : u8_normalize(UNINORM_NFC, in, n, NULL, &out_len);
    if (!out) {
        return; /* out of memory in libunistring: keep the straightened bytes */
    }
    buf->len = from;
    cg_buf_append(buf, (const char *)out, out_len);
    free(out);
}

/* ASCII only: lower-cased straight into the buffer.  Most tokens of news
 * text take this path (profiled: appending them byte by byte was 1% of a
 * build). */
static bool ascii_into(CgBuf *buf, const char *s, size_t len, bool fold)
{
    for (size_t i = 0; i < len; ++i) {
        if ((unsigned char)s[i] >= 0x80) {
            return false;
        }
    }
    buf->data = cg_xgrow(buf->data, &buf->cap, buf->len + len + 2, 1);
    char *out = buf->data + buf->len;
    for (size_t i = 0; i < len; ++i) {
        const char c = s[i];
        out[i] = fold && c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
    }
    out[len] = '\0';
    out[len + 1] = '\0';
    buf->len += len + 1;
    return true;
}

static size_t normalize_into(CgBuf *buf, const char *s, size_t len, bool fold)
{
    if (ascii_into(buf, s, len, fold)) {
        return len;
    }
    const size_t from = buf->len;
    if (straighten(buf, s, len, fold)) {
        unicode_pass(buf, from, fold);
    }
    const size_t n = buf->len - from;
    cg_buf_append(buf, "", 1);
    return n;
}

size_t cg_normalize_append(CgBuf *buf, const char *s, size_t len)
{
    return normalize_into(buf, s, len, true);
}

size_t cg_normalize_keep_case(CgBuf *buf, const char *s, size_t len)
{
    return normalize_into(buf, s, len, false);
}

char *cg_normalize(const char *s, size_t len, size_t *out_len)
{
    CgBuf buf = CG_BUF_INIT;
    const size_t n = cg_normalize_append(&buf, s, len);
    if (out_len) {
        *out_len = n;
    }
    return cg_buf_take(&buf);
}
