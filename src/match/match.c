/* Mentions: compiles every alias into one automaton, then scans each
 * document once and picks leftmost-longest mentions. */
#include "match.h"

#include "match_impl.h"

#include "../core/buf.h"
#include "../core/mem.h"
#include "../core/normalize.h"

#include <stdlib.h>
#include <string.h>

/* One (entity, alias) that a key names.  Several aliases may share a key:
 * short forms of several entities, or one entity's "Kim Jong-un" and
 * "Kim Jong Un". */
typedef struct {
    uint32_t key; /* the key's final state */
    uint32_t entity, alias; /* a reference: entity is unused, alias its index */
    bool short_form;
    bool reference;
    bool exact;
    size_t exact_at; /* exact: the alias' token bytes in matcher->exact, NUL-separated */
} Candidate;

struct CgMatcher {
    const CgRuleSet *rules;
    CgAc *ac;
    Candidate *cands;   /* grouped by key, in rule order within a key */
    size_t n_cands, cap_cands;
    uint32_t *first;    /* per state: its candidates are [first[s], first[s + 1]) */
    CgBuf exact;
};

/* ---- compiling ---------------------------------------------------------- */

/* The alias is split by the same tokenizer as the text, hyphens dropped, so
 * "Kim Jong-un", "Kim Jong Un" and "kim jong-un" give the same key. */
static void add_alias(CgMatcher *m, uint32_t entity, uint32_t alias_index, const CgAlias *alias)
{
    CgText *t = cg_text_analyze(alias->text, strlen(alias->text));
    const CgToken *toks = cg_text_tokens(t);
    uint32_t *words = cg_xmalloc((cg_text_token_count(t) + 1) * sizeof *words);
    size_t n = 0;
    const size_t exact_at = m->exact.len;
    for (size_t i = 0; i < cg_text_token_count(t); ++i) {
        if (toks[i].kind == CG_TOK_HYPHEN) {
            continue;
        }
        words[n++] = cg_ac_intern(m->ac, toks[i].norm, toks[i].norm_len);
        if (alias->exact_case) {
            cg_normalize_keep_case(&m->exact, alias->text + toks[i].begin,
                                   toks[i].end - toks[i].begin);
        }
    }
    if (n) {
        m->cands = cg_xgrow(m->cands, &m->cap_cands, m->n_cands + 1, sizeof *m->cands);
        m->cands[m->n_cands++] = (Candidate){cg_ac_add(m->ac, words, n), entity, alias_index,
                                             alias->short_form, false, alias->exact_case,
                                             exact_at};
    }
    free(words);
    cg_text_free(t);
}

/* A stable counting sort of the candidates by key, so a match finds its
 * candidates in one slice. */
static void group_candidates(CgMatcher *m)
{
    const size_t n_states = cg_ac_state_count(m->ac);
    m->first = cg_xcalloc(n_states + 1, sizeof *m->first);
    for (size_t i = 0; i < m->n_cands; ++i) {
        ++m->first[m->cands[i].key + 1];
    }
    for (size_t s = 1; s <= n_states; ++s) {
        m->first[s] += m->first[s - 1];
    }
    Candidate *sorted = cg_xmalloc((m->n_cands + 1) * sizeof *sorted);
    uint32_t *fill = cg_xmalloc((n_states + 1) * sizeof *fill);
    memcpy(fill, m->first, (n_states + 1) * sizeof *fill);
    for (size_t i = 0; i < m->n_cands; ++i) {
        sorted[fill[m->cands[i].key]++] = m->cands[i];
    }
    free(fill);
    free(m->cands);
    m->cands = sorted;
    m->cap_cands = m->n_cands;
}

CgMatcher *cg_matcher_new(const CgRuleSet *rules)
{
    CgMatcher *m = cg_xcalloc(1, sizeof *m);
    m->rules = rules;
    m->ac = cg_ac_new();
    for (size_t e = 0; e < cg_rules_entity_count(rules); ++e) {
        const CgEntity *ent = cg_rules_entity(rules, e);
        for (size_t a = 0; a < ent->n_aliases; ++a) {
            add_alias(m, (uint32_t)e, (uint32_t)a, &ent->aliases[a]);
        }
    }
    const CgClaimRules *claims = cg_rules_claims(rules);
    for (size_t r = 0; r < claims->n_references; ++r) {
        const CgAlias as_alias = {claims->references[r].text, false, false, 0, 0};
        add_alias(m, UINT32_MAX, (uint32_t)r, &as_alias);
        m->cands[m->n_cands - 1].reference = true;
    }
    cg_ac_compile(m->ac);
    group_candidates(m);
    return m;
}

