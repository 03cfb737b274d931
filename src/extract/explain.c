/* For `explain`: which patterns had their words in a sentence, how far they
 * got before failing and why (a mention of the wrong type, a constraint),
 * and the sentence's shallow syntax.  Slow (every start is traced) and only
 * run on request. */
#include "extract.h"

#include "../core/mem.h"
#include "extract_impl.h"
#include "pattern_run.h"
#include "syntax.h"
#include "units.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The required (not optional) elements among the first `n` of the top
 * sequence: optional ones "match" by being skipped, which says nothing. */
static size_t required_elements(const CgCNode *root, size_t n)
{
    if (root->kind != CG_PAT_SEQ) {
        return root->optional ? 0 : 1;
    }
    size_t required = 0;
    for (size_t i = 0; i < n && i < root->n_kids; ++i) {
        required += !root->kids[i]->optional;
    }
    return required;
}

/* Why the best traced search failed where it did, beyond how far it got:
 * a mention refused for its type, or a constraint, at the failing unit. */
static void trace_reasons(const CgRunTrace *trace, const CgSentenceView *view,
                          const CgMention *mentions, CgNearMiss *miss)
{
    miss->wrong_type = CG_NO_ENTITY;
    miss->blocked_col = 0;
    if (trace->wrong_type && trace->wrong_type_at == trace->at_unit) {
        miss->wrong_type = (uint32_t)(trace->wrong_type - mentions);
        miss->wrong_type_subject = trace->wrong_type_subject;
    }
    if (trace->blocked_by && trace->blocked_at + 1 >= trace->at_unit &&
        trace->blocked_at <= trace->at_unit) {
        miss->blocked_col = trace->blocked_by->col;
        miss->blocked_token = trace->blocked_at < view->n_units
                                  ? view->units[trace->blocked_at].tok_begin
                                  : view->units[view->n_units - 1].tok_end;
    }
}

/* The furthest any start got, or false when some start matches. */
static bool trace_pattern(const CgExtractor *x, uint32_t r, const CgCPattern *p,
                          const CgSentenceView *view, const CgMention *mentions,
                          CgNearMiss *miss)
{
    const CgRunContext ctx = cg_run_context(x, cg_rules_relation(x->rules, r), false);
    miss->matched = miss->element = 0;
    miss->stop_token = view->n_units ? view->units[0].tok_begin : 0;
    for (size_t start = 0; start < view->n_units; ++start) {
        CgRunTrace trace = {.at_unit = start};
        CgBinding b;
        if (cg_pattern_match_at(&ctx, p->root, view, start, &b, &trace)) {
            return false;
        }
        miss->steps_exceeded |= trace.steps_exceeded;
        if (trace.matched > miss->element || miss->matched == 0) {
            trace_reasons(&trace, view, mentions, miss);
            miss->element = trace.matched;
            miss->matched = required_elements(p->root, trace.matched);
            miss->stop_token = trace.at_unit < view->n_units ? view->units[trace.at_unit].tok_begin
                                                              : view->units[view->n_units - 1].tok_end;
        }
    }
    return true;
}

/* By the share of elements matched, then rule order. */
static int closest_first(const void *pa, const void *pb)
{
    const CgNearMiss *a = pa, *b = pb;
    const size_t ka = a->matched * b->n_elements, kb = b->matched * a->n_elements;
    if (ka != kb) {
        return ka > kb ? -1 : 1;
    }
    return a->rule != b->rule ? (a->rule < b->rule ? -1 : 1) : (a->pattern < b->pattern ? -1 : 1);
}

