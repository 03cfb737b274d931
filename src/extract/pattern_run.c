/* A backtracking matcher with explicit continuations: each element is tried
 * with "the rest of the pattern" passed along, so optional parts, gaps,
 * alternatives and captures backtrack naturally without building an
 * automaton.  A step budget bounds the work on hostile input. */
#include "pattern_run.h"

#include "numbers.h"

#include <string.h>

typedef enum {
    CG_CONT_SEQ,     /* the elements of `node` (a SEQ) from `idx` on */
    CG_CONT_CAPTURE, /* end of capture `node`, which started at unit `idx` */
    CG_CONT_NUMBER   /* comparator `idx` matched: the number must follow */
} CgContKind;

/* The rest of the pattern: this frame, then `next`. */
typedef struct CgCont {
    CgContKind kind;
    const CgCNode *node;
    size_t idx;
    const struct CgCont *next;
} CgCont;

typedef struct {
    const CgRunContext *ctx;
    const CgSentenceView *view;
    const CgCNode *root;
    unsigned steps;
    CgRunTrace *trace; /* NULL when nobody asks */
    CgBinding b;
} CgRun;

static bool run_node(CgRun *r, const CgCNode *n, size_t pos, const CgCont *k);

/* The token of unit `pos` when it is a plain token, else NULL. */
static const CgToken *unit_token(const CgRun *r, size_t pos)
{
    if (pos >= r->view->n_units || r->view->units[pos].mention) {
        return NULL;
    }
    return &cg_text_tokens(r->view->text)[r->view->units[pos].tok_begin];
}

/* The vocabulary id of unit `pos` when it is a plain token, else 0. */
static uint32_t unit_word(const CgRun *r, size_t pos)
{
    if (pos >= r->view->n_units || r->view->units[pos].mention) {
        return 0;
    }
    return r->view->word_ids[r->view->units[pos].tok_begin];
}

static bool run_has_claimer_capture(const CgBinding *b)
{
    for (size_t i = 0; i < b->n_captures; ++i) {
        if (!strcmp(b->captures[i].name, "claimer")) {
            return true;
        }
    }
    return false;
}

static bool run_finish(CgRun *r, size_t pos)
{
    const CgRunContext *c = r->ctx;
    if (c->rule && r->b.subject->entity == r->b.object->entity) {
        return false; /* an entity is never related to itself */
    }
    if (c->attribution && !r->b.claimer && !run_has_claimer_capture(&r->b)) {
        return false; /* [claimer: ...] matched nothing */
    }
    r->b.last = pos ? pos - 1 : 0;
    return true;
}

static bool run_number(CgRun *r, size_t pos, const CgCont *k);

static bool run_cont(CgRun *r, size_t pos, const CgCont *k)
{
    if (!k) {
        return run_finish(r, pos);
    }
    if (k->kind == CG_CONT_NUMBER) {
        r->b.comparator = (int)k->idx;
        return run_number(r, pos, k->next);
    }
    if (k->kind == CG_CONT_CAPTURE) {
        if (r->b.n_captures == CG_MAX_CAPTURES || pos == k->idx) {
            return run_cont(r, pos, k->next); /* full, or captured nothing */
        }
        r->b.captures[r->b.n_captures++] = (CgCapture){k->node->text, k->idx, pos - 1};
        if (run_cont(r, pos, k->next)) {
            return true;
        }
        --r->b.n_captures;
        return false;
    }
    if (r->trace && k->node == r->root && k->idx >= r->trace->matched) {
        r->trace->matched = k->idx;
        r->trace->at_unit = pos;
    }
    if (k->idx == k->node->n_kids) {
        return run_cont(r, pos, k->next);
    }
    const CgCont rest = {CG_CONT_SEQ, k->node, k->idx + 1, k->next};
    return run_node(r, k->node->kids[k->idx], pos, &rest);
}

static bool run_slot(CgRun *r, const CgCNode *n, size_t pos, const CgCont *k)
{
    if (pos >= r->view->n_units || !r->view->units[pos].mention) {
        return false;
    }
    const CgMention *m = r->view->units[pos].mention;
    const CgMention **slot = &r->b.claimer;
    if (n->kind != CG_PAT_CLAIMER) {
        const CgRelationRule *rule = r->ctx->rule;
        if (!rule) {
            return false;
        }
        const char *type = cg_rules_entity(r->ctx->rules, m->entity)->type;
        const bool is_subject = n->kind == CG_PAT_SUBJECT;
        char *const *types = is_subject ? rule->subject_types : rule->object_types;
        const size_t n_types = is_subject ? rule->n_subject_types : rule->n_object_types;
        if (!cg_rules_type_in(type, types, n_types)) {
            return false;
        }
        slot = is_subject ? &r->b.subject : &r->b.object;
    }
    *slot = m;
    if (run_cont(r, pos + 1, k)) {
        return true;
    }
    *slot = NULL;
    return false;
}

