/* Unit tests for match/: aliases to mentions. */
#include "core/buf.h"
#include "match/match.h"
#include "rules/rules.h"
#include "text/text.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static CgRuleSet *load(const char *yaml)
{
    CgRuleSet *rules = NULL;
    assert_int_equal(cg_rules_load_string(yaml, strlen(yaml), "test.yaml", NULL, &rules), CG_OK);
    assert_non_null(rules);
    return rules;
}

/* Mentions as "id[text]" (and "/N" for alias N > 0), separated by ", ". */
static char *render(const CgRuleSet *rules, const char *doc)
{
    CgMatcher *m = cg_matcher_new(rules);
    CgText *t = cg_text_analyze(doc, strlen(doc));
    const CgToken *toks = cg_text_tokens(t);
    CgMention *ms = NULL;
    const size_t n = cg_matcher_scan(m, t, doc, &ms);
    CgBuf out = CG_BUF_INIT;
    for (size_t i = 0; i < n; ++i) {
        const size_t b = toks[ms[i].tok_begin].begin, e = toks[ms[i].tok_end - 1].end;
        cg_buf_printf(&out, "%s%s[%.*s]", i ? ", " : "", cg_rules_entity(rules, ms[i].entity)->id,
                      (int)(e - b), doc + b);
        if (ms[i].alias) {
            cg_buf_printf(&out, "/%u", (unsigned)ms[i].alias);
        }
    }
    assert_true(n ? ms != NULL : ms == NULL);
    free(ms);
    cg_text_free(t);
    cg_matcher_free(m);
    return cg_buf_take(&out);
}

static void assert_mentions(const CgRuleSet *rules, const char *doc, const char *expected)
{
    char *got = render(rules, doc);
    assert_string_equal(got ? got : "", expected);
    free(got);
}

static const char countries[] =
    "entities:\n"
    "  - {id: north-korea, type: Country, label: North Korea, aliases: [North Korean, DPRK]}\n"
    "  - {id: korea, type: Place, label: Korea}\n"
    "  - {id: nk-troops, type: Unit, label: North Korean troops}\n"
    "  - {id: russia, type: Country, label: Russia, aliases: [Russian Federation]}\n"
    "  - {id: iran, type: Country, label: Iran}\n"
    "  - id: united-states\n"
    "    type: Country\n"
    "    label: United States\n"
    "    aliases: [{text: US, case: exact}, U.S.]\n"
    "  - {id: ivory-coast, type: Country, label: \"C\xC3\xB4te d'Ivoire\"}\n"
    "  - {id: new-zealand, type: Country, label: New Zealand}\n"
    "  - id: kim-jong-un\n"
    "    type: Person\n"
    "    label: Kim Jong Un\n"
    "    aliases: [Kim Jong-un, \"Kim Jong\xE2\x80\x99un\", {text: Kim, short: true}]\n"
    "  - id: kim-yo-jong\n"
    "    type: Person\n"
    "    label: Kim Yo Jong\n"
    "    aliases: [{text: Kim, short: true}, {text: Yo Jong, short: true}]\n"
    "  - id: tim-oneill\n"
    "    type: Person\n"
    "    label: Tim O'Neill\n"
    "    aliases: [{text: \"O\xE2\x80\x99Neill\", case: exact, short: true}]\n";

static CgRuleSet *rules_fixture;

static int setup(void **state)
{
    (void)state;
    rules_fixture = load(countries);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    cg_rules_free(rules_fixture);
    return 0;
}

static void test_hyphen_and_space(void **state)
{
    (void)state;
    assert_mentions(rules_fixture, "Kim Jong-un met Kim Jong Un and kim jong-un.",
                    "kim-jong-un[Kim Jong-un], kim-jong-un[Kim Jong Un], kim-jong-un[kim jong-un]");
    assert_mentions(rules_fixture, "KIM JONG UN", "kim-jong-un[KIM JONG UN]");
}

static void test_curly_apostrophe(void **state)
{
    (void)state;
    assert_mentions(rules_fixture, "C\xC3\xB4te d\xE2\x80\x99Ivoire and C\xC3\xB4te d'Ivoire",
                    "ivory-coast[C\xC3\xB4te d\xE2\x80\x99Ivoire], ivory-coast[C\xC3\xB4te d'Ivoire]");
    assert_mentions(rules_fixture, "C\xC3\x94TE D'IVOIRE", "ivory-coast[C\xC3\x94TE D'IVOIRE]");
}

static void test_possessive(void **state)
{
    (void)state;
    assert_mentions(rules_fixture, "Russia's war, Russia\xE2\x80\x99s troops, RUSSIA'S aims",
                    "russia[Russia's], russia[Russia\xE2\x80\x99s], russia[RUSSIA'S]");
    assert_mentions(rules_fixture, "the United States' position",
                    "united-states[United States']");
    assert_mentions(rules_fixture, "North Korea\xE2\x80\x99s leader",
                    "north-korea[North Korea\xE2\x80\x99s]");
}

