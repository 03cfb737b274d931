#include "extract.h"

#include "../core/mem.h"
#include "pattern_run.h"
#include "units.h"

#include <stdlib.h>

typedef struct {
    CgAssertion *items;
    size_t n, cap;
    size_t sentence_first; /* first assertion of the current sentence */
} CgAssertions;

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

static void extract_add(CgAssertions *as, uint32_t rule, uint32_t sentence,
                        const CgText *text, const CgUnit *units, const CgBinding *b)
{
    const CgToken *toks = cg_text_tokens(text);
    CgAssertion a = {rule, b->subject->entity, b->object->entity, sentence,
                     units[b->first].tok_begin, units[b->last].tok_end, 0, 0};
    if (b->qty_last >= b->qty_first) {
        a.qty_begin = toks[units[b->qty_first].tok_begin].begin;
        a.qty_end = toks[units[b->qty_last].tok_end - 1].end;
    }
    as->items = cg_xgrow(as->items, &as->cap, as->n + 1, sizeof *as->items);
    as->items[as->n++] = a;
}

static void extract_rule(const CgRuleSet *rules, uint32_t r, const CgText *text,
                         const CgUnit *units, size_t n_units, uint32_t sentence,
                         CgAssertions *as)
{
    const CgRelationRule *rule = cg_rules_relation(rules, r);
    for (size_t p = 0; p < rule->n_patterns; ++p) {
        for (size_t start = 0; start < n_units; ++start) {
            CgBinding b;
            if (!cg_pattern_match_at(rules, rule, rule->patterns[p].root, text, units,
                                     n_units, start, &b)) {
                continue;
            }
            if (!extract_seen(rules, as, rule, b.subject->entity, b.object->entity)) {
                extract_add(as, r, sentence, text, units, &b);
            }
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

size_t cg_extract_document(const CgRuleSet *rules, const CgText *text,
                           const CgMention *mentions, size_t n_mentions, CgAssertion **out)
{
    CgAssertions as = {NULL, 0, 0, 0};
    const CgSentence *sentences = cg_text_sentences(text);
    CgUnit *units = cg_xmalloc((cg_text_token_count(text) + 1) * sizeof *units);
    size_t next_mention = 0;
    for (size_t s = 0; s < cg_text_sentence_count(text); ++s) {
        const size_t n_units = cg_units_build(text, &sentences[s], mentions, n_mentions,
                                              &next_mention, units);
        as.sentence_first = as.n;
        if (extract_mention_units(units, n_units) < 2) {
            continue; /* every pattern needs a subject and an object */
        }
        for (size_t r = 0; r < cg_rules_relation_count(rules); ++r) {
            extract_rule(rules, (uint32_t)r, text, units, n_units, (uint32_t)s, &as);
        }
    }
    free(units);
    *out = as.items;
    return as.n;
}
