#include "syntax.h"

#include "../core/mem.h"
#include "claims.h"

#include <stdlib.h>
#include <string.h>

static void vocab_phrases(CgVocab *vocab, CgPatNode *const *cues, size_t n)
{
    for (size_t i = 0; i < n; ++i) {
        cg_vocab_add_pattern(vocab, cues[i]);
    }
}

void cg_syntax_vocab(const CgSyntaxRules *rules, CgVocab *vocab)
{
    vocab_phrases(vocab, rules->clause_breaks, rules->n_clause_breaks);
    vocab_phrases(vocab, rules->coordinators, rules->n_coordinators);
    vocab_phrases(vocab, rules->determiners, rules->n_determiners);
    vocab_phrases(vocab, rules->verbs, rules->n_verbs);
    vocab_phrases(vocab, rules->reporting_verbs, rules->n_reporting_verbs);
    vocab_phrases(vocab, rules->name_modifiers, rules->n_name_modifiers);
    vocab_phrases(vocab, rules->prepositions, rules->n_prepositions);
}

/* The phrases as one group of alternatives, borrowed while compiling. */
static void compile_phrases(CgCPattern *out, CgPatNode **cues, size_t n, const CgVocab *vocab)
{
    memset(out, 0, sizeof *out);
    if (n) {
        CgPatNode alt = {.kind = CG_PAT_ALT, .kids = cues, .n_kids = n, .col = 1};
        cg_cpattern_init(out, &alt, vocab);
    }
}

void cg_syntax_compile(CgSyntaxCompiled *out, const CgSyntaxRules *rules, const CgVocab *vocab)
{
    compile_phrases(&out->clause_breaks, rules->clause_breaks, rules->n_clause_breaks, vocab);
    compile_phrases(&out->coordinators, rules->coordinators, rules->n_coordinators, vocab);
    compile_phrases(&out->determiners, rules->determiners, rules->n_determiners, vocab);
    compile_phrases(&out->verbs, rules->verbs, rules->n_verbs, vocab);
    compile_phrases(&out->reporting_verbs, rules->reporting_verbs, rules->n_reporting_verbs,
                    vocab);
    compile_phrases(&out->name_modifiers, rules->name_modifiers, rules->n_name_modifiers, vocab);
    compile_phrases(&out->prepositions, rules->prepositions, rules->n_prepositions, vocab);
}

void cg_syntax_free_compiled(CgSyntaxCompiled *compiled)
{
    cg_cpattern_free(&compiled->clause_breaks);
    cg_cpattern_free(&compiled->coordinators);
    cg_cpattern_free(&compiled->determiners);
    cg_cpattern_free(&compiled->verbs);
    cg_cpattern_free(&compiled->reporting_verbs);
    cg_cpattern_free(&compiled->name_modifiers);
    cg_cpattern_free(&compiled->prepositions);
}

void cg_syntax_clear(CgSentenceSyntax *s)
{
    free(s->lists);
    free(s->members);
    free(s->list_of);
    free(s->head_of);
    memset(s, 0, sizeof *s);
}

/* The unit after the phrase of `cue` at `pos`, or `pos` when none is there. */
static size_t after_phrase(const CgCPattern *cue, const CgSentenceView *view, size_t pos)
{
    size_t last = pos;
    if (pos >= view->n_units || !cue->root ||
        (cue->root->firsts && !cg_wordset_has(cue->root->firsts, view->units[pos].word))) {
        return pos; /* the usual case, decided without a run */
    }
    if (cg_claims_cue_at(cue, view, pos, &last)) {
        return last + 1;
    }
    return pos;
}

/* Whether a phrase of `cue` ends right before unit `pos` (phrases of up to
 * three units are looked for). */
static bool ends_before(const CgCPattern *cue, const CgSentenceView *view, size_t pos)
{
    for (size_t back = 1; back <= 3 && back <= pos; ++back) {
        size_t last = 0;
        if (cg_claims_cue_at(cue, view, pos - back, &last) && last + 1 == pos) {
            return true;
        }
    }
    return false;
}

/* Whether a verb of saying, with or without "that", ends right before
 * unit `pos`: "said (that) Russia and North Korea were ...". */
