/* Unit tests for the rule loader (rules/rules.h): good sets load with every
 * field in place; each file in tests/data/rules-bad/ fails with exactly the
 * diagnostic its README.md promises. */
#include "core/diag.h"
#include "rules/rules.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define GOOD CG_TEST_DATA "/rules-good/"
#define BAD CG_TEST_DATA "/rules-bad/"
#define MAX_SEEN 128

/* A sink that keeps copies of what it is told (a CgDiag only lends its
 * strings for the duration of the call). */
typedef struct {
    CgStatus status;
    char *file;
    unsigned line, col;
    char *msg;
} Seen;

typedef struct {
    Seen seen[MAX_SEEN];
    size_t n;
    CgDiagSink sink;
} Collector;

static void collect(void *ctx, const CgDiag *d)
{
    Collector *c = ctx;
    assert_true(c->n < MAX_SEEN);
    Seen *s = &c->seen[c->n++];
    s->status = d->status;
    s->file = d->file ? strdup(d->file) : NULL;
    s->line = d->line;
    s->col = d->col;
    s->msg = strdup(d->msg);
}

static Collector *collector_new(void)
{
    Collector *c = calloc(1, sizeof *c);
    c->sink.func = collect;
    c->sink.ctx = c;
    return c;
}

static void collector_free(Collector *c)
{
    for (size_t i = 0; i < c->n; ++i) {
        free(c->seen[i].file);
        free(c->seen[i].msg);
    }
    free(c);
}

static void assert_seen(const Collector *c, size_t i, const char *file, unsigned line,
                        unsigned col, const char *msg)
{
    assert_true(i < c->n);
    assert_string_equal(c->seen[i].file, file);
    assert_int_equal(c->seen[i].line, line);
    assert_int_equal(c->seen[i].col, col);
    assert_string_equal(c->seen[i].msg, msg);
}

/* Loads a string that must fail with `want`; returns what was reported. */
static Collector *load_string_failing(const char *yaml, CgStatus want)
{
    Collector *c = collector_new();
    CgRuleSet *rules = (CgRuleSet *)&rules; /* anything but NULL */
    assert_int_equal(cg_rules_load_string(yaml, strlen(yaml), "t.yaml", &c->sink, &rules), want);
    assert_null(rules);
    assert_int_equal(c->sink.errors, c->n);
    return c;
}

static CgRuleSet *load_ok(const char *path)
{
    Collector *c = collector_new();
    CgRuleSet *rules = NULL;
    const CgStatus st = cg_rules_load(path, &c->sink, &rules);
    for (size_t i = 0; i < c->n; ++i) {
        print_error("unexpected: %s:%u:%u: %s\n", c->seen[i].file, c->seen[i].line,
                    c->seen[i].col, c->seen[i].msg);
    }
    assert_int_equal(st, CG_OK);
    assert_int_equal(c->n, 0);
    assert_non_null(rules);
    collector_free(c);
    return rules;
}

/* --- good sets ------------------------------------------------------------ */

static void test_basic_counts(void **state)
{
    (void)state;
    CgRuleSet *rules = load_ok(GOOD "basic.yaml");
    assert_int_equal(cg_rules_entity_count(rules), 3);
    assert_int_equal(cg_rules_predicate_count(rules), 2);
    assert_int_equal(cg_rules_relation_count(rules), 2);
    assert_null(cg_rules_entity(rules, 3));
    assert_null(cg_rules_relation(rules, 2));
    cg_rules_free(rules);
}

static void assert_alias(const CgAlias *a, const char *text, bool exact, bool short_form,
                         unsigned line)
{
    assert_string_equal(a->text, text);
    assert_int_equal(a->exact_case, exact);
    assert_int_equal(a->short_form, short_form);
    assert_int_equal(a->line, line);
}

