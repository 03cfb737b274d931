/* Typed reads of YAML tree nodes, each reporting what is wrong where. */
#include "rules_internal.h"

#include "../core/buf.h"
#include "../core/mem.h"

#include <stdlib.h>
#include <string.h>

const char *cg_ykind_name(const CgYNode *node)
{
    switch (node->kind) {
    case CG_Y_SEQ: return "a list";
    case CG_Y_MAP: return "a mapping";
    default: return cg_ynull(node) ? "empty" : "a string";
    }
}

bool cg_ynull(const CgYNode *node)
{
    return node->kind == CG_Y_SCALAR && node->style == CG_Y_PLAIN &&
           (!node->text[0] || !strcmp(node->text, "~") || !strcmp(node->text, "null"));
}

/* libyaml columns count characters, so count UTF-8 lead bytes; a quoted
 * scalar's mark is at its opening quote. */
unsigned cg_ycol(const CgYNode *node, size_t offset)
{
    if (node->style == CG_Y_BLOCK) {
        return node->col;
    }
    unsigned col = node->col + (node->style == CG_Y_QUOTED);
    for (size_t i = 0; i < offset && node->text[i]; ++i) {
        col += ((unsigned char)node->text[i] & 0xC0) != 0x80;
    }
    return col;
}

static void join_keys(CgBuf *buf, const char *const *keys, size_t n)
{
    for (size_t i = 0; i < n; ++i) {
        cg_buf_printf(buf, "%s%s", i ? ", " : "", keys[i]);
    }
}

static void unknown_key(CgLoader *ld, const CgYNode *key, const char *what,
                        const char *const *keys, size_t n_keys)
{
    CgBuf allowed = CG_BUF_INIT;
    join_keys(&allowed, keys, n_keys);
    const char *near = cg_words_nearest(keys, n_keys, key->text);
    if (near) {
        cg_node_error(ld, key, "unknown key '%s' in %s (did you mean '%s'?); the keys allowed here are %s",
                      key->text, what, near, cg_buf_str(&allowed));
    } else {
        cg_node_error(ld, key, "unknown key '%s' in %s; the keys allowed here are %s",
                      key->text, what, cg_buf_str(&allowed));
    }
    cg_buf_free(&allowed);
}

static bool key_is_scalar(CgLoader *ld, const CgYNode *key)
{
    if (key->kind == CG_Y_SCALAR) {
        return true;
    }
    if (key->kind != CG_Y_BAD) {
        cg_node_error(ld, key, "a key must be a plain word, not %s", cg_ykind_name(key));
    }
    return false;
}

static void take_field(CgLoader *ld, const CgYNode *key, const CgYNode *val, size_t i,
                       const CgYNode **vals, const CgYNode **keys_seen)
{
    if (keys_seen[i]) {
        cg_node_error(ld, key, "key '%s' appears twice here (first at line %u): keep one",
                      key->text, keys_seen[i]->line);
        return;
    }
    keys_seen[i] = key;
    vals[i] = val;
}

bool cg_yfields(CgLoader *ld, const CgYNode *node, const char *what,
                const char *const *keys, size_t n_keys, const CgYNode **vals)
{
    memset(vals, 0, n_keys * sizeof *vals);
    if (node->kind != CG_Y_MAP) {
        if (node->kind != CG_Y_BAD) {
            cg_node_error(ld, node, "%s must be a mapping (key: value), not %s", what,
                          cg_ykind_name(node));
        }
        return false;
    }
    const CgYNode **seen = cg_xcalloc(n_keys, sizeof *seen);
    for (size_t k = 0; k + 1 < node->n_kids; k += 2) {
        const CgYNode *key = node->kids[k];
        if (!key_is_scalar(ld, key)) {
            continue;
        }
        size_t i = 0;
        while (i < n_keys && strcmp(key->text, keys[i])) {
            ++i;
        }
        if (i == n_keys) {
            unknown_key(ld, key, what, keys, n_keys);
        } else {
            take_field(ld, key, node->kids[k + 1], i, vals, seen);
        }
    }
    free(seen);
    return true;
}

bool cg_yrequire(CgLoader *ld, const CgYNode *node, const char *what, const char *needs,
                 const char *const *keys, size_t n_required, const CgYNode **vals)
{
    bool ok = true;
    for (size_t i = 0; i < n_required; ++i) {
        if (!vals[i]) {
            cg_node_error(ld, node, "%s has no '%s': add it (required: %s)", what, keys[i],
                          needs);
            ok = false;
        }
    }
    return ok;
}

bool cg_ystr(CgLoader *ld, const CgYNode *node, const char *key, char **out)
{
    *out = NULL;
    if (!node || node->kind == CG_Y_BAD) {
        return false;
    }
    if (node->kind != CG_Y_SCALAR) {
        cg_node_error(ld, node, "'%s' must be a string, not %s", key, cg_ykind_name(node));
        return false;
    }
    if (cg_ynull(node) || !node->text[0]) {
        cg_node_error(ld, node, "'%s' is empty: write a value after '%s:'", key, key);
        return false;
    }
    *out = cg_xstrdup(node->text);
    return true;
}

/* YAML 1.2's core schema spellings; "yes"/"on" are left out on purpose,
 * as they surprise people more often than they help. */
bool cg_ybool(CgLoader *ld, const CgYNode *node, const char *key, bool *out)
{
    static const char *const yes[] = {"true", "True", "TRUE"};
    static const char *const no[] = {"false", "False", "FALSE"};
    if (!node || node->kind == CG_Y_BAD) {
        return false;
    }
    for (size_t i = 0; node->kind == CG_Y_SCALAR && node->style == CG_Y_PLAIN && i < 3; ++i) {
        if (!strcmp(node->text, yes[i]) || !strcmp(node->text, no[i])) {
            *out = !strcmp(node->text, yes[i]);
            return true;
        }
    }
    if (node->kind == CG_Y_SCALAR && !cg_ynull(node)) {
        cg_node_error(ld, node, "'%s' must be true or false (unquoted), not '%s'", key,
                      node->text);
    } else {
        cg_node_error(ld, node, "'%s' must be true or false, not %s", key, cg_ykind_name(node));
    }
    return false;
}

const CgYNode *const *cg_yitems(const CgYNode *const *node, size_t *n)
{
    if ((*node)->kind == CG_Y_SEQ) {
        *n = (*node)->n_kids;
        return (const CgYNode *const *)(*node)->kids;
    }
    *n = cg_ynull(*node) ? 0 : 1;
    return node;
}

bool cg_ystrv(CgLoader *ld, const CgYNode *node, const char *key, char ***out, size_t *n,
              CgMark **marks)
{
    *out = NULL;
    *n = 0;
    if (!node || node->kind == CG_Y_BAD) {
        return false;
    }
    if (node->kind == CG_Y_MAP) {
        cg_node_error(ld, node, "'%s' must be a string or a list of strings, not a mapping", key);
        return false;
    }
    size_t count;
    const CgYNode *const *items = cg_yitems(&node, &count);
    bool ok = true;
    *out = cg_xcalloc(count, sizeof **out);
    *marks = cg_xcalloc(count, sizeof **marks);
    for (size_t i = 0; i < count; ++i) {
        if (cg_ystr(ld, items[i], key, &(*out)[*n])) {
            (*marks)[(*n)++] = (CgMark){items[i]->line, items[i]->col};
        } else {
            ok = false;
        }
    }
    return ok;
}

bool cg_ynote(CgLoader *ld, const CgYNode *node)
{
    char *note = NULL;
    const bool ok = cg_ystr(ld, node, "note", &note);
    free(note);
    return ok;
}