size_t cg_extract_near_misses(const CgExtractor *x, const CgText *text,
                              const CgMention *mentions, size_t n_mentions, size_t sentence,
                              CgNearMiss **out)
{
    const CgSentence *s = &cg_text_sentences(text)[sentence];
    uint32_t *ids = cg_vocab_word_ids(&x->vocab, text);
    CgUnit *units = cg_xmalloc((s->tok_end - s->tok_begin + 1) * sizeof *units);
    size_t next = 0;
    const size_t n_units = cg_units_build(text, s, mentions, n_mentions, &next, ids, units);
    CgSentenceView view = {text, ids, units, n_units, false};
    CgSentenceSyntax syntax = {0};
    cg_syntax_analyse(&x->syntax, &view, units, &syntax);
    cg_syntax_clear(&syntax);
    const size_t blocks = (x->vocab.n + 63) / 64;
    uint64_t *present = cg_xcalloc(blocks, sizeof *present);
    cg_units_mark_present(units, n_units, present, blocks);
    CgNearMiss *misses = NULL;
    size_t n = 0, cap = 0, mention_units = 0;
    for (size_t u = 0; u < n_units; ++u) {
        mention_units += units[u].mention != NULL;
    }
    for (uint32_t r = 0; mention_units >= 2 && r < cg_rules_relation_count(x->rules); ++r) {
        for (uint32_t p = 0; p < cg_rules_relation(x->rules, r)->n_patterns; ++p) {
            const CgCPattern *cp = &x->patterns[r][p];
            CgNearMiss miss = {.rule = r,
                               .pattern = p,
                               .n_elements = required_elements(cp->root, SIZE_MAX),
                               .stop_token = s->tok_end,
                               .wrong_type = CG_NO_ENTITY};
            if (n_units && cg_cpattern_anchors_present(cp, present) &&
                trace_pattern(x, r, cp, &view, mentions, &miss)) {
                misses = cg_xgrow(misses, &cap, n + 1, sizeof *misses);
                misses[n++] = miss;
            }
        }
    }
    free(present);
    free(units);
    free(ids);
    if (n) {
        qsort(misses, n, sizeof *misses, closest_first);
    }
    *out = misses;
    return n;
}

void cg_extract_structure(const CgExtractor *x, const CgText *text, const CgMention *mentions,
                          size_t n_mentions, size_t sentence, CgSentenceStructure *out)
{
    memset(out, 0, sizeof *out);
    const CgSentence *s = &cg_text_sentences(text)[sentence];
    uint32_t *ids = cg_vocab_word_ids(&x->vocab, text);
    CgUnit *units = cg_xmalloc((s->tok_end - s->tok_begin + 1) * sizeof *units);
    size_t next = 0;
    const size_t n_units = cg_units_build(text, s, mentions, n_mentions, &next, ids, units);
    CgSentenceView view = {text, ids, units, n_units, false};
    CgSentenceSyntax syntax = {0};
    cg_syntax_analyse(&x->syntax, &view, units, &syntax);
    out->breaks = cg_xmalloc((n_units + 1) * sizeof *out->breaks);
    for (size_t u = 0; u < n_units; ++u) {
        if (units[u].flags & CG_UNIT_CLAUSE_BREAK) {
            out->breaks[out->n_breaks++] = units[u].tok_begin;
        }
    }
    out->lists = cg_xcalloc(syntax.n_lists + 1, sizeof *out->lists);
    for (size_t l = 0; l < syntax.n_lists; ++l) {
        const CgNameList *list = &syntax.lists[l];
        CgNameListInfo *info = &out->lists[out->n_lists++];
        info->tok_begin = units[list->first_unit].tok_begin;
        info->tok_end = units[list->last_unit].tok_end;
        info->members = cg_xmalloc(list->n_members * sizeof *info->members);
        for (size_t i = 0; i < list->n_members; ++i) {
            info->members[info->n_members++] =
                (uint32_t)(units[syntax.members[list->first_member + i]].mention - mentions);
        }
        info->before_verb = list->before_verb;
        info->after_verb = list->after_verb;
    }
    cg_syntax_clear(&syntax);
    free(units);
    free(ids);
}

void cg_sentence_structure_clear(CgSentenceStructure *s)
{
    for (size_t l = 0; l < s->n_lists; ++l) {
        free(s->lists[l].members);
    }
    free(s->lists);
    free(s->breaks);
    memset(s, 0, sizeof *s);
}
