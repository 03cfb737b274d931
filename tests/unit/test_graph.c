/* Unit tests for graph/: ownership, dedupe, symmetric order, canonical
 * order after finish, relation support, and order independence. */
#include "core/hash.h"
#include "graph/graph.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static uint32_t add_person(CgGraph *g, const char *id)
{
    return cg_graph_add_entity(g, id, "Person", id, NULL, 0);
}

static bool add_ev(CgGraph *g, const char *pred, bool sym, uint32_t s, uint32_t o, uint32_t doc,
                   const char *rule, size_t begin)
{
    return cg_graph_add_evidence(g, pred, sym, s, o, doc, rule, "a quote", begin, begin + 7,
                                 NULL);
}

static void test_free_null(void **state)
{
    (void)state;
    cg_graph_free(NULL);
}

static void test_documents(void **state)
{
    (void)state;
    CgGraph *g = cg_graph_new();
    const uint32_t a = cg_graph_add_document(g, "news/a.txt");
    assert_int_equal(cg_graph_add_document(g, "news/a.txt"), a);
    const uint32_t in = cg_graph_add_document(g, "-");
    assert_int_equal(cg_graph_add_document(g, "stdin"), in);
    assert_string_equal(cg_graph_document(g, in)->path, "stdin");
    char key[17];
    cg_hash_hex(cg_hash_final(cg_hash_str(CG_HASH_SEED, "news/a.txt")), key);
    assert_string_equal(cg_graph_document(g, a)->key, key);
    assert_int_equal(cg_graph_document_count(g), 2);
    assert_null(cg_graph_document(g, 2));
    cg_graph_free(g);
}

static void test_entities_copied_once(void **state)
{
    (void)state;
    CgGraph *g = cg_graph_new();
    char iri[] = "http://www.wikidata.org/entity/Q56226";
    char *same_as[] = {iri};
    const uint32_t k = cg_graph_add_entity(g, "kim-jong-un", "Person", "Kim Jong Un", same_as, 1);
    iri[0] = 'X'; /* the graph must hold its own copy */
    assert_int_equal(cg_graph_add_entity(g, "kim-jong-un", "Country", "Other", NULL, 0), k);
    const CgGraphEntity *e = cg_graph_entity(g, k);
    assert_string_equal(e->type, "Person");
    assert_string_equal(e->label, "Kim Jong Un");
    assert_int_equal(e->n_same_as, 1);
    assert_string_equal(e->same_as[0], "http://www.wikidata.org/entity/Q56226");
    const uint32_t r = cg_graph_add_entity(g, "russia", NULL, NULL, NULL, 0);
    assert_string_equal(cg_graph_entity(g, r)->label, "russia");
    cg_graph_count_mention(g, r);
    cg_graph_count_mention(g, r);
    cg_graph_count_mention(g, 99); /* ignored */
    assert_int_equal(cg_graph_entity(g, r)->mentions, 2);
    assert_int_equal(cg_graph_find_entity(g, "russia"), r);
    assert_int_equal(cg_graph_find_entity(g, "nobody"), -1);
    char *links[] = {"http://b.org/x", "http://a.org/y", "http://b.org/x"};
    const uint32_t s = cg_graph_add_entity(g, "set", "Thing", "Set", links, 3);
    assert_int_equal(cg_graph_entity(g, s)->n_same_as, 2);
    assert_string_equal(cg_graph_entity(g, s)->same_as[0], "http://a.org/y");
    assert_string_equal(cg_graph_entity(g, s)->same_as[1], "http://b.org/x");
    cg_graph_free(g);
}

static void test_evidence_dedupe(void **state)
{
    (void)state;
    CgGraph *g = cg_graph_new();
    const uint32_t a = add_person(g, "a"), b = add_person(g, "b");
    const uint32_t d = cg_graph_add_document(g, "doc.txt");
    assert_true(add_ev(g, "meets", false, a, b, d, "r1", 0));
    assert_false(add_ev(g, "meets", false, a, b, d, "r1", 0));
    assert_true(add_ev(g, "meets", false, a, b, d, "r2", 0));  /* other rule */
    assert_true(add_ev(g, "meets", false, a, b, d, "r1", 10)); /* other offsets */
    assert_true(add_ev(g, "meets", false, b, a, d, "r1", 0));  /* other direction */
    assert_false(add_ev(g, "meets", false, a, 7, d, "r1", 0)); /* no such entity */
    assert_false(add_ev(g, "meets", false, a, b, 3, "r1", 0)); /* no such document */
    assert_int_equal(cg_graph_evidence_count(g), 4);
    cg_graph_free(g);
}

