/* The pattern language and the shallow syntax, each addition on sentences
 * of our own: lemma words, constraints (!X, <!X, {mention}), gaps that
 * keep to their clause, greedy gaps, quantities with currency and units,
 * lists of names (n x m), noun-phrase scope and the claimer's clause,
 * possessive and subject pronouns, and group references ({both}). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/buf.h"
#include "extract/extract.h"
#include "match/match.h"
#include "rules/rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char entities[] =
    "entities:\n"
    "  - {id: north-korea, type: Country, label: North Korea, aliases: [North Korean, Pyongyang]}\n"
    "  - {id: russia, type: Country, label: Russia, aliases: [Russian, Moscow]}\n"
    "  - {id: ukraine, type: Country, label: Ukraine, aliases: [Kyiv]}\n"
    "  - {id: japan, type: Country, label: Japan}\n"
    "  - {id: south-korea, type: Country, label: South Korea, aliases: [Seoul]}\n"
    "  - {id: g7, type: Organization, label: G7}\n"
    "  - {id: nato, type: Organization, label: NATO}\n"
    "  - {id: kim, type: Person, label: Kim Jong Un, aliases: [{text: Kim, short: true}]}\n"
    "  - {id: putin, type: Person, label: Vladimir Putin, aliases: [{text: Putin, short: true}]}\n"
    "  - {id: lavrov, type: Person, label: Sergei Lavrov, aliases: [{text: Lavrov, short: true}]}\n"
    "  - {id: shoigu, type: Person, label: Sergei Shoigu, aliases: [{text: Shoigu, short: true}]}\n"
    "  - {id: rutte, type: Person, label: Mark Rutte, aliases: [{text: Rutte, short: true}]}\n"
    "  - {id: marsh, type: Person, label: Marsh}\n"
    "  - {id: ferreira, type: Person, label: Ferreira}\n"
    "predicates:\n"
    "  - {name: metWith, symmetric: true}\n"
    "  - {name: criticizes}\n"
    "  - {name: officialOf}\n"
    "  - {name: sends}\n"
    "  - {name: hasAgreementWith, symmetric: true}\n";

/* Every assertion of `doc` under `entities` + `rules`, sorted, as
 * "subject predicate object" with " negated", " certainty=V", " by=ID",
 * " qty=TEXT", " unit=V" and " CAPTURE=TEXT" when set; "; " between them. */
static char *extract(const char *rules_yaml, const char *doc)
{
    CgBuf yaml = CG_BUF_INIT;
    cg_buf_puts(&yaml, entities);
    cg_buf_puts(&yaml, rules_yaml);
    CgRuleSet *rules = NULL;
    assert_int_equal(cg_rules_load_string(yaml.data, yaml.len, "test.yaml", NULL, &rules), CG_OK);
    CgMatcher *m = cg_matcher_new(rules);
    CgExtractor *x = cg_extractor_new(rules);
    CgText *t = cg_text_analyze(doc, strlen(doc));
    CgMention *ms = NULL;
    const size_t n_m = cg_matcher_scan(m, t, doc, &ms);
    CgAssertion *as = NULL;
    const size_t n = cg_extract_document(x, t, ms, n_m, &as);
    const CgClaimRules *claims = cg_rules_claims(rules);
    char **lines = calloc(n + 1, sizeof *lines);
    for (size_t i = 0; i < n; ++i) {
        const CgAssertion *a = &as[i];
        CgBuf line = CG_BUF_INIT;
        const CgRelationRule *r = cg_rules_relation(rules, a->rule);
        cg_buf_printf(&line, "%s %s %s", cg_rules_entity(rules, a->subject)->id,
                      cg_rules_predicate(rules, r->predicate)->name,
                      cg_rules_entity(rules, a->object)->id);
        if (a->negated) {
            cg_buf_puts(&line, " negated");
        }
        if (a->certainty >= 0) {
            cg_buf_printf(&line, " certainty=%s", claims->certainty[a->certainty].value);
        }
        if (a->claimer != CG_NO_ENTITY) {
            cg_buf_printf(&line, " by=%s", cg_rules_entity(rules, a->claimer)->id);
        }
        if (a->qty_end > a->qty_begin) {
            cg_buf_printf(&line, " qty=%.*s", (int)(a->qty_end - a->qty_begin),
                          doc + a->qty_begin);
        }
        if (a->unit >= 0) {
            cg_buf_printf(&line, " unit=%s", claims->units[a->unit].value);
        }
        for (size_t c = 0; c < a->n_captures; ++c) {
            cg_buf_printf(&line, " %s=%.*s", a->captures[c].name,
                          (int)(a->captures[c].end - a->captures[c].begin),
                          doc + a->captures[c].begin);
        }
        lines[i] = cg_buf_take(&line);
    }
    for (size_t i = 1; i < n; ++i) { /* insertion sort: a handful of lines */
        for (size_t j = i; j > 0 && strcmp(lines[j - 1], lines[j]) > 0; --j) {
            char *tmp = lines[j];
            lines[j] = lines[j - 1];
            lines[j - 1] = tmp;
        }
    }
    CgBuf out = CG_BUF_INIT;
    for (size_t i = 0; i < n; ++i) {
        cg_buf_printf(&out, "%s%s", i ? "; " : "", lines[i]);
        free(lines[i]);
    }
    free(lines);
    free(as);
    free(ms);
    cg_text_free(t);
    cg_extractor_free(x);
    cg_matcher_free(m);
    cg_rules_free(rules);
    cg_buf_free(&yaml);
    return cg_buf_take(&out);
}