static void test_case(void **state)
{
    (void)state;
    assert_mentions(rules_fixture, "RUSSIA and russia and Russia",
                    "russia[RUSSIA], russia[russia], russia[Russia]");
    assert_mentions(rules_fixture, "The US told us that Us and uS and U.S. and u.s. agree.",
                    "united-states[US]/1, united-states[U.S.]/2, united-states[u.s.]/2");
}

/* `case: exact` compares bytes after straightening apostrophes. */
/* Full Unicode case folding and NFC: "Straße" matches the alias
 * "STRASSE"; a Greek name in capitals (medial and final sigma) matches;
 * "Élysée" written with combining accents (NFD) matches the composed alias,
 * also when the alias says `case: exact`. */
static void test_unicode_folding_and_nfc(void **state)
{
    (void)state;
    CgRuleSet *rules = load(
        "entities:\n"
        "  - {id: street, type: Place, label: HAUPTSTRASSE}\n"
        "  - {id: odysseus, type: Person, label: \"\xCE\x9F\xCE\xB4\xCF\x85\xCF\x83\xCF\x83\xCE\xB5\xCF\x8D\xCF\x82\"}\n"
        "  - {id: elysee, type: Organization, label: \"\xC3\x89lys\xC3\xA9" "e\"}\n"
        "  - id: cafe\n"
        "    type: Place\n"
        "    label: Le Bistro\n"
        "    aliases: [{text: \"Caf\xC3\xA9\", case: exact}]\n");
    assert_mentions(rules, "They met on Hauptstra\xC3\x9F" "e.", "street[Hauptstra\xC3\x9F" "e]");
    assert_mentions(rules, "\xCE\x9F\xCE\x94\xCE\xA5\xCE\xA3\xCE\xA3\xCE\x95\xCE\x8E\xCE\xA3 spoke.",
                    "odysseus[\xCE\x9F\xCE\x94\xCE\xA5\xCE\xA3\xCE\xA3\xCE\x95\xCE\x8E\xCE\xA3]");
    assert_mentions(rules, "The E\xCC\x81lyse\xCC\x81" "e said so.",
                    "elysee[E\xCC\x81lyse\xCC\x81" "e]");
    assert_mentions(rules, "Cafe\xCC\x81 and CAF\xC3\x89.", "cafe[Cafe\xCC\x81]/1");
    cg_rules_free(rules);
}

static void test_exact_case_apostrophe(void **state)
{
    (void)state;
    assert_mentions(rules_fixture, "Tim O'Neill spoke. O'Neill left. O'NEILL came. O\xE2\x80\x99Neill",
                    "tim-oneill[Tim O'Neill], tim-oneill[O'Neill]/1, "
                    "tim-oneill[O\xE2\x80\x99Neill]/1");
}

static void test_leftmost_longest(void **state)
{
    (void)state;
    assert_mentions(rules_fixture,
                    "North Korean troops crossed. North Korea said. North Korean officials "
                    "spoke. Korea is split. North Korean troop.",
                    "nk-troops[North Korean troops], north-korea[North Korea], "
                    "north-korea[North Korean]/1, korea[Korea], north-korea[North Korean]/1");
    /* an incomplete longer key falls back to the keys inside it */
    assert_mentions(rules_fixture, "North Korean Russian Federation",
                    "north-korea[North Korean]/1, russia[Russian Federation]/1");
    assert_mentions(rules_fixture, "Russian Federal Korea", "korea[Korea]");
}

static void test_overlap_leftmost_wins(void **state)
{
    (void)state;
    CgRuleSet *rules = load("entities:\n"
                            "  - {id: a, type: T, label: New York}\n"
                            "  - {id: b, type: T, label: York Times}\n"
                            "  - {id: c, type: T, label: Times Square Garden}\n");
    assert_mentions(rules, "The New York Times Square Garden",
                    "a[New York], c[Times Square Garden]");
    assert_mentions(rules, "The York Times Square", "b[York Times]");
    cg_rules_free(rules);
}

static void test_token_boundaries(void **state)
{
    (void)state;
    assert_mentions(rules_fixture, "Russian troops, Iranian oil, Russias, Korean",
                    "");
    assert_mentions(rules_fixture, "Russia-backed Iran-linked", "russia[Russia], iran[Iran]");
    CgRuleSet *rules = load("entities:\n"
                            "  - {id: iran, type: Country, label: Iran, aliases: [Iranian]}\n");
    assert_mentions(rules, "Iranian oil from Iran", "iran[Iranian]/1, iran[Iran]");
    cg_rules_free(rules);
}