static bool after_saying(const CgSyntaxCompiled *syn, const CgSentenceView *view, size_t pos)
{
    if (ends_before(&syn->reporting_verbs, view, pos)) {
        return true;
    }
    if (pos == 0 || view->units[pos - 1].mention) {
        return false;
    }
    const CgToken *tok = &cg_text_tokens(view->text)[view->units[pos - 1].tok_begin];
    return !strcmp(tok->norm, "that") && ends_before(&syn->reporting_verbs, view, pos - 1);
}

static bool is_comma(const CgSentenceView *view, size_t u)
{
    if (u >= view->n_units || view->units[u].mention) {
        return false;
    }
    const CgToken *tok = &cg_text_tokens(view->text)[view->units[u].tok_begin];
    return tok->kind == CG_TOK_PUNCT && !strcmp(tok->norm, ",");
}

/* Whether unit `u` starts with a word written with a capital ("President",
 * "Foreign"): its first byte differs from its folded form's. */
static bool starts_capitalised(const CgSentenceView *view, size_t u)
{
    const CgToken *tok = &cg_text_tokens(view->text)[view->units[u].tok_begin];
    return tok->kind == CG_TOK_WORD && tok->norm_len &&
           cg_text_source(view->text)[tok->begin] != tok->norm[0];
}

static bool is_capitalised(const CgSentenceView *view, size_t u)
{
    return !view->units[u].mention && starts_capitalised(view, u);
}

/* One member of a list from unit `p`: a determiner, then names,
 * capitalised words and titles; the member is the last name.  Returns the
 * unit after the conjunct, or `p` when there is none; *head is left as it
 * was when the conjunct names no entity of the rules ("Canada"), which
 * still continues the list. */
static size_t conjunct(const CgSyntaxCompiled *syn, const CgSentenceView *view, size_t p,
                       size_t *head, bool *named)
{
    size_t q = after_phrase(&syn->determiners, view, p);
    const size_t first = q;
    bool capital = false;
    *named = false;
    while (q < view->n_units) {
        if (view->units[q].mention) {
            if (q > first && !starts_capitalised(view, q)) {
                break; /* "the North" after "Washington" starts a new phrase */
            }
            if ((view->units[q].flags & CG_UNIT_POSSESSIVE) && q + 1 < view->n_units &&
                !view->units[q + 1].mention && !is_capitalised(view, q + 1)) {
                return p; /* "China's backing" names a thing, not China */
            }
            *head = q;
            *named = true;
        } else if (is_capitalised(view, q)) {
            capital = true;
        } else {
            const size_t next = after_phrase(&syn->name_modifiers, view, q);
            if (next == q) {
                break;
            }
            q = next - 1;
        }
        ++q;
    }
    return (*named || capital) && q > first ? q : p;
}

static void add_member(CgSentenceSyntax *s, size_t unit)
{
    s->members = cg_xgrow(s->members, &s->cap_members, s->n_members + 1, sizeof *s->members);
    s->members[s->n_members++] = unit;
}

/* After a list's last member, ", together with the EU," adds one more. */
static size_t list_aside(const CgSyntaxCompiled *syn, const CgSentenceView *view, size_t q,
                         CgSentenceSyntax *s)
{
    if (!is_comma(view, q)) {
        return q;
    }
    const size_t after_coord = after_phrase(&syn->coordinators, view, q + 1);
    size_t head = 0;
    bool named = false;
    const size_t end = after_coord > q + 1 ? conjunct(syn, view, after_coord, &head, &named)
                                           : after_coord;
    if (end == after_coord || !named || !is_comma(view, end)) {
        return q;
    }
    add_member(s, head);
    return end;
}

/* A list that starts with the conjunct at unit `start`; its end, or
 * `start` when there is none (the members added are taken back).  Members
 * that name no entity ("Canada") keep the list going but are not added. */
