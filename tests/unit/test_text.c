/* Unit tests for text/: UTF-8 checking, tokens, offsets and sentences. */
#include "core/buf.h"
#include "text/text.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

/* Every token in exactly one sentence, in order, with trimmed bounds: checked
 * on every text the tests analyse. */
static void check_invariants(const CgText *t, const char *s)
{
    const CgToken *toks = cg_text_tokens(t);
    const CgSentence *sents = cg_text_sentences(t);
    size_t next = 0;
    for (size_t i = 0; i < cg_text_sentence_count(t); ++i) {
        assert_int_equal(sents[i].tok_begin, next);
        assert_true(sents[i].tok_end > sents[i].tok_begin);
        assert_int_equal(sents[i].begin, toks[sents[i].tok_begin].begin);
        assert_int_equal(sents[i].end, toks[sents[i].tok_end - 1].end);
        assert_int_equal(sents[i].cbegin, toks[sents[i].tok_begin].cbegin);
        assert_int_equal(sents[i].cend, toks[sents[i].tok_end - 1].cend);
        assert_true(s[sents[i].begin] != ' ' && s[sents[i].end - 1] != ' ');
        next = sents[i].tok_end;
    }
    assert_int_equal(next, cg_text_token_count(t));
}

static CgText *analyze(const char *s)
{
    CgText *t = cg_text_analyze(s, strlen(s));
    assert_non_null(t);
    check_invariants(t, s);
    return t;
}

/* Tokens as "norm" for words, "N:" numbers, "P:" punctuation, "H:" hyphens
 * and "S:" possessives, separated by spaces. */
static void assert_tokens(const char *s, const char *expected)
{
    static const char *const prefix[] = {"", "N:", "P:", "H:", "S:"};
    CgText *t = analyze(s);
    CgBuf out = CG_BUF_INIT;
    for (size_t i = 0; i < cg_text_token_count(t); ++i) {
        const CgToken *tok = &cg_text_tokens(t)[i];
        assert_int_equal(strlen(tok->norm), tok->norm_len);
        cg_buf_printf(&out, "%s%s%s", i ? " " : "", prefix[tok->kind], tok->norm);
    }
    assert_string_equal(cg_buf_str(&out), expected);
    cg_buf_free(&out);
    cg_text_free(t);
}

/* Sentences as their trimmed text, separated by " | ". */
static void assert_sentences(const char *s, const char *expected)
{
    CgText *t = analyze(s);
    CgBuf out = CG_BUF_INIT;
    for (size_t i = 0; i < cg_text_sentence_count(t); ++i) {
        const CgSentence *sent = &cg_text_sentences(t)[i];
        if (i) {
            cg_buf_puts(&out, " | ");
        }
        cg_buf_append(&out, s + sent->begin, sent->end - sent->begin);
    }
    assert_string_equal(cg_buf_str(&out), expected);
    cg_buf_free(&out);
    cg_text_free(t);
}

static void assert_bad_utf8(const char *s, size_t len, size_t offset)
{
    size_t bad = 999;
    assert_int_equal(cg_text_check_utf8(s, len, &bad), CG_ERR_UTF8);
    assert_int_equal(bad, offset);
}

static void test_utf8_valid(void **state)
{
    (void)state;
    static const char ok[] = "plain, caf\xC3\xA9, \xE2\x80\x99, \xE2\x82\xAC, \xF0\x9F\x98\x80, "
                             "\xF4\x8F\xBF\xBF, \xED\x9F\xBF, \xEE\x80\x80";
    size_t bad = 999;
    assert_int_equal(cg_text_check_utf8(ok, sizeof ok - 1, &bad), CG_OK);
    assert_int_equal(bad, 999);
    assert_int_equal(cg_text_check_utf8("", 0, &bad), CG_OK);
    assert_int_equal(cg_text_check_utf8("a\0b", 3, NULL), CG_OK);
}

static void test_utf8_bad_start(void **state)
{
    (void)state;
    assert_bad_utf8("\x80 abc", 5, 0);
    assert_bad_utf8("\xFF", 1, 0);
    assert_bad_utf8("\xC0\xAF", 2, 0); /* overlong "/" */
}

