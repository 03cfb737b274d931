/* The rule set's storage: growing arrays, file names, accessors, freeing. */
#include "rules_internal.h"

#include "../core/mem.h"

#include <stdlib.h>
#include <string.h>

CgRuleSet *cg_ruleset_new(void)
{
    CgRuleSet *rules = cg_xcalloc(1, sizeof(CgRuleSet));
    rules->claims.reference_window = 2;
    return rules;
}

/* Every entity of a file points at one copy of its path, so the path is
 * stored once however many rules the file holds. */
const char *cg_ruleset_intern_file(CgRuleSet *rules, const char *path)
{
    for (size_t i = 0; i < rules->n_files; ++i) {
        if (!strcmp(rules->files[i], path)) {
            return rules->files[i];
        }
    }
    rules->files = cg_xgrow(rules->files, &rules->cap_files, rules->n_files + 1,
                            sizeof *rules->files);
    rules->files[rules->n_files] = cg_xstrdup(path);
    return rules->files[rules->n_files++];
}

CgEntity *cg_ruleset_add_entity(CgRuleSet *rules)
{
    rules->entities = cg_xgrow(rules->entities, &rules->cap_entities, rules->n_entities + 1,
                               sizeof *rules->entities);
    CgEntity *e = &rules->entities[rules->n_entities++];
    memset(e, 0, sizeof *e);
    return e;
}

CgPredicate *cg_ruleset_add_predicate(CgRuleSet *rules)
{
    rules->predicates = cg_xgrow(rules->predicates, &rules->cap_predicates,
                                 rules->n_predicates + 1, sizeof *rules->predicates);
    CgPredicate *p = &rules->predicates[rules->n_predicates++];
    memset(p, 0, sizeof *p);
    return p;
}

CgRelationRule *cg_ruleset_add_relation(CgRuleSet *rules)
{
    rules->relations = cg_xgrow(rules->relations, &rules->cap_relations,
                                rules->n_relations + 1, sizeof *rules->relations);
    CgRelationRule *r = &rules->relations[rules->n_relations++];
    memset(r, 0, sizeof *r);
    return r;
}

void cg_strv_free(char **v, size_t n)
{
    for (size_t i = 0; i < n; ++i) {
        free(v[i]);
    }
    free(v);
}

void cg_entity_clear(CgEntity *e)
{
    free(e->id);
    free(e->type);
    free(e->label);
    for (size_t i = 0; i < e->n_aliases; ++i) {
        free(e->aliases[i].text);
    }
    free(e->aliases);
    cg_strv_free(e->same_as, e->n_same_as);
    memset(e, 0, sizeof *e);
}

void cg_predicate_clear(CgPredicate *p)
{
    free(p->name);
    free(p->label);
    memset(p, 0, sizeof *p);
}

void cg_relation_clear(CgRelationRule *r)
{
    free(r->id);
    cg_strv_free(r->subject_types, r->n_subject_types);
    cg_strv_free(r->object_types, r->n_object_types);
    for (size_t i = 0; i < r->n_patterns; ++i) {
        free(r->patterns[i].source);
        cg_pattern_free(r->patterns[i].root);
    }
    free(r->patterns);
    memset(r, 0, sizeof *r);
}

void cg_rules_free(CgRuleSet *rules)
{
    if (!rules) {
        return;
    }
    for (size_t i = 0; i < rules->n_entities; ++i) {
        cg_entity_clear(&rules->entities[i]);
    }
    for (size_t i = 0; i < rules->n_predicates; ++i) {
        cg_predicate_clear(&rules->predicates[i]);
    }
    for (size_t i = 0; i < rules->n_relations; ++i) {
        cg_relation_clear(&rules->relations[i]);
    }
    free(rules->entities);
    free(rules->predicates);
    free(rules->relations);
    cg_claims_free(&rules->claims);
    cg_syntax_free(&rules->syntax);
    cg_strv_free(rules->files, rules->n_files);
    free(rules);
}

size_t cg_rules_entity_count(const CgRuleSet *rules)
{
    return rules->n_entities;
}

const CgEntity *cg_rules_entity(const CgRuleSet *rules, size_t i)
{
    return i < rules->n_entities ? &rules->entities[i] : NULL;
}

size_t cg_rules_predicate_count(const CgRuleSet *rules)
{
    return rules->n_predicates;
}

const CgPredicate *cg_rules_predicate(const CgRuleSet *rules, size_t i)
{
    return i < rules->n_predicates ? &rules->predicates[i] : NULL;
}

size_t cg_rules_relation_count(const CgRuleSet *rules)
{
    return rules->n_relations;
}

const CgRelationRule *cg_rules_relation(const CgRuleSet *rules, size_t i)
{
    return i < rules->n_relations ? &rules->relations[i] : NULL;
}

const CgClaimRules *cg_rules_claims(const CgRuleSet *rules)
{
    return &rules->claims;
}

const CgSyntaxRules *cg_rules_syntax(const CgRuleSet *rules)
{
    return &rules->syntax;
}

bool cg_rules_type_in(const char *type, char *const *types, size_t n_types)
{
    for (size_t i = 0; i < n_types; ++i) {
        if (!strcmp(type, types[i])) {
            return true;
        }
    }
    return false;
}