static void test_entity_fields(void **state)
{
    (void)state;
    CgRuleSet *rules = load_ok(GOOD "basic.yaml");
    const CgEntity *e = cg_rules_entity(rules, 0);
    assert_string_equal(e->id, "vladimir-putin");
    assert_string_equal(e->type, "Person");
    assert_string_equal(e->label, "Vladimir Putin");
    assert_string_equal(e->file, GOOD "basic.yaml");
    assert_int_equal(e->line, 4);
    assert_int_equal(e->col, 5);
    assert_int_equal(e->n_aliases, 5);
    assert_alias(&e->aliases[0], "Vladimir Putin", false, false, 6);
    assert_int_equal(e->aliases[0].col, 12);
    assert_alias(&e->aliases[1], "Putin", false, false, 8);
    assert_alias(&e->aliases[2], "President Putin", false, false, 9);
    assert_alias(&e->aliases[3], "Vova", true, false, 10);
    assert_alias(&e->aliases[4], "Vladimir", false, true, 11);
    assert_int_equal(e->n_same_as, 1);
    assert_string_equal(e->same_as[0], "http://www.wikidata.org/entity/Q7747");
    cg_rules_free(rules);
}

static void test_entity_flow_and_scalars(void **state)
{
    (void)state;
    CgRuleSet *rules = load_ok(GOOD "basic.yaml");
    const CgEntity *kim = cg_rules_entity(rules, 1);
    assert_int_equal(kim->n_aliases, 3);
    assert_alias(&kim->aliases[1], "Kim Jong-un", false, false, 16);
    assert_alias(&kim->aliases[2], "Kim", false, true, 16);
    assert_int_equal(kim->n_same_as, 1); /* a single string is a list of one */
    const CgEntity *nk = cg_rules_entity(rules, 2);
    assert_string_equal(nk->id, "north-korea");
    assert_int_equal(nk->n_aliases, 3);
    assert_int_equal(nk->n_same_as, 0);
    assert_null(nk->same_as);
    cg_rules_free(rules);
}

static void test_predicates(void **state)
{
    (void)state;
    CgRuleSet *rules = load_ok(GOOD "basic.yaml");
    const CgPredicate *met = cg_rules_predicate(rules, 0);
    assert_string_equal(met->name, "metWith");
    assert_string_equal(met->label, "met with");
    assert_true(met->symmetric);
    assert_int_equal(met->line, 22);
    const CgPredicate *dep = cg_rules_predicate(rules, 1);
    assert_string_equal(dep->name, "deploysTroopsTo");
    assert_null(dep->label);
    assert_false(dep->symmetric);
    cg_rules_free(rules);
}

static void test_relations(void **state)
{
    (void)state;
    CgRuleSet *rules = load_ok(GOOD "basic.yaml");
    const CgRelationRule *met = cg_rules_relation(rules, 0);
    assert_string_equal(met->id, "met-with-talks");
    assert_int_equal(met->predicate, 0);
    assert_true(met->symmetric); /* from its predicate */
    assert_int_equal(met->n_subject_types, 1);
    assert_string_equal(met->subject_types[0], "Person");
    assert_int_equal(met->n_object_types, 1); /* a bare string is a list of one */
    assert_true(cg_rules_type_in("Person", met->object_types, met->n_object_types));
    assert_false(cg_rules_type_in("Country", met->object_types, met->n_object_types));
    assert_int_equal(met->n_patterns, 2);
    assert_string_equal(met->patterns[1].source, "{subject} held talks with {object}");
    assert_non_null(met->patterns[0].root);
    assert_int_equal(met->patterns[0].line, 31);
    assert_int_equal(met->patterns[0].col, 9);
    cg_rules_free(rules);
}

static void test_relation_symmetric_override(void **state)
{
    (void)state;
    CgRuleSet *rules = load_ok(GOOD "basic.yaml");
    const CgRelationRule *send = cg_rules_relation(rules, 1);
    assert_int_equal(send->predicate, 1);
    assert_false(send->symmetric);
    assert_int_equal(send->n_subject_types, 2);
    assert_string_equal(send->subject_types[1], "Person");
    assert_int_equal(send->n_patterns, 1);
    cg_rules_free(rules);
}