static void assert_extracts(const char *rules_yaml, const char *doc, const char *want)
{
    char *got = extract(rules_yaml, doc);
    assert_string_equal(got, want);
    free(got);
}

static const char met_rule[] =
    "relations:\n"
    "  - id: met\n"
    "    predicate: metWith\n"
    "    subject: Person\n"
    "    object: Person\n"
    "    patterns: [\"{subject} meet~ (with)? {object}\"]\n";

/* meet~ stands for meet, meets, met, meeting: one entry, every inflection. */
static void test_lemma_words(void **state)
{
    (void)state;
    assert_extracts(met_rule, "Kim Jong Un met Vladimir Putin.", "kim metWith putin");
    assert_extracts(met_rule, "Kim Jong Un meets Vladimir Putin.", "kim metWith putin");
    assert_extracts(met_rule, "Kim Jong Un is meeting with Vladimir Putin.", "");
    const char accuse[] = "relations:\n"
                          "  - id: crit\n"
                          "    predicate: criticizes\n"
                          "    subject: [Country, Person]\n"
                          "    object: [Country, Person]\n"
                          "    patterns: [\"{subject} (accuse~|sue~) {object}\"]\n";
    assert_extracts(accuse, "Kyiv accused Moscow.", "ukraine criticizes russia");
    assert_extracts(accuse, "Kyiv accuses Moscow.", "ukraine criticizes russia");
    assert_extracts(accuse, "Kyiv accusing Moscow.", "ukraine criticizes russia");
    assert_extracts(accuse, "Kyiv sued Moscow.", "ukraine criticizes russia");
    assert_extracts(accuse, "Kyiv sues Moscow.", "ukraine criticizes russia");
    assert_extracts(accuse, "Kyiv accusation Moscow.", "");
    /* an irregular form stands for its lemma: sent~ is send~ */
    const char sent[] = "relations:\n"
                        "  - id: s\n"
                        "    predicate: sends\n"
                        "    subject: Country\n"
                        "    object: Country\n"
                        "    patterns: [\"{subject} sent~ troops to {object}\"]\n";
    assert_extracts(sent, "Pyongyang sends troops to Russia.", "north-korea sends russia");
    assert_extracts(sent, "Pyongyang sending troops to Russia.", "north-korea sends russia");
    /* a prefix keeps a verb irregular: retake~ is retook, retaken */
    const char retake[] = "relations:\n"
                          "  - id: s\n"
                          "    predicate: sends\n"
                          "    subject: Country\n"
                          "    object: Country\n"
                          "    patterns: [\"{subject} (retake~|withhold~) land from {object}\"]\n";
    assert_extracts(retake, "Kyiv retook land from Russia.", "ukraine sends russia");
    assert_extracts(retake, "Kyiv has retaken land from Russia.", "");
    assert_extracts(retake, "Kyiv retaken land from Russia.", "ukraine sends russia");
    assert_extracts(retake, "Kyiv withheld land from Russia.", "ukraine sends russia");
    assert_extracts(retake, "Kyiv retakes land from Russia.", "ukraine sends russia");
}

