#include "extract.h"

#include "../core/mem.h"
#include "compile.h"
#include "pattern_run.h"
#include "units.h"

#include <stdlib.h>
#include <string.h>

struct CgExtractor {
    const CgRuleSet *rules;
    CgVocab vocab;
    CgCPattern **patterns; /* per relation rule, one per pattern */
};

CgExtractor *cg_extractor_new(const CgRuleSet *rules)
{
    CgExtractor *x = cg_xcalloc(1, sizeof *x);
    const size_t n = cg_rules_relation_count(rules);
    x->rules = rules;
    cg_vocab_init(&x->vocab);
    for (size_t r = 0; r < n; ++r) {
        const CgRelationRule *rule = cg_rules_relation(rules, r);
        for (size_t p = 0; p < rule->n_patterns; ++p) {
            cg_vocab_add_pattern(&x->vocab, rule->patterns[p].root);
        }
    }
    x->patterns = cg_xcalloc(n, sizeof *x->patterns);
    for (size_t r = 0; r < n; ++r) {
        const CgRelationRule *rule = cg_rules_relation(rules, r);
        x->patterns[r] = cg_xcalloc(rule->n_patterns, sizeof **x->patterns);
        for (size_t p = 0; p < rule->n_patterns; ++p) {
            cg_cpattern_init(&x->patterns[r][p], rule->patterns[p].root, &x->vocab);
        }
    }
    return x;
}

void cg_extractor_free(CgExtractor *extractor)
{
    if (!extractor) {
        return;
    }
    for (size_t r = 0; r < cg_rules_relation_count(extractor->rules); ++r) {
        const CgRelationRule *rule = cg_rules_relation(extractor->rules, r);
        for (size_t p = 0; p < rule->n_patterns; ++p) {
            cg_cpattern_free(&extractor->patterns[r][p]);
        }
        free(extractor->patterns[r]);
    }
    free(extractor->patterns);
    cg_vocab_free(&extractor->vocab);
    free(extractor);
}

typedef struct {
    CgAssertion *items;
    size_t n, cap;
    size_t sentence_first; /* first assertion of the current sentence */
} CgAssertions;

/* The sentence being read: its view, and the words it holds. */
typedef struct {
    CgSentenceView view;
    uint32_t index;
    uint64_t *present; /* bitset of the word ids of its plain tokens */
    size_t blocks;     /* length of `present` and of every CgWordSet */
} CgSentenceState;

/* Whether the sentence already has an assertion of the same predicate
 * between the same entities (either way round when symmetric). */
static bool extract_seen(const CgRuleSet *rules, const CgAssertions *as,
                         const CgRelationRule *rule, uint32_t s, uint32_t o)
{
    for (size_t i = as->sentence_first; i < as->n; ++i) {
        const CgAssertion *a = &as->items[i];
        const CgRelationRule *other = cg_rules_relation(rules, a->rule);
        if (other->predicate != rule->predicate) {
            continue;
        }
        if ((a->subject == s && a->object == o) ||
            (rule->symmetric && a->subject == o && a->object == s)) {
            return true;
        }
    }
    return false;
}

static void extract_add(CgAssertions *as, uint32_t rule, const CgSentenceState *st,
                        const CgBinding *b)
{
    const CgToken *toks = cg_text_tokens(st->view.text);
    const CgUnit *units = st->view.units;
    CgAssertion a = {rule, b->subject->entity, b->object->entity, st->index,
                     units[b->first].tok_begin, units[b->last].tok_end, 0, 0};
    if (b->qty_last >= b->qty_first) {
        a.qty_begin = toks[units[b->qty_first].tok_begin].begin;
        a.qty_end = toks[units[b->qty_last].tok_end - 1].end;
    }
    as->items = cg_xgrow(as->items, &as->cap, as->n + 1, sizeof *as->items);
    as->items[as->n++] = a;
}

/* Whether every anchor word of `p` (some word of each anchor group) is in
 * the sentence: if not, the pattern cannot match anywhere in it. */
