/* The `syntax:` section: the phrase lists from which extract/ sees clause
 * breaks and lists of names.  Several files may each add to it. */
#include "rules_internal.h"

#include <string.h>

static const char *const syntax_keys[] = {"clause_breaks", "coordinators",   "determiners",
                                          "verbs",         "reporting_verbs", "name_modifiers",
                                          "prepositions",  "note"};
enum { S_BREAKS, S_COORD, S_DET, S_VERBS, S_REPORTING, S_MODS, S_PREPS, S_NOTE, S_N };

void cg_decode_syntax(CgLoader *ld, const CgYNode *node)
{
    const CgYNode *v[S_N];
    if (!node || node->kind == CG_Y_BAD || cg_ynull(node) ||
        !cg_yfields(ld, node, "'syntax'", syntax_keys, S_N, v)) {
        return;
    }
    CgSyntaxRules *s = &ld->rules->syntax;
    if (v[S_BREAKS]) {
        cg_decode_cues(ld, v[S_BREAKS], "'clause_breaks'", &s->clause_breaks,
                       &s->n_clause_breaks);
    }
    if (v[S_COORD]) {
        cg_decode_cues(ld, v[S_COORD], "'coordinators'", &s->coordinators, &s->n_coordinators);
    }
    if (v[S_DET]) {
        cg_decode_cues(ld, v[S_DET], "'determiners'", &s->determiners, &s->n_determiners);
    }
    if (v[S_VERBS]) {
        cg_decode_cues(ld, v[S_VERBS], "'verbs'", &s->verbs, &s->n_verbs);
    }
    if (v[S_REPORTING]) {
        cg_decode_cues(ld, v[S_REPORTING], "'reporting_verbs'", &s->reporting_verbs,
                       &s->n_reporting_verbs);
    }
    if (v[S_MODS]) {
        cg_decode_cues(ld, v[S_MODS], "'name_modifiers'", &s->name_modifiers,
                       &s->n_name_modifiers);
    }
    if (v[S_PREPS]) {
        cg_decode_cues(ld, v[S_PREPS], "'prepositions'", &s->prepositions, &s->n_prepositions);
    }
    if (v[S_NOTE]) {
        cg_ynote(ld, v[S_NOTE]);
    }
}

void cg_syntax_free(CgSyntaxRules *syntax)
{
    cg_cues_free(syntax->clause_breaks, syntax->n_clause_breaks);
    cg_cues_free(syntax->coordinators, syntax->n_coordinators);
    cg_cues_free(syntax->determiners, syntax->n_determiners);
    cg_cues_free(syntax->verbs, syntax->n_verbs);
    cg_cues_free(syntax->reporting_verbs, syntax->n_reporting_verbs);
    cg_cues_free(syntax->name_modifiers, syntax->n_name_modifiers);
    cg_cues_free(syntax->prepositions, syntax->n_prepositions);
    memset(syntax, 0, sizeof *syntax);
}
