/* A backtracking matcher with explicit continuations: each element is tried
 * with "the rest of the pattern" passed along, so optional parts, gaps,
 * alternatives and captures backtrack naturally without building an
 * automaton.  A step budget bounds the work on hostile input. */
#include "pattern_run.h"

#include "numbers.h"

#include <stdint.h>
#include <string.h>

typedef enum {
    CG_CONT_SEQ,     /* the elements of `node` (a SEQ) from `idx` on */
    CG_CONT_CAPTURE, /* end of capture `node`, which started at unit `idx` */
    CG_CONT_NUMBER,  /* comparator `idx` matched: the number must follow */
    CG_CONT_ACCEPT,  /* a constraint's probe: any end will do */
    CG_CONT_RECORD,  /* a cue's probe: note where it ends in probe_end */
    CG_CONT_END_AT   /* a constraint's probe: the match must end at unit `idx` */
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
    unsigned depth;    /* run_node calls now on the stack */
    CgRunTrace *trace; /* NULL when nobody asks */
    CgBinding b;
    size_t probe_end;  /* CG_CONT_RECORD's answer */
} CgRun;

static bool run_node(CgRun *r, const CgCNode *n, size_t pos, const CgCont *k);

/* Whether unit `pos` reads as a plain token: one, or a possessive
 * pronoun that is a mention too. */
static bool unit_is_word(const CgRun *r, size_t pos)
{
    return pos < r->view->n_units &&
           (!r->view->units[pos].mention || (r->view->units[pos].flags & CG_UNIT_WORD_TOO));
}

/* The token of unit `pos` when it is a plain token, else NULL. */
static const CgToken *unit_token(const CgRun *r, size_t pos)
{
    if (!unit_is_word(r, pos)) {
        return NULL;
    }
    return &cg_text_tokens(r->view->text)[r->view->units[pos].tok_begin];
}

static inline uint32_t view_word(const CgSentenceView *view, size_t pos)
{
    return pos < view->n_units ? view->units[pos].word : 0;
}

/* The vocabulary id of unit `pos` when it is a plain token, else 0. */
static inline uint32_t unit_word(const CgRun *r, size_t pos)
{
    return pos < r->view->n_units ? r->view->units[pos].word : 0;
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
    if (c->rule && r->b.subject->entity == r->b.object->entity &&
        r->b.subject_unit != r->b.object_unit) {
        return false; /* an entity is never related to itself ({both} pairs
                       * the members of its group) */
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
    if (k->kind == CG_CONT_ACCEPT) {
        return true;
    }
    if (k->kind == CG_CONT_RECORD) {
        r->probe_end = pos;
        return true;
    }

    if (k->kind == CG_CONT_END_AT) {
        return pos == k->idx;
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
            if (r->trace && (!r->trace->wrong_type || pos >= r->trace->wrong_type_at)) {
                r->trace->wrong_type = m;
                r->trace->wrong_type_subject = is_subject;
                r->trace->wrong_type_at = pos;
            }
            return false;
        }
        slot = is_subject ? &r->b.subject : &r->b.object;
        *(is_subject ? &r->b.subject_unit : &r->b.object_unit) = pos;
    }
    *slot = m;
    if (run_cont(r, pos + 1, k)) {
        return true;
    }
    *slot = NULL;
    return false;
}

/* {both}: a group reference ("the two leaders") whose members the rule's
 * subject and object types take; it binds both slots, and extraction pairs
 * its members. */
static bool run_both(CgRun *r, size_t pos, const CgCont *k)
{
    const CgRelationRule *rule = r->ctx->rule;
    if (pos >= r->view->n_units || !r->view->units[pos].mention || !rule ||
        !r->view->units[pos].mention->n_more) {
        return false;
    }
    const CgMention *m = r->view->units[pos].mention;
    const char *type = cg_rules_entity(r->ctx->rules, m->entity)->type;
    if (!cg_rules_type_in(type, rule->subject_types, rule->n_subject_types) ||
        !cg_rules_type_in(type, rule->object_types, rule->n_object_types)) {
        return false;
    }
    r->b.subject = r->b.object = m;
    r->b.subject_unit = r->b.object_unit = pos;
    if (run_cont(r, pos + 1, k)) {
        return true;
    }
    r->b.subject = r->b.object = NULL;
    return false;
}

/* "5bn", "20m", "1.2tn": digits with a scale letter in one token. */
static bool attached_scale(const CgToken *t)
{
    size_t i = 0;
    while (i < t->norm_len && ((t->norm[i] >= '0' && t->norm[i] <= '9') || t->norm[i] == '.')) {
        ++i;
    }
    return i > 0 && i < t->norm_len && t->norm[0] != '.' &&
           cg_number_word(t->norm + i, t->norm_len - i, CG_NUM_ATTACHED, NULL);
}

