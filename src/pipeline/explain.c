#include "explain.h"

#include "../core/mem.h"
#include "../extract/extract.h"
#include "../match/match.h"
#include "../text/text.h"
#include "metadata.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const CgRuleSet *rules;
    const CgText *text;
    const char *src;
    const CgMention *mentions;
    size_t n_mentions;
    FILE *out;
} CgExplain;

static void put_span(FILE *out, const char *src, size_t begin, size_t end)
{
    fputc('"', out);
    for (size_t i = begin; i < end; ++i) {
        fputc(src[i] == '\n' ? ' ' : src[i], out);
    }
    fputc('"', out);
}

static void put_tokens(const CgExplain *e, size_t tok_begin, size_t tok_end)
{
    const CgToken *toks = cg_text_tokens(e->text);
    put_span(e->out, e->src, toks[tok_begin].begin, toks[tok_end - 1].end);
}

static void explain_mentions(const CgExplain *e, const CgSentence *s)
{
    for (size_t i = 0; i < e->n_mentions; ++i) {
        const CgMention *m = &e->mentions[i];
        if (m->tok_begin < s->tok_begin || m->tok_begin >= s->tok_end) {
            continue;
        }
        fprintf(e->out, "    mention  %-20s ", cg_rules_entity(e->rules, m->entity)->id);
        put_tokens(e, m->tok_begin, m->tok_end);
        if (m->antecedent != CG_NO_MENTION) {
            fprintf(e->out, "  reference to ");
            put_tokens(e, e->mentions[m->antecedent].tok_begin,
                       e->mentions[m->antecedent].tok_end);
        } else {
            fprintf(e->out, "  alias \"%s\"",
                    cg_rules_entity(e->rules, m->entity)->aliases[m->alias].text);
        }
        fputc('\n', e->out);
    }
}

static void explain_qualifiers(const CgExplain *e, const CgAssertion *a)
{
    const CgClaimRules *c = cg_rules_claims(e->rules);
    if (a->qty_end > a->qty_begin) {
        fprintf(e->out, "\n             quantity ");
        put_span(e->out, e->src, a->qty_begin, a->qty_end);
        if (a->comparator >= 0) {
            fprintf(e->out, " (%s)", c->comparators[a->comparator].value);
        }
    }
    fprintf(e->out, "\n             certainty %s%s",
            a->certainty >= 0 ? c->certainty[a->certainty].value : "asserted",
            a->negated ? ", negated" : "");
    if (a->claimer != CG_NO_ENTITY) {
        fprintf(e->out, "; claimed by %s", cg_rules_entity(e->rules, a->claimer)->id);
    } else if (a->claimer_end > a->claimer_begin) {
        fprintf(e->out, "; claimed by ");
        put_span(e->out, e->src, a->claimer_begin, a->claimer_end);
    }
    for (size_t i = 0; i < a->n_captures; ++i) {
        fprintf(e->out, "; %s ", a->captures[i].name);
        put_span(e->out, e->src, a->captures[i].begin, a->captures[i].end);
    }
}

static void explain_fired(const CgExplain *e, const CgAssertion *as, size_t n, size_t sentence)
{
    for (size_t i = 0; i < n; ++i) {
        const CgAssertion *a = &as[i];
        if (a->sentence != sentence) {
            continue;
        }
        const CgRelationRule *r = cg_rules_relation(e->rules, a->rule);
        fprintf(e->out, "    fired    %-20s %s %s %s  ", r->id,
                cg_rules_entity(e->rules, a->subject)->id,
                cg_rules_predicate(e->rules, r->predicate)->name,
                cg_rules_entity(e->rules, a->object)->id);
        put_tokens(e, a->tok_begin, a->tok_end);
        explain_qualifiers(e, a);
        fputc('\n', e->out);
    }
}