/* !X: X must not follow; <!X: X must not come right before; {mention}:
 * any name.  "Marsh met Ferreira's agent" is no meeting with Ferreira. */
static void test_negative_constraints(void **state)
{
    (void)state;
    const char rules[] = "relations:\n"
                         "  - id: met\n"
                         "    predicate: metWith\n"
                         "    subject: Person\n"
                         "    object: Person\n"
                         "    patterns: [\"<!(not|never) {subject} met {object} !'s !(agent|aide)\"]\n";
    assert_extracts(rules, "Marsh met Ferreira on Monday.", "marsh metWith ferreira");
    assert_extracts(rules, "Marsh met Ferreira's agent on Monday.", "");
    assert_extracts(rules, "Marsh met Ferreira aide on Monday.", "");
    assert_extracts(rules, "Not Marsh met Ferreira on Monday.", "");
    const char mention[] = "relations:\n"
                           "  - id: met\n"
                           "    predicate: metWith\n"
                           "    subject: Person\n"
                           "    object: Person\n"
                           "    patterns: [\"<!{mention} {subject} met {object} !(and {mention})\"]\n";
    assert_extracts(mention, "Marsh met Ferreira in Lisbon.", "marsh metWith ferreira");
    assert_extracts(mention, "Marsh met Ferreira and Kim Jong Un.", "");
}

/* A plain gap crosses neither a name nor a clause break; ...N+ crosses
 * both. */
static void test_gaps_keep_to_their_clause(void **state)
{
    (void)state;
    const char plain[] = "syntax: {clause_breaks: [\";\", but]}\n"
                         "relations:\n"
                         "  - id: met\n"
                         "    predicate: metWith\n"
                         "    subject: Person\n"
                         "    object: Person\n"
                         "    patterns: [\"{subject} ...6 met {object}\"]\n";
    const char any[] = "syntax: {clause_breaks: [\";\", but]}\n"
                       "relations:\n"
                       "  - id: met\n"
                       "    predicate: metWith\n"
                       "    subject: Person\n"
                       "    object: Person\n"
                       "    patterns: [\"{subject} ...6+ met {object}\"]\n";
    assert_extracts(plain, "Marsh reportedly also met Ferreira.", "marsh metWith ferreira");
    assert_extracts(plain, "Marsh, an ally of Kim Jong Un, met Ferreira.", "kim metWith ferreira");
    assert_extracts(any, "Marsh, an ally of Kim Jong Un, met Ferreira.",
                    "kim metWith ferreira; marsh metWith ferreira");
    assert_extracts(plain, "Marsh left early; others met Ferreira.", "");
    assert_extracts(plain, "Marsh left early but others met Ferreira.", "");
    assert_extracts(any, "Marsh left early but others met Ferreira.", "marsh metWith ferreira");
}

/* ...N~ crosses names but not clause breaks: an aside between commas. */
static void test_gaps_across_names(void **state)
{
    (void)state;
    const char rules[] = "syntax: {clause_breaks: [\",\"]}\n"
                         "relations:\n"
                         "  - id: met\n"
                         "    predicate: metWith\n"
                         "    subject: Person\n"
                         "    object: Person\n"
                         "    patterns: [\"{subject} (, ...6~ ,)? met {object}\"]\n";
    /* the aside holds a name; the name in the aside met no one */
    assert_extracts(rules, "Marsh, an ally of Kim Jong Un, met Ferreira.", "marsh metWith ferreira");
    /* the aside ends at its comma: what follows is no longer Marsh's */
    assert_extracts(rules, "Marsh, it was said, Kim Jong Un met Ferreira.", "kim metWith ferreira");
}

