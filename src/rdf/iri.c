/* IRI references resolved the way RFC 3986 section 5.2 says.  serd 0.30's
 * own resolver keeps "." and ".." segments in some merged paths (the W3C
 * IRI-resolution tests show it), so the reader resolves every IRI here. */
#include "read.h"

#include "../core/mem.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    const char *s;
    size_t n;
    bool has;
} CgPart;

typedef struct {
    CgPart scheme, authority, path, query, fragment;
} CgIriParts;

static bool cg_is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static size_t cg_scheme_len(const char *s, size_t n)
{
    if (!n || !cg_is_alpha(s[0])) {
        return 0;
    }
    for (size_t i = 1; i < n; ++i) {
        const char c = s[i];
        if (c == ':') {
            return i;
        }
        if (!cg_is_alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
            return 0;
        }
    }
    return 0;
}

/* Splits `s` into its five components (RFC 3986 appendix B). */
static CgIriParts cg_iri_split(const char *s, size_t n)
{
    CgIriParts p = {0};
    size_t i = cg_scheme_len(s, n);
    if (i) {
        p.scheme = (CgPart){s, i, true};
        ++i;
    }
    if (n - i >= 2 && s[i] == '/' && s[i + 1] == '/') {
        const size_t start = i + 2;
        for (i = start; i < n && s[i] != '/' && s[i] != '?' && s[i] != '#'; ++i) {
        }
        p.authority = (CgPart){s + start, i - start, true};
    }
    size_t start = i;
    for (; i < n && s[i] != '?' && s[i] != '#'; ++i) {
    }
    p.path = (CgPart){s + start, i - start, true};
    if (i < n && s[i] == '?') {
        start = ++i;
        for (; i < n && s[i] != '#'; ++i) {
        }
        p.query = (CgPart){s + start, i - start, true};
    }
    if (i < n && s[i] == '#') {
        p.fragment = (CgPart){s + i + 1, n - i - 1, true};
    }
    return p;
}

/* Drops the last segment (and its '/') written to `out` since `from`. */
static void cg_pop_segment(CgBuf *out, size_t from)
{
    while (out->len > from && out->data[out->len - 1] != '/') {
        --out->len;
    }
    if (out->len > from) {
        --out->len;
    }
    if (out->data) {
        out->data[out->len] = '\0';
    }
}

static bool cg_starts(const char *s, size_t n, const char *prefix)
{
    const size_t k = strlen(prefix);
    return n >= k && !memcmp(s, prefix, k);
}

static bool cg_equals(const char *s, size_t n, const char *word)
{
    return n == strlen(word) && !memcmp(s, word, n);
}

/* remove_dot_segments (RFC 3986 section 5.2.4), appending to `out`. */
static void cg_remove_dots(CgBuf *out, const char *path, size_t n)
{
    char *in = cg_xmalloc(n + 1);
    if (n) {
        memcpy(in, path, n);
    }
    char *s = in;
    const size_t from = out->len;
    while (n) {
        if (cg_starts(s, n, "../") || cg_starts(s, n, "./")) {
            const size_t k = s[0] == '.' && s[1] == '.' ? 3 : 2;
            s += k, n -= k;
        } else if (cg_starts(s, n, "/./") || cg_equals(s, n, "/.")) {
            /* "/./x" becomes "/x" and a final "/." becomes "/" */
            const size_t k = n == 2 ? 1 : 2;
            s += k, n -= k;
            s[0] = '/';
        } else if (cg_starts(s, n, "/../") || cg_equals(s, n, "/..")) {
            const size_t k = n == 3 ? 2 : 3;
            s += k, n -= k;
            s[0] = '/';
            cg_pop_segment(out, from);
        } else if (cg_equals(s, n, ".") || cg_equals(s, n, "..")) {
            n = 0;
        } else {
            size_t k = 1;
            while (k < n && s[k] != '/') {
                ++k;
            }
            cg_buf_append(out, s, k);
            s += k, n -= k;
        }
    }
    free(in);
}

static void cg_put_part(CgBuf *out, const char *before, const CgPart *p, const char *after)
{
    if (p->has) {
        cg_buf_puts(out, before);
        cg_buf_append(out, p->s, p->n);
        cg_buf_puts(out, after);
    }
}

/* The path of a relative reference merged with the base's (5.2.3). */
static void cg_merge_path(CgBuf *out, const CgIriParts *b, const CgPart *ref)
{
    CgBuf merged = CG_BUF_INIT;
    if (b->authority.has && !b->path.n) {
        cg_buf_putc(&merged, '/');
    } else {
        size_t k = b->path.n;
        while (k && b->path.s[k - 1] != '/') {
            --k;
        }
        cg_buf_append(&merged, b->path.s, k);
    }
    cg_buf_append(&merged, ref->s, ref->n);
    cg_remove_dots(out, merged.data ? merged.data : "", merged.len);
    cg_buf_free(&merged);
}

bool cg_rdf_iri_resolve(CgBuf *out, const char *base, const char *ref, size_t len)
{
    const CgIriParts r = cg_iri_split(ref, len);
    if (r.scheme.has) {
        cg_put_part(out, "", &r.scheme, ":");
        cg_put_part(out, "//", &r.authority, "");
        cg_remove_dots(out, r.path.s, r.path.n);
        cg_put_part(out, "?", &r.query, "");
        cg_put_part(out, "#", &r.fragment, "");
        return true;
    }
    if (!base) {
        return false;
    }
    const CgIriParts b = cg_iri_split(base, strlen(base));
    cg_put_part(out, "", &b.scheme, ":");
    if (r.authority.has) {
        cg_put_part(out, "//", &r.authority, "");
        cg_remove_dots(out, r.path.s, r.path.n);
        cg_put_part(out, "?", &r.query, "");
    } else {
        cg_put_part(out, "//", &b.authority, "");
        if (!r.path.n) {
            cg_buf_append(out, b.path.s, b.path.n);
            cg_put_part(out, "?", r.query.has ? &r.query : &b.query, "");
        } else {
            if (r.path.s[0] == '/') {
                cg_remove_dots(out, r.path.s, r.path.n);
            } else {
                cg_merge_path(out, &b, &r.path);
            }
            cg_put_part(out, "?", &r.query, "");
        }
    }
    cg_put_part(out, "#", &r.fragment, "");
    return true;
}

char *cg_rdf_file_iri(const char *path)
{
    CgBuf abs = CG_BUF_INIT, iri = CG_BUF_INIT;
    if (path[0] != '/') {
        char *cwd = getcwd(NULL, 0);
        cg_buf_puts(&abs, cwd ? cwd : "");
        cg_buf_putc(&abs, '/');
        free(cwd);
    }
    cg_buf_puts(&abs, path);
    cg_buf_puts(&iri, "file://");
    static const char hex[] = "0123456789ABCDEF";
    for (size_t i = 0; i < abs.len; ++i) {
        const unsigned char c = (unsigned char)abs.data[i];
        if (cg_is_alpha((char)c) || (c >= '0' && c <= '9') || strchr("/-._~", c)) {
            cg_buf_putc(&iri, (char)c);
        } else {
            cg_buf_putc(&iri, '%');
            cg_buf_putc(&iri, hex[c >> 4]);
            cg_buf_putc(&iri, hex[c & 15]);
        }
    }
    cg_buf_free(&abs);
    return cg_buf_take(&iri);
}
