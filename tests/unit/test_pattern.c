/* The pattern language's parser: structure and every syntax error. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "rules/pattern.h"

#include <stdio.h>
#include <stdlib.h>
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

/* "{subject} " + `n` copies of `elem` + " {object}", caller frees. */
static char *repeat_pattern(const char *elem, size_t n)
{
    const size_t len = strlen(elem) + 1;
    char *s = malloc(n * len + 32);
    size_t at = (size_t)sprintf(s, "{subject}");
    for (size_t i = 0; i < n; ++i) {
        at += (size_t)sprintf(s + at, " %s", elem);
    }
    sprintf(s + at, " {object}");
    return s;
}

/* The matcher recurses once per element of a match's path: a pattern may
 * hold at most CG_PATTERN_MAX_LENGTH of them (issue 12, point 6: 100,000
 * optional words overflowed the stack). */
static void test_length_limit(void **state)
{
    (void)state;
    char *ok = repeat_pattern("very?", CG_PATTERN_MAX_LENGTH - 3);
    CgPatNode *p = parse_ok(ok); /* 997 words, two slots and the sequence */
    cg_pattern_free(p);
    free(ok);
    char *over = repeat_pattern("very?", CG_PATTERN_MAX_LENGTH - 2);
    /* one more word: the count passes the limit at {object} */
    expect_error(over, 11 + 6 * 998, "at most 1000 are allowed");
    free(over);
    char *huge = repeat_pattern("very?", 100000);
    expect_error(huge, 11 + 6 * 998, "too long"); /* at the 999th word */
    free(huge);
    /* an alternative counts its longest branch (and itself): 4 a group */
    char *alts = repeat_pattern("(a b|c)", 333);
    expect_error(alts, 11 + 8 * 249, "too long: a match may run through 1335 elements");
    free(alts);
}

/* Alternatives add parts, not length: the number of parts is bounded too. */
static void test_parts_limit(void **state)
{
    (void)state;
    const size_t n = CG_PATTERN_MAX_PARTS / 2;
    char *s = malloc(n * 2 + 32);
    size_t at = (size_t)sprintf(s, "{subject} (a");
    for (size_t i = 1; i < n; ++i) {
        at += (size_t)sprintf(s + at, "|a");
    }
    sprintf(s + at, ") {object}");
    expect_error(s, 1, "parts");
    free(s);
}

/* Groups and captures nest at most 16 deep; 100,000 nested captures used
 * to overflow the parser's stack in `check` itself. */
static void test_nesting_limit(void **state)
{
    (void)state;
    const size_t n = 100000;
    char *s = malloc(n * 5 + 32);
    size_t at = (size_t)sprintf(s, "{subject} ");
    for (size_t i = 0; i < n; ++i) {
        at += (size_t)sprintf(s + at, "[a: ");
    }
    at += (size_t)sprintf(s + at, "x");
    for (size_t i = 0; i < n; ++i) {
        s[at++] = ']';
    }
    sprintf(s + at, " {object}");
    expect_error(s, 11 + 4 * 17, "nested too deeply (at most 16 levels)");
    memset(s, '(', n);
    sprintf(s + n, "{subject} x {object}");
    expect_error(s, 18, "nested too deeply");
    free(s);
}

/* Word lists are copied into each pattern that names them: a list that
 * holds lists is refused once spelled out it nests or grows past the
 * limits, at the @NAME. */
static const CgPatNode *big_list(void *ctx, const char *name, size_t len)
{
    (void)name;
    (void)len;
    return ctx;
}

static void test_list_limits(void **state)
{
    (void)state;
    /* a list of 30,000 one-word phrases: 60,001 parts */
    CgPatNode *wide = NULL;
    char *words = malloc(30000 * 2 + 8);
    size_t at = 0;
    for (size_t i = 0; i < 30000; ++i) {
        at += (size_t)sprintf(words + at, i ? "|a" : "(a");
    }
    sprintf(words + at, ")");
    unsigned col = 0;
    char err[256] = "";
    assert_int_equal(cg_pattern_parse_phrase(words, NULL, NULL, &wide, &col, err, sizeof err),
                     CG_OK);
    free(words);
    CgPatNode *root = NULL;
    assert_int_equal(cg_pattern_parse("{subject} @W met @W {object}", big_list, wide, &root,
                                      &col, err, sizeof err),
                     CG_ERR_SYNTAX);
    assert_null(root);
    assert_int_equal(col, 18);
    assert_non_null(strstr(err, "with word list '@W' this grows past 100000 parts"));
    /* lists nested in lists, "(@W)" each: every level adds two */
    CgPatNode *deep = NULL;
    assert_int_equal(cg_pattern_parse_phrase("(a|b)", NULL, NULL, &deep, &col, err, sizeof err),
                     CG_OK);
    for (int level = 1; level <= 30; ++level) {
        CgPatNode *next = NULL;
        assert_int_equal(cg_pattern_parse_phrase("(@W)", big_list, deep, &next, &col, err,
                                                 sizeof err),
                         CG_OK);
        cg_pattern_free(deep);
        deep = next;
    }
    CgPatNode *next = NULL;
    assert_int_equal(cg_pattern_parse_phrase("(@W)", big_list, deep, &next, &col, err, sizeof err),
                     CG_ERR_SYNTAX);
    assert_null(next);
    assert_int_equal(col, 2);
    assert_non_null(strstr(err, "nested more than 64 levels deep"));
    cg_pattern_free(deep);
    cg_pattern_free(wide);
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
        cmocka_unit_test(test_length_limit),
        cmocka_unit_test(test_parts_limit),
        cmocka_unit_test(test_nesting_limit),
        cmocka_unit_test(test_list_limits),
        cmocka_unit_test(test_free_null),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