/* ...N tries the shortest gap first, ...N> the longest. */
static void test_greedy_gaps(void **state)
{
    (void)state;
    const char lazy[] = "relations:\n"
                        "  - id: s\n"
                        "    predicate: sends\n"
                        "    subject: Country\n"
                        "    object: Country\n"
                        "    patterns: [\"{subject} [what: sent ...4] to ...3 {object}\"]\n";
    const char greedy[] = "relations:\n"
                          "  - id: s\n"
                          "    predicate: sends\n"
                          "    subject: Country\n"
                          "    object: Country\n"
                          "    patterns: [\"{subject} [what: sent ...4>] to ...3 {object}\"]\n";
    const char doc[] = "Pyongyang sent shells to depots to Russia.";
    assert_extracts(lazy, doc, "north-korea sends russia what=sent shells");
    assert_extracts(greedy, doc, "north-korea sends russia what=sent shells to depots");
}

/* {quantity} reads currencies and units: "$1.2bn", "€95 million", "9
 * million shells", "about 11,000". */
static void test_quantity_currency_and_units(void **state)
{
    (void)state;
    const char rules[] =
        "claims:\n"
        "  comparators: [{value: approx, cues: [about]}]\n"
        "  units:\n"
        "    - {value: USD, cues: [\"$\", dollars]}\n"
        "    - {value: EUR, cues: [\"\xE2\x82\xAC\", euros]}\n"
        "    - {value: shells, cues: [shells, \"artillery shells\"]}\n"
        "relations:\n"
        "  - id: s\n"
        "    predicate: sends\n"
        "    subject: Country\n"
        "    object: Country\n"
        "    patterns: [\"{subject} sent {quantity} ...2 to {object}\"]\n";
    assert_extracts(rules, "Pyongyang sent $1.2bn in aid to Russia.",
                    "north-korea sends russia qty=$1.2bn unit=USD");
    assert_extracts(rules, "Pyongyang sent \xE2\x82\xAC" "95 million to Russia.",
                    "north-korea sends russia qty=\xE2\x82\xAC" "95 million unit=EUR");
    assert_extracts(rules, "Pyongyang sent 9 million shells to Russia.",
                    "north-korea sends russia qty=9 million unit=shells");
    assert_extracts(rules, "Pyongyang sent 9 million artillery shells to Russia.",
                    "north-korea sends russia qty=9 million unit=shells");
    assert_extracts(rules, "Pyongyang sent about 11,000 to Russia.",
                    "north-korea sends russia qty=about 11,000");
    double v = 0;
    assert_true(cg_quantity_parse("1.2bn", 5, &v));
    assert_true(v == 1.2e9);
    assert_true(cg_quantity_parse("95 million", 10, &v));
    assert_true(v == 95e6);
    assert_true(cg_quantity_parse("20m", 3, &v));
    assert_true(v == 20e6);
    assert_false(cg_quantity_parse("20 m", 4, &v));
}

static const char list_rules[] =
    "syntax:\n"
    "  coordinators: [and, or]\n"
    "  determiners: [the]\n"
    "  verbs: [met, condemned]\n"
    "  reporting_verbs: [said]\n"
    "  name_modifiers: [\"foreign ministers of\", leader, \"foreign minister\"]\n"
    "relations:\n"
    "  - id: condemn\n"
    "    predicate: criticizes\n"
    "    subject: [Country, Organization, Person]\n"
    "    object: [Country, Organization, Person]\n"
    "    patterns: [\"{subject} condemned {object}\"]\n"
    "  - id: met\n"
    "    predicate: metWith\n"
    "    subject: Person\n"
    "    object: Person\n"
    "    patterns: [\"{subject} met {object}\", \"<!met {subject} and ...3+ {object} met\"]\n"
    "  - id: title\n"
    "    predicate: officialOf\n"
    "    subject: Person\n"
    "    object: Country\n"
    "    scope: phrase\n"
    "    patterns: [\"{object} (leader|foreign minister) {subject}\"]\n";

/* In "Russian President Vladimir Putin" the demonym premodifies Putin: a
 * slot that takes persons binds Putin, one that takes countries only keeps
 * Russia. */