void cg_matcher_free(CgMatcher *matcher)
{
    if (!matcher) {
        return;
    }
    cg_ac_free(matcher->ac);
    free(matcher->cands);
    free(matcher->first);
    cg_buf_free(&matcher->exact);
    free(matcher);
}

/* ---- scanning ----------------------------------------------------------- */

/* A key found in the text: positions [begin, end) among the non-hyphen
 * tokens, within a sentence whose tokens end at `limit`. */
typedef struct {
    size_t begin, end, limit;
    uint32_t key;
    uint32_t sentence;
} Hit;

typedef struct {
    const CgMatcher *m;
    const CgToken *toks;
    const char *doc;
    size_t *pos_tok; /* token index of each non-hyphen token */
    size_t n_pos;
    Hit *hits;       /* in order of end, longest first for each end */
    size_t n_hits, cap_hits;
    CgIdMap named;   /* entity -> order of its first mention by a full alias */
    uint32_t n_named;
    CgIdMap mentioned; /* entity -> its mentions so far, full or short */
    CgMention *out;
    size_t n_out, cap_out;
    uint32_t *out_sentence; /* per mention, its sentence */
    size_t cap_out_sentence;
    uint32_t sentence;      /* the sentence find_hits is reading */
    CgUnresolved *unresolved; /* NULL unless asked for */
    size_t n_unresolved, cap_unresolved;
    bool want_unresolved;
} Scan;

/* What a hit names: an entity, and for a reference the mention it stands for. */
typedef struct {
    const Candidate *c;
    uint32_t entity;
    uint32_t antecedent;
    uint32_t more[CG_GROUP_MAX - 1];
    uint32_t n_more;
} Resolved;

static void add_hit(Scan *sc, size_t end, size_t limit, uint32_t key)
{
    sc->hits = cg_xgrow(sc->hits, &sc->cap_hits, sc->n_hits + 1, sizeof *sc->hits);
    sc->hits[sc->n_hits++] =
        (Hit){end - cg_ac_key_length(sc->m->ac, key), end, limit, key, sc->sentence};
}

/* The automaton restarts at each sentence, so no key spans two. */
static void find_hits(Scan *sc, const CgSentence *sent)
{
    const CgAc *ac = sc->m->ac;
    uint32_t state = CG_AC_ROOT;
    for (size_t i = sent->tok_begin; i < sent->tok_end; ++i) {
        const CgToken *tok = &sc->toks[i];
        if (tok->kind == CG_TOK_HYPHEN) {
            continue;
        }
        sc->pos_tok[sc->n_pos++] = i;
        const uint32_t word = cg_ac_lookup(ac, tok->norm, tok->norm_len);
        state = word == CG_AC_NONE ? CG_AC_ROOT : cg_ac_step(ac, state, word);
        for (uint32_t k = cg_ac_first_key(ac, state); k != CG_AC_NONE; k = cg_ac_next_key(ac, k)) {
            add_hit(sc, sc->n_pos, sent->tok_end, k);
        }
    }
}

/* `case: exact`: the matched tokens must be the alias' tokens letter for
 * letter, case included (quotes straightened and NFC applied on both sides). */
static bool exact_case_ok(const Scan *sc, const Candidate *c, const Hit *h)
{
    const char *want = sc->m->exact.data + c->exact_at;
    CgBuf have = CG_BUF_INIT;
    bool ok = true;
    for (size_t p = h->begin; ok && p < h->end; ++p) {
        const CgToken *tok = &sc->toks[sc->pos_tok[p]];
        cg_buf_clear(&have);
        cg_normalize_keep_case(&have, sc->doc + tok->begin, tok->end - tok->begin);
        ok = !strcmp(have.data, want);
        want += strlen(want) + 1;
    }
    cg_buf_free(&have);
    return ok;
}

static bool type_fits(const Scan *sc, size_t mention, const CgReference *ref)
{
    return !strcmp(cg_rules_entity(sc->m->rules, sc->out[mention].entity)->type, ref->type);
}

