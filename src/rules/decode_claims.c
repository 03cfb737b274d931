/* The `claims:` section: what turns an edge into a claim somebody made with
 * some certainty: attribution patterns, certainty and comparator cues,
 * negation cues, and short references.  Several files may each add to it. */
#include "rules_internal.h"

#include "../core/mem.h"

#include <stdlib.h>
#include <string.h>

#define CG_CUE_ERR_MAX 256
#define CG_WINDOW_MAX 10

static const char *const claims_keys[] = {"attribution", "context",    "certainty",
                                          "comparators", "units",      "negation",
                                          "references",  "reference_window", "note"};
enum { C_ATTRIBUTION, C_CONTEXT, C_CERTAINTY, C_COMPARATORS, C_UNITS, C_NEGATION, C_REFERENCES,
       C_WINDOW, C_NOTE, C_N };

static void *grow(void *items, size_t n, size_t size)
{
    return cg_xrealloc(items, (n + 1) * size);
}

/* One cue phrase, parsed like a pattern phrase; NULL after reporting. */
static CgPatNode *decode_cue(CgLoader *ld, const CgYNode *node, const char *what)
{
    if (node && node->kind == CG_Y_BAD) {
        return NULL; /* reported already */
    }
    if (!node || node->kind != CG_Y_SCALAR || !node->text[0]) {
        cg_node_error(ld, node, "%s must be a list of non-empty phrases", what);
        return NULL;
    }
    CgPatNode *cue = NULL;
    unsigned err_col = 1;
    char err[CG_CUE_ERR_MAX];
    if (cg_pattern_parse_phrase(node->text, cg_lists_find, ld, &cue, &err_col, err,
                                sizeof err)) {
        cg_load_error(ld, CG_ERR_RULES, node->line, cg_ycol(node, err_col - 1),
                      "a cue of %s does not parse: %s", what, err);
    }
    return cue;
}

void cg_decode_cues(CgLoader *ld, const CgYNode *node, const char *what, CgPatNode ***cues,
                    size_t *n)
{
    if (node->kind != CG_Y_SEQ) {
        cg_node_error(ld, node, "%s must be a list of phrases, not %s", what,
                      cg_ykind_name(node));
        return;
    }
    for (size_t i = 0; i < node->n_kids; ++i) {
        CgPatNode *cue = decode_cue(ld, node->kids[i], what);
        if (cue) {
            *cues = grow(*cues, *n, sizeof **cues);
            (*cues)[(*n)++] = cue;
        }
    }
}

static const char *const class_keys[] = {"value", "cues", "note"};

/* {value: reported, cues: [reportedly, allegedly]} */
static void decode_class(CgLoader *ld, const CgYNode *node, const char *section,
                         CgCueClass **classes, size_t *n)
{
    const CgYNode *v[3];
    char what[64];
    snprintf(what, sizeof what, "an entry of '%s'", section);
    if (!cg_yfields(ld, node, what, class_keys, 3, v) ||
        !cg_yrequire(ld, node, what, "value and cues", class_keys, 2, v)) {
        return;
    }
    CgCueClass c = {NULL, NULL, 0, node->line, node->col};
    if (cg_ystr(ld, v[0], "value", &c.value)) {
        snprintf(what, sizeof what, "the cues of %s '%s'", section, c.value);
        cg_decode_cues(ld, v[1], what, &c.cues, &c.n_cues);
    }
    *classes = grow(*classes, *n, sizeof **classes);
    (*classes)[(*n)++] = c;
}

static void decode_classes(CgLoader *ld, const CgYNode *node, const char *section,
                           CgCueClass **classes, size_t *n)
{
    if (node->kind != CG_Y_SEQ) {
        cg_node_error(ld, node, "'%s' must be a list of {value: ..., cues: [...]}", section);
        return;
    }
    for (size_t i = 0; i < node->n_kids; ++i) {
        decode_class(ld, node->kids[i], section, classes, n);
    }
}

typedef CgStatus (*CgParseFunc)(const char *, CgPatListFunc, void *, CgPatNode **, unsigned *,
                                char *, size_t);

/* A list of patterns of one kind (attribution or context). */
static void decode_patterns(CgLoader *ld, const CgYNode *node, const char *key,
                            CgParseFunc parse, CgPattern **out, size_t *n_out)
{
    size_t n;
    const CgYNode *const *items = cg_yitems(&node, &n);
    for (size_t i = 0; i < n; ++i) {
        char *src = NULL;
        if (!cg_ystr(ld, items[i], key, &src)) {
            continue;
        }
        CgPatNode *root = NULL;
        unsigned err_col = 1;
        char err[CG_CUE_ERR_MAX];
        if (parse(src, cg_lists_find, ld, &root, &err_col, err, sizeof err)) {
            cg_load_error(ld, CG_ERR_RULES, items[i]->line, cg_ycol(items[i], err_col - 1),
                          "a pattern of '%s' does not parse: %s", key, err);
            free(src);
            continue;
        }
        *out = grow(*out, *n_out, sizeof **out);
        (*out)[(*n_out)++] = (CgPattern){src, root, items[i]->line, items[i]->col};
    }
}

static const char *const reference_keys[] = {"text",    "type",  "pronoun", "possessive",
                                             "subject", "group", "note"};