static void test_name_phrase_heads(void **state)
{
    (void)state;
    const char rules[] =
        "syntax: {name_modifiers: [president, \"foreign minister\"]}\n"
        "relations:\n"
        "  - id: treaty\n"
        "    predicate: hasAgreementWith\n"
        "    subject: [Person, Country]\n"
        "    object: [Person, Country]\n"
        "    patterns: [\"{subject} signed a treaty with {object}\"]\n"
        "  - id: condemn\n"
        "    predicate: criticizes\n"
        "    subject: Country\n"
        "    object: Country\n"
        "    patterns: [\"{subject} condemned {object}\"]\n";
    assert_extracts(rules, "Kim Jong Un signed a treaty with Russian President Vladimir Putin.",
                    "kim hasAgreementWith putin");
    assert_extracts(rules, "Pyongyang signed a treaty with Russian diplomats.",
                    "north-korea hasAgreementWith russia");
    assert_extracts(rules, "Kyiv condemned Russian President Vladimir Putin.",
                    "ukraine criticizes russia");
}

/* A relation named by a noun phrase (scope: noun) is negated only by a cue
 * that governs the phrase. */
static void test_noun_scope(void **state)
{
    (void)state;
    const char rules[] = "claims: {negation: [not, deny~]}\n"
                         "relations:\n"
                         "  - id: treaty\n"
                         "    predicate: hasAgreementWith\n"
                         "    scope: noun\n"
                         "    subject: Country\n"
                         "    object: Country\n"
                         "    patterns: [\"{subject} 's treaty with {object}\"]\n";
    assert_extracts(rules, "Seoul did not mention any criticism of Moscow's treaty with Pyongyang.",
                    "russia hasAgreementWith north-korea");
    assert_extracts(rules, "Seoul denied Moscow's treaty with Pyongyang.",
                    "russia hasAgreementWith north-korea negated");
}

/* A relation stated of a list holds for each member: 3 x 2 here. */
static void test_lists_of_names(void **state)
{
    (void)state;
    assert_extracts(list_rules,
                    "The foreign ministers of the G7, South Korea and Japan condemned Russia and "
                    "North Korea.",
                    "g7 criticizes north-korea; g7 criticizes russia; japan criticizes north-korea; "
                    "japan criticizes russia; south-korea criticizes north-korea; south-korea "
                    "criticizes russia");
    assert_extracts(list_rules, "Kim Jong Un met Sergei Shoigu and Sergei Lavrov.",
                    "kim metWith lavrov; kim metWith shoigu");
    /* a list between two verbs joins two clauses: nothing is spread */
    assert_extracts(list_rules, "Kim Jong Un met Sergei Shoigu and Sergei Lavrov met Mark Rutte.",
                    "kim metWith shoigu; lavrov metWith rutte");
    /* after a verb of saying, a list is a subject like any other; before a
     * verb it is no object ("Lavrov said") */
    assert_extracts(list_rules, "Seoul said Japan and the G7 condemned Russia.",
                    "g7 criticizes russia; japan criticizes russia");
    assert_extracts(list_rules, "Kim Jong Un met Sergei Shoigu and Sergei Lavrov said so.",
                    "kim metWith shoigu");
    /* both ends in one list: no spreading */
    assert_extracts(list_rules, "Kim Jong Un and Vladimir Putin met in Pyongyang.",
                    "kim metWith putin");
    /* members are the names, not the demonyms before them; a title is a
     * fact of its own phrase and is not spread */
    assert_extracts(list_rules,
                    "North Korean leader Kim Jong Un and Russian Foreign Minister Sergei Lavrov met "
                    "in Pyongyang.",
                    "kim metWith lavrov; kim officialOf north-korea; lavrov officialOf russia");
    /* a serial comma before "and" needs three members: here a new clause */
    assert_extracts(list_rules, "Japan condemned Russia, and North Korea said nothing.",
                    "japan criticizes russia");
}

/* A list right after a preposition is that preposition's object, never
 * the subject of the verb after it: both members are spread; so is one
 * right after a verb of saying, when an object binds it. */