/* The source of a pattern's element `k`, as the rule author wrote it. */
static void put_element(FILE *out, const CgPattern *p, size_t k)
{
    const CgPatNode *root = p->root;
    const CgPatNode *elem = root->kind == CG_PAT_SEQ && k < root->n_kids ? root->kids[k] : root;
    const char *at = p->source + elem->col - 1;
    const size_t len = strcspn(at, " ");
    fprintf(out, "'%.*s%s' (column %u)", (int)(len > 40 ? 40 : len), at, len > 40 ? "..." : "",
            elem->col);
}

#define CG_EXPLAIN_CLOSE_MAX 5

static void explain_near(const CgExplain *e, const CgNearMiss *misses, size_t n,
                         const CgSentence *s)
{
    const CgToken *toks = cg_text_tokens(e->text);
    for (size_t i = 0; i < n && i < CG_EXPLAIN_CLOSE_MAX; ++i) {
        const CgNearMiss *m = &misses[i];
        const CgRelationRule *r = cg_rules_relation(e->rules, m->rule);
        fprintf(e->out, "    close    %-20s pattern %u: matched %zu of %zu required elements; ",
                r->id, m->pattern + 1, m->matched, m->n_elements);
        put_element(e->out, &r->patterns[m->pattern], m->element);
        if (m->stop_token < s->tok_end) {
            fprintf(e->out, " failed at ");
            put_span(e->out, e->src, toks[m->stop_token].begin, toks[m->stop_token].end);
        } else {
            fprintf(e->out, " found nothing before the sentence ended");
        }
        fputc('\n', e->out);
    }
    if (n > CG_EXPLAIN_CLOSE_MAX) {
        fprintf(e->out, "    close    ... and %zu more patterns with their words here\n",
                n - CG_EXPLAIN_CLOSE_MAX);
    }
}

static void explain_sentence(const CgExplain *e, const CgExtractor *x, const CgAssertion *as,
                             size_t n_as, size_t index)
{
    const CgSentence *s = &cg_text_sentences(e->text)[index];
    fprintf(e->out, "[%zu] characters %zu-%zu: ", index + 1, s->cbegin, s->cend);
    put_span(e->out, e->src, s->begin, s->end);
    fputc('\n', e->out);
    explain_mentions(e, s);
    explain_fired(e, as, n_as, index);
    CgNearMiss *misses = NULL;
    const size_t n = cg_extract_near_misses(x, e->text, e->mentions, e->n_mentions, index,
                                            &misses);
    explain_near(e, misses, n, s);
    free(misses);
}

CgStatus cg_explain_document(const CgRuleSet *rules, const char *path, const char *text,
                             size_t len, size_t sentence, FILE *out, CgDiagSink *sink)
{
    size_t bad = 0;
    if (cg_text_check_utf8(text, len, &bad)) {
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_UTF8, path, 0, 0,
                "not valid UTF-8 (first bad byte at offset %zu)", bad);
        return CG_ERR_UTF8;
    }
    char *body = cg_meta_blank_front_matter(text, &len);
    text = body ? body : text;
    CgText *t = cg_text_analyze(text, len);
    CgMatcher *matcher = cg_matcher_new(rules);
    CgExtractor *x = cg_extractor_new(rules);
    CgMention *mentions = NULL;
    const size_t n_mentions = cg_matcher_scan(matcher, t, text, &mentions);
    CgAssertion *as = NULL;
    const size_t n_as = cg_extract_document(x, t, mentions, n_mentions, &as);
    const CgExplain e = {rules, t, text, mentions, n_mentions, out};
    const size_t n_sent = cg_text_sentence_count(t);
    CgStatus st = CG_OK;
    if (sentence > n_sent) {
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_USAGE, path, 0, 0,
                "there is no sentence %zu: the document has %zu", sentence, n_sent);
        st = CG_ERR_USAGE;
    }
    for (size_t i = 0; !st && i < n_sent; ++i) {
        if (!sentence || sentence == i + 1) {
            explain_sentence(&e, x, as, n_as, i);
        }
    }
    free(as);
    free(mentions);
    cg_extractor_free(x);
    cg_matcher_free(matcher);
    cg_text_free(t);
    free(body);
    return st;
}
