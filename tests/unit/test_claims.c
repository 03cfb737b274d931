/* Claims, end to end through the library: each feature on sentences of our
 * own, checked in the N-Triples that result. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "export/export.h"
#include "pipeline/pipeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char cg_yaml[] =
    "lists:\n"
    "  SAY: [said, says, estimates, claimed, told]\n"
    "  MONTH: [June, November]\n"
    "entities:\n"
    "  - {id: north-korea, type: Country, label: North Korea, aliases: [Pyongyang]}\n"
    "  - {id: russia, type: Country, label: Russia, aliases: [Moscow, Kremlin]}\n"
    "  - {id: ukraine, type: Country, label: Ukraine}\n"
    "  - {id: antony-blinken, type: Person, label: Antony Blinken, aliases: [Blinken]}\n"
    "  - {id: vladimir-putin, type: Person, label: Vladimir Putin, aliases: [Putin]}\n"
    "  - {id: kim-jong-un, type: Person, label: Kim Jong Un}\n"
    "predicates: [{name: deploysTroopsTo}, {name: supports}, {name: metWith, symmetric: true}]\n"
    "relations:\n"
    "  - id: troops\n"
    "    predicate: deploysTroopsTo\n"
    "    subject: Country\n"
    "    object: Country\n"
    "    patterns: [\"{subject} ...4 (sent|send|sending|deploy) ...3 {quantity}? "
    "[unit: troops|soldiers]? (to|in) {object}\"]\n"
    "  - id: backs\n"
    "    predicate: supports\n"
    "    subject: [Country, Person]\n"
    "    object: Country\n"
    "    negated: drop\n"
    "    patterns: [\"{subject} ...6 (backs|support|supports) (for)? {object}\"]\n"
    "  - id: met\n"
    "    predicate: metWith\n"
    "    subject: Person\n"
    "    object: Person\n"
    "    patterns: [\"{subject} met {object}\"]\n"
    "claims:\n"
    "  attribution:\n"
    "    - \"according to {claimer}\"\n"
    "    - \"according to [claimer: (a|an) ...2+ (insider|source)]\"\n"
    "    - \"{claimer} @SAY\"\n"
    "  context: [\"[date: in @MONTH]\"]\n"
    "  certainty:\n"
    "    - {value: possible, cues: [could, may]}\n"
    "    - {value: planned, cues: [\"plans to\", \"is set to\"]}\n"
    "    - {value: reported, cues: [reportedly, allegedly]}\n"
    "  negation: [not, \"*n't\", denied, \"has no plans to\", no]\n"
    "  comparators:\n"
    "    - {value: approx, cues: [around, approximately]}\n"
    "    - {value: atLeast, cues: [\"more than\"]}\n"
    "    - {value: atMost, cues: [\"up to\", \"as many as\"]}\n"
    "  references: [{text: he, type: Person}, {text: the country, type: Country}]\n";

#define EV "<https://example.org/claimgraph/evidence/"
#define ENT "<https://example.org/claimgraph/entity/"
#define CG "<https://w3id.org/claimgraph/ns#"

typedef struct {
    CgRuleSet *rules;
    char *nt; /* the N-Triples of the last build */
} Fixture;

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof *f);
    if (cg_rules_load_string(cg_yaml, strlen(cg_yaml), "claims.yaml", NULL, &f->rules)) {
        return -1;
    }
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    cg_rules_free(f->rules);
    free(f->nt);
    free(f);
    return 0;
}

/* Builds the graph of `text` (as document `path`) into f->nt. */
static const char *build(Fixture *f, const char *path, const char *text)
{
    CgPipeline *p = cg_pipeline_new(f->rules);
    CgGraph *g = cg_graph_new();
    assert_int_equal(cg_pipeline_add_text(p, g, path, text, strlen(text), NULL), CG_OK);
    cg_graph_finish(g);
    free(f->nt);
    size_t n = 0;
    FILE *mem = open_memstream(&f->nt, &n);
    assert_int_equal(cg_export_rdf(g, CG_DEFAULT_BASE, CG_FMT_NTRIPLES, mem, NULL), CG_OK);
    fclose(mem);
    cg_graph_free(g);
    cg_pipeline_free(p);
    return f->nt;
}