static void test_lists_after_prepositions(void **state)
{
    (void)state;
    const char rules[] = "syntax:\n"
                         "  coordinators: [and]\n"
                         "  verbs: [were]\n"
                         "  prepositions: [\"by (the)?\"]\n"
                         "relations:\n"
                         "  - id: drills\n"
                         "    predicate: criticizes\n"
                         "    subject: Country\n"
                         "    object: Country\n"
                         "    patterns: [\"{subject} said the drills by {object} ...3~ were a threat\"]\n";
    assert_extracts(rules, "Pyongyang said the drills by Japan and Russia were a threat.",
                    "north-korea criticizes japan; north-korea criticizes russia");
    /* without the preposition the list is the verb's subject, as before */
    const char plain[] = "syntax:\n"
                         "  coordinators: [and]\n"
                         "  verbs: [were]\n"
                         "relations:\n"
                         "  - id: drills\n"
                         "    predicate: criticizes\n"
                         "    subject: Country\n"
                         "    object: Country\n"
                         "    patterns: [\"{subject} said the drills by {object} ...3~ were a threat\"]\n";
    assert_extracts(plain, "Pyongyang said the drills by Japan and Russia were a threat.",
                    "north-korea criticizes japan");
    /* right after a verb of saying, a list before a verb is the reported
     * clause's subject: an object there is spread too */
    const char said[] = "syntax:\n"
                        "  coordinators: [and]\n"
                        "  verbs: [were]\n"
                        "  reporting_verbs: [said]\n"
                        "relations:\n"
                        "  - id: threat\n"
                        "    predicate: criticizes\n"
                        "    subject: Country\n"
                        "    object: Country\n"
                        "    patterns: [\"{subject} said (that)? {object} ...3~ were a threat\"]\n";
    assert_extracts(said, "Pyongyang said Japan and Russia were a threat.",
                    "north-korea criticizes japan; north-korea criticizes russia");
    assert_extracts(said, "Pyongyang said that Japan and Russia were a threat.",
                    "north-korea criticizes japan; north-korea criticizes russia");
}

static const char scope_rules[] =
    "claims:\n"
    "  attribution: [\"{claimer} (said|told)\"]\n"
    "  certainty: [{value: possible, cues: [could, whether]}]\n"
    "  negation: [not, \"declined to\", \"refused to\"]\n"
    "relations:\n"
    "  - id: title\n"
    "    predicate: officialOf\n"
    "    subject: Person\n"
    "    object: [Country, Organization]\n"
    "    scope: phrase\n"
    "    patterns: [\"{object} (president|secretary general) {subject}\"]\n"
    "  - id: condemn\n"
    "    predicate: criticizes\n"
    "    subject: [Country, Person]\n"
    "    object: [Country, Person]\n"
    "    patterns: [\"{subject} @AUX? criticise~ {object}\"]\n"
    "  - id: talks\n"
    "    predicate: metWith\n"
    "    subject: Person\n"
    "    object: Person\n"
    "    patterns: [\"{subject} told {object} during talks\"]\n"
    "lists:\n"
    "  AUX: [declined to, refused to, did not, could]\n";

/* Negation, hedges and the claimer qualify a clause, not a title in it. */
static void test_scope_of_cues(void **state)
{
    (void)state;
    assert_extracts(scope_rules,
                    "He would not say whether Russian president Vladimir Putin will raise it with "
                    "NATO secretary general Mark Rutte.",
                    "putin officialOf russia; rutte officialOf nato");
    /* the claimer owns the clause he reports, not his own title */
    assert_extracts(scope_rules,
                    "NATO secretary general Mark Rutte said Pyongyang could criticise Moscow.",
                    "north-korea criticizes russia certainty=possible by=rutte; rutte officialOf "
                    "nato");
    assert_extracts(scope_rules,
                    "Kim Jong Un told Vladimir Putin during talks that Pyongyang could criticise "
                    "Moscow.",
                    "kim metWith putin; north-korea criticizes russia certainty=possible by=kim");
    /* verbs that deny their complement */
    assert_extracts(scope_rules, "Pyongyang declined to criticise Moscow.",
                    "north-korea criticizes russia negated");
    assert_extracts(scope_rules, "Pyongyang refused to criticise Moscow.",
                    "north-korea criticizes russia negated");
    assert_extracts(scope_rules, "Pyongyang did not criticise Moscow.",
                    "north-korea criticizes russia negated");
}

/* "its" stands for the country named before it, and is still the word
 * "its" for the rest of the pattern. */
