#include "extract.h"

#include "../core/mem.h"
#include "claims.h"
#include "compile.h"
#include "extract_impl.h"
#include "pattern_run.h"
#include "units.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>


/* The bit of each entity type, and of each rule's subject and object types. */
static void extractor_type_bits(CgExtractor *x)
{
    const CgRuleSet *rules = x->rules;
    CgStrMap *bits = cg_strmap_new();
    const size_t n_entities = cg_rules_entity_count(rules);
    x->entity_type_bit = cg_xcalloc(n_entities + 1, sizeof *x->entity_type_bit);
    bool too_many = false;
    for (size_t e = 0; e < n_entities; ++e) {
        const char *type = cg_rules_entity(rules, e)->type;
        uint32_t bit;
        if (!cg_strmap_get(bits, type, strlen(type), &bit)) {
            bit = (uint32_t)cg_strmap_size(bits);
            cg_strmap_put(bits, type, strlen(type), bit);
        }
        too_many |= bit >= 64;
        x->entity_type_bit[e] = bit < 64 ? UINT64_C(1) << bit : 0;
    }
    const size_t n_rules = cg_rules_relation_count(rules);
    x->subject_bits = cg_xcalloc(n_rules + 1, sizeof *x->subject_bits);
    x->object_bits = cg_xcalloc(n_rules + 1, sizeof *x->object_bits);
    for (size_t r = 0; r < n_rules; ++r) {
        const CgRelationRule *rule = cg_rules_relation(rules, r);
        for (size_t i = 0; i < rule->n_subject_types + rule->n_object_types; ++i) {
            const bool subject = i < rule->n_subject_types;
            const char *type = subject ? rule->subject_types[i]
                                       : rule->object_types[i - rule->n_subject_types];
            uint32_t bit;
            if (cg_strmap_get(bits, type, strlen(type), &bit) && bit < 64) {
                *(subject ? &x->subject_bits[r] : &x->object_bits[r]) |= UINT64_C(1) << bit;
            }
        }
        if (too_many) {
            x->subject_bits[r] = x->object_bits[r] = UINT64_MAX;
        }
    }
    if (too_many) {
        for (size_t e = 0; e < n_entities; ++e) {
            x->entity_type_bit[e] = UINT64_MAX;
        }
    }
    cg_strmap_free(bits);
}

/* The words a {quantity} may start with, besides numbers: those a
 * comparator or unit cue starts with; left empty (worked out at each try)
 * when some cue's first words are unknown. */
static void extractor_qty_starts(CgExtractor *x)
{
    const size_t blocks = (x->vocab.n + 63) / 64;
    CgWordSet set = {cg_xcalloc(blocks, sizeof(uint64_t)), 0};
    for (size_t i = 0; i < x->claims.n_comparators + x->claims.n_units; ++i) {
        const CgCPattern *cue = i < x->claims.n_comparators
                                    ? &x->claims.comparators[i]
                                    : &x->claims.units[i - x->claims.n_comparators];
        if (!cue->root) {
            continue;
        }
        if (!cue->root->firsts && !cue->root->first) {
            free(set.bits);
            return;
        }
        if (cue->root->first) {
            set.bits[cue->root->first / 64] |= UINT64_C(1) << (cue->root->first % 64);
        }
        for (size_t b = 0; cue->root->firsts && b < blocks; ++b) {
            set.bits[b] |= cue->root->firsts->bits[b];
        }
    }
    x->qty_starts = set;
}

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
    cg_claims_vocab(cg_rules_claims(rules), &x->vocab);
    cg_syntax_vocab(cg_rules_syntax(rules), &x->vocab);
    cg_vocab_finish(&x->vocab);
    cg_claims_compile(&x->claims, cg_rules_claims(rules), &x->vocab);
    cg_syntax_compile(&x->syntax, cg_rules_syntax(rules), &x->vocab);
    extractor_type_bits(x);
    extractor_qty_starts(x);
    x->patterns = cg_xcalloc(n, sizeof *x->patterns);
    x->pattern_base = cg_xcalloc(n + 1, sizeof *x->pattern_base);
    for (size_t r = 0; r < n; ++r) {
        const CgRelationRule *rule = cg_rules_relation(rules, r);
        x->patterns[r] = cg_xcalloc(rule->n_patterns, sizeof **x->patterns);
        x->pattern_base[r + 1] = x->pattern_base[r] + (uint32_t)rule->n_patterns;
        for (size_t p = 0; p < rule->n_patterns; ++p) {
            cg_cpattern_init(&x->patterns[r][p], rule->patterns[p].root, &x->vocab);
        }
    }
    const CgCPattern **all = cg_xcalloc(x->pattern_base[n] + 1, sizeof *all);
    for (size_t r = 0; r < n; ++r) {
        for (size_t p = 0; p < cg_rules_relation(rules, r)->n_patterns; ++p) {
            all[x->pattern_base[r] + p] = &x->patterns[r][p];
        }
    }
    cg_triggers_build(&x->triggers, all, x->pattern_base[n], x->vocab.n);
    free(all);
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
    free(extractor->pattern_base);
    cg_triggers_free(&extractor->triggers);
    cg_claims_free_compiled(&extractor->claims);
    cg_syntax_free_compiled(&extractor->syntax);
    free(extractor->entity_type_bit);
    free(extractor->qty_starts.bits);
    free(extractor->subject_bits);
    free(extractor->object_bits);
    cg_vocab_free(&extractor->vocab);
    free(extractor);
}

