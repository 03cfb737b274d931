#include "guard.h"

#include "../core/mem.h"
#include "../text/text.h"

#include <stdlib.h>
#include <string.h>

static bool guard_starts(const char *text, size_t len, const char *bom, size_t n)
{
    return len >= n && !memcmp(text, bom, n);
}

/* The byte order mark's encoding, or NULL.  UTF-32 first: its little-endian
 * mark begins with UTF-16's. */
static const char *guard_bom(const char *text, size_t len)
{
    if (guard_starts(text, len, "\xFF\xFE\0\0", 4) || guard_starts(text, len, "\0\0\xFE\xFF", 4)) {
        return "UTF-32";
    }
    if (guard_starts(text, len, "\xFF\xFE", 2) || guard_starts(text, len, "\xFE\xFF", 2)) {
        return "UTF-16";
    }
    return NULL;
}

/* ASCII saved as UTF-16 without a mark: a NUL after (LE) or before (BE)
 * each of the first characters. */
static const char *guard_bare_utf16(const char *text, size_t len)
{
    if (len < 4 || len % 2) {
        return NULL;
    }
    if (text[0] && !text[1] && text[2] && !text[3]) {
        return "UTF-16LE";
    }
    return !text[0] && text[1] && !text[2] && text[3] ? "UTF-16BE" : NULL;
}

static bool guard_binary(const char *name, const char *text, size_t len, CgDiagSink *sink)
{
    const char *nul = memchr(text, '\0', len);
    if (!nul) {
        return false;
    }
    const char *utf16 = guard_bare_utf16(text, len);
    if (utf16) {
        cg_diag(sink, CG_SEV_WARNING, CG_ERR_UTF8, name, 0, 0,
                "skipped: %s without a byte order mark, it seems; convert it with "
                "iconv -f %s -t UTF-8", utf16, utf16);
    } else {
        cg_diag(sink, CG_SEV_WARNING, CG_ERR_UTF8, name, 0, 0,
                "skipped: binary data, not text (a NUL byte at offset %zu)",
                (size_t)(nul - text));
    }
    return true;
}

bool cg_guard_text(const char *name, const char *text, size_t len, CgDiagSink *sink)
{
    const char *bom = guard_bom(text, len);
    if (bom) {
        cg_diag(sink, CG_SEV_WARNING, CG_ERR_UTF8, name, 0, 0,
                "skipped: %s (it starts with a byte order mark); convert it with "
                "iconv -f %s -t UTF-8", bom, bom);
        return false;
    }
    if (guard_binary(name, text, len, sink)) {
        return false;
    }
    size_t bad = 0;
    if (cg_text_check_utf8(text, len, &bad)) {
        cg_diag(sink, CG_SEV_WARNING, CG_ERR_UTF8, name, 0, 0,
                "skipped: not valid UTF-8 (first bad byte at offset %zu); "
                "convert it with iconv -f <encoding> -t UTF-8", bad);
        return false;
    }
    return true;
}

void cg_skip_add(CgSkipList *list, const char *name)
{
    list->names = cg_xgrow(list->names, &list->cap, list->n + 1, sizeof *list->names);
    list->names[list->n++] = cg_xstrdup(name);
}

void cg_skip_free(CgSkipList *list)
{
    for (size_t i = 0; i < list->n; ++i) {
        free(list->names[i]);
    }
    free(list->names);
    list->names = NULL;
    list->n = list->cap = 0;
}