/* The antecedent, as a reader takes it: the latest sentence (this one, then
 * up to the window's sentences back) with a mention of an entity of the
 * reference's type, and in it the first such mention, since a sentence's
 * first name is most often its subject ("Scholz's call with Putin, in which
 * he slammed..." is Scholz).  A pronoun (`pronoun: true`) takes the
 * nearest such mention instead ("urged China to keep North Korea from
 * deepening its alliance" is North Korea's). */
static uint32_t resolve_reference(const Scan *sc, const Candidate *c, const Hit *h)
{
    const CgClaimRules *claims = cg_rules_claims(sc->m->rules);
    const CgReference *ref = &claims->references[c->alias];
    size_t found = SIZE_MAX;
    for (size_t i = sc->n_out; i-- > 0;) {
        const uint32_t sent = sc->out_sentence[i];
        if (sent + claims->reference_window < h->sentence ||
            (found != SIZE_MAX && (ref->pronoun || sent != sc->out_sentence[found]))) {
            break;
        }
        if (type_fits(sc, i, ref)) {
            found = i;
        }
    }
    /* `subject: true`: the nearest must also be its sentence's first */
    for (size_t i = found; ref->subject && found != SIZE_MAX && i-- > 0 &&
                           sc->out_sentence[i] == sc->out_sentence[found];) {
        if (type_fits(sc, i, ref)) {
            return CG_NO_MENTION;
        }
    }
    return found == SIZE_MAX ? CG_NO_MENTION : (uint32_t)found;
}

/* Collects up to `ref->group` distinct entities of the reference's type,
 * the latest first, from the mentions of sentences [first, last]. */
static uint32_t group_collect(const Scan *sc, const CgReference *ref, uint32_t first,
                              uint32_t last, uint32_t found[CG_GROUP_MAX])
{
    uint32_t n = 0;
    for (size_t i = sc->n_out; i-- > 0 && n < ref->group && sc->out_sentence[i] >= first;) {
        bool seen = sc->out_sentence[i] > last || !type_fits(sc, i, ref);
        for (uint32_t j = 0; j < n && !seen; ++j) {
            seen = sc->out[found[j]].entity == sc->out[i].entity;
        }
        if (!seen) {
            found[n++] = (uint32_t)i;
        }
    }
    return n;
}

/* A group reference ("the two leaders", "both countries") stands for the
 * `group` distinct entities of its type named last: in its own sentence
 * when that names them all before it ("a day after the two leaders
 * signed"), else in the sentences before, within the window ("Rutte
 * accused the two leaders" is not Rutte's group).  Their latest mentions,
 * in text order; none when fewer were named. */
static bool resolve_group(const Scan *sc, const CgReference *ref, const Hit *h, Resolved *out)
{
    const uint32_t window = cg_rules_claims(sc->m->rules)->reference_window;
    uint32_t found[CG_GROUP_MAX];
    uint32_t n = group_collect(sc, ref, h->sentence, h->sentence, found);
    if (n < ref->group && h->sentence > 0) {
        const uint32_t first = h->sentence > window ? h->sentence - window : 0;
        n = group_collect(sc, ref, first, h->sentence - 1, found);
    }
    if (n < ref->group) {
        return false;
    }
    out->entity = sc->out[found[n - 1]].entity;
    out->antecedent = found[n - 1];
    out->n_more = n - 1;
    for (uint32_t j = 0; j + 1 < n; ++j) {
        out->more[j] = found[n - 2 - j];
    }
    return true;
}

/* Whether the hit stands right after ", " following a mention of `entity`:
 * then a short form is that mention's apposition ("Andrii Sybiha, the
 * Ukrainian foreign minister,"), which the patterns read word by word. */
static bool is_apposition_of(const Scan *sc, const Hit *h, uint32_t entity)
{
    if (!sc->n_out || sc->out[sc->n_out - 1].entity != entity) {
        return false;
    }
    const size_t comma = sc->out[sc->n_out - 1].tok_end;
    return comma + 1 == sc->pos_tok[h->begin] && sc->toks[comma].kind == CG_TOK_PUNCT &&
           !strcmp(sc->toks[comma].norm, ",");
}

/* Whether a short form's candidate entity `e` (mentioned `count` times,
 * first named at `first`) beats the best so far: the entity the document
 * is most about, that is the one mentioned most often; on a tie the one
 * named first.  Recency would be wrong in "Kim Yo Jong, the leader's
 * sister, warned Washington. Kim and Trump met three times": the article's
 * Kim is the leader, named and mentioned more. */