static void test_utf8_bad_middle(void **state)
{
    (void)state;
    assert_bad_utf8("ab\xC1\xBF", 4, 2);                 /* overlong */
    assert_bad_utf8("ab\xE0\x80\xAF cd", 7, 2);          /* overlong, 3 bytes */
    assert_bad_utf8("caf\xC3\xA9 \xF0\x80\x80\xAF", 10, 6); /* overlong, 4 bytes */
    assert_bad_utf8("x\xED\xA0\x80y", 5, 1);             /* surrogate U+D800 */
    assert_bad_utf8("x\xF4\x90\x80\x80y", 6, 1);         /* U+110000 */
    assert_bad_utf8("xy\xF5\x80\x80\x80", 6, 2);         /* no such lead */
    assert_bad_utf8("x\xE2\x80y", 4, 1);                 /* cut short */
    assert_bad_utf8("\xC3\xA9\xC3", 3, 2);               /* after a good one */
}

static void test_utf8_bad_end(void **state)
{
    (void)state;
    assert_bad_utf8("abc\xE2\x80", 5, 3);
    assert_bad_utf8("abc\xF0\x9F\x98", 6, 3);
    assert_bad_utf8("abc\xC3", 4, 3);
    assert_bad_utf8("abc\x80", 4, 3);
}

static void test_words_and_numbers(void **state)
{
    (void)state;
    assert_tokens("Troops hasn't 12,000 1.5 2024 20%",
                  "troops hasn't N:12,000 N:1.5 N:2024 N:20 P:%");
    assert_tokens("the 3rd of 1990s, G7 and 1.5bn",
                  "the 3rd of 1990s P:, g7 and N:1.5 bn");
    assert_tokens("O'Brien rock'n'roll", "o'brien rock'n'roll");
    assert_tokens("in 2024. Then 12,000.", "in N:2024 P:. then N:12,000 P:.");
    assert_tokens("$5 -3 .5", "P:$ N:5 P:- N:3 P:. N:5");
}

static void test_non_ascii_letters(void **state)
{
    (void)state;
    /* Cyrillic folds too (К -> к), not only Latin-1 */
    assert_tokens("\xC3\x89lys\xC3\xA9\x65 Zelenskyy \xD0\x9A\xD0\xB8\xD0\xB5\xD0\xB2",
                  "\xC3\xA9lys\xC3\xA9\x65 zelenskyy \xD0\xBA\xD0\xB8\xD0\xB5\xD0\xB2");
}

static void test_punctuation(void **state)
{
    (void)state;
    /* curly quotes, en and em dash, ellipsis: one mark each */
    assert_tokens("\xE2\x80\x9CYes\xE2\x80\x9D \xE2\x80\x98no\xE2\x80\x99 a \xE2\x80\x93 b"
                  "\xE2\x80\x94" "c\xE2\x80\xA6",
                  "P:\" yes P:\" P:' no P:' a P:\xE2\x80\x93 b P:\xE2\x80\x94 c P:\xE2\x80\xA6");
    assert_tokens("(a), [b]; c: d?!", "P:( a P:) P:, P:[ b P:] P:; c P:: d P:? P:!");
    /* U+00A0 is white space */
    assert_tokens("12\xC2\xA0" "000 troops", "N:12 N:000 troops");
}

static void test_hyphens(void **state)
{
    (void)state;
    assert_tokens("Kim Jong-un", "kim jong H:- un");
    assert_tokens("F-16 and COVID-19", "f H:- N:16 and covid H:- N:19");
    assert_tokens("a - b -c d- e", "a P:- b P:- c d P:- e");
    assert_tokens("well--known", "well P:- P:- known");
    /* a dash is punctuation even between words */
    assert_tokens("2023\xE2\x80\x93" "24", "N:2023 P:\xE2\x80\x93 N:24");
}

static void test_possessives(void **state)
{
    (void)state;
    assert_tokens("Russia's Russia\xE2\x80\x99s RUSSIA'S",
                  "russia S:'s russia S:'s russia S:'s");
    assert_tokens("the forces' losses, the forces\xE2\x80\x99.",
                  "the forces S:' losses P:, the forces S:' P:.");
    /* a bare apostrophe after a word not ending in s is a quote */
    assert_tokens("'Kim' said", "P:' kim P:' said");
    assert_tokens("year's end in 1990's", "year S:'s end in N:1990 S:'s");
    assert_tokens("s'il", "s'il");
}

