/* extract/: patterns over the tokens and mentions of a sentence. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "extract/extract.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char cg_rules_yaml[] =
    "entities:\n"
    "  - {id: north-korea, type: Country, label: North Korea, aliases: [North Korean, Pyongyang]}\n"
    "  - {id: russia, type: Country, label: Russia, aliases: [Russian, Moscow]}\n"
    "  - {id: ukraine, type: Country, label: Ukraine}\n"
    "  - {id: kursk, type: Place, label: Kursk, aliases: [Kursk region]}\n"
    "  - {id: vladimir-putin, type: Person, label: Vladimir Putin, aliases: [Putin]}\n"
    "  - {id: olaf-scholz, type: Person, label: Olaf Scholz, aliases: [Scholz]}\n"
    "predicates:\n"
    "  - {name: deploysTroopsTo}\n"
    "  - {name: officialOf}\n"
    "  - {name: metWith, symmetric: true}\n"
    "  - {name: atWarWith, symmetric: true}\n"
    "relations:\n"
    "  - id: troops-sent\n"
    "    predicate: deploysTroopsTo\n"
    "    subject: Country\n"
    "    object: [Country, Place]\n"
    "    patterns:\n"
    "      - \"{subject} (has|have)? (sent|deploy*) ...3 {quantity}? (troops|soldiers) "
    "...4 (to|in) the? {object}\"\n"
    "  - id: title\n"
    "    predicate: officialOf\n"
    "    subject: Person\n"
    "    object: Country\n"
    "    patterns: [\"{object} (president|chancellor) {subject}\"]\n"
    "  - id: met\n"
    "    predicate: metWith\n"
    "    subject: Person\n"
    "    object: Person\n"
    "    patterns: [\"{subject} (met|held talks|spoke by phone) (with)? {object}\", \"{subject} 's? ...3 call with {object}\"]\n"
    "  - id: war\n"
    "    predicate: atWarWith\n"
    "    subject: Country\n"
    "    object: Country\n"
    "    patterns: [\"{subject} full-scale? invasion of {object}\"]\n";

typedef struct {
    CgRuleSet *rules;
    CgMatcher *matcher;
    CgExtractor *extractor;
} Fixture;

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof *f);
    if (cg_rules_load_string(cg_rules_yaml, strlen(cg_rules_yaml), "test.yaml", NULL,
                             &f->rules)) {
        return -1;
    }
    f->matcher = cg_matcher_new(f->rules);
    f->extractor = cg_extractor_new(f->rules);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    cg_matcher_free(f->matcher);
    cg_extractor_free(f->extractor);
    cg_rules_free(f->rules);
    free(f);
    return 0;
}

/* Runs the pipeline up to extract on `doc`; returns the count. */
static size_t run(const Fixture *f, const char *doc, CgAssertion **as, CgText **text)
{
    *text = cg_text_analyze(doc, strlen(doc));
    CgMention *m = NULL;
    const size_t n_m = cg_matcher_scan(f->matcher, *text, doc, &m);
    const size_t n = cg_extract_document(f->extractor, *text, m, n_m, as);
    free(m);
    return n;
}

static const char *entity(const Fixture *f, uint32_t i)
{
    return cg_rules_entity(f->rules, i)->id;
}

static const char *rule(const Fixture *f, const CgAssertion *a)
{
    return cg_rules_relation(f->rules, a->rule)->id;
}

static void test_slots_gap_and_quantity(void **state)
{
    const Fixture *f = *state;
    const char *doc = "Pyongyang has sent around 12,000 soldiers to Russia, officials say.";
    CgAssertion *as;
    CgText *t;
    assert_int_equal(run(f, doc, &as, &t), 1);
    assert_string_equal(rule(f, &as[0]), "troops-sent");
    assert_string_equal(entity(f, as[0].subject), "north-korea");
    assert_string_equal(entity(f, as[0].object), "russia");
    assert_int_equal(as[0].qty_end - as[0].qty_begin, 6);
    assert_memory_equal(doc + as[0].qty_begin, "12,000", 6);
    free(as);
    cg_text_free(t);
}

static void test_optional_parts_and_prefix(void **state)
{
    const Fixture *f = *state;
    const char *doc = "North Korea deployed troops in the Kursk region.";
    CgAssertion *as;
    CgText *t;
    assert_int_equal(run(f, doc, &as, &t), 1);
    assert_string_equal(entity(f, as[0].object), "kursk");
    assert_int_equal(as[0].qty_begin, as[0].qty_end); /* nothing captured */
    free(as);
    cg_text_free(t);
}