static void test_file_name_stored_once(void **state)
{
    (void)state;
    CgRuleSet *rules = load_ok(GOOD "basic.yaml");
    const char *file = cg_rules_entity(rules, 0)->file;
    assert_ptr_equal(cg_rules_entity(rules, 2)->file, file);
    assert_ptr_equal(cg_rules_predicate(rules, 1)->file, file);
    assert_ptr_equal(cg_rules_relation(rules, 1)->file, file);
    cg_rules_free(rules);
}

static void test_directory_two_files(void **state)
{
    (void)state;
    CgRuleSet *rules = load_ok(GOOD "split");
    assert_int_equal(cg_rules_entity_count(rules), 2);
    assert_int_equal(cg_rules_predicate_count(rules), 1);
    assert_int_equal(cg_rules_relation_count(rules), 1);
    const CgEntity *russia = cg_rules_entity(rules, 0);
    const CgRelationRule *war = cg_rules_relation(rules, 0);
    assert_string_equal(russia->file, GOOD "split/10-entities.yaml");
    assert_string_equal(war->file, GOOD "split/20-relations.yml");
    assert_ptr_equal(cg_rules_predicate(rules, 0)->file, war->file);
    assert_true(war->symmetric);
    cg_rules_free(rules);
}

static void test_directory_not_recursive(void **state)
{
    (void)state;
    CgRuleSet *rules = load_ok(CG_TEST_DATA "/rules-good");
    assert_int_equal(cg_rules_entity_count(rules), 3); /* basic.yaml, not split/ */
    cg_rules_free(rules);
}

static void test_load_string(void **state)
{
    (void)state;
    static const char yaml[] = "entities: [{id: x1, type: Thing, label: X}]\n";
    CgRuleSet *rules = NULL;
    assert_int_equal(cg_rules_load_string(yaml, strlen(yaml), "mem", NULL, &rules), CG_OK);
    assert_string_equal(cg_rules_entity(rules, 0)->file, "mem");
    cg_rules_free(rules);
    /* A file of comments is an empty rule set, not an error. */
    assert_int_equal(cg_rules_load_string("# nothing\n", 10, "mem", NULL, &rules), CG_OK);
    assert_int_equal(cg_rules_entity_count(rules), 0);
    cg_rules_free(rules);
}

static void test_short_aliases_may_be_shared(void **state)
{
    (void)state;
    static const char yaml[] = "entities:\n"
                               "  - {id: kim-jong-un, type: P, label: Kim Jong Un,"
                               " aliases: [{text: Kim, short: true}]}\n"
                               "  - {id: kim-yo-jong, type: P, label: Kim Yo Jong,"
                               " aliases: [{text: Kim, short: true}]}\n";
    CgRuleSet *rules = NULL;
    assert_int_equal(cg_rules_load_string(yaml, strlen(yaml), "t", NULL, &rules), CG_OK);
    assert_int_equal(cg_rules_entity_count(rules), 2);
    cg_rules_free(rules);
}

static void test_free_null(void **state)
{
    (void)state;
    cg_rules_free(NULL);
}

/* --- failures outside rules-bad/ ------------------------------------------- */

static void test_missing_path(void **state)
{
    (void)state;
    Collector *c = collector_new();
    CgRuleSet *rules = (CgRuleSet *)&rules;
    assert_int_equal(cg_rules_load(BAD "no-such-file.yaml", &c->sink, &rules), CG_ERR_IO);
    assert_null(rules);
    char want[256];
    snprintf(want, sizeof want, "cannot open the rules: %s", strerror(ENOENT));
    assert_int_equal(c->n, 1);
    assert_seen(c, 0, BAD "no-such-file.yaml", 0, 0, want);
    collector_free(c);
}

static void test_empty_directory(void **state)
{
    (void)state;
    char dir[] = "/tmp/cg-rules-empty-XXXXXX";
    assert_non_null(mkdtemp(dir));
    Collector *c = collector_new();
    CgRuleSet *rules = NULL;
    assert_int_equal(cg_rules_load(dir, &c->sink, &rules), CG_ERR_RULES);
    assert_null(rules);
    assert_seen(c, 0, dir, 0, 0, "no rule files here: put the rules in *.yaml or *.yml files");
    collector_free(c);
    rmdir(dir);
}

