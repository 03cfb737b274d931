/* The term table and the canonical N-Triples term syntax.  Keys are the
 * terms as canonical N-Triples writes them, so two spellings of one term
 * (prefixed or not, \u0041 or A, "x"^^xsd:string or "x", @EN or @en) meet in
 * one id, and a patch line is the keys joined by spaces. */
#include "diff_internal.h"

#include "../core/hash.h"
#include "../core/mem.h"
#include "../core/utf8.h"

#include <stdlib.h>
#include <string.h>

CgTermTable *cg_diff_terms_new(void)
{
    CgTermTable *terms = cg_xcalloc(1, sizeof *terms);
    terms->ids = cg_strmap_new();
    cg_diff_term_intern(terms, "", 0); /* id 0: the default graph */
    return terms;
}

void cg_diff_terms_free(CgTermTable *terms)
{
    if (!terms) {
        return;
    }
    cg_strmap_free(terms->ids);
    cg_buf_free(&terms->text);
    free(terms->offset);
    free(terms->hash);
    free(terms);
}

uint32_t cg_diff_term_intern(CgTermTable *terms, const char *key, size_t len)
{
    uint32_t id;
    if (cg_strmap_get(terms->ids, key, len, &id)) {
        return id;
    }
    if (terms->n == terms->cap) {
        size_t cap = terms->cap;
        terms->offset = cg_xgrow(terms->offset, &cap, terms->n + 1, sizeof *terms->offset);
        terms->hash = cg_xrealloc(terms->hash, cap * sizeof *terms->hash);
        terms->cap = (uint32_t)cap;
    }
    id = terms->n++;
    terms->offset[id] = terms->text.len;
    terms->hash[id] = cg_hash_final(cg_hash_bytes(CG_HASH_SEED, key, len));
    cg_buf_append(&terms->text, key, len);
    cg_buf_putc(&terms->text, '\0');
    cg_strmap_put(terms->ids, key, len, id);
    return id;
}

bool cg_diff_term_find(const CgTermTable *terms, const char *key, uint32_t *id)
{
    return cg_strmap_get(terms->ids, key, strlen(key), id);
}

const char *cg_diff_term_key(const CgTermTable *terms, uint32_t id)
{
    return terms->text.data + terms->offset[id];
}

static void cg_put_uchar(CgBuf *out, unsigned c)
{
    cg_buf_printf(out, "\\u%04X", c);
}

/* IRIREF excludes controls, space and <>"{}|^`\ : those become \u escapes.
 * Bit masks, because every IRI of every triple read passes through here. */
static bool cg_iri_needs_escape(unsigned char c)
{
    const uint64_t low = ((UINT64_C(1) << 33) - 1) | UINT64_C(1) << '"' | UINT64_C(1) << '<' |
                         UINT64_C(1) << '>';
    const uint64_t high = UINT64_C(1) << ('\\' - 64) | UINT64_C(1) << ('^' - 64) |
                          UINT64_C(1) << ('`' - 64) | UINT64_C(1) << ('{' - 64) |
                          UINT64_C(1) << ('|' - 64) | UINT64_C(1) << ('}' - 64);
    return c < 64 ? (low >> c) & 1 : c < 128 && ((high >> (c - 64)) & 1);
}

/* Runs of bytes that need no escape are appended at once: terms are
 * formatted for every triple read, so this is on the hot path. */
static void cg_format_iri(CgBuf *out, const char *s, size_t len)
{
    cg_buf_putc(out, '<');
    size_t run = 0;
    for (size_t i = 0; i < len; ++i) {
        const unsigned char c = (unsigned char)s[i];
        if (cg_iri_needs_escape(c)) {
            cg_buf_append(out, s + run, i - run);
            cg_put_uchar(out, c);
            run = i + 1;
        }
    }
    cg_buf_append(out, s + run, len - run);
    cg_buf_putc(out, '>');
}

/* RDFC-1.0's canonical N-Quads escaping of string literals. */
static void cg_format_string(CgBuf *out, const char *s, size_t len)
{
    static const char from[] = "\b\t\n\f\r\"\\";
    static const char to[] = "btnfr\"\\";
    cg_buf_putc(out, '"');
    size_t run = 0;
    for (size_t i = 0; i < len; ++i) {
        const unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f) {
            continue;
        }
        cg_buf_append(out, s + run, i - run);
        run = i + 1;
        const char *hit = c ? memchr(from, c, sizeof from - 1) : NULL;
        if (hit) {
            const char esc[2] = {'\\', to[hit - from]};
            cg_buf_append(out, esc, 2);
        } else {
            cg_put_uchar(out, c);
        }
    }
    cg_buf_append(out, s + run, len - run);
    cg_buf_putc(out, '"');
}

static bool cg_is_xsd_string(const CgTermParts *p)
{
    return p->datatype && p->datatype_len == strlen(CG_XSD_STRING) &&
           !memcmp(p->datatype, CG_XSD_STRING, p->datatype_len);
}

static void cg_format_literal_tail(CgBuf *out, const CgTermParts *p)
{
    if (p->lang && p->lang_len) {
        /* Language tags compare case-insensitively (RDF 1.1 Concepts 3.3). */
        cg_buf_putc(out, '@');
        for (size_t i = 0; i < p->lang_len; ++i) {
            const char c = p->lang[i];
            cg_buf_putc(out, c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c);
        }
    } else if (p->datatype && !cg_is_xsd_string(p)) {
        cg_buf_puts(out, "^^");
        cg_format_iri(out, p->datatype, p->datatype_len);
    }
}

/* Raptor reads an escaped surrogate (\uD800) into bytes that are not UTF-8
 * and no character: in a key it is U+FFFD, so that every key is text that
 * any writer can write (tests/fuzz/fuzz_write.c). */
void cg_diff_term_format(CgBuf *out, const CgTermParts *p)
{
    CgBuf valid = CG_BUF_INIT;
    size_t len = p->len;
    const char *value = cg_utf8_sanitize_n(&valid, p->value, &len);
    if (p->kind == CG_TERM_IRI) {
        cg_format_iri(out, value, len);
    } else if (p->kind == CG_TERM_BLANK) {
        cg_buf_puts(out, "_:");
        cg_buf_append(out, value, len);
    } else {
        cg_format_string(out, value, len);
        cg_format_literal_tail(out, p);
    }
    cg_buf_free(&valid);
}

unsigned cg_diff_column(const char *line, size_t offset)
{
    unsigned col = 1;
    for (size_t i = 0; i < offset && line[i]; ++i) {
        col += ((unsigned char)line[i] & 0xC0) != 0x80; /* count UTF-8 lead bytes */
    }
    return col;
}
