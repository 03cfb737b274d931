#include "bidi.h"

#include <string.h>

#define CG_BIDI_PDI "\xE2\x81\xA9"

/* LRI, RLI and FSI (U+2066..U+2068) open an isolate; PDI (U+2069) closes
 * one.  All four are E2 81 A6..A9 in UTF-8. */
static int bidi_isolate_kind(const unsigned char *p)
{
    if (p[0] != 0xE2 || p[1] != 0x81 || p[2] < 0xA6 || p[2] > 0xA9) {
        return 0;
    }
    return p[2] == 0xA9 ? -1 : 1;
}

/* The length of the paragraph separator at `p`, or 0. */
static size_t bidi_paragraph_end(const unsigned char *p)
{
    if (*p == '\n' || *p == '\r' || (*p >= 0x1C && *p <= 0x1E)) {
        return 1;
    }
    if (p[0] == 0xC2 && p[1] == 0x85) {
        return 2; /* U+0085 NEXT LINE */
    }
    return p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0xA9 ? 3 : 0; /* U+2029 */
}

void cg_bidi_balance(CgBuf *out, const char *text)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t open = 0, run = 0, i = 0;
    while (p[i]) {
        /* the tests read at most three bytes and stop at the NUL */
        const size_t para = bidi_paragraph_end(p + i);
        const int kind = para ? 0 : bidi_isolate_kind(p + i);
        if (!para && (kind >= 0 || open)) { /* kept */
            open += kind > 0;
            open -= kind < 0;
            i += kind ? 3 : 1;
            continue;
        }
        cg_buf_append(out, text + run, i - run);
        if (para) {
            cg_buf_putc(out, ' ');
        }
        i += para ? para : 3; /* a stray PDI is dropped */
        run = i;
    }
    cg_buf_append(out, text + run, i - run);
    for (; open; --open) {
        cg_buf_puts(out, CG_BIDI_PDI);
    }
}

void cg_bidi_isolate(CgBuf *out, const char *text)
{
    cg_buf_puts(out, "\xE2\x81\xA8"); /* FSI */
    cg_bidi_balance(out, text);
    cg_buf_puts(out, CG_BIDI_PDI);
}
