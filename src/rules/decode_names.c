/* Ids and names end up in IRIs ({base}entity/{id}, {vocab}{predicate}, the
 * rdf:type of a type), so they are held to a syntax that needs no escaping,
 * and a bad one comes with a corrected spelling to copy. */
#include "rules_internal.h"

#include "../core/buf.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cg_describe(const CgYNode *id, const char *kind, char *buf, size_t size)
{
    if (id && id->kind == CG_Y_SCALAR && id->text[0]) {
        snprintf(buf, size, "%s '%.80s'", kind, id->text);
    } else {
        snprintf(buf, size, "this %s", kind);
    }
}

void cg_place(const CgLoader *ld, const char *file, unsigned line, CgBuf *out)
{
    if (file == ld->file) {
        cg_buf_printf(out, "line %u", line);
    } else {
        cg_buf_printf(out, "%s:%u", file, line);
    }
}

static bool is_id(const char *s)
{
    const size_t n = strlen(s);
    if (s[0] == '-' || s[n - 1] == '-' || strstr(s, "--")) {
        return false;
    }
    return strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") == n;
}

static bool is_word(const char *s)
{
    for (const char *p = s + 1; *p; ++p) {
        if (!isalnum((unsigned char)*p) && *p != '_' && *p != '-') {
            return false;
        }
    }
    return isalpha((unsigned char)s[0]);
}

/* "Vladimir_Putin" -> "vladimir-putin": ASCII words joined by hyphens. */
static void suggest_id(const char *s, CgBuf *out)
{
    bool gap = false;
    for (const unsigned char *p = (const unsigned char *)s; *p; ++p) {
        if (isalnum(*p)) {
            if (gap && out->len) {
                cg_buf_putc(out, '-');
            }
            cg_buf_putc(out, (char)tolower(*p));
            gap = false;
        } else {
            gap = true;
        }
    }
}

/* "met with" -> "metWith", or "head of state" -> "HeadOfState". */
static void suggest_word(const char *s, bool cap_first, CgBuf *out)
{
    bool cap = cap_first;
    for (const unsigned char *p = (const unsigned char *)s; *p; ++p) {
        if (!isalnum(*p)) {
            cap = out->len > 0 || cap_first;
        } else if (out->len || isalpha(*p)) {
            cg_buf_putc(out, (char)(cap ? toupper(*p) : *p));
            cap = false;
        }
    }
}

static void report_bad_name(CgLoader *ld, const CgYNode *node, const char *what,
                            const char *rule, const CgBuf *fix)
{
    if (fix->len) {
        cg_node_error(ld, node, "%s '%s' is not valid: %s, e.g. '%s'", what, node->text, rule,
                      cg_buf_str(fix));
    } else {
        cg_node_error(ld, node, "%s '%s' is not valid: %s", what, node->text, rule);
    }
}

bool cg_decode_id(CgLoader *ld, const CgYNode *node, const char *what, char **out)
{
    if (!cg_ystr(ld, node, "id", out) || is_id(*out)) {
        return *out != NULL;
    }
    CgBuf fix = CG_BUF_INIT;
    suggest_id(node->text, &fix);
    report_bad_name(ld, node, what, "use lower-case letters, digits and single hyphens", &fix);
    cg_buf_free(&fix);
    free(*out);
    *out = NULL;
    return false;
}

bool cg_decode_word(CgLoader *ld, const CgYNode *node, const char *key, const char *what,
                    bool cap_first, char **out)
{
    if (!cg_ystr(ld, node, key, out) || is_word(*out)) {
        return *out != NULL;
    }
    CgBuf fix = CG_BUF_INIT;
    suggest_word(node->text, cap_first, &fix);
    report_bad_name(ld, node, what,
                    "use one word of letters and digits ('_' and '-' are allowed) "
                    "that starts with a letter",
                    &fix);
    cg_buf_free(&fix);
    free(*out);
    *out = NULL;
    return false;
}