static bool more_salient(uint32_t count, uint32_t first, uint32_t best_count,
                         uint32_t best_first)
{
    return count > best_count || (count == best_count && first < best_first);
}

/* Whether a one-word short form is followed by a capitalised word: then
 * it is part of another name ("Kim Yong-hyun", South Korea's defence
 * minister, is no Kim named before). */
static bool short_in_other_name(const Scan *sc, const Hit *h)
{
    if (h->end - h->begin != 1) {
        return false;
    }
    const size_t next = sc->pos_tok[h->begin] + 1;
    if (next >= h->limit || sc->toks[next].kind != CG_TOK_WORD) {
        return false;
    }
    const char c = sc->doc[sc->toks[next].begin];
    return c >= 'A' && c <= 'Z';
}

/* Which entity the hit names: a full alias outright; else the most salient
 * of the short form's entities already named by a full alias; else a
 * reference's antecedent; else none (r.c NULL). */
static Resolved resolve(const Scan *sc, const Hit *h)
{
    const CgMatcher *m = sc->m;
    Resolved r = {.c = NULL, .entity = 0, .antecedent = CG_NO_MENTION, .n_more = 0};
    uint32_t best_count = 0, best_first = UINT32_MAX;
    for (uint32_t i = m->first[h->key]; i < m->first[h->key + 1]; ++i) {
        const Candidate *c = &m->cands[i];
        uint32_t order;
        if (c->exact && !exact_case_ok(sc, c, h)) {
            continue;
        }
        if (!c->short_form && !c->reference) {
            return (Resolved){.c = c, .entity = c->entity, .antecedent = CG_NO_MENTION};
        }
        const CgReference *ref =
            c->reference ? &cg_rules_claims(m->rules)->references[c->alias] : NULL;
        if (ref && ref->group) {
            if (!r.c && resolve_group(sc, ref, h, &r)) {
                r.c = c;
            }
            continue;
        }
        uint32_t count = 0;
        if (c->short_form && !short_in_other_name(sc, h) &&
            cg_idmap_get(&sc->named, c->entity, &order) &&
            cg_idmap_get(&sc->mentioned, c->entity, &count) &&
            more_salient(count, order, best_count, best_first) &&
            !is_apposition_of(sc, h, c->entity)) {
            r = (Resolved){.c = c, .entity = c->entity, .antecedent = CG_NO_MENTION};
            best_count = count;
            best_first = order;
        }
        const uint32_t ante = c->reference && !r.c ? resolve_reference(sc, c, h) : CG_NO_MENTION;
        if (ante != CG_NO_MENTION && !is_apposition_of(sc, h, sc->out[ante].entity)) {
            r = (Resolved){.c = c, .entity = sc->out[ante].entity, .antecedent = ante};
        }
    }
    return r;
}

/* Records the mention and returns the index of the token after it; a
 * possessive right after it ("Russia's") belongs to it. */
static size_t emit(Scan *sc, const Hit *h, const Resolved *r)
{
    size_t tok_end = sc->pos_tok[h->end - 1] + 1;
    if (tok_end < h->limit && sc->toks[tok_end].kind == CG_TOK_POSSESSIVE) {
        ++tok_end;
    }
    sc->out = cg_xgrow(sc->out, &sc->cap_out, sc->n_out + 1, sizeof *sc->out);
    sc->out_sentence = cg_xgrow(sc->out_sentence, &sc->cap_out_sentence, sc->n_out + 1,
                                sizeof *sc->out_sentence);
    sc->out_sentence[sc->n_out] = h->sentence;
    const CgReference *ref =
        r->c->reference ? &cg_rules_claims(sc->m->rules)->references[r->c->alias] : NULL;
    CgMention *out = &sc->out[sc->n_out++];
    *out = (CgMention){.tok_begin = sc->pos_tok[h->begin],
                       .tok_end = tok_end,
                       .entity = r->entity,
                       .alias = r->c->alias,
                       .antecedent = r->antecedent,
                       .n_more = r->n_more,
                       .word_too = ref && ref->pronoun,
                       .possessive = ref && ref->possessive};
    memcpy(out->more, r->more, r->n_more * sizeof *r->more);
    uint32_t seen = 0;
    if (!r->c->short_form && !r->c->reference && !cg_idmap_get(&sc->named, r->entity, &seen)) {
        cg_idmap_put(&sc->named, r->entity, ++sc->n_named);
    }
    if (!r->c->reference) {
        uint32_t count = 0;
        (void)cg_idmap_get(&sc->mentioned, r->entity, &count);
        cg_idmap_put(&sc->mentioned, r->entity, count + 1);
    }
    return tok_end;
}