static void test_curly_equals_straight(void **state)
{
    (void)state;
    CgText *a = analyze("hasn't Russia's forces'");
    CgText *b = analyze("hasn\xE2\x80\x99t Russia\xE2\x80\x99s forces\xE2\x80\x99");
    CgText *c = analyze("hasn\xCA\xBCt Russia\xCA\xBCs forces\xCA\xBC");
    assert_int_equal(cg_text_token_count(a), 5);
    assert_int_equal(cg_text_token_count(b), 5);
    assert_int_equal(cg_text_token_count(c), 5);
    for (size_t i = 0; i < 5; ++i) {
        assert_string_equal(cg_text_tokens(a)[i].norm, cg_text_tokens(b)[i].norm);
        assert_string_equal(cg_text_tokens(a)[i].norm, cg_text_tokens(c)[i].norm);
        assert_int_equal(cg_text_tokens(a)[i].kind, cg_text_tokens(b)[i].kind);
    }
    cg_text_free(a);
    cg_text_free(b);
    cg_text_free(c);
}

static void test_offsets(void **state)
{
    (void)state;
    /* "Élysée’s café — 2024": É, é, ’ and — are 2, 2, 3 and 3 bytes */
    const char *s = "\xC3\x89lys\xC3\xA9" "e\xE2\x80\x99s caf\xC3\xA9 \xE2\x80\x94 2024";
    CgText *t = analyze(s);
    static const size_t want[][4] = {
        {0, 8, 0, 6}, {8, 12, 6, 8}, {13, 18, 9, 13}, {19, 22, 14, 15}, {23, 27, 16, 20},
    };
    assert_int_equal(cg_text_token_count(t), 5);
    for (size_t i = 0; i < 5; ++i) {
        const CgToken *tok = &cg_text_tokens(t)[i];
        assert_int_equal(tok->begin, want[i][0]);
        assert_int_equal(tok->end, want[i][1]);
        assert_int_equal(tok->cbegin, want[i][2]);
        assert_int_equal(tok->cend, want[i][3]);
    }
    assert_int_equal(cg_text_tokens(t)[1].kind, CG_TOK_POSSESSIVE);
    cg_text_free(t);
}

static void test_sentence_offsets(void **state)
{
    (void)state;
    const char *s = "  \xE2\x80\x9C\xC3\x89t\xC3\xA9.\xE2\x80\x9D  Kim left.  \n";
    CgText *t = analyze(s);
    assert_int_equal(cg_text_sentence_count(t), 2);
    const CgSentence *a = &cg_text_sentences(t)[0], *b = &cg_text_sentences(t)[1];
    assert_int_equal(a->begin, 2);
    assert_int_equal(a->end, 14);
    assert_int_equal(a->cbegin, 2);
    assert_int_equal(a->cend, 8);
    assert_int_equal(b->begin, 16);
    assert_int_equal(b->end, 25);
    assert_int_equal(b->cbegin, 10);
    assert_int_equal(b->cend, 19);
    cg_text_free(t);
}

static void test_sentence_terminals(void **state)
{
    (void)state;
    assert_sentences("Kim left. Putin stayed! Why? 12,000 came.",
                     "Kim left. | Putin stayed! | Why? | 12,000 came.");
    assert_sentences("It ended. \xE2\x80\x9CNo,\xE2\x80\x9D he said. 'Yes.' (Reuters)",
                     "It ended. | \xE2\x80\x9CNo,\xE2\x80\x9D he said. | 'Yes.' | (Reuters)");
    /* closing quotes and brackets stay with the sentence they close */
    assert_sentences("He said \"go.\" Then left. (It was late.) Next.",
                     "He said \"go.\" | Then left. | (It was late.) | Next.");
    assert_sentences("He \xE2\x80\x9Cwon.\xE2\x80\x9D She lost.",
                     "He \xE2\x80\x9Cwon.\xE2\x80\x9D | She lost.");
    /* no boundary before a lower-case word or without white space */
    assert_sentences("It rose to 1.5 percent. the end.Next", "It rose to 1.5 percent. the end.Next");
}