static void test_evidence_key_contract(void **state)
{
    (void)state;
    CgGraph *g = cg_graph_new();
    const uint32_t a = add_person(g, "a"), b = add_person(g, "b");
    const uint32_t d = cg_graph_add_document(g, "doc.txt");
    assert_true(cg_graph_add_evidence(g, "meets", false, a, b, d, "r1", "q", 3, 9, "12,000"));
    uint64_t h = cg_hash_str(CG_HASH_SEED, "doc.txt");
    h = cg_hash_u64(cg_hash_u64(h, 3), 9);
    h = cg_hash_str(cg_hash_str(cg_hash_str(cg_hash_str(h, "r1"), "a"), "meets"), "b");
    char key[17];
    cg_hash_hex(cg_hash_final(h), key);
    const CgGraphEvidence *ev = cg_graph_evidence(g, 0);
    assert_string_equal(ev->key, key);
    assert_string_equal(ev->quantity, "12,000");
    assert_string_equal(ev->quote, "q");
    cg_graph_free(g);
}

static void test_symmetric_order(void **state)
{
    (void)state;
    CgGraph *g = cg_graph_new();
    const uint32_t zed = add_person(g, "zed"), amy = add_person(g, "amy");
    const uint32_t d = cg_graph_add_document(g, "doc.txt");
    assert_true(add_ev(g, "meets", true, zed, amy, d, "r", 0));
    const CgGraphEvidence *ev = cg_graph_evidence(g, 0);
    assert_int_equal(ev->subject, amy);
    assert_int_equal(ev->object, zed);
    /* "amy meets zed" at the same place is the same assertion */
    assert_false(add_ev(g, "meets", true, amy, zed, d, "r", 0));
    assert_true(add_ev(g, "visits", false, zed, amy, d, "r", 0));
    assert_int_equal(cg_graph_evidence(g, 1)->subject, zed);
    cg_graph_free(g);
}

static void test_finish_sorts_and_remaps(void **state)
{
    (void)state;
    CgGraph *g = cg_graph_new();
    const uint32_t c = add_person(g, "c"), a = add_person(g, "a"), b = add_person(g, "b");
    const uint32_t dz = cg_graph_add_document(g, "z.txt"), da = cg_graph_add_document(g, "a.txt");
    add_ev(g, "p", false, c, a, dz, "r", 0);
    add_ev(g, "p", false, b, a, da, "r", 50);
    add_ev(g, "p", false, a, c, da, "r", 5);
    add_ev(g, "o", false, a, c, da, "r", 5);
    cg_graph_finish(g);
    assert_string_equal(cg_graph_entity(g, 0)->id, "a");
    assert_string_equal(cg_graph_entity(g, 2)->id, "c");
    assert_int_equal(cg_graph_find_entity(g, "c"), 2);
    assert_string_equal(cg_graph_document(g, 0)->path, "a.txt");
    const char *expect[][4] = {{"a.txt", "o", "a", "c"}, {"a.txt", "p", "a", "c"},
                               {"a.txt", "p", "b", "a"}, {"z.txt", "p", "c", "a"}};
    assert_int_equal(cg_graph_evidence_count(g), 4);
    for (size_t i = 0; i < 4; ++i) {
        const CgGraphEvidence *ev = cg_graph_evidence(g, i);
        assert_string_equal(cg_graph_document(g, ev->document)->path, expect[i][0]);
        assert_string_equal(ev->predicate, expect[i][1]);
        assert_string_equal(cg_graph_entity(g, ev->subject)->id, expect[i][2]);
        assert_string_equal(cg_graph_entity(g, ev->object)->id, expect[i][3]);
    }
    cg_graph_free(g);
}

static void test_relation_support(void **state)
{
    (void)state;
    CgGraph *g = cg_graph_new();
    const uint32_t b = add_person(g, "b"), a = add_person(g, "a");
    const uint32_t d = cg_graph_add_document(g, "d.txt");
    add_ev(g, "p", false, a, b, d, "r", 0);
    add_ev(g, "p", false, a, b, d, "r", 10);
    add_ev(g, "p", false, a, b, d, "r2", 10);
    add_ev(g, "q", false, a, b, d, "r", 0);
    add_ev(g, "p", false, b, a, d, "r", 0);
    add_ev(g, "m", true, b, a, d, "r", 0);
    add_ev(g, "m", true, a, b, d, "r", 20);
    cg_graph_add_relation(g, "p", false, a, b);  /* also has evidence */
    cg_graph_add_relation(g, "z", false, a, b);  /* bare: support 0 */
    cg_graph_finish(g);
    const struct {
        const char *s, *p, *o;
        size_t support;
        bool symmetric;
    } expect[] = {{"a", "m", "b", 2, true}, {"a", "p", "b", 3, false}, {"a", "q", "b", 1, false},
                  {"a", "z", "b", 0, false}, {"b", "p", "a", 1, false}};
    assert_int_equal(cg_graph_relation_count(g), 5);
    for (size_t i = 0; i < 5; ++i) {
        const CgGraphRelation *r = cg_graph_relation(g, i);
        assert_string_equal(cg_graph_entity(g, r->subject)->id, expect[i].s);
        assert_string_equal(r->predicate, expect[i].p);
        assert_string_equal(cg_graph_entity(g, r->object)->id, expect[i].o);
        assert_int_equal(r->support, expect[i].support);
        assert_int_equal(r->symmetric, expect[i].symmetric);
    }
    assert_null(cg_graph_relation(g, 5));
    cg_graph_free(g);
}