/* The longest hit at a position named nothing: keep what it would have
 * been, for `explain`. */
static void note_unresolved(Scan *sc, const Hit *h)
{
    const Candidate *c = &sc->m->cands[sc->m->first[h->key]];
    sc->unresolved = cg_xgrow(sc->unresolved, &sc->cap_unresolved, sc->n_unresolved + 1,
                              sizeof *sc->unresolved);
    sc->unresolved[sc->n_unresolved++] =
        (CgUnresolved){sc->pos_tok[h->begin], sc->pos_tok[h->end - 1] + 1,
                       c->reference ? UINT32_MAX : c->entity, c->alias};
}

/* The hits grouped by start position (a stable counting sort): within a
 * group they keep the order of their ends, so the longest is last. */
static size_t *hits_by_begin(const Scan *sc, size_t **group)
{
    size_t *start = cg_xcalloc(sc->n_pos + 2, sizeof *start);
    for (size_t i = 0; i < sc->n_hits; ++i) {
        ++start[sc->hits[i].begin + 1];
    }
    for (size_t p = 1; p <= sc->n_pos + 1; ++p) {
        start[p] += start[p - 1];
    }
    size_t *order = cg_xmalloc((sc->n_hits + 1) * sizeof *order);
    size_t *fill = cg_xmalloc((sc->n_pos + 1) * sizeof *fill);
    memcpy(fill, start, (sc->n_pos + 1) * sizeof *fill);
    for (size_t i = 0; i < sc->n_hits; ++i) {
        order[fill[sc->hits[i].begin]++] = i;
    }
    free(fill);
    *group = start;
    return order;
}

/* Leftmost-longest without overlap: at each free position take the longest
 * hit that resolves, falling back to shorter ones (a short form with no
 * antecedent, a case mismatch) before moving on. */
static void select_mentions(Scan *sc)
{
    size_t *group;
    size_t *order = hits_by_begin(sc, &group);
    size_t free_tok = 0;
    for (size_t p = 0; p < sc->n_pos; ++p) {
        if (sc->pos_tok[p] < free_tok) {
            continue;
        }
        bool found = false;
        for (size_t i = group[p + 1]; i-- > group[p] && !found;) {
            const Resolved r = resolve(sc, &sc->hits[order[i]]);
            if (r.c) {
                free_tok = emit(sc, &sc->hits[order[i]], &r);
                found = true;
            }
        }
        if (!found && sc->want_unresolved && group[p + 1] > group[p]) {
            note_unresolved(sc, &sc->hits[order[group[p + 1] - 1]]);
        }
    }
    free(order);
    free(group);
}

size_t cg_matcher_scan(const CgMatcher *matcher, const CgText *text, const char *doc,
                       CgMention **out)
{
    return cg_matcher_scan_all(matcher, text, doc, out, NULL, NULL);
}

size_t cg_matcher_scan_all(const CgMatcher *matcher, const CgText *text, const char *doc,
                           CgMention **out, CgUnresolved **unresolved, size_t *n_unresolved)
{
    Scan sc = {.m = matcher, .toks = cg_text_tokens(text), .doc = doc,
               .want_unresolved = unresolved != NULL};
    sc.pos_tok = cg_xmalloc((cg_text_token_count(text) + 1) * sizeof *sc.pos_tok);
    for (size_t s = 0; s < cg_text_sentence_count(text); ++s) {
        sc.sentence = (uint32_t)s;
        find_hits(&sc, &cg_text_sentences(text)[s]);
    }
    select_mentions(&sc);
    free(sc.out_sentence);
    free(sc.pos_tok);
    free(sc.hits);
    cg_idmap_free(&sc.named);
    cg_idmap_free(&sc.mentioned);
    if (unresolved) {
        *unresolved = sc.unresolved;
        *n_unresolved = sc.n_unresolved;
    }
    *out = sc.out;
    return sc.n_out;
}