static bool extract_anchor_present(const CgCNode *a, const CgSentenceState *st)
{
    if (a->first) {
        return (st->present[a->first / 64] >> (a->first % 64)) & 1u;
    }
    for (size_t b = 0; b < st->blocks; ++b) {
        if (a->firsts->bits[b] & st->present[b]) {
            return true;
        }
    }
    return false;
}

static bool extract_anchors_present(const CgCPattern *p, const CgSentenceState *st)
{
    for (size_t i = 0; i < p->n_anchors; ++i) {
        if (!extract_anchor_present(p->anchors[i], st)) {
            return false;
        }
    }
    return true;
}

static void extract_pattern(const CgExtractor *x, uint32_t r, const CgCPattern *p,
                            const CgSentenceState *st, CgAssertions *as)
{
    const CgRelationRule *rule = cg_rules_relation(x->rules, r);
    for (size_t start = 0; start < st->view.n_units; ++start) {
        CgBinding b;
        if (p->starts_with_slot && !st->view.units[start].mention) {
            continue;
        }
        if (!cg_pattern_match_at(x->rules, rule, p->root, &st->view, start, &b)) {
            continue;
        }
        if (!extract_seen(x->rules, as, rule, b.subject->entity, b.object->entity)) {
            extract_add(as, r, st, &b);
        }
    }
}

static size_t extract_mention_units(const CgUnit *units, size_t n_units)
{
    size_t n = 0;
    for (size_t i = 0; i < n_units; ++i) {
        n += units[i].mention != NULL;
    }
    return n;
}

static void extract_mark_words(CgSentenceState *st)
{
    memset(st->present, 0, st->blocks * sizeof *st->present);
    for (size_t i = 0; i < st->view.n_units; ++i) {
        if (!st->view.units[i].mention) {
            const uint32_t id = st->view.word_ids[st->view.units[i].tok_begin];
            st->present[id / 64] |= UINT64_C(1) << (id % 64);
        }
    }
}

static void extract_sentence(const CgExtractor *x, CgSentenceState *st, CgAssertions *as)
{
    as->sentence_first = as->n;
    if (extract_mention_units(st->view.units, st->view.n_units) < 2) {
        return; /* every pattern needs a subject and an object */
    }
    extract_mark_words(st);
    for (size_t r = 0; r < cg_rules_relation_count(x->rules); ++r) {
        const CgRelationRule *rule = cg_rules_relation(x->rules, r);
        for (size_t p = 0; p < rule->n_patterns; ++p) {
            if (extract_anchors_present(&x->patterns[r][p], st)) {
                extract_pattern(x, (uint32_t)r, &x->patterns[r][p], st, as);
            }
        }
    }
}

static uint32_t *extract_word_ids(const CgExtractor *x, const CgText *text)
{
    const size_t n = cg_text_token_count(text);
    const CgToken *toks = cg_text_tokens(text);
    uint32_t *ids = cg_xmalloc((n + 1) * sizeof *ids);
    for (size_t i = 0; i < n; ++i) {
        ids[i] = cg_vocab_lookup(&x->vocab, toks[i].norm, toks[i].norm_len);
    }
    return ids;
}

size_t cg_extract_document(const CgExtractor *extractor, const CgText *text,
                           const CgMention *mentions, size_t n_mentions, CgAssertion **out)
{
    CgAssertions as = {NULL, 0, 0, 0};
    const size_t blocks = (extractor->vocab.n + 63) / 64;
    uint32_t *ids = extract_word_ids(extractor, text);
    CgUnit *units = cg_xmalloc((cg_text_token_count(text) + 1) * sizeof *units);
    CgSentenceState st = {{text, ids, units, 0}, 0, cg_xcalloc(blocks, sizeof(uint64_t)), blocks};
    size_t next_mention = 0;
    const CgSentence *sentences = cg_text_sentences(text);
    for (size_t s = 0; s < cg_text_sentence_count(text); ++s) {
        st.view.n_units = cg_units_build(text, &sentences[s], mentions, n_mentions,
                                         &next_mention, units);
        st.index = (uint32_t)s;
        extract_sentence(extractor, &st, &as);
    }
    free(st.present);
    free(units);
    free(ids);
    *out = as.items;
    return as.n;
}
