/* Relation rules.  What a relation names in other files (its predicate and
 * entity types) is kept in a CgRelDraft and checked by validate.c once
 * every file is read. */
#include "rules_internal.h"

#include "../core/mem.h"

#include <stdlib.h>
#include <string.h>

static const char *const relation_keys[] = {"id",       "predicate", "subject", "object",
                                            "patterns", "symmetric", "negated", "scope",
                                            "note"};
enum { R_ID, R_PREDICATE, R_SUBJECT, R_OBJECT, R_PATTERNS, R_SYMMETRIC, R_NEGATED, R_SCOPE, R_NOTE,
       R_N, R_REQUIRED = R_SYMMETRIC };

/* negated: mark | drop */
static void decode_negated(CgLoader *ld, const CgYNode *node, CgRelationRule *r)
{
    if (node->kind == CG_Y_SCALAR && (!strcmp(node->text, "mark") || !strcmp(node->text, "drop"))) {
        r->drop_negated = !strcmp(node->text, "drop");
        return;
    }
    cg_node_error(ld, node, "'negated' must be mark (keep the evidence, marked negated) or "
                            "drop (no evidence)");
}

/* scope: clause | noun | phrase */
static void decode_scope(CgLoader *ld, const CgYNode *node, CgRelationRule *r)
{
    if (node->kind == CG_Y_SCALAR && (!strcmp(node->text, "clause") ||
                                      !strcmp(node->text, "noun") ||
                                      !strcmp(node->text, "phrase"))) {
        r->phrase_scope = !strcmp(node->text, "phrase");
        r->noun_scope = !strcmp(node->text, "noun");
        return;
    }
    cg_node_error(ld, node, "'scope' must be clause (the sentence's negation, hedges and "
                            "claimer qualify the relation), noun (a relation named by a noun "
                            "phrase: negation counts only right before it) or phrase (a fact "
                            "of a noun phrase, such as a title: none of them does)");
}

#define CG_PATTERN_ERR_MAX 256

static void decode_pattern(CgLoader *ld, const CgYNode *node, const char *what,
                           CgRelationRule *r)
{
    char *src = NULL;
    if (!cg_ystr(ld, node, "patterns", &src)) {
        return;
    }
    CgPatNode *root = NULL;
    unsigned err_col = 1;
    char err[CG_PATTERN_ERR_MAX];
    if (cg_pattern_parse(src, cg_lists_find, ld, &root, &err_col, err, sizeof err)) {
        cg_load_error(ld, CG_ERR_RULES, node->line, cg_ycol(node, err_col - 1),
                      "a pattern of %s does not parse: %s", what, err);
        free(src);
        return;
    }
    r->patterns[r->n_patterns++] = (CgPattern){src, root, node->line, node->col};
}

static void decode_patterns(CgLoader *ld, const CgYNode *const *node, const char *what,
                            CgRelationRule *r)
{
    if ((*node)->kind == CG_Y_MAP) {
        cg_node_error(ld, *node, "'patterns' must be a list of strings, not a mapping");
        return;
    }
    size_t n;
    const CgYNode *const *items = cg_yitems(node, &n);
    if (n == 0) {
        cg_node_error(ld, *node, "%s has no patterns: add at least one under 'patterns:'",
                      what);
        return;
    }
    r->patterns = cg_xcalloc(n, sizeof *r->patterns);
    for (size_t i = 0; i < n; ++i) {
        decode_pattern(ld, items[i], what, r);
    }
}

/* subject: or object: — one type or a list, each checked later. */
static void decode_types(CgLoader *ld, const CgYNode *node, const char *key, char ***types,
                         size_t *n, CgMark **marks)
{
    if (node && cg_ystrv(ld, node, key, types, n, marks) && *n == 0) {
        cg_node_error(ld, node, "'%s' lists no types: name at least one entity type, "
                                "e.g. [Person]",
                      key);
    }
}

static void decode_symmetric(CgLoader *ld, const CgYNode *node, CgRelDraft *d)
{
    bool value = false;
    d->symmetric = -1;
    if (node && cg_ybool(ld, node, "symmetric", &value)) {
        d->symmetric = value;
    }
}

static void decode_predicate_ref(CgLoader *ld, const CgYNode *node, CgRelDraft *d)
{
    if (cg_ystr(ld, node, "predicate", &d->predicate)) {
        d->predicate_mark = (CgMark){node->line, node->col};
    }
}

/* Returns whether `id` is new; the first of two keeps it. */
static bool check_relation_id(CgLoader *ld, const CgYNode *node, const char *id)
{
    const CgName *first = cg_names_add(&ld->relation_ids, id, ld->file, node->line,
                                       node->col, 0);
    if (!first) {
        return true;
    }
    CgBuf where = CG_BUF_INIT;
    cg_place(ld, first->file, first->line, &where);
    cg_node_error(ld, node, "duplicate relation id '%s': the first relation with this id is "
                            "at %s; give each relation its own id",
                  id, cg_buf_str(&where));
    cg_buf_free(&where);
    return false;
}

static void keep_relation(CgLoader *ld, CgRelationRule *r, CgRelDraft *d)
{
    *cg_ruleset_add_relation(ld->rules) = *r;
    const size_t n = ld->rules->n_relations;
    ld->drafts = cg_xgrow(ld->drafts, &ld->cap_drafts, n, sizeof *ld->drafts);
    ld->drafts[n - 1] = *d;
}

static void drop_relation(CgRelationRule *r, CgRelDraft *d)
{
    cg_relation_clear(r);
    free(d->predicate);
    free(d->subject_marks);
    free(d->object_marks);
}

void cg_decode_relation(CgLoader *ld, const CgYNode *node)
{
    const CgYNode *v[R_N];
    if (!cg_yfields(ld, node, "a relation", relation_keys, R_N, v)) {
        return;
    }
    char what[128];
    cg_describe(v[R_ID], "relation", what, sizeof what);
    CgRelationRule r = {.file = ld->file, .line = node->line, .col = node->col};
    CgRelDraft d = {0};
    cg_yrequire(ld, node, what, "id, predicate, subject, object and patterns", relation_keys,
                R_REQUIRED, v);
    cg_decode_id(ld, v[R_ID], "relation id", &r.id);
    decode_predicate_ref(ld, v[R_PREDICATE], &d);
    decode_types(ld, v[R_SUBJECT], "subject", &r.subject_types, &r.n_subject_types,
                 &d.subject_marks);
    decode_types(ld, v[R_OBJECT], "object", &r.object_types, &r.n_object_types,
                 &d.object_marks);
    if (v[R_PATTERNS]) {
        decode_patterns(ld, &v[R_PATTERNS], what, &r);
    }
    decode_symmetric(ld, v[R_SYMMETRIC], &d);
    if (v[R_SCOPE]) {
        decode_scope(ld, v[R_SCOPE], &r);
    }
    if (v[R_NEGATED]) {
        decode_negated(ld, v[R_NEGATED], &r);
    }
    if (v[R_NOTE]) {
        cg_ynote(ld, v[R_NOTE]);
    }
    /* Kept even with errors (the load fails anyway) so that validate.c
     * still checks its predicate and types; only a second id is dropped. */
    if (!r.id || check_relation_id(ld, v[R_ID], r.id)) {
        keep_relation(ld, &r, &d);
    } else {
        drop_relation(&r, &d);
    }
}