static void test_short_aliases(void **state)
{
    (void)state;
    assert_mentions(rules_fixture,
                    "Kim spoke. Kim Jong Un arrived. Kim smiled. Kim Yo Jong said. Kim left. "
                    "Yo Jong waved. Kim Jong-un's visit. Kim's words.",
                    "kim-jong-un[Kim Jong Un], kim-jong-un[Kim]/3, kim-yo-jong[Kim Yo Jong], "
                    "kim-jong-un[Kim]/3, kim-yo-jong[Yo Jong]/2, kim-jong-un[Kim Jong-un's], "
                    "kim-jong-un[Kim's]/3");
    /* a shared short form names the entity mentioned most so far (above:
     * Kim Jong Un, twice, against Kim Yo Jong's once), on a tie the one
     * named first, not the one named last */
    assert_mentions(rules_fixture, "Kim Yo Jong spoke. Kim Jong Un listened. Kim left.",
                    "kim-yo-jong[Kim Yo Jong], kim-jong-un[Kim Jong Un], kim-yo-jong[Kim]/1");
    /* the state is per document: nothing carries over from the last scan */
    assert_mentions(rules_fixture, "Kim and Yo Jong", "");
    /* a short form that is also case: exact */
    assert_mentions(rules_fixture, "O'Neill. Tim O'Neill. o'neill",
                    "tim-oneill[Tim O'Neill]");
}

static void test_sentence_boundary(void **state)
{
    (void)state;
    assert_mentions(rules_fixture, "Trade with New\nZealand grew.", "");
    assert_mentions(rules_fixture, "Trade with new\nzealand grew.", "new-zealand[new\nzealand]");
    assert_mentions(rules_fixture, "Trade in\nNew Zealand grew.", "new-zealand[New Zealand]");
    assert_mentions(rules_fixture, "It was North. Korea is near.", "korea[Korea]");
}

static void test_empty(void **state)
{
    (void)state;
    assert_mentions(rules_fixture, "", "");
    assert_mentions(rules_fixture, "nothing to see here", "");
    CgRuleSet *rules = load("entities: []\n");
    assert_mentions(rules, "Russia", "");
    cg_rules_free(rules);
    cg_matcher_free(NULL);
}

/* A distinct all-letter word per number: "x" then base-26 digits. */
static void word_of(unsigned i, char *out)
{
    char tmp[16];
    size_t n = 0;
    do {
        tmp[n++] = (char)('a' + i % 26);
        i /= 26;
    } while (i);
    out[0] = 'X';
    for (size_t k = 0; k < n; ++k) {
        out[k + 1] = tmp[n - 1 - k];
    }
    out[n + 1] = '\0';
}

enum { SCALE_ENTITIES = 25000 }; /* four aliases each: 100,000 */

static CgRuleSet *scale_rules(void)
{
    CgBuf y = CG_BUF_INIT;
    cg_buf_puts(&y, "entities:\n");
    for (unsigned i = 0; i < SCALE_ENTITIES; ++i) {
        char w[16];
        word_of(i, w);
        cg_buf_printf(&y, "  - {id: e%u, type: T, label: Name %s, aliases: [%s Corp, "
                          "Alpha %s Beta, %s]}\n", i, w, w, w, w);
    }
    CgRuleSet *rules = load(cg_buf_str(&y));
    cg_buf_free(&y);
    assert_int_equal(cg_rules_entity_count(rules), SCALE_ENTITIES);
    return rules;
}

/* Each sample entity appears in each of the four forms, plus "Alpha W left"
 * (a key begun and abandoned: the failure link must find "W" inside it). */
static void test_scale(void **state)
{
    (void)state;
    CgRuleSet *rules = scale_rules();
    CgBuf doc = CG_BUF_INIT, want = CG_BUF_INIT;
    static const unsigned sample[] = {0, 1, 25, 26, 676, 12345, 20000, 24999};
    for (size_t k = 0; k < sizeof sample / sizeof *sample; ++k) {
        char w[16];
        const unsigned i = sample[k];
        word_of(i, w);
        cg_buf_printf(&doc, "Name %s met %s Corp and Alpha %s Beta. %s said. Alpha %s left. ",
                      w, w, w, w, w);
        cg_buf_printf(&want, "%se%u[Name %s], e%u[%s Corp]/1, e%u[Alpha %s Beta]/2, e%u[%s]/3, "
                             "e%u[%s]/3", k ? ", " : "", i, w, i, w, i, w, i, w, i, w);
    }
    assert_mentions(rules, cg_buf_str(&doc), cg_buf_str(&want));
    cg_buf_free(&doc);
    cg_buf_free(&want);
    cg_rules_free(rules);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hyphen_and_space),
        cmocka_unit_test(test_curly_apostrophe),
        cmocka_unit_test(test_possessive),
        cmocka_unit_test(test_case),
        cmocka_unit_test(test_exact_case_apostrophe),
        cmocka_unit_test(test_unicode_folding_and_nfc),
        cmocka_unit_test(test_leftmost_longest),
        cmocka_unit_test(test_overlap_leftmost_wins),
        cmocka_unit_test(test_token_boundaries),
        cmocka_unit_test(test_short_aliases),
        cmocka_unit_test(test_sentence_boundary),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_scale),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
