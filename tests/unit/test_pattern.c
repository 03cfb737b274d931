/* The pattern language's parser: structure and every syntax error. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "rules/pattern.h"

#include <string.h>

static CgPatNode *parse_ok(const char *src)
{
    CgPatNode *root = NULL;
    unsigned col = 0;
    char err[256] = "";
    const CgStatus st = cg_pattern_parse(src, NULL, NULL, &root, &col, err, sizeof err);
    if (st) {
        print_error("unexpected error at column %u: %s\n", col, err);
    }
    assert_int_equal(st, CG_OK);
    return root;
}

static void expect_error(const char *src, unsigned want_col, const char *want_msg)
{
    CgPatNode *root = NULL;
    unsigned col = 0;
    char err[256] = "";
    assert_int_equal(cg_pattern_parse(src, NULL, NULL, &root, &col, err, sizeof err), CG_ERR_SYNTAX);
    assert_null(root);
    assert_int_equal(col, want_col);
    assert_non_null(strstr(err, want_msg));
}

static void test_sequence_of_words_and_slots(void **state)
{
    (void)state;
    CgPatNode *p = parse_ok("{subject} has sent  {object}");
    assert_int_equal(p->kind, CG_PAT_SEQ);
    assert_int_equal(p->n_kids, 4);
    assert_int_equal(p->kids[0]->kind, CG_PAT_SUBJECT);
    assert_int_equal(p->kids[1]->kind, CG_PAT_WORD);
    assert_string_equal(p->kids[1]->word, "has");
    assert_int_equal(p->kids[3]->kind, CG_PAT_OBJECT);
    assert_int_equal(p->kids[3]->col, 21);
    cg_pattern_free(p);
}

static void test_words_are_normalised(void **state)
{
    (void)state;
    CgPatNode *p = parse_ok("{subject} Hasn\xE2\x80\x99t Sent {object}");
    assert_string_equal(p->kids[1]->word, "hasn't");
    assert_string_equal(p->kids[2]->word, "sent");
    cg_pattern_free(p);
}

static void test_hyphenated_word_becomes_sequence(void **state)
{
    (void)state;
    CgPatNode *p = parse_ok("{subject} full-scale? invasion of {object}");
    const CgPatNode *fs = p->kids[1];
    assert_int_equal(fs->kind, CG_PAT_SEQ);
    assert_true(fs->optional);
    assert_int_equal(fs->n_kids, 2);
    assert_string_equal(fs->kids[0]->word, "full");
    assert_string_equal(fs->kids[1]->word, "scale");
    cg_pattern_free(p);
}

static void test_prefix_gap_quantity_alternatives(void **state)
{
    (void)state;
    CgPatNode *p = parse_ok("{subject} (has|have)? deploy* ...3 {quantity}? (troops | "
                            "soldiers) ... to {object}");
    assert_int_equal(p->kids[1]->kind, CG_PAT_ALT);
    assert_true(p->kids[1]->optional);
    assert_int_equal(p->kids[1]->n_kids, 2);
    assert_int_equal(p->kids[2]->kind, CG_PAT_PREFIX);
    assert_string_equal(p->kids[2]->word, "deploy");
    assert_int_equal(p->kids[3]->kind, CG_PAT_GAP);
    assert_int_equal(p->kids[3]->gap_max, 3);
    assert_int_equal(p->kids[4]->kind, CG_PAT_QUANTITY);
    assert_true(p->kids[4]->optional);
    assert_int_equal(p->kids[6]->gap_max, 5);
    cg_pattern_free(p);
}

static void test_punctuation_literal(void **state)
{
    (void)state;
    CgPatNode *p = parse_ok("{subject} , {object} 's ambassador");
    assert_string_equal(p->kids[1]->word, ",");
    assert_string_equal(p->kids[3]->word, "'s");
    cg_pattern_free(p);
    p = parse_ok("{subject} (Gen '.' | Lt '(?)') {object}");
    assert_string_equal(p->kids[1]->kids[0]->kids[1]->word, ".");
    assert_string_equal(p->kids[1]->kids[1]->kids[1]->word, "(?)");
    cg_pattern_free(p);
}

static void test_syntax_errors(void **state)
{
    (void)state;
    expect_error("{subject} (met {object}", 11, "never closed");
    expect_error("{subject} met) {object}", 14, "without a matching '('");
    expect_error("{subject} met {obj}", 15, "unknown slot");
    expect_error("{subject} met {object", 15, "never closed");
    expect_error("{subject} ? {object}", 11, "'?' must follow");
    expect_error("{subject} .. {object}", 11, "gap");
    expect_error("{subject} ...99 {object}", 11, "at most 30");
    expect_error("{subject} (a||b) {object}", 14, "empty alternative");
    expect_error("{subject} met", 1, "exactly one {subject} and one {object}");
    expect_error("{subject} {subject} {object}", 1, "exactly one");
    expect_error("{subject} met {object}?", 15, "may not be optional");
    expect_error("({subject} met | met) {object}", 2, "inside alternatives");
    expect_error("{subject} ...? {object}", 14, "already optional");
}

static void test_free_null(void **state)
{
    (void)state;
    cg_pattern_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sequence_of_words_and_slots),
        cmocka_unit_test(test_words_are_normalised),
        cmocka_unit_test(test_hyphenated_word_becomes_sequence),
        cmocka_unit_test(test_prefix_gap_quantity_alternatives),
        cmocka_unit_test(test_punctuation_literal),
        cmocka_unit_test(test_syntax_errors),
        cmocka_unit_test(test_free_null),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