/* Whether some evidence line has predicate `p` and object `o` (as written). */
static bool has_ev(const char *nt, const char *p, const char *o)
{
    char want[512];
    snprintf(want, sizeof want, "> %s%s> %s .\n", CG, p, o);
    for (const char *at = nt; (at = strstr(at, want)); ++at) {
        const char *line = at;
        while (line > nt && line[-1] != '\n') {
            --line;
        }
        if (!strncmp(line, EV, strlen(EV))) {
            return true;
        }
    }
    return false;
}

static bool has_triple(const char *nt, const char *s, const char *p, const char *o)
{
    char want[512];
    snprintf(want, sizeof want, "%s%s> %s%s> %s%s> .\n", ENT, s, CG, p, ENT, o);
    return strstr(nt, want) != NULL;
}

static void test_attribution_to_entity_and_to_name(void **state)
{
    Fixture *f = *state;
    const char *nt = build(f, "a.txt", "Blinken estimates that Pyongyang sent 9,000 soldiers to "
                                       "Russia.");
    assert_true(has_triple(nt, "north-korea", "deploysTroopsTo", "russia"));
    assert_true(has_ev(nt, "claimedBy", ENT "antony-blinken>"));
    nt = build(f, "b.txt", "According to a Kremlin insider, Pyongyang sent troops to Russia.");
    assert_true(has_ev(nt, "claimedByName", "\"a Kremlin insider\""));
    assert_false(has_ev(nt, "claimedBy", ENT "russia>"));
}

static void test_certainty(void **state)
{
    Fixture *f = *state;
    assert_true(has_ev(build(f, "c.txt", "Pyongyang has reportedly sent troops to Russia."),
                       "certainty", "\"reported\""));
    assert_true(has_ev(build(f, "c.txt", "Pyongyang could send troops to Russia."),
                       "certainty", "\"possible\""));
    assert_true(has_ev(build(f, "c.txt", "Pyongyang is set to send troops to Russia."),
                       "certainty", "\"planned\""));
    assert_true(has_ev(build(f, "c.txt", "Pyongyang sent troops to Russia."), "certainty",
                       "\"asserted\""));
}

static void test_quantities(void **state)
{
    Fixture *f = *state;
    const char *nt = build(f, "q.txt", "Pyongyang sent around 12,000 soldiers to Russia.");
    assert_true(has_ev(nt, "quantity", "\"around 12,000\""));
    assert_true(has_ev(nt, "quantityValue",
                       "\"12000.0\"^^<http://www.w3.org/2001/XMLSchema#decimal>"));
    assert_true(has_ev(nt, "comparator", "\"approx\""));
    assert_true(has_ev(nt, "unit", "\"soldiers\""));
    nt = build(f, "q.txt", "Pyongyang could deploy as many as 1.5 million troops in Russia.");
    assert_true(has_ev(nt, "quantityValue",
                       "\"1500000.0\"^^<http://www.w3.org/2001/XMLSchema#decimal>"));
    assert_true(has_ev(nt, "comparator", "\"atMost\""));
    nt = build(f, "q.txt", "Pyongyang sent more than eight thousand troops to Russia.");
    assert_true(has_ev(nt, "quantityValue",
                       "\"8000.0\"^^<http://www.w3.org/2001/XMLSchema#decimal>"));
    assert_true(has_ev(nt, "comparator", "\"atLeast\""));
}

static void test_negation(void **state)
{
    Fixture *f = *state;
    /* marked: evidence says negated, and there is no plain triple */
    const char *nt = build(f, "n.txt", "Pyongyang did not send troops to Russia.");
    assert_true(has_ev(nt, "negated", "\"true\"^^<http://www.w3.org/2001/XMLSchema#boolean>"));
    assert_false(has_triple(nt, "north-korea", "deploysTroopsTo", "russia"));
    /* two cues cancel */
    nt = build(f, "n.txt", "Moscow hasn't denied sending troops to Ukraine.");
    assert_true(has_triple(nt, "russia", "deploysTroopsTo", "ukraine"));
    assert_false(strstr(nt, "negated"));
    /* a rule that drops negated claims gives no evidence at all */
    nt = build(f, "n.txt", "Putin has no plans to increase his support for Ukraine.");
    assert_false(strstr(nt, "supports"));
    /* the same rule without the cues ("has no plans to" holds "no" too) */
    nt = build(f, "n.txt", "Putin plans to increase his support for Ukraine.");
    assert_true(has_triple(nt, "vladimir-putin", "supports", "ukraine"));
}

