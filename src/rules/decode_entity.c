/* Entities (with their aliases and same_as IRIs) and predicates. */
#include "rules_internal.h"

#include "../core/buf.h"
#include "../core/mem.h"

#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

static const char *const entity_keys[] = {"id", "type", "label", "aliases", "same_as", "note"};
enum { E_ID, E_TYPE, E_LABEL, E_ALIASES, E_SAME_AS, E_NOTE, E_N, E_REQUIRED = E_ALIASES };

static const char *const alias_keys[] = {"text", "case", "short", "one_letter"};
enum { A_TEXT, A_CASE, A_SHORT, A_ONE_LETTER, A_N, A_REQUIRED = A_CASE };

static const char *const predicate_keys[] = {"name", "symmetric", "label", "note"};
enum { P_NAME, P_SYMMETRIC, P_LABEL, P_NOTE, P_N, P_REQUIRED = P_SYMMETRIC };

/* Text that names nothing once hyphens and spaces are ignored. */
static bool is_blank(const char *s)
{
    return s[strspn(s, " \t\r\n-")] == '\0';
}

static void push_alias(CgEntity *e, const CgYNode *text, bool exact, bool short_form)
{
    e->aliases = cg_xrealloc(e->aliases, (e->n_aliases + 1) * sizeof *e->aliases);
    e->aliases[e->n_aliases++] =
        (CgAlias){cg_xstrdup(text->text), exact, short_form, text->line, text->col};
}

/* The letters and digits of `s` (any script), counting up to 2. */
static size_t alnum_count(const char *s)
{
    const uint8_t *p = (const uint8_t *)s;
    size_t left = strlen(s), n = 0;
    while (left && n < 2) {
        ucs4_t uc;
        const int len = u8_mbtouc(&uc, p, left);
        n += uc_is_alnum(uc);
        p += len;
        left -= (size_t)len;
    }
    return n;
}

/* A name with no letter or digit (",", ".") would be found at every such
 * mark of every text: the examples showed dozens of false mentions each. */
static bool name_has_alnum(CgLoader *ld, const CgYNode *node, const char *what)
{
    if (alnum_count(node->text)) {
        return true;
    }
    cg_node_error(ld, node, "%s '%s' has no letter or digit: it would name the entity at "
                            "every '%s' in the text; write the name as it appears in "
                            "text, or remove it",
                  what, node->text, node->text);
    return false;
}

/* A one-letter name ("X") names the entity at every initial and list item
 * with that letter: warned of, unless its alias map says it is meant. */
static void warn_one_letter(CgLoader *ld, const CgYNode *node, bool is_label)
{
    cg_load_warning(ld, node->line, node->col,
                    is_label ? "label '%s' is a single letter or digit: it will name the "
                               "entity at every '%s' in the text; give a longer label and, "
                               "if the letter alone is meant, add it as the alias "
                               "{text: \"%s\", one_letter: true}"
                             : "alias '%s' is a single letter or digit: it will name the "
                               "entity at every '%s' in the text (initials, list items); "
                               "if that is meant, write {text: \"%s\", one_letter: true}, "
                               "else remove it or use a longer form",
                    node->text, node->text, node->text);
}

/* An alias's text: like any string, but an empty one gets its own advice;
 * `one_letter` is the map's `one_letter: true`, or -1 for no map. */
static bool alias_text(CgLoader *ld, const CgYNode *node, int one_letter)
{
    if (node->kind == CG_Y_SCALAR && (cg_ynull(node) || is_blank(node->text))) {
        cg_node_error(ld, node, "empty alias: write the name as it appears in text, "
                                "or remove this entry");
        return false;
    }
    char *text = NULL;
    const bool ok = cg_ystr(ld, node, "text", &text);
    free(text);
    if (!ok || !name_has_alnum(ld, node, "alias")) {
        return false;
    }
    if (alnum_count(node->text) == 1 && one_letter <= 0) {
        warn_one_letter(ld, node, false);
    }
    return true;
}

