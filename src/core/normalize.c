#include "normalize.h"

size_t cg_normalize(const char *s, size_t len, char *out)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        const unsigned char c = p[i];
        if (c >= 'A' && c <= 'Z') {
            out[o++] = (char)(c + 32);
            ++i;
        } else if (c == 0xC3 && i + 1 < len && p[i + 1] >= 0x80 && p[i + 1] <= 0x9E &&
                   p[i + 1] != 0x97) {
            /* U+00C0..U+00DE but the multiplication sign: lower case is +0x20 */
            out[o++] = (char)c;
            out[o++] = (char)(p[i + 1] + 0x20);
            i += 2;
        } else if (c == 0xE2 && i + 2 < len && p[i + 1] == 0x80 &&
                   (p[i + 2] == 0x98 || p[i + 2] == 0x99)) {
            out[o++] = '\'';
            i += 3;
        } else if (c == 0xE2 && i + 2 < len && p[i + 1] == 0x80 &&
                   (p[i + 2] == 0x9C || p[i + 2] == 0x9D)) {
            out[o++] = '"';
            i += 3;
        } else if (c == 0xCA && i + 1 < len && p[i + 1] == 0xBC) {
            out[o++] = '\'';
            i += 2;
        } else {
            out[o++] = (char)c;
            ++i;
        }
    }
    out[o] = '\0';
    return o;
}