typedef struct {
    CgAssertion *items;
    size_t n, cap;
    size_t sentence_first; /* first assertion of the current sentence */
} CgAssertions;

/* Who the sentence says made its claims (found once, when needed). */
typedef struct {
    bool searched;
    bool found;
    CgBinding b;
} CgAttribution;

/* The sentence being read: its view, and the words it holds. */
typedef struct {
    CgSentenceView view;
    CgUnit *units;     /* view.units, writable: the syntax marks them */
    uint32_t index;
    uint64_t *present; /* bitset of the word ids of its plain tokens */
    uint64_t *candidates; /* bitset of the patterns its words may set off */
    size_t blocks;     /* length of `present` and of every CgWordSet */
    const CgMention *mentions; /* all of the document's, for indexes */
    CgAttribution attribution;
    /* Sentence-wide facts that every claim of it shares, found once, when
     * the first claim needs them (per claim, they cost more than the
     * relation patterns did). */
    bool context_searched;
    bool *context_found;       /* per context pattern */
    CgBinding *context;        /* per context pattern: its first match */
    bool certainty_searched;
    size_t *certainty_first;   /* per certainty class: first unit with a cue, or SIZE_MAX */
    CgSentenceSyntax syntax;   /* its clause breaks and lists of names */
    uint32_t *named;           /* the entities it names, once each */
    uint64_t *named_bits;      /* ... and their type bits */
    size_t n_named, cap_named, cap_named_bits;
    uint64_t types_present;    /* the type bits of all of them */
    bool limited;              /* a relation pattern ran out of steps here */
    uint32_t limited_rule;     /* the first one that did */
    CgStepLimitHit *hits;      /* every sentence that was `limited` */
    size_t n_hits, cap_hits;
    size_t *slot_units;        /* the units holding a mention, in order: the
                                * only starts of a pattern led by a slot */
    size_t n_slot_units, cap_slot_units;
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

static size_t unit_byte_begin(const CgSentenceState *st, size_t unit)
{
    return cg_text_tokens(st->view.text)[st->view.units[unit].tok_begin].begin;
}

static size_t unit_byte_end(const CgSentenceState *st, size_t unit)
{
    return cg_text_tokens(st->view.text)[st->view.units[unit].tok_end - 1].end;
}

/* A comparator cue that ends right before the number, when the pattern
 * read its words itself ("as many as @NUMBER"): its class and first unit. */
static int extract_comparator_before(const CgExtractor *x, const CgSentenceState *st,
                                     size_t number, size_t *first)
{
    for (size_t c = 0; c < x->claims.n_comparators; ++c) {
        for (size_t u = number > 4 ? number - 4 : 0; u < number; ++u) {
            size_t last = u;
            if (cg_claims_cue_at(&x->claims.comparators[c], &st->view, u, &last) &&
                last + 1 == number) {
                *first = u;
                return (int)c;
            }
        }
    }
    return -1;
}

static void extract_quantity(const CgExtractor *x, CgAssertion *a, const CgSentenceState *st,
                             const CgBinding *b)
{
    if (b->qty_last < b->qty_first) {
        return;
    }
    size_t first = b->qty_first;
    a->comparator = b->comparator >= 0
                        ? b->comparator
                        : extract_comparator_before(x, st, b->qty_first, &first);
    a->unit = b->unit;
    a->qty_begin = unit_byte_begin(st, first);
    a->qty_end = unit_byte_end(st, b->qty_last);
    a->num_begin = unit_byte_begin(st, b->num_first);
    a->num_end = unit_byte_end(st, b->num_last);
    a->percent = b->qty_last > b->num_last;
}

static void extract_captures(CgAssertion *a, const CgSentenceState *st, const CgBinding *b)
{
    for (size_t i = 0; i < b->n_captures && i < CG_ASSERTION_CAPTURES; ++i) {
        const CgCapture *c = &b->captures[i];
        a->captures[a->n_captures++] =
            (CgAssertionCapture){c->name, unit_byte_begin(st, c->first),
                                 unit_byte_end(st, c->last)};
    }
}

/* The first attribution pattern that matches the sentence, anywhere. */
static const CgAttribution *extract_attribution(const CgExtractor *x, CgSentenceState *st)
{
    CgAttribution *at = &st->attribution;
    if (at->searched) {
        return at;
    }
    at->searched = true;
    const CgRunContext ctx = cg_run_context(x, NULL, true);
    for (size_t p = 0; p < x->claims.n_attribution && !at->found; ++p) {
        if (!cg_cpattern_anchors_present(&x->claims.attribution[p], st->present)) {
            continue; /* "according to ..." without "according" */
        }
        for (size_t u = 0; u < st->view.n_units && !at->found; ++u) {
            at->found = cg_pattern_match_at(&ctx, x->claims.attribution[p].root, &st->view, u,
                                            &at->b, NULL);
        }
    }
    return at;
}

/* The claimer owns the clause it reports, not its own words: a match that
 * shares units with the attribution ("NATO Secretary General Mark Rutte
 * said") is no claim of Rutte's. */
static void extract_claimer(const CgExtractor *x, CgAssertion *a, CgSentenceState *st,
                            const CgBinding *b)
{
    const CgAttribution *at = extract_attribution(x, st);
    if (!at->found || (at->b.first <= b->last && b->first <= at->b.last)) {
        return;
    }
    if (at->b.claimer) {
        a->claimer = at->b.claimer->entity;
        a->claimer_mention = (uint32_t)(at->b.claimer - st->mentions);
        return;
    }
    for (size_t i = 0; i < at->b.n_captures; ++i) {
        if (!strcmp(at->b.captures[i].name, "claimer")) {
            a->claimer_begin = unit_byte_begin(st, at->b.captures[i].first);
            a->claimer_end = unit_byte_end(st, at->b.captures[i].last);
        }
    }
}

/* The first certainty class with a cue from the sentence start to the end
 * of the match: hedges come before or inside what they hedge. */
static int extract_certainty(const CgExtractor *x, CgSentenceState *st, size_t last)
{
    if (!st->certainty_searched) {
        st->certainty_searched = true;
        for (size_t c = 0; c < x->claims.n_certainty; ++c) {
            size_t u = 0;
            while (u < st->view.n_units &&
                   !cg_claims_cue_at(&x->claims.certainty[c], &st->view, u, NULL)) {
                ++u;
            }
            st->certainty_first[c] = u < st->view.n_units ? u : SIZE_MAX;
        }
    }
    for (size_t c = 0; c < x->claims.n_certainty; ++c) {
        if (st->certainty_first[c] <= last) {
            return (int)c;
        }
    }
    return -1;
}

/* How far before a noun phrase a negation may stand and still govern it:
 * "denied [the] deployment", "rejected any transfer". */
#define CG_NOUN_GOVERNOR 3

/* Where a claim's clause starts: after the last , ; or : before the match
 * (or at the sentence start), so that "X denied that Y sent troops" puts
 * "denied" in the scope of "Y sent troops". */
static size_t extract_clause_start(const CgSentenceState *st, size_t first)
{
    const CgToken *toks = cg_text_tokens(st->view.text);
    for (size_t u = first; u-- > 0;) {
        const CgUnit *unit = &st->view.units[u];
        const char *w = toks[unit->tok_begin].norm;
        if (!unit->mention && (!strcmp(w, ",") || !strcmp(w, ";") || !strcmp(w, ":"))) {
            return u + 1;
        }
    }
    return 0;
}

/* An odd number of negation cues from the clause start to the match's end:
 * "did not send" is negated, "hasn't denied sending" is not.  Cues do not
 * overlap: "has no plans to" is one cue even when "no" is another. */
static bool extract_negated(const CgExtractor *x, const CgSentenceState *st,
                            const CgBinding *b, size_t clause)
{
    unsigned cues = 0;
    for (size_t u = clause; u <= b->last; ++u) {
        size_t last = u;
        if (cg_claims_cue_at(&x->claims.negation, &st->view, u, &last)) {
            ++cues;
            u = last > u ? last : u;
        }
    }
    return cues % 2 == 1;
}

/* The first match of each context pattern in the sentence. */
static void extract_find_context(const CgExtractor *x, CgSentenceState *st)
{
    const CgRunContext ctx = cg_run_context(x, NULL, false);
    st->context_searched = true;
    for (size_t p = 0; p < x->claims.n_context; ++p) {
        st->context_found[p] = false;
        if (!cg_cpattern_anchors_present(&x->claims.context[p], st->present)) {
            continue;
        }
        for (size_t u = 0; u < st->view.n_units && !st->context_found[p]; ++u) {
            st->context_found[p] = cg_pattern_match_at(&ctx, x->claims.context[p].root,
                                                       &st->view, u, &st->context[p], NULL);
        }
    }
}

/* Captures of the first match of each context pattern ("in June"), added
 * to the claim unless its own pattern captured the same name. */
static void extract_context(const CgExtractor *x, CgAssertion *a, CgSentenceState *st)
{
    if (!st->context_searched) {
        extract_find_context(x, st);
    }
    for (size_t p = 0; p < x->claims.n_context; ++p) {
        const CgBinding *b = &st->context[p];
        for (size_t i = 0; st->context_found[p] && i < b->n_captures; ++i) {
            bool have = false;
            for (size_t j = 0; j < a->n_captures; ++j) {
                have |= !strcmp(a->captures[j].name, b->captures[i].name);
            }
            if (!have && a->n_captures < CG_ASSERTION_CAPTURES) {
                a->captures[a->n_captures++] = (CgAssertionCapture){
                    b->captures[i].name, unit_byte_begin(st, b->captures[i].first),
                    unit_byte_end(st, b->captures[i].last)};
            }
        }
    }
}

/* The entities an assertion relates, and which member of a group
 * reference each is. */
typedef struct {
    uint32_t subject, object;
    uint8_t subject_member, object_member;
} CgEnds;

static void extract_add(const CgExtractor *x, CgAssertions *as, uint32_t rule,
                        CgSentenceState *st, const CgBinding *b, const CgEnds *ends)
{
    const CgRelationRule *r = cg_rules_relation(x->rules, rule);
    CgAssertion a = {0};
    a.rule = rule;
    a.subject = ends->subject;
    a.object = ends->object;
    a.subject_member = ends->subject_member;
    a.object_member = ends->object_member;
    a.subject_mention = (uint32_t)(b->subject - st->mentions);
    a.object_mention = (uint32_t)(b->object - st->mentions);
    a.sentence = st->index;
    a.tok_begin = st->view.units[b->first].tok_begin;
    a.tok_end = st->view.units[b->last].tok_end;
    a.comparator = -1;
    a.unit = -1;
    a.certainty = -1;
    a.clause_begin = a.tok_begin;
    a.claimer = a.claimer_mention = CG_NO_ENTITY;
    extract_quantity(x, &a, st, b);
    extract_captures(&a, st, b);
    if (!r->phrase_scope) {
        size_t clause = extract_clause_start(st, b->first);
        if (r->noun_scope && b->first > clause + CG_NOUN_GOVERNOR) {
            clause = b->first - CG_NOUN_GOVERNOR; /* "denied the deployment of" */
        }
        a.clause_begin = st->view.units[clause].tok_begin;
        a.negated = extract_negated(x, st, b, clause);
        if (a.negated && r->drop_negated) {
            return;
        }
        a.certainty = extract_certainty(x, st, b->last);
        extract_claimer(x, &a, st, b);
        extract_context(x, &a, st);
    }
    as->items = cg_xgrow(as->items, &as->cap, as->n + 1, sizeof *as->items);
    as->items[as->n++] = a;
}

/* Whether unit `u` holds a mention the slot takes: of one of its types,
 * not the entity at the other end. */
static bool slot_takes(const CgExtractor *x, const CgSentenceState *st, size_t u, bool subject,
                       const CgRelationRule *rule, uint32_t other)
{
    const CgMention *m = st->view.units[u].mention;
    if (!m || m->entity == other) {
        return false;
    }
    const char *type = cg_rules_entity(x->rules, m->entity)->type;
    return subject ? cg_rules_type_in(type, rule->subject_types, rule->n_subject_types)
                   : cg_rules_type_in(type, rule->object_types, rule->n_object_types);
}

/* The list a slot's unit is a member of, when it is to be expanded: not
 * when the other slot is inside the same list ("Russia and North Korea
 * signed"; "Putin and North Korean leader Kim signed"), not for an object
 * when the list is the subject of a verb after it (unless a verb of saying
 * comes before it: then the object is the reported clause's subject, "the
 * envoy said Russia and North Korea were flouting sanctions"), and not at
 * all when a verb before it and one after it make it two clauses. */
static const CgNameList *extract_list_of(const CgSentenceState *st, size_t unit, size_t other,
                                         bool object)
{
    const uint32_t l = st->syntax.list_of[unit];
    if (l == CG_NO_GROUP) {
        return NULL;
    }
    const CgNameList *list = &st->syntax.lists[l];
    if ((other >= list->first_unit && other <= list->last_unit) ||
        (list->before_verb && ((object && !list->after_saying) || list->after_verb))) {
        return NULL;
    }
    return list;
}

/* The match, and when a slot binds a member of a list of names, the same
 * relation for every member: "the G7, South Korea and Japan condemned
 * Russia and North Korea" gives 3 x 2 assertions. */
/* The unit a slot means: the name a premodifier belongs to ("Russian" in
 * "Russian President Vladimir Putin" means Putin) when the slot takes that
 * name's type and it is not the other end; else the unit it bound. */
static size_t extract_head(const CgExtractor *x, const CgSentenceState *st, size_t r,
                           size_t unit, bool subject, uint32_t other)
{
    const uint32_t head = st->syntax.head_of[unit];
    if (head == CG_NO_GROUP) {
        return unit;
    }
    const CgMention *m = st->view.units[head].mention;
    const uint64_t bits = (subject ? x->subject_bits : x->object_bits)[r];
    return m->entity != other && (x->entity_type_bit[m->entity] & bits) ? head : unit;
}

/* The entity member `k` of mention `m` stands for: itself, or a member of
 * a group reference ("the two leaders"). */
static uint32_t member_entity(const CgSentenceState *st, const CgMention *m, size_t k)
{
    return k ? st->mentions[m->more[k - 1]].entity : m->entity;
}

/* One assertion per pair of ends: a group reference in a slot gives one
 * for each of its members ("Trump accused the two leaders"); {both} binds
 * one group to both slots and gives one for each pair of its members ("the
 * two leaders signed a treaty"). */
static void extract_members(const CgExtractor *x, uint32_t r, CgSentenceState *st,
                            CgAssertions *as, const CgBinding *e, bool spread)
{
    const CgRelationRule *rule = cg_rules_relation(x->rules, r);
    const bool both = e->subject_unit == e->object_unit;
    const size_t ns = 1 + e->subject->n_more, no = 1 + e->object->n_more;
    for (size_t i = 0; i < ns; ++i) {
        for (size_t j = both ? i + 1 : 0; j < no; ++j) {
            const CgEnds ends = {member_entity(st, e->subject, i), member_entity(st, e->object, j),
                                 (uint8_t)i, (uint8_t)j};
            if (ends.subject == ends.object ||
                extract_seen(x->rules, as, rule, ends.subject, ends.object)) {
                continue;
            }
            const size_t before = as->n;
            extract_add(x, as, r, st, e, &ends);
            if (as->n > before && (spread || ns > 1 || no > 1)) {
                as->items[before].spread = true;
            }
        }
    }
}

static void extract_match(const CgExtractor *x, uint32_t r, CgSentenceState *st,
                          CgAssertions *as, const CgBinding *match)
{
    const CgRelationRule *rule = cg_rules_relation(x->rules, r);
    CgBinding headed = *match;
    const CgBinding *b = &headed;
    headed.subject_unit = extract_head(x, st, r, match->subject_unit, true, match->object->entity);
    headed.object_unit = extract_head(x, st, r, match->object_unit, false, match->subject->entity);
    headed.subject = st->view.units[headed.subject_unit].mention;
    headed.object = st->view.units[headed.object_unit].mention;
    /* (a title in its own name phrase, "Russian President Vladimir Putin and
     * North Korean leader Kim", has both ends in the list: not spread) */
    const CgNameList *ls = extract_list_of(st, b->subject_unit, b->object_unit, false);
    const CgNameList *lo = extract_list_of(st, b->object_unit, b->subject_unit, true);
    const size_t ns = ls ? ls->n_members : 1, no = lo ? lo->n_members : 1;
    for (size_t i = 0; i < ns; ++i) {
        const size_t su = ls ? st->syntax.members[ls->first_member + i] : b->subject_unit;
        for (size_t j = 0; j < no; ++j) {
            const size_t ou = lo ? st->syntax.members[lo->first_member + j] : b->object_unit;
            CgBinding e = *b;
            if ((su != b->subject_unit && !slot_takes(x, st, su, true, rule, b->object->entity)) ||
                (ou != b->object_unit && !slot_takes(x, st, ou, false, rule, b->subject->entity))) {
                continue;
            }
            e.subject = st->view.units[su].mention;
            e.object = st->view.units[ou].mention;
            e.first = su < e.first ? su : e.first;
            e.first = ou < e.first ? ou : e.first;
            e.last = su > e.last ? su : e.last;
            e.last = ou > e.last ? ou : e.last;
            extract_members(x, r, st, as, &e, su != b->subject_unit || ou != b->object_unit);
        }
    }
}

/* Whether a pattern that starts with a slot may start at a unit holding
 * `m`: a mention of one of that slot's types (tested here, before a run is
 * set up for nothing). */
static bool slot_may_start(const CgExtractor *x, size_t r, bool subject, const CgMention *m)
{
    return m && (x->entity_type_bit[m->entity] & (subject ? x->subject_bits : x->object_bits)[r]);
}

/* The first unit from `from` on whose word may begin `anchor`, or SIZE_MAX. */
static size_t next_anchor(const CgSentenceState *st, const CgCNode *anchor, size_t from)
{
    for (size_t u = from; u < st->view.n_units; ++u) {
        if (cg_cnode_may_start(anchor, st->view.units[u].word)) {
            return u;
        }
    }
    return SIZE_MAX;
}

/* Runs pattern `p` of rule `r` from every unit where it may start. */
static void extract_pattern(const CgExtractor *x, uint32_t r, const CgCPattern *p,
                            CgSentenceState *st, CgAssertions *as)
{
    const CgRelationRule *rule = cg_rules_relation(x->rules, r);
    const CgRunContext ctx = cg_run_context(x, rule, false);
    if (p->has_quantity && !st->view.numbers_marked) {
        const CgRunContext any = cg_run_context(x, NULL, false);
        cg_units_mark_numbers(&any, &st->view, st->units);
    }
    CgRunTrace trace = {.budget_only = true};
    const size_t n = st->view.n_units;
    size_t at = 0; /* the first unit after `start` that may begin the pattern's
                    * first anchor, found lazily for the starts that get this
                    * far (SIZE_MAX: none); 0 until looked for */
    /* a pattern led by a slot starts only at mentions: those are few */
    const size_t n_starts = p->starts_with_slot ? st->n_slot_units : n;
    for (size_t k = 0; k < n_starts; ++k) {
        const size_t start = p->starts_with_slot ? st->slot_units[k] : k;
        CgBinding b;
        if ((p->lead && !cg_cnode_may_start(p->lead, st->view.units[start].word)) ||
            (p->starts_with_slot &&
             !slot_may_start(x, r, p->starts_with_subject, st->view.units[start].mention)) ||
            (p->starts_with_quantity && !(st->view.units[start].flags & CG_UNIT_QTY_START))) {
            continue;
        }
        if (p->after_start) {
            if (at <= start) {
                at = next_anchor(st, p->after_start, start + 1);
            }
            if (at == SIZE_MAX) {
                break; /* none after this start, nor after any later one */
            }
            if (p->after_reach && at > start + p->after_reach) {
                continue;
            }
        }
        trace.steps_exceeded = false;
        const bool found = cg_pattern_match_at(&ctx, p->root, &st->view, start, &b, &trace);
        if (trace.steps_exceeded && !st->limited) {
            st->limited = true;
            st->limited_rule = r;
        }
        if (found) {
            extract_match(x, r, st, as, &b);
        }
    }
}

/* Lists the units holding a mention (st->slot_units) and returns how many
 * entities they name, a group reference counting as its members. */
static size_t extract_slot_units(CgSentenceState *st)
{
    size_t n = 0;
    st->n_slot_units = 0;
    for (size_t u = 0; u < st->view.n_units; ++u) {
        const CgMention *m = st->view.units[u].mention;
        if (m) {
            st->slot_units = cg_xgrow(st->slot_units, &st->cap_slot_units, st->n_slot_units + 1,
                                      sizeof *st->slot_units);
            st->slot_units[st->n_slot_units++] = u;
            n += 1 + m->n_more;
        }
    }
    return n;
}

/* Whether the sentence names two different entities that rule `r` may
 * relate: one of a subject type, another of an object type.  Most rules
 * fail this on most sentences, and then no pattern of theirs is tried. */
static bool extract_rule_may_fire(const CgExtractor *x, const CgSentenceState *st, size_t r)
{
    const uint64_t sb = x->subject_bits[r], ob = x->object_bits[r];
    if (!(st->types_present & sb) || !(st->types_present & ob)) {
        return false;
    }
    for (size_t i = 0; i < st->n_named; ++i) {
        if (!(st->named_bits[i] & sb)) {
            continue;
        }
        for (size_t j = 0; j < st->n_named; ++j) {
            if (st->named[j] != st->named[i] && (st->named_bits[j] & ob)) {
                return true;
            }
        }
    }
    return false;
}

static void extract_note_name(const CgExtractor *x, CgSentenceState *st, uint32_t entity)
{
    size_t i = 0;
    while (i < st->n_named && st->named[i] != entity) {
        ++i;
    }
    if (i == st->n_named) {
        st->named = cg_xgrow(st->named, &st->cap_named, st->n_named + 1, sizeof *st->named);
        st->named_bits = cg_xgrow(st->named_bits, &st->cap_named_bits, st->n_named + 1,
                                  sizeof *st->named_bits);
        st->named[st->n_named] = entity;
        st->named_bits[st->n_named++] = x->entity_type_bit[entity];
        st->types_present |= x->entity_type_bit[entity];
    }
}

/* The entities the sentence names, once each, with their type bits (a
 * group reference names each of its members). */
static void extract_note_names(const CgExtractor *x, CgSentenceState *st)
{
    st->n_named = 0;
    st->types_present = 0;
    for (size_t u = 0; u < st->view.n_units; ++u) {
        const CgMention *m = st->view.units[u].mention;
        for (size_t k = 0; m && k <= m->n_more; ++k) {
            extract_note_name(x, st, member_entity(st, m, k));
        }
    }
}

static void extract_sentence(const CgExtractor *x, CgSentenceState *st, CgAssertions *as)
{
    as->sentence_first = as->n;
    if (extract_slot_units(st) < 2) {
        return; /* every pattern needs a subject and an object */
    }
    cg_units_mark_present(st->view.units, st->view.n_units, st->present, st->blocks);
    cg_triggers_mark(&x->triggers, st->view.units, st->view.n_units, st->candidates);
    extract_note_names(x, st);
    st->attribution.searched = false;
    st->attribution.found = false;
    st->context_searched = false;
    st->certainty_searched = false;
    st->limited = false;
    bool analysed = false;
    for (size_t r = 0; r < cg_rules_relation_count(x->rules); ++r) {
        const CgRelationRule *rule = cg_rules_relation(x->rules, r);
        if (!extract_rule_may_fire(x, st, r)) {
            continue;
        }
        if (!analysed) { /* the clause breaks the gaps respect, once */
            cg_syntax_analyse(&x->syntax, &st->view, st->units, &st->syntax);
            analysed = true;
        }
        for (size_t p = 0; p < rule->n_patterns; ++p) {
            const uint32_t k = x->pattern_base[r] + (uint32_t)p;
            if ((st->candidates[k / 64] >> (k % 64) & 1) &&
                cg_cpattern_anchors_present(&x->patterns[r][p], st->present)) {
                extract_pattern(x, (uint32_t)r, &x->patterns[r][p], st, as);
            }
        }
    }
    if (st->limited) {
        st->hits = cg_xgrow(st->hits, &st->cap_hits, st->n_hits + 1, sizeof *st->hits);
        st->hits[st->n_hits++] =
            (CgStepLimitHit){st->index, st->limited_rule, CG_PATTERN_STEP_LIMIT};
    }
}

size_t cg_extract_document(const CgExtractor *extractor, const CgText *text,
                           const CgMention *mentions, size_t n_mentions, CgAssertion **out)
{
    return cg_extract_document_hits(extractor, text, mentions, n_mentions, out, NULL, NULL);
}

size_t cg_extract_document_hits(const CgExtractor *extractor, const CgText *text,
                                const CgMention *mentions, size_t n_mentions,
                                CgAssertion **out, CgStepLimitHit **hits, size_t *n_hits)
{
    CgAssertions as = {NULL, 0, 0, 0};
    const size_t blocks = (extractor->vocab.n + 63) / 64;
    uint32_t *ids = cg_vocab_word_ids(&extractor->vocab, text);
    CgUnit *units = cg_xmalloc((cg_text_token_count(text) + 1) * sizeof *units);
    const CgClaimsCompiled *claims = &extractor->claims;
    CgSentenceState st = {
        .view = {text, ids, units, 0, false},
        .units = units,
        .present = cg_xcalloc(blocks, sizeof(uint64_t)),
        .candidates = cg_xcalloc(extractor->triggers.n_patterns / 64 + 1, sizeof(uint64_t)),
        .blocks = blocks,
        .mentions = mentions,
        .context_found = cg_xcalloc(claims->n_context + 1, sizeof(bool)),
        .context = cg_xcalloc(claims->n_context + 1, sizeof(CgBinding)),
        .certainty_first = cg_xcalloc(claims->n_certainty + 1, sizeof(size_t)),
    };
    size_t next_mention = 0;
    const CgSentence *sentences = cg_text_sentences(text);
    for (size_t s = 0; s < cg_text_sentence_count(text); ++s) {
        st.view.numbers_marked = false;
        st.view.n_units = cg_units_build(text, &sentences[s], mentions, n_mentions,
                                         &next_mention, ids, units);
        st.index = (uint32_t)s;
        extract_sentence(extractor, &st, &as);
    }
    free(st.present);
    free(st.candidates);
    free(st.context_found);
    free(st.context);
    free(st.certainty_first);
    cg_syntax_clear(&st.syntax);
    free(st.named);
    free(st.named_bits);
    free(st.slot_units);
    free(units);
    free(ids);
    if (hits) {
        *hits = st.hits;
        *n_hits = st.n_hits;
    } else {
        free(st.hits);
    }
    *out = as.items;
    return as.n;
}