static void test_sentence_lines(void **state)
{
    (void)state;
    assert_sentences("Headline Without Stop\nBody starts here.",
                     "Headline Without Stop | Body starts here.");
    assert_sentences("first para\n\nsecond para", "first para | second para");
    assert_sentences("one\r\n\r\ntwo", "one | two");
    assert_sentences("a line that wraps\nin the middle.", "a line that wraps\nin the middle.");
    assert_sentences("Troops sent\n12,000 more", "Troops sent | 12,000 more");
    assert_sentences("He said\n\xE2\x80\x9CNo\xE2\x80\x9D", "He said | \xE2\x80\x9CNo\xE2\x80\x9D");
}

static void test_sentence_abbreviations(void **state)
{
    (void)state;
    static const char *const abbrs[] = {
        "U.S.", "U.K.", "U.N.", "E.U.", "Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Lt.",
        "Col.", "Maj.", "Capt.", "Sgt.", "Sen.", "Rep.", "Gov.", "Pres.", "St.", "Jr.",
        "Sr.", "Inc.", "Ltd.", "Co.", "Corp.", "No.", "vs.", "etc.", "e.g.", "i.e.",
        "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.",
        "J.", "D.C.",
    };
    for (size_t i = 0; i < sizeof abbrs / sizeof *abbrs; ++i) {
        char s[64];
        snprintf(s, sizeof s, "See %s Smith 5 here.", abbrs[i]);
        assert_sentences(s, s);
    }
    assert_sentences("J. K. Rowling wrote. Gen. Kim met Sen. Ann Lee in the U.S. Capitol.",
                     "J. K. Rowling wrote. | Gen. Kim met Sen. Ann Lee in the U.S. Capitol.");
    /* a lower-case "no." is a word, not an abbreviation */
    assert_sentences("He said no. Then he left.", "He said no. | Then he left.");
    assert_sentences("It was Kim. Then Putin.", "It was Kim. | Then Putin.");
}

static void test_sentence_ellipsis(void **state)
{
    (void)state;
    assert_sentences("We waited... and waited. Then... Nothing.",
                     "We waited... and waited. | Then... | Nothing.");
    assert_sentences("We waited\xE2\x80\xA6 and waited\xE2\x80\xA6 Nothing.",
                     "We waited\xE2\x80\xA6 and waited\xE2\x80\xA6 | Nothing.");
}

static void test_empty_and_blank(void **state)
{
    (void)state;
    CgText *t = analyze("");
    assert_int_equal(cg_text_token_count(t), 0);
    assert_int_equal(cg_text_sentence_count(t), 0);
    cg_text_free(t);
    t = analyze(" \n\t\xC2\xA0\n ");
    assert_int_equal(cg_text_token_count(t), 0);
    assert_int_equal(cg_text_sentence_count(t), 0);
    cg_text_free(t);
    t = cg_text_analyze(NULL, 0);
    assert_int_equal(cg_text_token_count(t), 0);
    cg_text_free(t);
    cg_text_free(NULL);
}

/* Unchecked input must still split safely (the fuzzer's job, in small). */
static void test_invalid_input_is_safe(void **state)
{
    (void)state;
    static const char s[] = "\xE2\x80 Kim\xC3 \xFF\xFE. \xF0\x9F\x98";
    CgText *t = cg_text_analyze(s, sizeof s - 1);
    check_invariants(t, s);
    for (size_t i = 0; i < cg_text_token_count(t); ++i) {
        assert_true(cg_text_tokens(t)[i].end <= sizeof s - 1);
        assert_true(cg_text_tokens(t)[i].cbegin < cg_text_tokens(t)[i].cend);
    }
    cg_text_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_valid),
        cmocka_unit_test(test_utf8_bad_start),
        cmocka_unit_test(test_utf8_bad_middle),
        cmocka_unit_test(test_utf8_bad_end),
        cmocka_unit_test(test_words_and_numbers),
        cmocka_unit_test(test_non_ascii_letters),
        cmocka_unit_test(test_punctuation),
        cmocka_unit_test(test_hyphens),
        cmocka_unit_test(test_possessives),
        cmocka_unit_test(test_curly_equals_straight),
        cmocka_unit_test(test_offsets),
        cmocka_unit_test(test_sentence_offsets),
        cmocka_unit_test(test_sentence_terminals),
        cmocka_unit_test(test_sentence_lines),
        cmocka_unit_test(test_sentence_abbreviations),
        cmocka_unit_test(test_sentence_ellipsis),
        cmocka_unit_test(test_empty_and_blank),
        cmocka_unit_test(test_invalid_input_is_safe),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