static void test_references(void **state)
{
    Fixture *f = *state;
    const char *nt = build(f, "r.txt", "Kim Jong Un arrived on Tuesday. He met Putin.");
    assert_true(has_triple(nt, "kim-jong-un", "metWith", "vladimir-putin"));
    assert_true(has_ev(nt, "subjectReference", "\"He\""));
    assert_true(has_ev(nt, "subjectAntecedentIndex",
                       "\"0\"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>"));
    /* in its own sentence, the first name (the likely subject), not the latest */
    nt = build(f, "r.txt", "Kim Jong Un spoke with Putin, and then he met Blinken.");
    assert_true(has_triple(nt, "antony-blinken", "metWith", "kim-jong-un"));
    assert_false(has_triple(nt, "antony-blinken", "metWith", "vladimir-putin"));
    /* beyond the window of two sentences: nothing to resolve to */
    nt = build(f, "r.txt", "Kim Jong Un arrived. It rained. It rained. It rained. He met Putin.");
    assert_false(has_triple(nt, "kim-jong-un", "metWith", "vladimir-putin"));
    /* the country: the latest Country */
    nt = build(f, "r.txt", "Russia is at war. Officials say the country backs Ukraine.");
    assert_true(has_triple(nt, "russia", "supports", "ukraine"));
    assert_true(has_ev(nt, "subjectReference", "\"the country\""));
}

static void test_metadata_and_dates(void **state)
{
    Fixture *f = *state;
    const char *nt = build(f, "m.txt",
                           "---\ntitle: \"Troops \xC3\xA0 Kursk\"\nurl: https://example.org/1\n"
                           "published: 2024-11-01\noutlet: Example News\n---\n"
                           "In June Pyongyang sent troops to Russia.\n");
    assert_true(strstr(nt, "<http://purl.org/dc/terms/title> \"Troops \\u00E0 Kursk\"") ||
                strstr(nt, "<http://purl.org/dc/terms/title> \"Troops \xC3\xA0 Kursk\""));
    assert_true(strstr(nt, "<http://purl.org/dc/terms/issued> \"2024-11-01\""));
    assert_true(strstr(nt, "<http://purl.org/dc/terms/publisher> \"Example News\""));
    assert_true(has_ev(nt, "date", "\"In June\""));
    /* offsets count the front matter's characters, as in the file (the
     * evidence's: the document's NIF context, written before, starts at 0) */
    const char *evidence = strstr(nt, "<https://example.org/claimgraph/evidence/");
    assert_non_null(evidence);
    const char *text_start = strstr(evidence, "<http://persistence.uni-leipzig.org/nlp2rdf/"
                                              "ontologies/nif-core#beginIndex> \"");
    assert_non_null(text_start);
    assert_int_equal(atoi(strchr(text_start, '"') + 1), 102);
}

static void test_sidecar_metadata(void **state)
{
    Fixture *f = *state;
    char dir[] = "/tmp/cg-meta-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char meta[64], doc[64];
    snprintf(meta, sizeof meta, "%s/story.meta", dir);
    snprintf(doc, sizeof doc, "%s/story.txt", dir);
    FILE *m = fopen(meta, "w");
    fputs("title: From a sidecar\n", m);
    fclose(m);
    const char *nt = build(f, doc, "Pyongyang sent troops to Russia.");
    assert_true(strstr(nt, "<http://purl.org/dc/terms/title> \"From a sidecar\""));
    unlink(meta);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_attribution_to_entity_and_to_name),
        cmocka_unit_test(test_certainty),
        cmocka_unit_test(test_quantities),
        cmocka_unit_test(test_negation),
        cmocka_unit_test(test_references),
        cmocka_unit_test(test_metadata_and_dates),
        cmocka_unit_test(test_sidecar_metadata),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
