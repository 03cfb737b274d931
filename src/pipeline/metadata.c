#include "metadata.h"

#include "../core/buf.h"
#include "../core/mem.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CG_FRONT_MATTER_MAX 8192

size_t cg_meta_front_matter(const char *text, size_t len)
{
    if (len < 8 || strncmp(text, "---\n", 4) != 0) {
        return 0;
    }
    const size_t limit = len < CG_FRONT_MATTER_MAX ? len : CG_FRONT_MATTER_MAX;
    for (size_t i = 3; i + 4 <= limit; ++i) {
        if (text[i] == '\n' && !strncmp(text + i + 1, "---", 3) &&
            (i + 4 == len || text[i + 4] == '\n')) {
            return i + 4 < len ? i + 5 : i + 4;
        }
    }
    return 0;
}

/* Synonyms people write in metadata, mapped to the graph's fields. */
static const char *meta_field(const char *key, size_t len)
{
    static const char *const map[][2] = {
        {"title", "title"},     {"headline", "title"},  {"url", "url"},
        {"link", "url"},        {"published", "published"}, {"date", "published"},
        {"outlet", "outlet"},   {"source", "outlet"},   {"publisher", "outlet"}};
    for (size_t i = 0; i < sizeof map / sizeof *map; ++i) {
        if (strlen(map[i][0]) == len && !strncasecmp(map[i][0], key, len)) {
            return map[i][1];
        }
    }
    return NULL;
}

static void meta_line(CgGraph *graph, uint32_t document, const char *line, size_t len)
{
    const char *colon = memchr(line, ':', len);
    if (!colon) {
        return;
    }
    const char *field = meta_field(line, (size_t)(colon - line));
    const char *v = colon + 1, *end = line + len;
    while (v < end && isspace((unsigned char)*v)) {
        ++v;
    }
    while (end > v && isspace((unsigned char)end[-1])) {
        --end;
    }
    if (end - v >= 2 && (*v == '"' || *v == '\'') && end[-1] == *v) {
        ++v; /* a quoted value, as YAML writes it */
        --end;
    }
    if (field && end > v) {
        char *value = cg_xstrndup(v, (size_t)(end - v));
        cg_graph_set_document_meta(graph, document, field, value);
        free(value);
    }
}

void cg_meta_apply(CgGraph *graph, uint32_t document, const char *text, size_t len)
{
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(text + i, '\n', len - i);
        const size_t n = nl ? (size_t)(nl - (text + i)) : len - i;
        meta_line(graph, document, text + i, n);
        i += n + 1;
    }
}

static bool meta_read(CgGraph *graph, uint32_t document, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        return false;
    }
    char buf[CG_FRONT_MATTER_MAX];
    const size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    cg_meta_apply(graph, document, buf, n);
    return true;
}

void cg_meta_apply_sidecar(CgGraph *graph, uint32_t document, const char *path)
{
    CgBuf p = CG_BUF_INIT;
    const size_t len = strlen(path);
    if (len > 4 && !strcmp(path + len - 4, ".txt")) {
        cg_buf_append(&p, path, len - 4);
        cg_buf_puts(&p, ".meta");
        if (meta_read(graph, document, cg_buf_str(&p))) {
            cg_buf_free(&p);
            return;
        }
        cg_buf_clear(&p);
    }
    cg_buf_printf(&p, "%s.meta", path);
    meta_read(graph, document, cg_buf_str(&p));
    cg_buf_free(&p);
}

char *cg_meta_blank_front_matter(const char *text, size_t *len)
{
    const size_t front = cg_meta_front_matter(text, *len);
    if (!front) {
        return NULL;
    }
    char *body = cg_xmalloc(*len + 1);
    size_t n = 0;
    for (size_t i = 0; i < front; ++i) {
        if (((unsigned char)text[i] & 0xC0) != 0x80) { /* not a continuation byte */
            body[n++] = text[i] == '\n' ? '\n' : ' ';
        }
    }
    memcpy(body + n, text + front, *len - front);
    *len = n + (*len - front);
    body[*len] = '\0';
    return body;
}
