/* RFC 3987 section 2.2, read left to right: scheme, authority, path, query,
 * fragment.  Every part is a run of allowed characters up to the delimiter
 * that ends it, so one scanner with a per-part set of extra characters
 * does the work. */
#define _POSIX_C_SOURCE 200809L
#include "iri.h"

#include "utf8.h"

#include <arpa/inet.h>
#include <stdint.h>
#include <string.h>

static bool iri_fail(CgIriProblem *p, size_t at, const char *why)
{
    if (p) {
        p->offset = at;
        p->why = why;
    }
    return false;
}

static bool iri_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool iri_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static bool iri_hex(unsigned char c)
{
    return iri_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* unreserved / sub-delims: allowed in every part. */
static bool iri_plain(unsigned char c)
{
    return iri_alpha(c) || iri_digit(c) || (c && strchr("-._~!$&'()*+,;=", c));
}

/* ucschar, and iprivate where `private_ok` (the query only). */
static bool iri_wide(uint32_t c, bool private_ok)
{
    static const uint32_t ucs[][2] = {
        {0xA0, 0xD7FF},      {0xF900, 0xFDCF},    {0xFDF0, 0xFFEF},    {0x10000, 0x1FFFD},
        {0x20000, 0x2FFFD},  {0x30000, 0x3FFFD},  {0x40000, 0x4FFFD},  {0x50000, 0x5FFFD},
        {0x60000, 0x6FFFD},  {0x70000, 0x7FFFD},  {0x80000, 0x8FFFD},  {0x90000, 0x9FFFD},
        {0xA0000, 0xAFFFD},  {0xB0000, 0xBFFFD},  {0xC0000, 0xCFFFD},  {0xD0000, 0xDFFFD},
        {0xE1000, 0xEFFFD}};
    for (size_t i = 0; i < sizeof ucs / sizeof ucs[0]; ++i) {
        if (c >= ucs[i][0] && c <= ucs[i][1]) {
            return true;
        }
    }
    return private_ok && ((c >= 0xE000 && c <= 0xF8FF) || (c >= 0xF0000 && c <= 0xFFFFD) ||
                          (c >= 0x100000 && c <= 0x10FFFD));
}

/* Decodes the well-formed sequence of `n` bytes at `s`. */
static uint32_t iri_decode(const unsigned char *s, size_t n)
{
    uint32_t c = s[0] & (0x7Fu >> n);
    for (size_t k = 1; k < n; ++k) {
        c = (c << 6) | (s[k] & 0x3Fu);
    }
    return c;
}

static const char *iri_ascii_why(unsigned char c)
{
    if (c == ' ') {
        return "a space is not allowed in an IRI: write it as %20";
    }
    if (c < 0x20 || c == 0x7F) {
        return "a control character is not allowed in an IRI";
    }
    return "this character is not allowed here in an IRI: percent-encode it (%XX)";
}

/* Scans s[*i..] up to a character of `stop` (or the end): each character
 * must be plain, in `extra`, %XX, or a wide character. */
static bool iri_scan(const unsigned char *s, size_t *i, const char *extra, const char *stop,
                     bool private_ok, CgIriProblem *p)
{
    const size_t len = *i + strlen((const char *)s + *i);
    while (s[*i] && !strchr(stop, s[*i])) {
        const unsigned char c = s[*i];
        if (c == '%') {
            if (!iri_hex(s[*i + 1]) || !iri_hex(s[*i + 2])) {
                return iri_fail(p, *i, "'%' must be followed by two hexadecimal digits");
            }
            *i += 3;
        } else if (c < 0x80) {
            if (!iri_plain(c) && !strchr(extra, c)) {
                return iri_fail(p, *i, iri_ascii_why(c));
            }
            ++*i;
        } else {
            const size_t n = cg_utf8_seq_len(s, len, *i);
            if (!n) {
                return iri_fail(p, *i, "not well-formed UTF-8");
            }
            if (!iri_wide(iri_decode(s + *i, n), private_ok)) {
                return iri_fail(p, *i, "this character is not allowed in an IRI");
            }
            *i += n;
        }
    }
    return true;
}

/* "[" ( IPv6address / IPvFuture ) "]", from s[at] == '[' to `end`. */
static bool iri_ip_literal(const unsigned char *s, size_t at, size_t end, CgIriProblem *p)
{
    const unsigned char *close = memchr(s + at, ']', end - at);
    const size_t n = close ? (size_t)(close - (s + at)) - 1 : 0;
    if (!close || n == 0 || n >= 64) {
        return iri_fail(p, at, "an IP literal must be an address in [...]");
    }
    char inner[64];
    memcpy(inner, s + at + 1, n);
    inner[n] = '\0';
    if (inner[0] == 'v' || inner[0] == 'V') {
        size_t k = 1;
        while (iri_hex((unsigned char)inner[k])) {
            ++k;
        }
        bool ok = k > 1 && inner[k] == '.' && inner[k + 1];
        for (size_t j = k + 1; ok && inner[j]; ++j) {
            ok = (unsigned char)inner[j] < 0x80 &&
                 (iri_plain((unsigned char)inner[j]) || inner[j] == ':');
        }
        return ok || iri_fail(p, at, "not an IPvFuture address (v<hex>.<text>) in [...]");
    }
    struct in6_addr addr;
    return inet_pton(AF_INET6, inner, &addr) == 1 ||
           iri_fail(p, at, "not an IPv6 address in [...]");
}

/* iauthority = [ iuserinfo "@" ] ihost [ ":" port ], s[*i..end). */
static bool iri_authority(const unsigned char *s, size_t *i, CgIriProblem *p)
{
    const size_t end = *i + strcspn((const char *)s + *i, "/?#");
    const unsigned char *at = memchr(s + *i, '@', end - *i);
    if (at && !iri_scan(s, i, ":", "@", false, p)) {
        return false;
    }
    *i += at ? 1 : 0;
    if (s[*i] == '[') {
        if (!iri_ip_literal(s, *i, end, p)) {
            return false;
        }
        *i = (size_t)((const unsigned char *)memchr(s + *i, ']', end - *i) - s) + 1;
    } else if (!iri_scan(s, i, "", ":/?#", false, p)) {
        return false;
    }
    if (s[*i] == ':') {
        for (++*i; *i < end; ++*i) {
            if (!iri_digit(s[*i])) {
                return iri_fail(p, *i, "a port number must be digits");
            }
        }
    }
    return *i == end || iri_fail(p, *i, iri_ascii_why(s[*i]));
}

bool cg_iri_is_absolute(const char *iri, CgIriProblem *problem)
{
    const unsigned char *s = (const unsigned char *)iri;
    size_t i = 0;
    while (iri_alpha(s[i]) || (i && (iri_digit(s[i]) || (s[i] && strchr("+-.", s[i]))))) {
        ++i;
    }
    if (i == 0 || s[i] != ':') {
        return iri_fail(problem, 0, "it does not start with a scheme such as https:");
    }
    ++i;
    if (s[i] == '/' && s[i + 1] == '/') {
        i += 2;
        if (!iri_authority(s, &i, problem)) {
            return false;
        }
    }
    if (!iri_scan(s, &i, ":@/", "?#", false, problem)) {
        return false;
    }
    if (s[i] == '?' && (++i, !iri_scan(s, &i, ":@/?", "#", true, problem))) {
        return false;
    }
    if (s[i] == '#' && (++i, !iri_scan(s, &i, ":@/?", "", false, problem))) {
        return false;
    }
    return true;
}