static bool alias_case(CgLoader *ld, const CgYNode *node, bool *exact)
{
    if (!node) {
        return true;
    }
    if (node->kind == CG_Y_SCALAR && !strcmp(node->text, "exact")) {
        *exact = true;
        return true;
    }
    if (node->kind == CG_Y_SCALAR && !strcmp(node->text, "fold")) {
        return true;
    }
    if (node->kind != CG_Y_BAD) {
        cg_node_error(ld, node, "'case' must be exact (letter case must match) or fold "
                                "(any letter case), not '%s'",
                      node->kind == CG_Y_SCALAR ? node->text : cg_ykind_name(node));
    }
    return false;
}

static bool decode_alias_map(CgLoader *ld, const CgYNode *node, CgEntity *e)
{
    const CgYNode *v[A_N];
    cg_yfields(ld, node, "an alias", alias_keys, A_N, v);
    bool exact = false, short_form = false, one_letter = false;
    bool ok = cg_yrequire(ld, node, "this alias", "text", alias_keys, A_REQUIRED, v);
    ok &= !v[A_ONE_LETTER] || cg_ybool(ld, v[A_ONE_LETTER], "one_letter", &one_letter);
    ok &= !v[A_TEXT] || alias_text(ld, v[A_TEXT], one_letter);
    if (ok && one_letter && alnum_count(v[A_TEXT]->text) > 1) {
        cg_node_error(ld, v[A_ONE_LETTER], "'one_letter: true' marks an alias of one letter "
                                           "or digit, and '%s' has more: remove the mark",
                      v[A_TEXT]->text);
        ok = false;
    }
    ok &= alias_case(ld, v[A_CASE], &exact);
    ok &= !v[A_SHORT] || cg_ybool(ld, v[A_SHORT], "short", &short_form);
    if (ok) {
        push_alias(e, v[A_TEXT], exact, short_form);
    }
    return ok;
}

static bool decode_aliases(CgLoader *ld, const CgYNode *const *node, CgEntity *e)
{
    size_t n;
    const CgYNode *const *items = cg_yitems(node, &n);
    bool ok = true;
    for (size_t i = 0; i < n; ++i) {
        const CgYNode *a = items[i];
        if (a->kind == CG_Y_MAP) {
            ok &= decode_alias_map(ld, a, e);
        } else if (a->kind == CG_Y_SEQ) {
            cg_node_error(ld, a, "an alias must be a string or a mapping such as "
                                 "{text: Vova, case: exact}, not a list");
            ok = false;
        } else if (alias_text(ld, a, -1)) {
            push_alias(e, a, false, false);
        } else {
            ok = false;
        }
    }
    return ok;
}

/* An IRI with a scheme and none of the characters Turtle cannot hold. */
static bool is_iri(const char *s)
{
    const size_t scheme = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                    "0123456789+.-");
    if (scheme == 0 || s[scheme] != ':' || !s[scheme + 1]) {
        return false;
    }
    for (const unsigned char *p = (const unsigned char *)s; *p; ++p) {
        if (*p <= ' ' || strchr("<>\"{}|\\^`", *p)) {
            return false;
        }
    }
    return true;
}

static bool decode_same_as(CgLoader *ld, const CgYNode *node, CgEntity *e)
{
    CgMark *marks = NULL;
    bool ok = cg_ystrv(ld, node, "same_as", &e->same_as, &e->n_same_as, &marks);
    for (size_t i = 0; i < e->n_same_as; ++i) {
        if (!is_iri(e->same_as[i])) {
            cg_load_error(ld, CG_ERR_RULES, marks[i].line, marks[i].col,
                          "same_as '%s' is not a full IRI: write the whole address, "
                          "e.g. http://www.wikidata.org/entity/Q7747",
                          e->same_as[i]);
            ok = false;
        }
    }
    free(marks);
    return ok;
}

static bool decode_label(CgLoader *ld, const CgYNode *node, CgEntity *e)
{
    if (!cg_ystr(ld, node, "label", &e->label)) {
        return false;
    }
    if (is_blank(e->label)) {
        cg_node_error(ld, node, "'label' is blank: write the entity's name as it appears "
                                "in text");
        return false;
    }
    if (!name_has_alnum(ld, node, "label")) {
        return false;
    }
    if (alnum_count(e->label) == 1) {
        warn_one_letter(ld, node, true);
    }
    push_alias(e, node, false, false); /* the label is always alias 0 */
    return true;
}

