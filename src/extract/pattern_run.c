/* A backtracking matcher with explicit continuations: each element is tried
 * with "the rest of the pattern" passed along, so optional parts, gaps and
 * alternatives backtrack naturally without building an automaton.  A step
 * budget bounds the work on hostile input. */
#include "pattern_run.h"

#include <string.h>

/* The rest of the pattern: the elements of `seq` from `idx` on, then `next`. */
typedef struct CgCont {
    const CgCNode *seq;
    size_t idx;
    const struct CgCont *next;
} CgCont;

typedef struct {
    const CgRuleSet *rules;
    const CgRelationRule *rule;
    const CgText *text;
    const uint32_t *word_ids;
    const CgUnit *units;
    size_t n_units;
    unsigned steps;
    CgBinding b;
} CgRun;

static const char *const cg_number_words[] = {
    "a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty",
    "seventy", "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands",
    "dozen", "dozens", "several", "tens", NULL};

static const char *const cg_scale_words[] = {
    "hundred", "thousand", "million", "billion", "hundreds", "thousands", "millions", NULL};

static bool run_node(CgRun *r, const CgCNode *n, size_t pos, const CgCont *k);

static bool word_in(const char *w, const char *const *list)
{
    for (; *list; ++list) {
        if (!strcmp(w, *list)) {
            return true;
        }
    }
    return false;
}

/* The token of unit `pos` when it is a plain token, else NULL. */
static const CgToken *unit_token(const CgRun *r, size_t pos)
{
    if (pos >= r->n_units || r->units[pos].mention) {
        return NULL;
    }
    return &cg_text_tokens(r->text)[r->units[pos].tok_begin];
}

/* The vocabulary id of unit `pos` when it is a plain token, else 0. */
static uint32_t unit_word(const CgRun *r, size_t pos)
{
    if (pos >= r->n_units || r->units[pos].mention) {
        return 0;
    }
    return r->word_ids[r->units[pos].tok_begin];
}

static bool run_cont(CgRun *r, size_t pos, const CgCont *k)
{
    if (!k) {
        if (r->b.subject->entity == r->b.object->entity) {
            return false; /* an entity is never related to itself */
        }
        r->b.last = pos - 1;
        return true;
    }
    if (k->idx == k->seq->n_kids) {
        return run_cont(r, pos, k->next);
    }
    const CgCont rest = {k->seq, k->idx + 1, k->next};
    return run_node(r, k->seq->kids[k->idx], pos, &rest);
}

static bool run_slot(CgRun *r, const CgCNode *n, size_t pos, const CgCont *k)
{
    if (pos >= r->n_units || !r->units[pos].mention) {
        return false;
    }
    const CgMention *m = r->units[pos].mention;
    const char *type = cg_rules_entity(r->rules, m->entity)->type;
    const bool is_subject = n->kind == CG_PAT_SUBJECT;
    char *const *types = is_subject ? r->rule->subject_types : r->rule->object_types;
    const size_t n_types = is_subject ? r->rule->n_subject_types : r->rule->n_object_types;
    if (!cg_rules_type_in(type, types, n_types)) {
        return false;
    }
    const CgMention **slot = is_subject ? &r->b.subject : &r->b.object;
    *slot = m;
    if (run_cont(r, pos + 1, k)) {
        return true;
    }
    *slot = NULL;
    return false;
}

/* A number, then an optional scale word ("12,000", "1.5 million", "three"). */
static bool run_quantity(CgRun *r, size_t pos, const CgCont *k)
{
    const CgToken *t = unit_token(r, pos);
    if (!t || !(t->kind == CG_TOK_NUMBER || word_in(t->norm, cg_number_words))) {
        return false;
    }
    const CgToken *scale = unit_token(r, pos + 1);
    const size_t before_first = r->b.qty_first, before_last = r->b.qty_last;
    r->b.qty_first = pos;
    if (scale && word_in(scale->norm, cg_scale_words)) {
        r->b.qty_last = pos + 1;
        if (run_cont(r, pos + 2, k)) {
            return true;
        }
    }
    r->b.qty_last = pos;
    if (run_cont(r, pos + 1, k)) {
        return true;
    }
    r->b.qty_first = before_first;
    r->b.qty_last = before_last;
    return false;
}

static bool run_word(CgRun *r, const CgCNode *n, size_t pos, const CgCont *k)
{
    const uint32_t id = unit_word(r, pos);
    return id && id == n->word && run_cont(r, pos + 1, k);
}

static bool run_prefix(CgRun *r, const CgCNode *n, size_t pos, const CgCont *k)
{
    const CgToken *t = unit_token(r, pos);
    return t && !strncmp(t->norm, n->prefix, strlen(n->prefix)) && run_cont(r, pos + 1, k);
}

/* Longer alternatives first, then the single words in one set test. */
static bool run_alt(CgRun *r, const CgCNode *n, size_t pos, const CgCont *k)
{
    for (size_t i = 0; i < n->n_kids; ++i) {
        if (run_node(r, n->kids[i], pos, k)) {
            return true;
        }
    }
    return cg_wordset_has(&n->set, unit_word(r, pos)) && run_cont(r, pos + 1, k);
}

/* Shortest gap first: the closest reading of a sentence is the likeliest. */
static bool run_gap(CgRun *r, const CgCNode *n, size_t pos, const CgCont *k)
{
    for (size_t g = 0; g <= n->gap_max && pos + g <= r->n_units; ++g) {
        if (run_cont(r, pos + g, k)) {
            return true;
        }
    }
    return false;
}

static bool run_required(CgRun *r, const CgCNode *n, size_t pos, const CgCont *k)
{
    if ((n->first && n->first != unit_word(r, pos)) ||
        (n->firsts && !cg_wordset_has(n->firsts, unit_word(r, pos)))) {
        return false;
    }
    switch (n->kind) {
    case CG_PAT_SEQ: {
        const CgCont c = {n, 0, k};
        return run_cont(r, pos, &c);
    }
    case CG_PAT_ALT:
        return run_alt(r, n, pos, k);
    case CG_PAT_WORD:
        return run_word(r, n, pos, k);
    case CG_PAT_PREFIX:
        return run_prefix(r, n, pos, k);
    case CG_PAT_SUBJECT:
    case CG_PAT_OBJECT:
        return run_slot(r, n, pos, k);
    case CG_PAT_QUANTITY:
        return run_quantity(r, pos, k);
    case CG_PAT_GAP:
        return run_gap(r, n, pos, k);
    }
    return false;
}

static bool run_node(CgRun *r, const CgCNode *n, size_t pos, const CgCont *k)
{
    if (++r->steps > CG_PATTERN_STEP_LIMIT) {
        return false;
    }
    if (run_required(r, n, pos, k)) {
        return true;
    }
    return n->optional && run_cont(r, pos, k);
}

bool cg_pattern_match_at(const CgRuleSet *rules, const CgRelationRule *rule,
                         const CgCNode *root, const CgSentenceView *view, size_t start,
                         CgBinding *out)
{
    CgRun r = {rules, rule, view->text, view->word_ids, view->units, view->n_units, 0,
               {NULL, NULL, 1, 0, start, start}};
    if (!run_node(&r, root, start, NULL)) {
        return false;
    }
    *out = r.b;
    return true;
}
