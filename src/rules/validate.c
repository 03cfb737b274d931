/* Checks that need every rule file: each relation's predicate and entity
 * types must be defined somewhere in the set, and no text may be a full
 * alias of two entities (the matcher could not tell which one is meant). */
#include "rules_internal.h"

#include "../core/mem.h"
#include "../core/normalize.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    uint32_t entity, alias;
} CgAliasRef;

static void resolve_predicate(CgLoader *ld, CgRelationRule *r, const CgRelDraft *d,
                              const char *what)
{
    if (!d->predicate) {
        return; /* missing or malformed: reported already */
    }
    const CgName *p = cg_names_find(&ld->predicates, d->predicate);
    if (p && p->index == CG_NO_INDEX) {
        return; /* defined, but with errors already reported */
    }
    if (p) {
        r->predicate = p->index;
        r->symmetric = d->symmetric < 0 ? ld->rules->predicates[p->index].symmetric
                                        : d->symmetric == 1;
        return;
    }
    const char *near = cg_names_nearest(&ld->predicates, d->predicate);
    const CgMark m = d->predicate_mark;
    if (near) {
        cg_load_error(ld, CG_ERR_RULES, m.line, m.col,
                      "%s uses predicate '%s', which no 'predicates:' entry "
                      "defines (did you mean '%s'?)",
                      what, d->predicate, near);
    } else {
        cg_load_error(ld, CG_ERR_RULES, m.line, m.col,
                      "%s uses predicate '%s', which no 'predicates:' entry "
                      "defines: add {name: %s} under 'predicates:'",
                      what, d->predicate, d->predicate);
    }
}

static void check_types(CgLoader *ld, const char *what, const char *end,
                        char *const *types, size_t n, const CgMark *marks)
{
    for (size_t i = 0; i < n; ++i) {
        if (cg_names_find(&ld->types, types[i])) {
            continue;
        }
        const char *near = cg_names_nearest(&ld->types, types[i]);
        if (near) {
            cg_load_error(ld, CG_ERR_RULES, marks[i].line, marks[i].col,
                          "%s allows %s type '%s', which no entity has "
                          "(did you mean '%s'?)",
                          what, end, types[i], near);
        } else {
            cg_load_error(ld, CG_ERR_RULES, marks[i].line, marks[i].col,
                          "%s allows %s type '%s', which no entity has: "
                          "give an entity this type, or remove it from '%s'",
                          what, end, types[i], end);
        }
    }
}

static void check_relations(CgLoader *ld)
{
    for (size_t i = 0; i < ld->rules->n_relations; ++i) {
        CgRelationRule *r = &ld->rules->relations[i];
        const CgRelDraft *d = &ld->drafts[i];
        char what[128] = "this relation";
        if (r->id) {
            snprintf(what, sizeof what, "relation '%.80s'", r->id);
        }
        ld->file = r->file;
        resolve_predicate(ld, r, d, what);
        check_types(ld, what, "subject", r->subject_types, r->n_subject_types, d->subject_marks);
        check_types(ld, what, "object", r->object_types, r->n_object_types, d->object_marks);
    }
}

/* Two aliases collide when a reader would take them for the same words:
 * normalised, hyphens read as spaces, runs of spaces as one. */
static char *alias_key(const char *text, size_t *len)
{
    char *key = cg_normalize(text, strlen(text), NULL);
    size_t o = 0;
    bool gap = false;
    for (const char *p = key; *p; ++p) {
        if (*p == '-' || isspace((unsigned char)*p)) {
            gap = o > 0;
        } else {
            if (gap) {
                key[o++] = ' ';
            }
            gap = false;
            key[o++] = *p;
        }
    }
    key[o] = '\0';
    *len = o;
    return key;
}

/* Alias 0 is the label, unless the entity failed to give one (the load
 * fails then anyway, but the message should not misname the alias). */
static bool is_label(const CgEntity *e, uint32_t alias)
{
    return alias == 0 && e->label;
}

static void report_collision(CgLoader *ld, CgAliasRef first, CgAliasRef second)
{
    const CgEntity *e1 = &ld->rules->entities[first.entity];
    const CgEntity *e2 = &ld->rules->entities[second.entity];
    const CgAlias *a2 = &e2->aliases[second.alias];
    ld->file = e2->file;
    CgBuf where = CG_BUF_INIT;
    cg_place(ld, e1->file, e1->aliases[first.alias].line, &where);
    cg_load_error(ld, CG_ERR_RULES, a2->line, a2->col,
                  "%s '%s' of entity '%s' is also %s of entity '%s' (%s): a full alias may "
                  "name only one entity; remove one, or mark both 'short: true' if this is "
                  "a short form such as a surname",
                  is_label(e2, second.alias) ? "label" : "alias", a2->text, e2->id,
                  is_label(e1, first.alias) ? "the label" : "an alias", e1->id,
                  cg_buf_str(&where));
    cg_buf_free(&where);
}

typedef struct {
    CgStrMap *seen; /* alias key -> position in refs */
    CgAliasRef *refs;
    size_t n, cap;
} CgAliasIndex;

static void index_alias(CgLoader *ld, CgAliasIndex *ix, CgAliasRef ref)
{
    size_t len;
    char *key = alias_key(ld->rules->entities[ref.entity].aliases[ref.alias].text, &len);
    uint32_t at;
    if (!cg_strmap_get(ix->seen, key, len, &at)) {
        ix->refs = cg_xgrow(ix->refs, &ix->cap, ix->n + 1, sizeof *ix->refs);
        ix->refs[ix->n] = ref;
        cg_strmap_put(ix->seen, key, len, (uint32_t)ix->n++);
    } else if (ix->refs[at].entity != ref.entity) {
        report_collision(ld, ix->refs[at], ref);
    }
    free(key);
}

static void check_aliases(CgLoader *ld)
{
    CgAliasIndex ix = {cg_strmap_new(), NULL, 0, 0};
    for (size_t e = 0; e < ld->rules->n_entities; ++e) {
        const CgEntity *ent = &ld->rules->entities[e];
        for (size_t a = 0; a < ent->n_aliases; ++a) {
            if (!ent->aliases[a].short_form) {
                index_alias(ld, &ix, (CgAliasRef){(uint32_t)e, (uint32_t)a});
            }
        }
    }
    cg_strmap_free(ix.seen);
    free(ix.refs);
}

static void check_references(CgLoader *ld)
{
    const CgClaimRules *c = &ld->rules->claims;
    for (size_t i = 0; i < c->n_references; ++i) {
        const CgReference *r = &c->references[i];
        char what[96];
        snprintf(what, sizeof what, "reference '%.60s'", r->text);
        const CgMark mark = {r->line, r->col};
        ld->file = r->file;
        check_types(ld, what, "its", &r->type, 1, &mark);
    }
}

void cg_validate(CgLoader *ld)
{
    check_relations(ld);
    check_aliases(ld);
    check_references(ld);
}