/* Returns whether `id` is new; the first of two keeps it. */
static bool check_entity_id(CgLoader *ld, const CgYNode *node, const char *id, bool keep)
{
    const uint32_t index = keep ? (uint32_t)ld->rules->n_entities : CG_NO_INDEX;
    const CgName *first =
        cg_names_add(&ld->entity_ids, id, ld->file, node->line, node->col, index);
    if (!first) {
        return true;
    }
    CgBuf where = CG_BUF_INIT;
    cg_place(ld, first->file, first->line, &where);
    cg_node_error(ld, node, "duplicate entity id '%s': the first entity with this id is at "
                            "%s; give each entity its own id",
                  id, cg_buf_str(&where));
    cg_buf_free(&where);
    return false;
}

void cg_decode_entity(CgLoader *ld, const CgYNode *node)
{
    const CgYNode *v[E_N];
    if (!cg_yfields(ld, node, "an entity", entity_keys, E_N, v)) {
        return;
    }
    char what[128];
    cg_describe(v[E_ID], "entity", what, sizeof what);
    CgEntity e = {.file = ld->file, .line = node->line, .col = node->col};
    bool ok = cg_yrequire(ld, node, what, "id, type and label", entity_keys, E_REQUIRED, v);
    ok &= cg_decode_id(ld, v[E_ID], "entity id", &e.id);
    ok &= cg_decode_word(ld, v[E_TYPE], "type", "entity type", true, &e.type);
    ok &= decode_label(ld, v[E_LABEL], &e);
    ok &= !v[E_ALIASES] || decode_aliases(ld, &v[E_ALIASES], &e);
    ok &= !v[E_SAME_AS] || decode_same_as(ld, v[E_SAME_AS], &e);
    ok &= !v[E_NOTE] || cg_ynote(ld, v[E_NOTE]);
    if (e.type) {
        cg_names_add(&ld->types, e.type, ld->file, v[E_TYPE]->line, v[E_TYPE]->col, 0);
    }
    /* An entity with other errors is kept (the load fails anyway) so that
     * its aliases are still checked against the others. */
    if (e.id && check_entity_id(ld, v[E_ID], e.id, ok)) {
        *cg_ruleset_add_entity(ld->rules) = e;
    } else {
        cg_entity_clear(&e);
    }
}

/* Returns whether `name` is new; the first of two keeps it. */
static bool check_predicate_name(CgLoader *ld, const CgYNode *node, const char *name, bool keep)
{
    const uint32_t index = keep ? (uint32_t)ld->rules->n_predicates : CG_NO_INDEX;
    const CgName *first =
        cg_names_add(&ld->predicates, name, ld->file, node->line, node->col, index);
    if (!first) {
        return true;
    }
    CgBuf where = CG_BUF_INIT;
    cg_place(ld, first->file, first->line, &where);
    cg_node_error(ld, node, "duplicate predicate '%s': it is first defined at %s; "
                            "define each predicate once",
                  name, cg_buf_str(&where));
    cg_buf_free(&where);
    return false;
}

void cg_decode_predicate(CgLoader *ld, const CgYNode *node)
{
    const CgYNode *v[P_N];
    if (!cg_yfields(ld, node, "a predicate", predicate_keys, P_N, v)) {
        return;
    }
    char what[128];
    cg_describe(v[P_NAME], "predicate", what, sizeof what);
    CgPredicate p = {.file = ld->file, .line = node->line, .col = node->col};
    bool ok = cg_yrequire(ld, node, what, "name", predicate_keys, P_REQUIRED, v);
    ok &= cg_decode_word(ld, v[P_NAME], "name", "predicate name", false, &p.name);
    ok &= !v[P_SYMMETRIC] || cg_ybool(ld, v[P_SYMMETRIC], "symmetric", &p.symmetric);
    ok &= !v[P_LABEL] || cg_ystr(ld, v[P_LABEL], "label", &p.label);
    ok &= !v[P_NOTE] || cg_ynote(ld, v[P_NOTE]);
    const bool fresh = !p.name || check_predicate_name(ld, v[P_NAME], p.name, ok);
    if (ok && fresh) {
        *cg_ruleset_add_predicate(ld->rules) = p;
    } else {
        cg_predicate_clear(&p);
    }
}