static void test_type_constraints(void **state)
{
    const Fixture *f = *state;
    /* Putin is a Person: troops-sent wants a Country subject. */
    const char *doc = "Putin has sent troops to Ukraine.";
    CgAssertion *as;
    CgText *t;
    assert_int_equal(run(f, doc, &as, &t), 0);
    assert_null(as);
    cg_text_free(t);
}

static void test_gap_is_bounded(void **state)
{
    const Fixture *f = *state;
    const char *doc = "North Korea has sent a great many more than expected of its soldiers to "
                      "Russia.";
    CgAssertion *as;
    CgText *t;
    assert_int_equal(run(f, doc, &as, &t), 0);
    cg_text_free(t);
    free(as);
}

static void test_no_relation_across_sentences(void **state)
{
    const Fixture *f = *state;
    const char *doc = "Scholz met officials on Friday. Putin stayed home.";
    CgAssertion *as;
    CgText *t;
    assert_int_equal(run(f, doc, &as, &t), 0);
    cg_text_free(t);
    free(as);
}

static void test_one_assertion_per_triple_and_sentence(void **state)
{
    const Fixture *f = *state;
    /* Both patterns of "met" fire; symmetric duplicates are one assertion. */
    const char *doc = "Scholz met with Putin after Scholz's phone call with Putin.";
    CgAssertion *as;
    CgText *t;
    assert_int_equal(run(f, doc, &as, &t), 1);
    assert_int_equal(as[0].sentence, 0);
    free(as);
    cg_text_free(t);
}

static void test_hyphenated_pattern_word_and_possessive(void **state)
{
    const Fixture *f = *state;
    const char *doc = "Russia\xE2\x80\x99s full-scale invasion of Ukraine began in 2022. "
                      "German Chancellor Olaf Scholz spoke.";
    CgAssertion *as;
    CgText *t;
    assert_int_equal(run(f, doc, &as, &t), 1);
    assert_string_equal(rule(f, &as[0]), "war");
    assert_string_equal(entity(f, as[0].subject), "russia");
    assert_string_equal(entity(f, as[0].object), "ukraine");
    free(as);
    cg_text_free(t);
}

/* Phrases and single words of one group both match (the compiled form keeps
 * single words in a set and phrases apart). */
static void test_phrase_and_word_alternatives(void **state)
{
    const Fixture *f = *state;
    const char *docs[] = {"Scholz held talks with Putin.", "Scholz met Putin.",
                          "Scholz spoke by phone with Putin.", "Scholz held Putin."};
    const size_t want[] = {1, 1, 1, 0};
    for (size_t i = 0; i < 4; ++i) {
        CgAssertion *as;
        CgText *t;
        assert_int_equal(run(f, docs[i], &as, &t), want[i]);
        free(as);
        cg_text_free(t);
    }
}

static void test_never_self_related(void **state)
{
    const Fixture *f = *state;
    /* Moscow names Russia: the only reading would relate Russia to itself. */
    const char *doc = "Moscow has sent troops to Russia.";
    CgAssertion *as;
    CgText *t;
    assert_int_equal(run(f, doc, &as, &t), 0);
    free(as);
    cg_text_free(t);
}

/* Affix words: "dep*" and "deploy*" are a chain (a token starting with the
 * longer starts with both), "*ed" a suffix, and "deployed" is also a plain
 * pattern word, which must still count as a "deploy*" word. */
static const char cg_affix_yaml[] =
    "entities:\n"
    "  - {id: north-korea, type: Country, label: North Korea}\n"
    "  - {id: russia, type: Country, label: Russia}\n"
    "predicates:\n"
    "  - {name: p}\n"
    "relations:\n"
    "  - {id: deploy-word, predicate: p, subject: Country, object: Country,\n"
    "     patterns: [\"{subject} deploy* to {object}\"]}\n"
    "  - {id: dep-in-group, predicate: p, subject: Country, object: Country,\n"
    "     patterns: [\"{subject} (sent|dep*) troops to {object}\"]}\n"
    "  - {id: ed-suffix, predicate: p, subject: Country, object: Country,\n"
    "     patterns: [\"{subject} *ed with {object}\"]}\n"
    "  - {id: plain-word, predicate: p, subject: Country, object: Country,\n"
    "     patterns: [\"{subject} deployed nothing near {object}\"]}\n";

