/* One N-Triples term at a time (RDF 1.1 N-Triples grammar), for patch lines
 * and for turning keys back into terms for Raptor's serialisers.  Escapes
 * are decoded so that the caller can re-format the term canonically. */
#include "diff_internal.h"

#include <string.h>

static bool cg_fail(CgNtCursor *c, const char *msg)
{
    c->error = msg;
    return false;
}

void cg_diff_nt_skip_space(CgNtCursor *c)
{
    while (c->text[c->pos] == ' ' || c->text[c->pos] == '\t') {
        ++c->pos;
    }
}

static int cg_hex(char ch)
{
    if (ch >= '0' && ch <= '9') {
        return ch - '0';
    }
    if (ch >= 'a' && ch <= 'f') {
        return ch - 'a' + 10;
    }
    return ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
}

static void cg_put_utf8(CgBuf *out, unsigned long cp)
{
    char b[4];
    size_t n;
    if (cp < 0x80) {
        b[0] = (char)cp, n = 1;
    } else if (cp < 0x800) {
        b[0] = (char)(0xC0 | (cp >> 6)), b[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
    } else if (cp < 0x10000) {
        b[0] = (char)(0xE0 | (cp >> 12)), b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
    } else {
        b[0] = (char)(0xF0 | (cp >> 18)), b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), b[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
    }
    cg_buf_append(out, b, n);
}

/* \uXXXX or \UXXXXXXXX, with the cursor on the backslash. */
static bool cg_uchar(CgNtCursor *c, CgBuf *out)
{
    const size_t digits = c->text[c->pos + 1] == 'u' ? 4 : 8;
    unsigned long cp = 0;
    for (size_t i = 0; i < digits; ++i) {
        const int h = cg_hex(c->text[c->pos + 2 + i]);
        if (h < 0) {
            return cg_fail(c, "bad \\u escape: expected hex digits");
        }
        cp = cp * 16 + (unsigned long)h;
    }
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return cg_fail(c, "\\u escape is not a Unicode scalar value");
    }
    cg_put_utf8(out, cp);
    c->pos += 2 + digits;
    return true;
}

static bool cg_echar(CgNtCursor *c, CgBuf *out)
{
    static const char from[] = "tbnrf\"'\\";
    static const char to[] = "\t\b\n\r\f\"'\\";
    const char e = c->text[c->pos + 1];
    if (e == 'u' || e == 'U') {
        return cg_uchar(c, out);
    }
    const char *hit = e ? strchr(from, e) : NULL;
    if (!hit) {
        return cg_fail(c, "unknown escape in string");
    }
    cg_buf_putc(out, to[hit - from]);
    c->pos += 2;
    return true;
}

/* <...> with the cursor on '<'. */
static bool cg_iri(CgNtCursor *c, CgBuf *out)
{
    ++c->pos;
    for (;;) {
        const unsigned char ch = (unsigned char)c->text[c->pos];
        if (ch == '>') {
            ++c->pos;
            return true;
        }
        if (ch == '\\') {
            const char e = c->text[c->pos + 1];
            if (e != 'u' && e != 'U') {
                return cg_fail(c, "only \\u and \\U escapes are allowed in an IRI");
            }
            if (!cg_uchar(c, out)) {
                return false;
            }
            continue;
        }
        if (!ch || ch == '\n' || ch <= 0x20 || strchr("<\"{}|^`", ch)) {
            return cg_fail(c, ch ? "character not allowed in an IRI"
                                 : "unterminated IRI: expected '>'");
        }
        cg_buf_putc(out, (char)ch);
        ++c->pos;
    }
}

static bool cg_is_label_char(unsigned char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch == '_' || ch == '-' || ch == '.' || ch >= 0x80;
}

/* _:label; a label may hold dots but not end with one (then it ends the line). */
static bool cg_blank(CgNtCursor *c, CgBuf *out)
{
    c->pos += 2;
    size_t end = c->pos;
    while (cg_is_label_char((unsigned char)c->text[end])) {
        ++end;
    }
    while (end > c->pos && c->text[end - 1] == '.') {
        --end;
    }
    if (end == c->pos) {
        return cg_fail(c, "empty blank node label");
    }
    cg_buf_append(out, c->text + c->pos, end - c->pos);
    c->pos = end;
    return true;
}

static bool cg_string(CgNtCursor *c, CgBuf *out)
{
    const size_t start = c->pos++;
    for (;;) {
        const char ch = c->text[c->pos];
        if (ch == '"') {
            ++c->pos;
            return true;
        }
        if (!ch || ch == '\n' || ch == '\r') {
            c->pos = start; /* where the string began says more than the line's end */
            return cg_fail(c, "unterminated string: expected '\"'");
        }
        if (ch == '\\') {
            if (!cg_echar(c, out)) {
                return false;
            }
        } else {
            cg_buf_putc(out, ch);
            ++c->pos;
        }
    }
}

static bool cg_lang(CgNtCursor *c, CgTermParts *p)
{
    const size_t start = ++c->pos;
    while ((c->text[c->pos] >= 'a' && c->text[c->pos] <= 'z') ||
           (c->text[c->pos] >= 'A' && c->text[c->pos] <= 'Z') ||
           (c->pos > start && ((c->text[c->pos] >= '0' && c->text[c->pos] <= '9') ||
                               c->text[c->pos] == '-'))) {
        ++c->pos;
    }
    if (c->pos == start) {
        return cg_fail(c, "expected a language tag after '@'");
    }
    p->lang = c->text + start;
    p->lang_len = c->pos - start;
    return true;
}

static bool cg_literal(CgNtCursor *c, CgBuf *value, CgBuf *datatype, CgTermParts *p)
{
    if (!cg_string(c, value)) {
        return false;
    }
    if (c->text[c->pos] == '@') {
        return cg_lang(c, p);
    }
    if (c->text[c->pos] == '^' && c->text[c->pos + 1] == '^') {
        c->pos += 2;
        if (c->text[c->pos] != '<') {
            return cg_fail(c, "expected a datatype IRI after '^^'");
        }
        if (!cg_iri(c, datatype)) {
            return false;
        }
        p->datatype = cg_buf_str(datatype);
        p->datatype_len = datatype->len;
    }
    return true;
}

bool cg_diff_nt_term(CgNtCursor *c, CgBuf *value, CgBuf *datatype, CgTermParts *p)
{
    cg_buf_clear(value);
    cg_buf_clear(datatype);
    memset(p, 0, sizeof *p);
    cg_diff_nt_skip_space(c);
    const char ch = c->text[c->pos];
    bool ok;
    if (ch == '<') {
        p->kind = CG_TERM_IRI;
        ok = cg_iri(c, value);
    } else if (ch == '_' && c->text[c->pos + 1] == ':') {
        p->kind = CG_TERM_BLANK;
        ok = cg_blank(c, value);
    } else if (ch == '"') {
        p->kind = CG_TERM_LITERAL;
        ok = cg_literal(c, value, datatype, p);
    } else {
        return cg_fail(c, ch && ch != '\n' ? "expected a term: <IRI>, _:label or \"literal\" "
                                             "(prefixed names are not supported)"
                                           : "expected a term before the end of the line");
    }
    p->value = cg_buf_str(value);
    p->len = value->len;
    return ok;
}