static void test_possessive_pronouns(void **state)
{
    (void)state;
    const char rules[] =
        "claims:\n"
        "  references: [{text: its, type: Country, possessive: true}]\n"
        "relations:\n"
        "  - id: treaty\n"
        "    predicate: hasAgreementWith\n"
        "    subject: Country\n"
        "    object: Country\n"
        "    patterns: [\"{subject} 's treaty with {object}\"]\n"
        "  - id: s\n"
        "    predicate: sends\n"
        "    subject: Country\n"
        "    object: Country\n"
        "    patterns: [\"{subject} sent its troops to {object}\"]\n";
    assert_extracts(rules, "Moscow defended its treaty with Pyongyang.",
                    "russia hasAgreementWith north-korea");
    assert_extracts(rules, "Moscow defended Russia's treaty with Pyongyang.",
                    "russia hasAgreementWith north-korea");
    assert_extracts(rules, "Pyongyang sent its troops to Russia.", "north-korea sends russia");
    assert_extracts(rules, "Its treaty with Pyongyang was signed.", "");
}

/* "it" (subject: true) stands for the first country of its sentence, and
 * only when that is also the nearest. */
static void test_subject_pronouns(void **state)
{
    (void)state;
    const char rules[] =
        "claims:\n"
        "  references: [{text: it, type: Country, subject: true}]\n"
        "relations:\n"
        "  - id: s\n"
        "    predicate: sends\n"
        "    subject: Country\n"
        "    object: Country\n"
        "    patterns: [\"{subject} had sent troops to {object}\"]\n";
    assert_extracts(rules, "Pyongyang admitted that it had sent troops to Russia.",
                    "north-korea sends russia");
    assert_extracts(rules, "Seoul said Pyongyang had talks and it had sent troops to Russia.",
                    "");
    assert_extracts(rules, "Pyongyang spoke. It had sent troops to Russia.",
                    "north-korea sends russia");
}

/* A group reference stands for the latest distinct entities of its type:
 * a slot spreads over them, {both} pairs them with each other, and too few
 * named leaves it unresolved. */
static void test_group_references(void **state)
{
    (void)state;
    const char rules[] =
        "claims:\n"
        "  references: [{text: the two leaders, type: Person, group: 2},\n"
        "               {text: the three leaders, type: Person, group: 3}]\n"
        "relations:\n"
        "  - id: met\n"
        "    predicate: metWith\n"
        "    subject: Person\n"
        "    object: Person\n"
        "    patterns: [\"{both} held talks\"]\n"
        "  - id: treaty\n"
        "    predicate: hasAgreementWith\n"
        "    subject: Person\n"
        "    object: Person\n"
        "    patterns: [\"treaty {both} signed\"]\n"
        "  - id: crit\n"
        "    predicate: criticizes\n"
        "    subject: Person\n"
        "    object: Person\n"
        "    patterns: [\"{subject} accused {object}\"]\n";
    assert_extracts(rules, "Vladimir Putin welcomed Kim Jong Un. The two leaders held talks.",
                    "putin metWith kim");
    assert_extracts(rules,
                    "Sergei Lavrov flew in. Vladimir Putin met Kim Jong Un, and the treaty the "
                    "two leaders signed was hailed.",
                    "putin hasAgreementWith kim");
    assert_extracts(rules, "Kim Jong Un met Vladimir Putin. Mark Rutte accused the two leaders.",
                    "rutte criticizes kim; rutte criticizes putin");
    assert_extracts(rules, "Vladimir Putin spoke. The two leaders held talks.", "");
    assert_extracts(rules,
                    "Kim Jong Un met Vladimir Putin. Mark Rutte accused the three leaders.", "");
    assert_extracts(rules,
                    "Kim Jong Un met Vladimir Putin in Beijing, a day after the two leaders "
                    "held talks.",
                    "kim metWith putin");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lemma_words),
        cmocka_unit_test(test_negative_constraints),
        cmocka_unit_test(test_gaps_keep_to_their_clause),
        cmocka_unit_test(test_gaps_across_names),
        cmocka_unit_test(test_greedy_gaps),
        cmocka_unit_test(test_name_phrase_heads),
        cmocka_unit_test(test_noun_scope),
        cmocka_unit_test(test_quantity_currency_and_units),
        cmocka_unit_test(test_lists_of_names),
        cmocka_unit_test(test_lists_after_prepositions),
        cmocka_unit_test(test_scope_of_cues),
        cmocka_unit_test(test_possessive_pronouns),
        cmocka_unit_test(test_subject_pronouns),
        cmocka_unit_test(test_group_references),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