/* The ids of the rules that fire on `doc`, space-separated, into `out`. */
static void affix_rules_fired(const char *doc, char *out, size_t size)
{
    CgRuleSet *rules = NULL;
    assert_int_equal(cg_rules_load_string(cg_affix_yaml, strlen(cg_affix_yaml), "affix.yaml",
                                          NULL, &rules), 0);
    CgMatcher *matcher = cg_matcher_new(rules);
    CgExtractor *x = cg_extractor_new(rules);
    CgText *text = cg_text_analyze(doc, strlen(doc));
    CgMention *m = NULL;
    const size_t n_m = cg_matcher_scan(matcher, text, doc, &m);
    CgAssertion *as = NULL;
    const size_t n = cg_extract_document(x, text, m, n_m, &as);
    out[0] = '\0';
    for (size_t i = 0; i < n; ++i) {
        const char *id = cg_rules_relation(rules, as[i].rule)->id;
        snprintf(out + strlen(out), size - strlen(out), "%s%s", i ? " " : "", id);
    }
    free(as);
    free(m);
    cg_text_free(text);
    cg_extractor_free(x);
    cg_matcher_free(matcher);
    cg_rules_free(rules);
}

static void test_affix_words(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"North Korea deployed to Russia.", "deploy-word"},          /* also a plain word */
        {"North Korea deploys to Russia.", "deploy-word"},           /* a prefix alone */
        {"North Korea deploying troops to Russia.", "dep-in-group"}, /* longer prefix, same chain */
        {"North Korea depends troops to Russia.", "dep-in-group"},   /* the shorter prefix only */
        {"North Korea sent troops to Russia.", "dep-in-group"},      /* the group's plain word */
        {"North Korea dispatched troops to Russia.", ""},            /* neither */
        {"North Korea partnered with Russia.", "ed-suffix"},
        {"North Korea deployed with Russia.", "ed-suffix"},          /* plain word with the suffix */
        {"North Korea partners with Russia.", ""},
        {"North Korea dep to Russia.", ""},                           /* "dep" is no "deploy" word */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
        char fired[256];
        affix_rules_fired(cases[i][0], fired, sizeof fired);
        if (strcmp(fired, cases[i][1])) {
            fail_msg("\"%s\": fired \"%s\", want \"%s\"", cases[i][0], fired, cases[i][1]);
        }
    }
}

/* Values of numbers: digits with separators, words, scales; a vague amount
 * ("thousands", "several") has none. */
static void test_quantity_values(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        bool ok;
        double value;
    } cases[] = {
        {"12,000", true, 12000},     {"1.5 million", true, 1.5e6}, {"eight million", true, 8e6},
        {"Twelve", true, 12},        {"three hundred", true, 300}, {"a dozen", false, 0},
        {"dozen", true, 12},         {"thousands", false, 0},      {"several", false, 0},
        {"ten millions", false, 0},  {"1,5", true, 15},            {"many", false, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
        double v = -1;
        const bool ok = cg_quantity_parse(cases[i].text, strlen(cases[i].text), &v);
        if (ok != cases[i].ok || (ok && v != cases[i].value)) {
            fail_msg("\"%s\": %s %g, want %s %g", cases[i].text, ok ? "value" : "no value", v,
                     cases[i].ok ? "value" : "no value", cases[i].value);
        }
    }
}

/* {quantity} reads vague amounts too: the claim keeps the words. */
static void test_vague_quantity_is_read(void **state)
{
    const Fixture *f = *state;
    const char *doc = "Pyongyang has sent several thousand soldiers to Russia.";
    CgAssertion *as;
    CgText *t;
    assert_int_equal(run(f, doc, &as, &t), 1);
    assert_int_equal(as[0].qty_end - as[0].qty_begin, 16);
    assert_memory_equal(doc + as[0].qty_begin, "several thousand", 16);
    free(as);
    cg_text_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_slots_gap_and_quantity),
        cmocka_unit_test(test_optional_parts_and_prefix),
        cmocka_unit_test(test_type_constraints),
        cmocka_unit_test(test_gap_is_bounded),
        cmocka_unit_test(test_no_relation_across_sentences),
        cmocka_unit_test(test_one_assertion_per_triple_and_sentence),
        cmocka_unit_test(test_hyphenated_pattern_word_and_possessive),
        cmocka_unit_test(test_phrase_and_word_alternatives),
        cmocka_unit_test(test_never_self_related),
        cmocka_unit_test(test_affix_words),
        cmocka_unit_test(test_quantity_values),
        cmocka_unit_test(test_vague_quantity_is_read),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