/* The same content added in the order given by `perm` (a permutation of
 * 0..5, one step per item). */
static CgGraph *build_in_order(const int perm[6])
{
    CgGraph *g = cg_graph_new();
    for (int i = 0; i < 6; ++i) {
        switch (perm[i]) {
        case 0: add_person(g, "kim"); break;
        case 1: cg_graph_add_entity(g, "russia", "Country", "Russia", NULL, 0); break;
        case 2: add_person(g, "putin"); break;
        case 3: cg_graph_add_document(g, "b.txt"); break;
        default: cg_graph_add_document(g, "a.txt"); break;
        }
    }
    const uint32_t kim = (uint32_t)cg_graph_find_entity(g, "kim");
    const uint32_t ru = (uint32_t)cg_graph_find_entity(g, "russia");
    const uint32_t putin = (uint32_t)cg_graph_find_entity(g, "putin");
    const uint32_t a = cg_graph_add_document(g, "a.txt"), b = cg_graph_add_document(g, "b.txt");
    const bool flip = perm[0] % 2;
    add_ev(g, "meets", true, flip ? putin : kim, flip ? kim : putin, flip ? b : a, "m", 1);
    add_ev(g, "meets", true, flip ? kim : putin, flip ? putin : kim, flip ? a : b, "m", 1);
    add_ev(g, "sends", false, ru, kim, a, "s", flip ? 9 : 30);
    add_ev(g, "sends", false, ru, kim, a, "s", flip ? 30 : 9);
    cg_graph_finish(g);
    return g;
}

static void assert_same_graph(const CgGraph *x, const CgGraph *y)
{
    assert_int_equal(cg_graph_entity_count(x), cg_graph_entity_count(y));
    for (size_t i = 0; i < cg_graph_entity_count(x); ++i) {
        assert_string_equal(cg_graph_entity(x, i)->id, cg_graph_entity(y, i)->id);
    }
    assert_int_equal(cg_graph_document_count(x), cg_graph_document_count(y));
    for (size_t i = 0; i < cg_graph_document_count(x); ++i) {
        assert_string_equal(cg_graph_document(x, i)->key, cg_graph_document(y, i)->key);
    }
    assert_int_equal(cg_graph_evidence_count(x), cg_graph_evidence_count(y));
    for (size_t i = 0; i < cg_graph_evidence_count(x); ++i) {
        const CgGraphEvidence *ex = cg_graph_evidence(x, i), *ey = cg_graph_evidence(y, i);
        assert_string_equal(ex->key, ey->key);
        assert_int_equal(ex->subject, ey->subject);
        assert_int_equal(ex->object, ey->object);
        assert_int_equal(ex->document, ey->document);
    }
    assert_int_equal(cg_graph_relation_count(x), cg_graph_relation_count(y));
    for (size_t i = 0; i < cg_graph_relation_count(x); ++i) {
        const CgGraphRelation *rx = cg_graph_relation(x, i), *ry = cg_graph_relation(y, i);
        assert_string_equal(rx->predicate, ry->predicate);
        assert_int_equal(rx->subject, ry->subject);
        assert_int_equal(rx->object, ry->object);
        assert_int_equal(rx->support, ry->support);
    }
}

static void test_insertion_order_independent(void **state)
{
    (void)state;
    const int forward[6] = {0, 1, 2, 3, 4, 5};
    const int backward[6] = {5, 4, 3, 2, 1, 0};
    CgGraph *x = build_in_order(forward);
    CgGraph *y = build_in_order(backward);
    assert_same_graph(x, y);
    assert_int_equal(cg_graph_relation_count(x), 2);
    assert_int_equal(cg_graph_relation(x, 0)->support, 2);
    cg_graph_finish(x); /* finishing again changes nothing */
    assert_same_graph(x, y);
    cg_graph_free(x);
    cg_graph_free(y);
}

static void test_empty_graph(void **state)
{
    (void)state;
    CgGraph *g = cg_graph_new();
    cg_graph_finish(g);
    assert_int_equal(cg_graph_entity_count(g), 0);
    assert_int_equal(cg_graph_relation_count(g), 0);
    assert_null(cg_graph_entity(g, 0));
    assert_null(cg_graph_evidence(g, 0));
    cg_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_free_null),
        cmocka_unit_test(test_documents),
        cmocka_unit_test(test_entities_copied_once),
        cmocka_unit_test(test_evidence_dedupe),
        cmocka_unit_test(test_evidence_key_contract),
        cmocka_unit_test(test_symmetric_order),
        cmocka_unit_test(test_finish_sorts_and_remaps),
        cmocka_unit_test(test_relation_support),
        cmocka_unit_test(test_insertion_order_independent),
        cmocka_unit_test(test_empty_graph),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