/* A number, then an optional scale word and percent sign ("12,000",
 * "1.5 million", "three", "20 %"); the longest reading first. */
static bool run_number(CgRun *r, size_t pos, const CgCont *k)
{
    const CgToken *t = unit_token(r, pos);
    if (!t || !(t->kind == CG_TOK_NUMBER || cg_number_word(t->norm, t->norm_len, CG_NUM_UNIT, NULL))) {
        return false;
    }
    size_t end = pos + 1;
    const CgToken *scale = unit_token(r, end);
    end += scale && cg_number_word(scale->norm, scale->norm_len, CG_NUM_SCALE, NULL);
    const CgToken *percent = unit_token(r, end);
    end += percent && !strcmp(percent->norm, "%");
    const CgBinding saved = r->b;
    r->b.num_first = pos;
    r->b.num_last = end - 1 - (percent && !strcmp(percent->norm, "%"));
    r->b.qty_last = end - 1;
    if (run_cont(r, end, k)) {
        return true;
    }
    r->b = saved;
    return false;
}

/* An optional comparator phrase ("around", "more than"), then a number. */
static bool run_quantity(CgRun *r, size_t pos, const CgCont *k)
{
    const size_t saved_first = r->b.qty_first;
    r->b.qty_first = pos;
    for (size_t c = 0; c < r->ctx->n_comparators; ++c) {
        const CgCont then_number = {CG_CONT_NUMBER, NULL, c, k};
        if (run_node(r, r->ctx->comparators[c].root, pos, &then_number)) {
            return true;
        }
    }
    r->b.comparator = -1;
    if (run_number(r, pos, k)) {
        return true;
    }
    r->b.qty_first = saved_first;
    return false;
}

static bool run_word(CgRun *r, const CgCNode *n, size_t pos, const CgCont *k)
{
    const uint32_t id = unit_word(r, pos);
    return id && id == n->word && run_cont(r, pos + 1, k);
}

/* The first entry of `n->by_word` for `word`, or n->n_by_word. */
static size_t alt_first_for(const CgCNode *n, uint32_t word)
{
    size_t lo = 0, hi = n->n_by_word;
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        if (n->by_word[mid].word < word) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

/* Longer alternatives first, in rule order (only those that may start with
 * the word at hand), then the single words in one set test. */
static bool run_alt(CgRun *r, const CgCNode *n, size_t pos, const CgCont *k)
{
    const uint32_t word = unit_word(r, pos);
    size_t w = word ? alt_first_for(n, word) : n->n_by_word;
    size_t a = 0;
    for (;;) {
        const bool more_w = w < n->n_by_word && n->by_word[w].word == word;
        const bool more_a = a < n->n_any_word;
        if (!more_w && !more_a) {
            break;
        }
        uint32_t kid;
        if (more_w && (!more_a || n->by_word[w].kid < n->any_word[a])) {
            kid = n->by_word[w++].kid;
        } else {
            kid = n->any_word[a++];
        }
        if (run_node(r, n->kids[kid], pos, k)) {
            return true;
        }
    }
    return cg_wordset_has(&n->set, word) && run_cont(r, pos + 1, k);
}

/* Shortest gap first: the closest reading of a sentence is the likeliest. */
static bool run_gap(CgRun *r, const CgCNode *n, size_t pos, const CgCont *k)
{
    for (size_t g = 0; g <= n->gap_max && pos + g <= r->view->n_units; ++g) {
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
        const CgCont c = {CG_CONT_SEQ, n, 0, k};
        return run_cont(r, pos, &c);
    }
    case CG_PAT_CAPTURE: {
        const CgCont end = {CG_CONT_CAPTURE, n, pos, k};
        return run_node(r, n->kids[0], pos, &end);
    }
    case CG_PAT_ALT: return run_alt(r, n, pos, k);
    case CG_PAT_WORD: return run_word(r, n, pos, k);
    case CG_PAT_PREFIX:
    case CG_PAT_SUFFIX: return run_cont(r, pos + 1, k); /* `firsts` held the affix test */
    case CG_PAT_SUBJECT:
    case CG_PAT_OBJECT:
    case CG_PAT_CLAIMER: return run_slot(r, n, pos, k);
    case CG_PAT_QUANTITY: return run_quantity(r, pos, k);
    case CG_PAT_GAP: return run_gap(r, n, pos, k);
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

bool cg_pattern_match_at(const CgRunContext *ctx, const CgCNode *root,
                         const CgSentenceView *view, size_t start, CgBinding *out,
                         CgRunTrace *trace)
{
    CgRun r = {ctx, view, root, 0, trace, {0}};
    r.b.qty_first = 1;
    r.b.comparator = -1;
    r.b.first = r.b.last = start;
    const bool ok = run_node(&r, root, start, NULL);
    if (trace && r.steps > CG_PATTERN_STEP_LIMIT) {
        trace->steps_exceeded = true;
    }
    if (ok) {
        *out = r.b;
    }
    return ok;
}
