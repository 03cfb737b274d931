/* UTF-8: the strict check that guards the pipeline's input, and the lenient
 * decoder the tokenizer steps with; both step with core/utf8.h's sequence
 * length. */
#include "text_impl.h"

#include "../core/utf8.h"

CgStatus cg_text_check_utf8(const char *s, size_t len, size_t *bad_offset)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        if (p[i] < 0x80) {
            ++i;
            continue;
        }
        const size_t n = cg_utf8_seq_len(p, len, i);
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
    if (p[i] < 0x80) { /* most of any news text */
        *cp = p[i];
        return 1;
    }
    const size_t n = cg_utf8_seq_len(p, len, i);
    if (!n) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = cg_utf8_value(p + i, n);
    return n;
}
