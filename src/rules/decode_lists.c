/* Word lists: named sets of phrases that patterns use as @NAME, so that a
 * rule file says "@TITLE {subject}" once instead of repeating forty titles
 * in every pattern.  A list is visible to everything after it in load
 * order: later in its file and in every later file. */
#include "rules_internal.h"

#include "../core/mem.h"

#include <stdlib.h>
#include <string.h>

#define CG_LIST_ERR_MAX 256

const CgPatNode *cg_lists_find(void *ctx, const char *name, size_t len)
{
    const CgLoader *ld = ctx;
    uint32_t i;
    return cg_strmap_get(ld->lists.names, name, len, &i) ? ld->lists.nodes[i] : NULL;
}

void cg_lists_free(CgLists *lists)
{
    for (size_t i = 0; i < lists->n; ++i) {
        cg_pattern_free(lists->nodes[i]);
    }
    free(lists->nodes);
    cg_strmap_free(lists->names);
    memset(lists, 0, sizeof *lists);
}

static bool list_name_ok(const char *name)
{
    if (!((name[0] >= 'A' && name[0] <= 'Z') || (name[0] >= 'a' && name[0] <= 'z'))) {
        return false;
    }
    return strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_") ==
           strlen(name);
}

/* One phrase, parsed like a pattern; added to `alt` when it parses and the
 * list stays within the parts a pattern may hold (every pattern that uses
 * it copies it whole).  *parts counts the list's nodes so far. */
static void list_phrase(CgLoader *ld, const CgYNode *item, const char *name, CgPatNode *alt,
                        size_t *parts)
{
    if (item && item->kind == CG_Y_BAD) {
        return; /* reported already */
    }
    if (!item || item->kind != CG_Y_SCALAR || !item->text[0]) {
        cg_node_error(ld, item, "list '%s' must hold non-empty strings (words or phrases)",
                      name);
        return;
    }
    CgPatNode *phrase = NULL;
    unsigned err_col = 1;
    char err[CG_LIST_ERR_MAX];
    if (cg_pattern_parse_phrase(item->text, cg_lists_find, ld, &phrase, &err_col, err,
                                sizeof err)) {
        cg_load_error(ld, CG_ERR_RULES, item->line, cg_ycol(item, err_col - 1),
                      "a phrase of list '%s' does not parse: %s", name, err);
        return;
    }
    *parts += cg_pattern_size(phrase);
    if (*parts > CG_PATTERN_MAX_PARTS) {
        cg_node_error(ld, item, "list '%s' grows past %u parts (words, alternatives, lists "
                      "spelled out) with this phrase: split it into several lists",
                      name, CG_PATTERN_MAX_PARTS);
        cg_pattern_free(phrase);
        return;
    }
    alt->kids = cg_xgrow(alt->kids, &alt->cap_kids, alt->n_kids + 1, sizeof *alt->kids);
    alt->kids[alt->n_kids++] = phrase;
}

static void list_decode(CgLoader *ld, const CgYNode *key, const CgYNode *value)
{
    const char *name = key->text;
    if (key->kind != CG_Y_SCALAR || !list_name_ok(name)) {
        cg_node_error(ld, key, "a list name must be a letter then letters, digits or '_' "
                               "(as in TITLE or MEET_VERBS)");
        return;
    }
    if (cg_lists_find(ld, name, strlen(name))) {
        cg_node_error(ld, key, "list '%s' is defined twice", name);
        return;
    }
    if (!value || value->kind != CG_Y_SEQ || !value->n_kids) {
        cg_node_error(ld, value ? value : key, "list '%s' must be a non-empty list of phrases",
                      name);
        return;
    }
    CgPatNode *alt = cg_xcalloc(1, sizeof *alt);
    alt->kind = CG_PAT_ALT;
    alt->col = 1;
    size_t parts = 1;
    for (size_t i = 0; i < value->n_kids && parts <= CG_PATTERN_MAX_PARTS; ++i) {
        list_phrase(ld, value->kids[i], name, alt, &parts);
    }
    CgLists *l = &ld->lists;
    l->nodes = cg_xgrow(l->nodes, &l->cap, l->n + 1, sizeof *l->nodes);
    cg_strmap_put(l->names, name, strlen(name), (uint32_t)l->n);
    l->nodes[l->n++] = alt;
}

void cg_decode_lists(CgLoader *ld, const CgYNode *node)
{
    if (!node || node->kind == CG_Y_BAD || cg_ynull(node)) {
        return;
    }
    if (node->kind != CG_Y_MAP) {
        cg_node_error(ld, node, "'lists' must be a mapping of NAME: [phrases], not %s",
                      cg_ykind_name(node));
        return;
    }
    for (size_t i = 0; i + 1 < node->n_kids; i += 2) {
        list_decode(ld, node->kids[i], node->kids[i + 1]);
    }
}