/* The unit after a cue of unit class `u` at `pos`, or `pos` when none. */
/* Whether a phrase of `cue` may start with the word at `pos`: the test that
 * spares a probe at almost every position (profiled: probing every unit
 * class at every start of a {quantity} pattern was 40% of all steps). */
static bool cue_may_start(const CgRun *r, const CgCPattern *cue, size_t pos)
{
    const CgCNode *root = cue->root;
    if (!root) {
        return false;
    }
    const uint32_t word = unit_word(r, pos);
    return root->firsts ? cg_wordset_has(root->firsts, word) : !root->first || root->first == word;
}

static size_t run_unit_cue(CgRun *r, size_t u, size_t pos)
{
    if (!cue_may_start(r, &r->ctx->units[u], pos)) {
        return pos;
    }
    const CgBinding saved = r->b;
    const CgCont record = {CG_CONT_RECORD, NULL, 0, NULL};
    r->probe_end = pos;
    const bool found = r->ctx->units[u].root && run_node(r, r->ctx->units[u].root, pos, &record);
    r->b = saved;
    return found ? r->probe_end : pos;
}

/* The first unit class with a cue at `pos`, and *end the unit after it;
 * -1 (and *end = pos) when there is none.  Read from the marks of
 * cg_units_mark_numbers when the sentence has them. */
static int unit_cue_here(CgRun *r, size_t pos, size_t *end)
{
    *end = pos;
    if (!unit_word(r, pos)) {
        return -1; /* cues are made of pattern words */
    }
    if (r->view->numbers_marked) {
        if (pos >= r->view->n_units || r->view->units[pos].unit_cue < 0) {
            return -1;
        }
        *end = pos + r->view->units[pos].unit_cue_len;
        return r->view->units[pos].unit_cue;
    }
    for (size_t u = 0; u < r->ctx->n_units; ++u) {
        const size_t after = run_unit_cue(r, u, pos);
        if (after > pos) {
            *end = after;
            return (int)u;
        }
    }
    return -1;
}

/* The number itself, then an optional scale word and percent sign ("12,000",
 * "1.5 million", "$1.2bn", "three", "20 %"); a unit cue right after it
 * ("9 million shells", "95 million euros") names its unit but is left for
 * the pattern to read. */
static bool run_number_at(CgRun *r, size_t pos, int unit, const CgCont *k)
{
    const CgToken *t = unit_token(r, pos);
    if (!t) {
        return false;
    }
    const bool attached = t->kind == CG_TOK_WORD && attached_scale(t);
    if (!attached && t->kind != CG_TOK_NUMBER &&
        !cg_number_word(t->norm, t->norm_len, CG_NUM_UNIT, NULL)) {
        return false;
    }
    size_t end = pos + 1;
    const CgToken *scale = attached ? NULL : unit_token(r, end);
    end += scale && (cg_number_word(scale->norm, scale->norm_len, CG_NUM_SCALE, NULL) ||
                     (scale->begin == t->end &&
                      cg_number_word(scale->norm, scale->norm_len, CG_NUM_ATTACHED, NULL)));
    const CgToken *percent = unit_token(r, end);
    const bool is_percent = percent && !strcmp(percent->norm, "%");
    end += is_percent;
    if (unit < 0 && !is_percent) {
        size_t after;
        unit = unit_cue_here(r, end, &after);
    }
    const CgBinding saved = r->b;
    r->b.num_first = pos;
    r->b.num_last = end - 1 - is_percent;
    r->b.qty_last = end - 1;
    r->b.unit = unit;
    if (run_cont(r, end, k)) {
        return true;
    }
    r->b = saved;
    return false;
}

/* A number, after a unit cue when one comes first ("$", "€"). */
static bool run_number(CgRun *r, size_t pos, const CgCont *k)
{
    size_t after;
    const int unit = unit_cue_here(r, pos, &after);
    if (unit >= 0 && run_number_at(r, after, unit, k)) {
        return true;
    }
    return run_number_at(r, pos, -1, k);
}

/* A unit cue that ends right before `pos` ("$" read by the pattern's own
 * words): its class, and *first its first unit; -1 when there is none. */
static int run_unit_before(CgRun *r, size_t pos, size_t *first)
{
    for (size_t back = 1; back <= 2 && back <= pos; ++back) {
        size_t end;
        const int unit = unit_cue_here(r, pos - back, &end);
        if (unit >= 0 && end == pos) {
            *first = pos - back;
            return unit;
        }
    }
    return -1;
}