static void write_file(const char *dir, const char *name, const char *text, char *path)
{
    sprintf(path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

static void test_duplicate_across_files(void **state)
{
    (void)state;
    char dir[] = "/tmp/cg-rules-dup-XXXXXX";
    char a[64], b[64], want[256];
    assert_non_null(mkdtemp(dir));
    write_file(dir, "a.yaml", "entities:\n  - {id: russia, type: C, label: Russia}\n", a);
    write_file(dir, "b.yml", "entities:\n  - {id: russia, type: C, label: Rossiya}\n", b);
    Collector *c = collector_new();
    CgRuleSet *rules = NULL;
    assert_int_equal(cg_rules_load(dir, &c->sink, &rules), CG_ERR_RULES);
    snprintf(want, sizeof want, "duplicate entity id 'russia': the first entity with this "
             "id is at %s:2; give each entity its own id", a);
    assert_int_equal(c->n, 1);
    assert_seen(c, 0, b, 2, 10, want);
    collector_free(c);
    unlink(a);
    unlink(b);
    rmdir(dir);
}

static const char lists_yaml[] =
    "lists:\n"
    "  TITLE: [president, \"prime minister\", \"secretary-general\"]\n"
    "  LEADER: [\"@TITLE of\", leader of]\n"
    "entities:\n"
    "  - {id: putin, type: Person, label: Putin}\n"
    "  - {id: russia, type: Country, label: Russia}\n"
    "predicates: [{name: officialOf}]\n"
    "relations:\n"
    "  - {id: r, predicate: officialOf, subject: Person, object: Country,\n"
    "     patterns: [\"@LEADER? {object} ,? {subject}\"]}\n";

/* @NAME expands to the list's phrases, lists may use earlier lists. */
static void test_word_lists(void **state)
{
    (void)state;
    CgRuleSet *rules = NULL;
    assert_int_equal(cg_rules_load_string(lists_yaml, strlen(lists_yaml), "t.yaml", NULL, &rules),
                     CG_OK);
    const CgPatNode *root = cg_rules_relation(rules, 0)->patterns[0].root;
    const CgPatNode *leader = root->kids[0];
    assert_int_equal(leader->kind, CG_PAT_ALT);
    assert_true(leader->optional);
    assert_int_equal(leader->n_kids, 2);
    const CgPatNode *title_of = leader->kids[0];
    assert_int_equal(title_of->kind, CG_PAT_SEQ);
    assert_int_equal(title_of->kids[0]->kind, CG_PAT_ALT);
    assert_int_equal(title_of->kids[0]->n_kids, 3);
    assert_string_equal(title_of->kids[1]->word, "of");
    cg_rules_free(rules);
}

static void test_word_list_errors(void **state)
{
    (void)state;
    Collector *c = load_string_failing(
        "lists:\n  A: [\"{subject}\"]\n  B: []\n  1x: [a]\n"
        "relations:\n  - {id: r, predicate: p, subject: T, object: T,\n"
        "     patterns: [\"{subject} @NOPE {object}\"]}\n",
        CG_ERR_RULES);
    assert_seen(c, 0, "t.yaml", 2, 8,
                "a phrase of list 'A' does not parse: a phrase of a list cannot hold slots "
                "or captures");
    assert_seen(c, 1, "t.yaml", 3, 6, "list 'B' must be a non-empty list of phrases");
    assert_seen(c, 2, "t.yaml", 4, 3,
                "a list name must be a letter then letters, digits or '_' (as in TITLE or "
                "MEET_VERBS)");
    assert_seen(c, 3, "t.yaml", 7, 28,
                "a pattern of relation 'r' does not parse: unknown word list '@NOPE': define "
                "it under 'lists:' in this file or an earlier one");
    collector_free(c);
}

static void test_unknown_top_level_key(void **state)
{
    (void)state;
    Collector *c = load_string_failing("entites: []\n", CG_ERR_RULES);
    assert_seen(c, 0, "t.yaml", 1, 1,
                "unknown key 'entites' in a rule file (did you mean 'entities'?); "
                "the keys allowed here are lists, entities, predicates, relations, claims, syntax");
    collector_free(c);
}

static void test_type_suggestion(void **state)
{
    (void)state;
    Collector *c = load_string_failing(
        "entities: [{id: a, type: Person, label: Ann}]\n"
        "predicates: [{name: knows}]\n"
        "relations: [{id: r, predicate: knows, subject: Persn, object: Person,"
        " patterns: [\"{subject} knows {object}\"]}]\n",
        CG_ERR_RULES);
    assert_int_equal(c->n, 1);
    assert_seen(c, 0, "t.yaml", 3, 48,
                "relation 'r' allows subject type 'Persn', which no entity has "
                "(did you mean 'Person'?)");
    collector_free(c);
}

static void test_plain_pattern_column(void **state)
{
    (void)state;
    Collector *c = load_string_failing(
        "entities: [{id: a, type: P, label: Ann}]\n"
        "predicates: [{name: knows}]\n"
        "relations:\n"
        "  - id: r\n"
        "    predicate: knows\n"
        "    subject: P\n"
        "    object: P\n"
        "    patterns:\n"
        "      - so {subject} knows ) {object}\n",
        CG_ERR_RULES);
    assert_int_equal(c->n, 1);
    assert_seen(c, 0, "t.yaml", 9, 28,
                "a pattern of relation 'r' does not parse: ')' without a matching '('");
    collector_free(c);
}

/* "Billion laughs": without the alias ban this would expand to 10^9 items. */
static void test_alias_bomb(void **state)
{
    (void)state;
    Collector *c = load_string_failing(
        "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
        "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
        "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
        "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
        "h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
        "i: [*h, *h, *h, *h, *h, *h, *h, *h, *h, *h]\n",
        CG_ERR_SYNTAX);
    /* 9 unknown keys, 80 aliases: each reported once, nothing expanded */
    assert_int_equal(c->n, 89);
    assert_seen(c, 0, "t.yaml", 2, 8,
                "YAML aliases (*a) are not supported in rule files: write the value out in full");
    collector_free(c);
}

static void test_deep_nesting(void **state)
{
    (void)state;
    char yaml[4096];
    memset(yaml, '[', 2000);
    memset(yaml + 2000, ']', 2000);
    yaml[4000] = '\0';
    Collector *c = load_string_failing(yaml, CG_ERR_SYNTAX);
    assert_int_equal(c->n, 1);
    assert_seen(c, 0, "t.yaml", 1, 66, "lists and mappings are nested more than 64 levels deep");
    collector_free(c);
}

/* --- rules-bad/: one file, one diagnostic ----------------------------------- */

typedef struct {
    const char *file;
    CgStatus status;
    unsigned line, col;
    const char *msg;
} BadCase;

static const BadCase bad_cases[] = {
    {"yaml-syntax.yaml", CG_ERR_SYNTAX, 6, 1,
     "YAML syntax error: found unexpected end of stream (while scanning a quoted scalar "
     "that starts at line 5, column 12)"},
    {"yaml-tab.yaml", CG_ERR_SYNTAX, 4, 1,
     "YAML syntax error: found a tab character that violates indentation (while scanning a "
     "plain scalar that starts at line 3, column 9); YAML does not allow tabs for "
     "indentation: use spaces"},
    {"yaml-alias.yaml", CG_ERR_SYNTAX, 7, 11,
     "YAML aliases (*t) are not supported in rule files: write the value out in full"},
    {"nul-escape.yaml", CG_ERR_SYNTAX, 7, 22,
     "this string holds a NUL character (an escape such as \\0, \\x00 or \\u0000) after "
     "'Vladimir', which would cut it short there: remove it"},
    {"not-utf8.yaml", CG_ERR_SYNTAX, 3, 40,
     "this file is not valid UTF-8 text (invalid trailing UTF-8 octet): save it as UTF-8"},
    {"not-a-mapping.yaml", CG_ERR_RULES, 2, 1,
     "a rule file must be a mapping with the keys lists, entities, predicates, "
     "relations, claims and syntax, not a list"},
    {"unknown-key.yaml", CG_ERR_RULES, 6, 5,
     "unknown key 'alises' in an entity (did you mean 'aliases'?); the keys allowed here "
     "are id, type, label, aliases, same_as, note"},
    {"wrong-type-string.yaml", CG_ERR_RULES, 5, 12, "'label' must be a string, not a mapping"},
    {"wrong-type-bool.yaml", CG_ERR_RULES, 4, 16,
     "'symmetric' must be true or false (unquoted), not 'yes'"},
    {"duplicate-entity.yaml", CG_ERR_RULES, 5, 10,
     "duplicate entity id 'russia': the first entity with this id is at line 3; give each "
     "entity its own id"},
    {"duplicate-relation.yaml", CG_ERR_RULES, 12, 9,
     "duplicate relation id 'at-war': the first relation with this id is at line 7; give "
     "each relation its own id"},
    {"duplicate-predicate.yaml", CG_ERR_RULES, 5, 12,
     "duplicate predicate 'metWith': it is first defined at line 3; define each predicate "
     "once"},
    {"alias-collision.yaml", CG_ERR_RULES, 10, 28,
     "alias 'kim  Jong-un' of entity 'kim-jong-un-2' is also the label of entity "
     "'kim-jong-un' (line 6): a full alias may name only one entity; remove one, or mark "
     "both 'short: true' if this is a short form such as a surname"},
    {"empty-alias.yaml", CG_ERR_RULES, 6, 23,
     "empty alias: write the name as it appears in text, or remove this entry"},
    {"alias-no-letter.yaml", CG_ERR_RULES, 6, 23,
     "alias ',' has no letter or digit: it would name the entity at every ',' in the text; "
     "write the name as it appears in text, or remove it"},
    {"bad-pattern.yaml", CG_ERR_RULES, 12, 20,
     "a pattern of relation 'at-war' does not parse: '(' is never closed: add ')'"},
    {"undefined-predicate.yaml", CG_ERR_RULES, 8, 16,
     "relation 'met-with' uses predicate 'metWtih', which no 'predicates:' entry defines "
     "(did you mean 'metWith'?)"},
    {"undefined-type.yaml", CG_ERR_RULES, 10, 22,
     "relation 'met-with' allows object type 'Organisation', which no entity has: give an "
     "entity this type, or remove it from 'object'"},
    {"missing-entity-key.yaml", CG_ERR_RULES, 3, 5,
     "entity 'vladimir-putin' has no 'label': add it (required: id, type and label)"},
    {"missing-relation-key.yaml", CG_ERR_RULES, 7, 5,
     "relation 'met-with' has no 'patterns': add it (required: id, predicate, subject, "
     "object and patterns)"},
    {"missing-predicate-key.yaml", CG_ERR_RULES, 3, 5,
     "this predicate has no 'name': add it (required: name)"},
    {"bad-entity-id.yaml", CG_ERR_RULES, 3, 9,
     "entity id 'Vladimir_Putin' is not valid: use lower-case letters, digits and single "
     "hyphens, e.g. 'vladimir-putin'"},
    {"bad-same-as.yaml", CG_ERR_RULES, 6, 15,
     "same_as 'wikidata Q159' is not a full IRI: write the whole address, e.g. "
     "http://www.wikidata.org/entity/Q7747"},
    {"bad-group.yaml", CG_ERR_RULES, 6, 54,
     "'group' must be a number of entities from 2 to 4 (\"the two leaders\": 2)"},
};

#define N_BAD (sizeof bad_cases / sizeof bad_cases[0])

static void test_bad_file(void **state)
{
    const BadCase *bc = *state;
    char path[512];
    snprintf(path, sizeof path, BAD "%s", bc->file);
    Collector *c = collector_new();
    CgRuleSet *rules = (CgRuleSet *)&rules;
    assert_int_equal(cg_rules_load(path, &c->sink, &rules), bc->status);
    assert_null(rules);
    assert_int_equal(c->n, 1);
    assert_int_equal(c->seen[0].status, bc->status);
    assert_seen(c, 0, path, bc->line, bc->col, bc->msg);
    collector_free(c);
}

static void test_multiple_errors(void **state)
{
    (void)state;
    const char *f = BAD "multiple-errors.yaml";
    Collector *c = collector_new();
    CgRuleSet *rules = NULL;
    assert_int_equal(cg_rules_load(f, &c->sink, &rules), CG_ERR_RULES);
    assert_int_equal(c->n, 6);
    assert_seen(c, 0, f, 3, 9,
                "entity id 'Russia' is not valid: use lower-case letters, digits and single "
                "hyphens, e.g. 'russia'");
    assert_seen(c, 1, f, 6, 5, "entity 'ukraine' has no 'label': add it (required: id, type "
                               "and label)");
    assert_seen(c, 2, f, 11, 5,
                "unknown key 'colour' in an entity; the keys allowed here are id, type, "
                "label, aliases, same_as, note");
    assert_seen(c, 3, f, 13, 34, "'symmetric' must be true or false (unquoted), not 'maybe'");
    assert_seen(c, 4, f, 19, 35,
                "a pattern of relation 'at-war' does not parse: '{' is never closed: write "
                "{subject}, {object}, {both}, {quantity}, {claimer} or {mention}");
    assert_seen(c, 5, f, 18, 13,
                "relation 'at-war' allows object type 'Countries', which no entity has: give "
                "an entity this type, or remove it from 'object'");
    collector_free(c);
}

/* Every file in rules-bad/ must be covered by a case above. */
static void test_bad_files_all_covered(void **state)
{
    (void)state;
    DIR *d = opendir(BAD);
    assert_non_null(d);
    size_t n = 0;
    for (struct dirent *de; (de = readdir(d));) {
        const char *dot = strrchr(de->d_name, '.');
        n += dot && (!strcmp(dot, ".yaml") || !strcmp(dot, ".yml"));
    }
    closedir(d);
    assert_int_equal(n, N_BAD + 1); /* + multiple-errors.yaml */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_basic_counts),
        cmocka_unit_test(test_entity_fields),
        cmocka_unit_test(test_entity_flow_and_scalars),
        cmocka_unit_test(test_predicates),
        cmocka_unit_test(test_relations),
        cmocka_unit_test(test_relation_symmetric_override),
        cmocka_unit_test(test_file_name_stored_once),
        cmocka_unit_test(test_directory_two_files),
        cmocka_unit_test(test_directory_not_recursive),
        cmocka_unit_test(test_load_string),
        cmocka_unit_test(test_short_aliases_may_be_shared),
        cmocka_unit_test(test_free_null),
        cmocka_unit_test(test_missing_path),
        cmocka_unit_test(test_empty_directory),
        cmocka_unit_test(test_duplicate_across_files),
        cmocka_unit_test(test_unknown_top_level_key),
        cmocka_unit_test(test_word_lists),
        cmocka_unit_test(test_word_list_errors),
        cmocka_unit_test(test_type_suggestion),
        cmocka_unit_test(test_plain_pattern_column),
        cmocka_unit_test(test_alias_bomb),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_multiple_errors),
        cmocka_unit_test(test_bad_files_all_covered),
    };
    struct CMUnitTest bad[N_BAD];
    for (size_t i = 0; i < N_BAD; ++i) {
        bad[i] = (struct CMUnitTest){bad_cases[i].file, test_bad_file, NULL, NULL,
                                     (void *)&bad_cases[i]};
    }
    const int failed = cmocka_run_group_tests_name("rules", tests, NULL, NULL);
    return failed + _cmocka_run_group_tests("rules-bad", bad, N_BAD, NULL, NULL);
}
