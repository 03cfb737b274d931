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
    const CgUnresolved *unresolved;
    size_t n_unresolved;
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
            for (uint32_t k = 0; k < m->n_more; ++k) { /* a group's other members */
                const CgMention *other = &e->mentions[m->more[k]];
                fprintf(e->out, " and to ");
                put_tokens(e, other->tok_begin, other->tok_end);
                fprintf(e->out, " (%s)", cg_rules_entity(e->rules, other->entity)->id);
            }
        } else {
            fprintf(e->out, "  alias \"%s\"",
                    cg_rules_entity(e->rules, m->entity)->aliases[m->alias].text);
        }
        fputc('\n', e->out);
    }
}

/* Words a short alias or reference would have taken, and why they did not. */
static void explain_unresolved(const CgExplain *e, const CgSentence *s)
{
    const CgClaimRules *claims = cg_rules_claims(e->rules);
    for (size_t i = 0; i < e->n_unresolved; ++i) {
        const CgUnresolved *u = &e->unresolved[i];
        if (u->tok_begin < s->tok_begin || u->tok_begin >= s->tok_end) {
            continue;
        }
        fprintf(e->out, "    unnamed  ");
        put_tokens(e, u->tok_begin, u->tok_end);
        if (u->entity == UINT32_MAX) {
            const CgReference *ref = &claims->references[u->alias];
            if (ref->group) {
                fprintf(e->out, "  a reference to %u of type %s, but fewer are named in this "
                                "sentence and the %u before it\n",
                        ref->group, ref->type, claims->reference_window);
            } else {
                fprintf(e->out, "  a reference to a %s, but none is named in this sentence or "
                                "the %u before it\n",
                        ref->type, claims->reference_window);
            }
            continue;
        }
        const CgEntity *ent = cg_rules_entity(e->rules, u->entity);
        const CgAlias *alias = &ent->aliases[u->alias];
        if (alias->short_form) {
            fprintf(e->out, "  short alias of %s: it names nobody until a full alias (\"%s\") "
                            "has, earlier in the document\n",
                    ent->id, ent->label);
        } else {
            fprintf(e->out, "  alias \"%s\" of %s is case: exact, and the letter case differs\n",
                    alias->text, ent->id);
        }
    }
}

/* The clauses (as split by the clause breaks) and the lists of names. */
static void explain_structure(const CgExplain *e, const CgExtractor *x, const CgSentence *s,
                              size_t index)
{
    CgSentenceStructure st;
    cg_extract_structure(x, e->text, e->mentions, e->n_mentions, index, &st);
    if (st.n_breaks) {
        fprintf(e->out, "    breaks  ");
        for (size_t i = 0; i < st.n_breaks; ++i) {
            fputc(' ', e->out);
            put_tokens(e, st.breaks[i], st.breaks[i] + 1);
        }
        fprintf(e->out, "  (no plain gap crosses them)\n");
    }
    for (size_t l = 0; l < st.n_lists; ++l) {
        const CgNameListInfo *list = &st.lists[l];
        fprintf(e->out, "    list     ");
        for (size_t i = 0; i < list->n_members; ++i) {
            fprintf(e->out, "%s%s", i ? ", " : "",
                    cg_rules_entity(e->rules, e->mentions[list->members[i]].entity)->id);
        }
        fprintf(e->out, "  ");
        put_tokens(e, list->tok_begin, list->tok_end);
        fprintf(e->out, "%s\n", !list->before_verb ? ""
                                : list->after_verb ? "  (between two verbs: two clauses, not spread)"
                                                   : "  (subject of the verb after it: not spread as "
                                                     "an object)");
    }
    (void)s;
    cg_sentence_structure_clear(&st);
}

static void explain_qualifiers(const CgExplain *e, const CgAssertion *a)
{
    const CgClaimRules *c = cg_rules_claims(e->rules);
    const CgRelationRule *rule = cg_rules_relation(e->rules, a->rule);
    if (a->spread) {
        fprintf(e->out, "\n             spread over a list of names or the members of a group");
    }
    if (rule->phrase_scope) {
        fprintf(e->out, "\n             scope phrase: a fact of its noun phrase; the sentence's "
                        "negation, hedges, claimer and dates do not apply");
        return;
    }
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
    fprintf(e->out, "\n             negation counted in %s", rule->noun_scope ? "(scope noun) " : "");
    put_tokens(e, a->clause_begin, a->tok_end);
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

static void put_types(FILE *out, char *const *types, size_t n)
{
    for (size_t i = 0; i < n; ++i) {
        fprintf(out, "%s%s", i ? (i + 1 == n ? " or " : ", ") : "", types[i]);
    }
}

/* Why a close pattern did not fire, when the trace knows more than where. */
static void explain_reasons(const CgExplain *e, const CgRelationRule *r, const CgNearMiss *m)
{
    const CgToken *toks = cg_text_tokens(e->text);
    if (m->wrong_type != CG_NO_ENTITY) {
        const CgMention *mention = &e->mentions[m->wrong_type];
        const CgEntity *ent = cg_rules_entity(e->rules, mention->entity);
        fprintf(e->out, "; ");
        put_tokens(e, mention->tok_begin, mention->tok_end);
        fprintf(e->out, " is %s, a %s, but {%s} wants a ", ent->id, ent->type,
                m->wrong_type_subject ? "subject" : "object");
        if (m->wrong_type_subject) {
            put_types(e->out, r->subject_types, r->n_subject_types);
        } else {
            put_types(e->out, r->object_types, r->n_object_types);
        }
    }
    if (m->blocked_col) {
        const char *at = r->patterns[m->pattern].source + m->blocked_col - 1;
        const size_t len = strcspn(at, " ");
        fprintf(e->out, "; the constraint '%.*s' (column %u) held it back at ",
                (int)(len > 40 ? 40 : len), at, m->blocked_col);
        if (m->blocked_token < cg_text_sentences(e->text)[0].tok_end ||
            m->blocked_token < cg_text_token_count(e->text)) {
            put_span(e->out, e->src, toks[m->blocked_token].begin, toks[m->blocked_token].end);
        }
    }
    if (m->steps_exceeded) {
        fprintf(e->out, "; the search ran out of steps (a guard against hostile text)");
    }
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
        explain_reasons(e, r, m);
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
    explain_unresolved(e, s);
    explain_structure(e, x, s, index);
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
    CgUnresolved *unresolved = NULL;
    size_t n_unresolved = 0;
    const size_t n_mentions =
        cg_matcher_scan_all(matcher, t, text, &mentions, &unresolved, &n_unresolved);
    CgAssertion *as = NULL;
    const size_t n_as = cg_extract_document(x, t, mentions, n_mentions, &as);
    const CgExplain e = {rules, t, text, mentions, n_mentions, unresolved, n_unresolved, out};
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
    free(unresolved);
    free(mentions);
    cg_extractor_free(x);
    cg_matcher_free(matcher);
    cg_text_free(t);
    free(body);
    return st;
}