/* An optional comparator phrase ("around", "more than"), then a number. */
/* Whether unit `pos` holds a number as {quantity} reads it. */
static bool number_at(const CgRun *r, size_t pos)
{
    const CgToken *t = unit_token(r, pos);
    return t && (t->kind == CG_TOK_NUMBER ||
                 cg_number_word(t->norm, t->norm_len, CG_NUM_UNIT, NULL) ||
                 (t->kind == CG_TOK_WORD && attached_scale(t)));
}

static bool number_like(const CgRun *r, size_t pos)
{
    if (r->view->numbers_marked) {
        return pos < r->view->n_units && (r->view->units[pos].flags & CG_UNIT_NUMBER);
    }
    return number_at(r, pos);
}

/* Whether a quantity may start at `pos`: a number, or a word a comparator
 * or unit cue may start with. */
/* Whether a comparator or unit cue may start at `pos` ("around", "$"). */
static bool quantity_cue_at(const CgRun *r, size_t pos)
{
    const uint32_t word = unit_word(r, pos);
    if (!word) {
        return false; /* comparator and unit cues are made of pattern words */
    }
    if (r->ctx->qty_starts) {
        return cg_wordset_has(r->ctx->qty_starts, word);
    }
    for (size_t c = 0; c < r->ctx->n_comparators; ++c) {
        if (cue_may_start(r, &r->ctx->comparators[c], pos)) {
            return true;
        }
    }
    for (size_t u = 0; u < r->ctx->n_units; ++u) {
        if (cue_may_start(r, &r->ctx->units[u], pos)) {
            return true;
        }
    }
    return false;
}

static bool quantity_may_start(const CgRun *r, size_t pos)
{
    if (r->view->numbers_marked) {
        return pos < r->view->n_units && (r->view->units[pos].flags & CG_UNIT_QTY_START);
    }
    return number_at(r, pos) || quantity_cue_at(r, pos);
}

void cg_units_mark_numbers(const CgRunContext *ctx, CgSentenceView *view, CgUnit *units)
{
    CgRun r = {.ctx = ctx, .view = view};
    view->numbers_marked = false;
    size_t last_number = SIZE_MAX;
    for (size_t u = 0; u < view->n_units; ++u) {
        units[u].flags &= ~(unsigned)(CG_UNIT_NUMBER | CG_UNIT_QTY_START);
        const bool number = number_at(&r, u);
        units[u].flags |= number ? CG_UNIT_NUMBER | CG_UNIT_QTY_START : 0;
        units[u].flags |= !number && quantity_cue_at(&r, u) ? CG_UNIT_QTY_START : 0;
        units[u].unit_cue = -1;
        units[u].unit_cue_len = 0;
        last_number = number ? u : last_number;
    }
    /* Unit cues are read next to a number only: two units before it
     * ("US $"), up to three after it ("million", "%", then "shells"). */
    for (size_t u = 0; u < view->n_units && last_number != SIZE_MAX; ++u) {
        bool near = false;
        for (size_t d = 1; d <= 3 && !near; ++d) {
            near = (u + d < view->n_units && d <= 2 && (units[u + d].flags & CG_UNIT_NUMBER)) ||
                   (u >= d && (units[u - d].flags & CG_UNIT_NUMBER));
        }
        if (near) {
            size_t end;
            units[u].unit_cue = (signed char)unit_cue_here(&r, u, &end);
            units[u].unit_cue_len = (unsigned char)(end - u > 255 ? 255 : end - u);
        }
    }
    view->numbers_marked = true;
}

