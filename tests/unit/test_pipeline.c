/* Unit tests for pipeline/: the quote an evidence carries (quote.h). */
#include "core/buf.h"
#include "pipeline/quote.h"
#include "text/text.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#define CUT "\xE2\x80\xA6" /* … */

/* The token index of the first token that begins at byte `at`. */
static size_t token_at(const CgText *t, size_t at)
{
    const CgToken *toks = cg_text_tokens(t);
    for (size_t i = 0; i < cg_text_token_count(t); ++i) {
        if (toks[i].begin == at) {
            return i;
        }
    }
    fail_msg("no token begins at byte %zu", at);
    return 0;
}

/* The quote of a match over the words `match` of `s` (one sentence). */
static CgQuote quote_of(const char *s, const char *match, size_t n_tokens)
{
    CgText *t = cg_text_analyze(s, strlen(s));
    assert_int_equal(cg_text_sentence_count(t), 1);
    CgAssertion a = {.sentence = 0};
    a.tok_begin = token_at(t, (size_t)(strstr(s, match) - s));
    a.tok_end = a.tok_begin + n_tokens;
    CgQuote q;
    cg_quote_build(t, s, &a, &q);
    cg_text_free(t);
    return q;
}

/* `words` copies of "word " then `middle`, then `words` more and a full stop. */
static char *padded(size_t before, const char *middle, size_t after)
{
    CgBuf b = CG_BUF_INIT;
    for (size_t i = 0; i < before; ++i) {
        cg_buf_puts(&b, "word ");
    }
    cg_buf_puts(&b, middle);
    for (size_t i = 0; i < after; ++i) {
        cg_buf_puts(&b, " word");
    }
    cg_buf_puts(&b, ".");
    return cg_buf_take(&b);
}

static void test_short_sentence_whole(void **state)
{
    (void)state;
    const char *s = "Putin met Kim in Vladivostok.";
    CgQuote q = quote_of(s, "Putin", 3);
    assert_string_equal(q.text, s);
    assert_false(q.cut);
    assert_int_equal(q.cbegin, 0);
    assert_int_equal(q.cend, strlen(s));
    free(q.text);
}

/* "Putin met Kim aaa…a." of `len` characters. */
static char *of_length(size_t len)
{
    char *s = malloc(len + 1);
    assert_non_null(s);
    memset(s, 'a', len);
    memcpy(s, "Putin met Kim ", strlen("Putin met Kim "));
    s[len - 1] = '.';
    s[len] = '\0';
    return s;
}

/* Exactly CG_QUOTE_MAX_CHARS characters: still whole; one more: cut. */
static void test_limit(void **state)
{
    (void)state;
    char *s = of_length(CG_QUOTE_MAX_CHARS);
    CgQuote q = quote_of(s, "Putin", 3);
    assert_false(q.cut);
    assert_string_equal(q.text, s);
    free(q.text);
    free(s);
    s = of_length(CG_QUOTE_MAX_CHARS + 1);
    q = quote_of(s, "Putin", 3);
    assert_true(q.cut); /* all but the full stop */
    assert_int_equal(q.cbegin, 0);
    assert_int_equal(q.cend, CG_QUOTE_MAX_CHARS);
    assert_memory_equal(q.text, s, CG_QUOTE_MAX_CHARS);
    assert_string_equal(q.text + CG_QUOTE_MAX_CHARS, " " CUT);
    free(q.text);
    free(s);
}

/* The middle of a long sentence: cut on both sides, at words, with the
 * match inside and the offsets of what is shown. */
static void test_long_sentence_cut(void **state)
{
    (void)state;
    char *s = padded(2000, "Putin met Kim", 2000);
    CgQuote q = quote_of(s, "Putin", 3);
    assert_true(q.cut);
    assert_true(!strncmp(q.text, CUT " word ", strlen(CUT " word ")));
    const size_t n = strlen(q.text);
    assert_string_equal(q.text + n - strlen(" word " CUT), " word " CUT);
    assert_non_null(strstr(q.text, "Putin met Kim"));
    assert_true(q.cend - q.cbegin <= CG_QUOTE_MAX_CHARS);
    assert_true(q.cend - q.cbegin > CG_QUOTE_MAX_CHARS - 10);
    const size_t mark = strlen(CUT " ");
    assert_int_equal(n - 2 * mark, q.cend - q.cbegin); /* ASCII: bytes are characters */
    assert_memory_equal(q.text + mark, s + q.cbegin, q.cend - q.cbegin);
    const size_t at = (size_t)(strstr(s, "Putin") - s);
    assert_true(q.cbegin < at && q.cend > at + strlen("Putin met Kim"));
    free(q.text);
    free(s);
}

/* A match at the start: nothing cut before it, so no mark there. */
static void test_long_sentence_start(void **state)
{
    (void)state;
    char *s = padded(0, "Putin met Kim", 4000);
    CgQuote q = quote_of(s, "Putin", 3);
    assert_true(q.cut);
    assert_true(!strncmp(q.text, "Putin met Kim word", strlen("Putin met Kim word")));
    assert_int_equal(q.cbegin, 0);
    assert_int_equal(q.cend, CG_QUOTE_MAX_CHARS - 2); /* whole words: " word" ends at 998 */
    assert_string_equal(q.text + strlen(q.text) - strlen(" " CUT), " " CUT);
    free(q.text);
    free(s);
}

/* A match that is longer than the limit by itself (one huge word of
 * two-byte letters): cut at a character, still UTF-8. */
static void test_huge_match_cut_at_character(void **state)
{
    (void)state;
    CgBuf word = CG_BUF_INIT;
    cg_buf_puts(&word, "Putin ");
    for (int i = 0; i < 3000; ++i) {
        cg_buf_puts(&word, "\xC3\xA9"); /* é */
    }
    char *s = padded(10, cg_buf_str(&word), 10);
    CgQuote q = quote_of(s, "Putin", 2);
    assert_true(q.cut);
    assert_int_equal(q.cend - q.cbegin, CG_QUOTE_MAX_CHARS);
    assert_int_equal(q.cbegin, 50);
    assert_true(!strncmp(q.text, CUT " Putin \xC3\xA9", strlen(CUT " Putin \xC3\xA9")));
    size_t bad = 0;
    assert_int_equal(cg_text_check_utf8(q.text, strlen(q.text), &bad), CG_OK);
    /* "… ", "Putin " (6), 994 letters of 2 bytes, " …" */
    assert_int_equal(strlen(q.text), 2 * strlen(CUT " ") + 6 + 2 * 994);
    free(q.text);
    free(s);
    cg_buf_free(&word);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_short_sentence_whole),
        cmocka_unit_test(test_limit),
        cmocka_unit_test(test_long_sentence_cut),
        cmocka_unit_test(test_long_sentence_start),
        cmocka_unit_test(test_huge_match_cut_at_character),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