static size_t name_list(const CgSyntaxCompiled *syn, const CgSentenceView *view, size_t start,
                        CgSentenceSyntax *s)
{
    const size_t first = s->n_members;
    size_t head = 0;
    bool named = false;
    size_t q = conjunct(syn, view, start, &head, &named);
    if (q == start || !named) {
        return start;
    }
    add_member(s, head);
    size_t n = 1;
    bool coordinated = false, serial_comma = false;
    while (!coordinated) {
        size_t r = q;
        const bool comma = is_comma(view, r);
        r += comma;
        const size_t after_coord = after_phrase(&syn->coordinators, view, r);
        coordinated = after_coord > r;
        if (!comma && !coordinated) {
            break;
        }
        /* ", and" needs three members; ", together with" does not */
        serial_comma = comma && coordinated && after_coord - r == 1;
        const size_t end = conjunct(syn, view, after_coord, &head, &named);
        if (end == after_coord) {
            coordinated = false;
            break;
        }
        if (named) {
            add_member(s, head);
        }
        ++n;
        q = end;
    }
    if (!coordinated || n < 2 || (serial_comma && n < 3) || s->n_members - first < 2) {
        s->n_members = first;
        return start;
    }
    q = list_aside(syn, view, q, s);
    s->lists = cg_xgrow(s->lists, &s->cap_lists, s->n_lists + 1, sizeof *s->lists);
    s->lists[s->n_lists] = (CgNameList){
        .first_member = first,
        .n_members = s->n_members - first,
        .first_unit = start,
        .last_unit = q - 1,
        .before_verb = !ends_before(&syn->prepositions, view, start) &&
                       (after_phrase(&syn->verbs, view, q) > q ||
                        after_phrase(&syn->reporting_verbs, view, q) > q),
        .after_verb = ends_before(&syn->verbs, view, start),
        .after_saying = after_saying(syn, view, start)};
    for (size_t i = first; i < s->n_members; ++i) {
        s->list_of[s->members[i]] = (uint32_t)s->n_lists;
    }
    ++s->n_lists;
    return q;
}

/* A name followed by a title and another name ("Russian President Vladimir
 * Putin") premodifies that name: its head. */
static void mark_heads(const CgSyntaxCompiled *syn, const CgSentenceView *view,
                       CgSentenceSyntax *out)
{
    for (size_t u = 0; u + 1 < view->n_units; ++u) {
        if (!view->units[u].mention || view->units[u + 1].mention) {
            continue; /* two names in a row are two phrases, or one name */
        }
        size_t head = u;
        bool named = false;
        conjunct(syn, view, u, &head, &named);
        if (named && head != u) {
            out->head_of[u] = (uint32_t)head;
        }
    }
}

static void mark_clause_breaks(const CgSyntaxCompiled *syn, const CgSentenceView *view,
                               CgUnit *units)
{
    if (!syn->clause_breaks.root) {
        return;
    }
    for (size_t u = 0; u < view->n_units; ++u) {
        const size_t end = after_phrase(&syn->clause_breaks, view, u);
        for (size_t k = u; k < end; ++k) {
            units[k].flags |= CG_UNIT_CLAUSE_BREAK;
        }
        u = end > u ? end - 1 : u;
    }
}

void cg_syntax_analyse(const CgSyntaxCompiled *syn, const CgSentenceView *view, CgUnit *units,
                       CgSentenceSyntax *out)
{
    out->n_lists = out->n_members = 0;
    out->list_of = cg_xgrow(out->list_of, &out->cap_units, view->n_units + 1,
                            sizeof *out->list_of);
    out->head_of = cg_xgrow(out->head_of, &out->cap_heads, view->n_units + 1,
                            sizeof *out->head_of);
    for (size_t u = 0; u < view->n_units; ++u) {
        out->list_of[u] = out->head_of[u] = CG_NO_GROUP;
        units[u].flags &= ~(unsigned)CG_UNIT_CLAUSE_BREAK;
    }
    mark_clause_breaks(syn, view, units);
    mark_heads(syn, view, out);
    if (!syn->coordinators.root) {
        return;
    }
    for (size_t u = 0; u < view->n_units; ++u) {
        if (units[u].mention && out->list_of[u] == CG_NO_GROUP) {
            const size_t end = name_list(syn, view, u, out);
            u = end > u ? end - 1 : u;
        }
    }
}