static bool run_quantity(CgRun *r, size_t pos, const CgCont *k)
{
    if (!quantity_may_start(r, pos)) {
        return false;
    }
    const size_t saved_first = r->b.qty_first;
    r->b.qty_first = pos;
    size_t before = pos;
    const int unit = number_like(r, pos) ? run_unit_before(r, pos, &before) : -1;
    if (unit >= 0) {
        r->b.qty_first = before;
        r->b.comparator = -1;
        if (run_number_at(r, pos, unit, k)) {
            return true;
        }
        r->b.qty_first = pos;
    }
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

/* 's after a mention that took its possessive in ("Russia's") is there
 * already: it matches, consuming nothing. */
static bool run_word(CgRun *r, const CgCNode *n, size_t pos, const CgCont *k)
{
    const uint32_t id = unit_word(r, pos);
    if (id && id == n->word && run_cont(r, pos + 1, k)) {
        return true;
    }
    return n->possessive && pos > 0 && pos <= r->view->n_units &&
           (r->view->units[pos - 1].flags & CG_UNIT_POSSESSIVE) && run_cont(r, pos, k);
}

/* A gap may take unit `u`: any unit when it says so (...N+); a name or a
 * plain token that is no clause break for ...N~; else only such a token. */
static bool gap_takes(const CgRun *r, const CgCNode *n, size_t u)
{
    const CgUnit *unit = &r->view->units[u];
    return n->gap_any || ((n->gap_names || unit_is_word(r, u)) &&
                          !(unit->flags & CG_UNIT_CLAUSE_BREAK));
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

/* Shortest gap first: the closest reading of a sentence is the likeliest;
 * a greedy gap (...N>) tries the longest first. */
static bool run_gap(CgRun *r, const CgCNode *n, size_t pos, const CgCont *k)
{
    size_t most = 0;
    while (most < n->gap_max && pos + most < r->view->n_units && gap_takes(r, n, pos + most)) {
        ++most;
    }
    for (size_t i = 0; i <= most; ++i) {
        if (run_cont(r, pos + (n->greedy ? most - i : i), k)) {
            return true;
        }
    }
    return false;
}

/* Whether the constraint's kid matches from `start` (ending at `end`, or
 * anywhere when `end` is SIZE_MAX).  Bindings are kept as they were. */
static bool run_probe(CgRun *r, const CgCNode *x, size_t start, size_t end)
{
    const CgBinding saved = r->b;
    const CgCont probe = {end == SIZE_MAX ? CG_CONT_ACCEPT : CG_CONT_END_AT, NULL, end, NULL};
    const bool found = run_node(r, x, start, &probe);
    r->b = saved;
    return found;
}

/* !X: X does not match here; <!X: no match of X ends right before here. */
static bool run_not(CgRun *r, const CgCNode *n, size_t pos, const CgCont *k)
{
    bool found = false;
    if (n->kind == CG_PAT_NOT) {
        found = run_probe(r, n->kids[0], pos, SIZE_MAX);
    } else {
        for (size_t back = 1; !found && back <= n->span_max && back <= pos; ++back) {
            found = run_probe(r, n->kids[0], pos - back, pos);
        }
    }
    if (found) {
        if (r->trace && (!r->trace->blocked_by || pos >= r->trace->blocked_at)) {
            r->trace->blocked_by = n;
            r->trace->blocked_at = pos;
        }
        return false;
    }
    return run_cont(r, pos, k);
}

static bool run_any_mention(CgRun *r, size_t pos, const CgCont *k)
{
    return pos < r->view->n_units && r->view->units[pos].mention && run_cont(r, pos + 1, k);
}

static inline __attribute__((always_inline)) bool run_required(CgRun *r, const CgCNode *n,
                                                               size_t pos, const CgCont *k)
{
    if (!cg_cnode_may_start(n, unit_word(r, pos))) {
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
    case CG_PAT_BOTH: return run_both(r, pos, k);
    case CG_PAT_QUANTITY: return run_quantity(r, pos, k);
    case CG_PAT_GAP: return run_gap(r, n, pos, k);
    case CG_PAT_MENTION: return run_any_mention(r, pos, k);
    case CG_PAT_NOT:
    case CG_PAT_NOT_BEFORE: return run_not(r, n, pos, k);
    }
    return false;
}

/* run_required is inlined here by force: the compiler's choice not to
 * (it grew with the constraints) cost 10% of the pattern engine's time. */
static bool run_node(CgRun *r, const CgCNode *n, size_t pos, const CgCont *k)
{
    if (++r->steps > CG_PATTERN_STEP_LIMIT) {
        return false;
    }
    if (r->depth >= CG_PATTERN_DEPTH_LIMIT) {
        r->steps = CG_PATTERN_STEP_LIMIT + 1; /* reported like a run out of steps */
        return false;
    }
    ++r->depth;
    const bool found = run_required(r, n, pos, k) || (n->optional && run_cont(r, pos, k));
    --r->depth;
    return found;
}

bool cg_pattern_match_at(const CgRunContext *ctx, const CgCNode *root,
                         const CgSentenceView *view, size_t start, CgBinding *out,
                         CgRunTrace *trace)
{
    /* Most calls fail on their first word: tell them apart before a run is
     * set up (profiled: the setup of those runs was 2% of a build). */
    if (!root->optional && !cg_cnode_may_start(root, view_word(view, start))) {
        return false;
    }
    /* Each field set, not the whole run zeroed: the capture slots past
     * n_captures are never read (zeroing them cost 2% of a build). */
    CgRun r;
    r.ctx = ctx;
    r.view = view;
    r.root = root;
    r.steps = 0;
    r.depth = 0;
    r.trace = trace && !trace->budget_only ? trace : NULL;
    r.probe_end = 0;
    r.b.subject = r.b.object = r.b.claimer = NULL;
    r.b.subject_unit = r.b.object_unit = 0;
    r.b.qty_first = 1;
    r.b.qty_last = r.b.num_first = r.b.num_last = 0;
    r.b.comparator = -1;
    r.b.unit = -1;
    r.b.n_captures = 0;
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
