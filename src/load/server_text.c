/* A store's error page, cut down to the few lines a user needs: stores
 * answer with HTML (Virtuoso, Jetty) or plain text (Oxigraph, Fuseki), and
 * the message is usually in the first lines once the markup is gone. */
#include "load.h"

#include "../core/buf.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

#define CG_LINE_MAX 160

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static bool is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Inline elements join their text to the line around them; any other tag
 * ends a line, so that "<h1>Error</h1><p>why</p>" reads as two lines. */
static bool is_inline(const char *name, size_t len)
{
    static const char *const inline_tags[] = {"a", "b", "i", "em", "strong", "code",
                                              "span", "tt", "u", "small", "abbr"};
    for (size_t i = 0; i < sizeof inline_tags / sizeof *inline_tags; ++i) {
        if (strlen(inline_tags[i]) == len && !strncasecmp(name, inline_tags[i], len)) {
            return true;
        }
    }
    return false;
}

/* Returns the end of the element whose content is not markup (<xmp>, kept
 * as text: Virtuoso puts IRIs in it) or not text (<style>, <script>,
 * dropped), else NULL. */
static const char *raw_end(const char *name, size_t len, const char *from, const char *end)
{
    static const char *const raw_tags[] = {"xmp", "style", "script"};
    for (size_t i = 0; i < sizeof raw_tags / sizeof *raw_tags; ++i) {
        const size_t n = strlen(raw_tags[i]);
        if (n != len || strncasecmp(name, raw_tags[i], len)) {
            continue;
        }
        for (const char *p = from; p + n + 2 <= end; ++p) {
            if (p[0] == '<' && p[1] == '/' && !strncasecmp(p + 2, raw_tags[i], n)) {
                return p;
            }
        }
        return end;
    }
    return NULL;
}

/* Handles the tag at `p` ('<'); returns where to go on. */
static const char *take_tag(CgBuf *text, const char *p, const char *end)
{
    const char *name = p + 1 + (p + 1 < end && p[1] == '/');
    size_t len = 0;
    while (name + len < end && is_name_char(name[len])) {
        ++len;
    }
    const char *close = memchr(p, '>', (size_t)(end - p));
    if (!close) {
        return end;
    }
    if (!is_inline(name, len)) {
        cg_buf_putc(text, '\n');
    }
    const char *raw = name[-1] == '/' ? NULL : raw_end(name, len, close + 1, end);
    if (raw && !strncasecmp(name, "xmp", 3)) {
        cg_buf_append(text, close + 1, (size_t)(raw - close - 1));
    }
    return raw ? raw : close + 1;
}

/* Appends the entity at `p` ('&') decoded when it is one of the few that
 * error pages use; returns where to go on. */
static const char *take_entity(CgBuf *text, const char *p, const char *end)
{
    static const struct {
        const char *name;
        char c;
    } entities[] = {{"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}, {"&quot;", '"'},
                    {"&#39;", '\''}, {"&nbsp;", ' '}};
    for (size_t i = 0; i < sizeof entities / sizeof *entities; ++i) {
        const size_t n = strlen(entities[i].name);
        if ((size_t)(end - p) >= n && !strncmp(p, entities[i].name, n)) {
            cg_buf_putc(text, entities[i].c);
            return p + n;
        }
    }
    cg_buf_putc(text, '&');
    return p + 1;
}

static bool looks_like_html(const char *body, size_t len)
{
    while (len && (is_space(*body) || *body == '\n')) {
        ++body;
        --len;
    }
    return len > 1 && body[0] == '<' && (body[1] == '!' || is_name_char(body[1]));
}

/* Skips "<!DOCTYPE ...>" or "<!-- ... -->" at `p`. */
static const char *skip_declaration(const char *p, const char *end)
{
    const bool comment = end - p >= 4 && !strncmp(p, "<!--", 4);
    for (const char *q = p + 2; q < end; ++q) {
        if (*q == '>' && (!comment || (q - p >= 6 && q[-1] == '-' && q[-2] == '-'))) {
            return q + 1;
        }
    }
    return end;
}

static void strip_markup(CgBuf *text, const char *p, const char *end)
{
    while (p < end) {
        if (*p == '<' && p + 1 < end && p[1] == '!') {
            p = skip_declaration(p, end);
        } else if (*p == '<' && p + 1 < end && (p[1] == '/' || is_name_char(p[1]))) {
            p = take_tag(text, p, end);
        } else if (*p == '&') {
            p = take_entity(text, p, end);
        } else {
            cg_buf_putc(text, *p++);
        }
    }
}

/* Appends one line, trimmed and cut on a UTF-8 character boundary. */
static void put_line(CgBuf *out, const char *s, size_t len)
{
    while (len && is_space(*s)) {
        ++s;
        --len;
    }
    while (len && is_space(s[len - 1])) {
        --len;
    }
    if (len > CG_LINE_MAX) {
        len = CG_LINE_MAX;
        while (len && ((unsigned char)s[len] & 0xC0) == 0x80) {
            --len;
        }
    }
    cg_buf_puts(out, "  ");
    cg_buf_append(out, s, len);
    cg_buf_putc(out, '\n');
}

static bool is_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; ++i) {
        if (!is_space(s[i])) {
            return false;
        }
    }
    return true;
}

char *cg_load_server_text(const char *body, size_t len, int max_lines)
{
    CgBuf text = CG_BUF_INIT, out = CG_BUF_INIT;
    if (looks_like_html(body, len)) {
        strip_markup(&text, body, body + len);
    } else {
        cg_buf_append(&text, body, len);
    }
    const char *p = cg_buf_str(&text);
    for (int n = 0; *p;) {
        const size_t line = strcspn(p, "\n");
        if (!is_blank(p, line)) {
            if (n++ == max_lines) {
                cg_buf_puts(&out, "  ...\n");
                break;
            }
            put_line(&out, p, line);
        }
        p += line + (p[line] == '\n');
    }
    cg_buf_free(&text);
    return cg_buf_take(&out);
}