/* `group: N`: how many entities a group reference stands for. */
static bool decode_group(CgLoader *ld, const CgYNode *node, unsigned *out)
{
    char *end = NULL;
    const long n = node->kind == CG_Y_SCALAR ? strtol(node->text, &end, 10) : -1;
    if (!end || *end || n < 2 || n > CG_GROUP_MAX) {
        cg_node_error(ld, node, "'group' must be a number of entities from 2 to %d "
                                "(\"the two leaders\": 2)", CG_GROUP_MAX);
        return false;
    }
    *out = (unsigned)n;
    return true;
}

static void decode_reference(CgLoader *ld, const CgYNode *node, CgClaimRules *claims)
{
    const CgYNode *v[7];
    if (!cg_yfields(ld, node, "a reference", reference_keys, 7, v) ||
        !cg_yrequire(ld, node, "a reference", "text and type", reference_keys, 2, v)) {
        return;
    }
    CgReference r = {NULL, NULL, false, false, false, 0, ld->file, node->line, node->col};
    if (!cg_ystr(ld, v[0], "text", &r.text) || !cg_ystr(ld, v[1], "type", &r.type) ||
        (v[2] && !cg_ybool(ld, v[2], "pronoun", &r.pronoun)) ||
        (v[3] && !cg_ybool(ld, v[3], "possessive", &r.possessive)) ||
        (v[4] && !cg_ybool(ld, v[4], "subject", &r.subject)) ||
        (v[5] && !decode_group(ld, v[5], &r.group))) {
        free(r.text);
        free(r.type);
        return;
    }
    r.pronoun |= r.possessive || r.subject;
    /* the type's position, for validate.c's message */
    r.line = v[1]->line;
    r.col = v[1]->col;
    claims->references = grow(claims->references, claims->n_references,
                              sizeof *claims->references);
    claims->references[claims->n_references++] = r;
}

static void decode_window(CgLoader *ld, const CgYNode *node, CgClaimRules *claims)
{
    char *end = NULL;
    const long w = node->kind == CG_Y_SCALAR ? strtol(node->text, &end, 10) : -1;
    if (!end || *end || w < 0 || w > CG_WINDOW_MAX) {
        cg_node_error(ld, node, "'reference_window' must be a number of sentences from 0 to %d",
                      CG_WINDOW_MAX);
        return;
    }
    claims->reference_window = (unsigned)w;
}

void cg_decode_claims(CgLoader *ld, const CgYNode *node)
{
    const CgYNode *v[C_N];
    if (!node || node->kind == CG_Y_BAD || cg_ynull(node) ||
        !cg_yfields(ld, node, "'claims'", claims_keys, C_N, v)) {
        return;
    }
    CgClaimRules *c = &ld->rules->claims;
    if (v[C_ATTRIBUTION]) {
        decode_patterns(ld, v[C_ATTRIBUTION], "attribution", cg_pattern_parse_attribution,
                        &c->attribution, &c->n_attribution);
    }
    if (v[C_CONTEXT]) {
        decode_patterns(ld, v[C_CONTEXT], "context", cg_pattern_parse_context, &c->context,
                        &c->n_context);
    }
    if (v[C_CERTAINTY]) {
        decode_classes(ld, v[C_CERTAINTY], "certainty", &c->certainty, &c->n_certainty);
    }
    if (v[C_COMPARATORS]) {
        decode_classes(ld, v[C_COMPARATORS], "comparators", &c->comparators,
                       &c->n_comparators);
    }
    if (v[C_UNITS]) {
        decode_classes(ld, v[C_UNITS], "units", &c->units, &c->n_units);
    }
    if (v[C_NEGATION]) {
        cg_decode_cues(ld, v[C_NEGATION], "'negation'", &c->negation, &c->n_negation);
    }
    for (size_t i = 0; v[C_REFERENCES] && i < v[C_REFERENCES]->n_kids; ++i) {
        decode_reference(ld, v[C_REFERENCES]->kids[i], c);
    }
    if (v[C_WINDOW]) {
        decode_window(ld, v[C_WINDOW], c);
    }
    if (v[C_NOTE]) {
        cg_ynote(ld, v[C_NOTE]);
    }
}

void cg_cues_free(CgPatNode **cues, size_t n)
{
    for (size_t i = 0; i < n; ++i) {
        cg_pattern_free(cues[i]);
    }
    free(cues);
}

static void free_classes(CgCueClass *classes, size_t n)
{
    for (size_t i = 0; i < n; ++i) {
        for (size_t j = 0; j < classes[i].n_cues; ++j) {
            cg_pattern_free(classes[i].cues[j]);
        }
        free(classes[i].cues);
        free(classes[i].value);
    }
    free(classes);
}

void cg_claims_free(CgClaimRules *claims)
{
    for (size_t i = 0; i < claims->n_attribution; ++i) {
        free(claims->attribution[i].source);
        cg_pattern_free(claims->attribution[i].root);
    }
    free(claims->attribution);
    for (size_t i = 0; i < claims->n_context; ++i) {
        free(claims->context[i].source);
        cg_pattern_free(claims->context[i].root);
    }
    free(claims->context);
    free_classes(claims->certainty, claims->n_certainty);
    free_classes(claims->comparators, claims->n_comparators);
    free_classes(claims->units, claims->n_units);
    cg_cues_free(claims->negation, claims->n_negation);
    for (size_t i = 0; i < claims->n_references; ++i) {
        free(claims->references[i].text);
        free(claims->references[i].type);
    }
    free(claims->references);
    memset(claims, 0, sizeof *claims);
}
