/* Reading the value of a captured number: "12,000", "1.5 million", "eight
 * million", "a dozen".  Vague amounts ("thousands", "several") have none. */
#include "extract.h"
#include "numbers.h"

#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct {
    const char *word;
    double value; /* 0: a vague amount */
    unsigned roles; /* CgNumberRole bits */
} CgNumberWord;

#define U CG_NUM_UNIT
#define S CG_NUM_SCALE
#define A CG_NUM_ATTACHED
static const CgNumberWord cg_number_words[] = {
    {"a", 1, U},         {"one", 1, U},       {"two", 2, U},          {"three", 3, U},
    {"four", 4, U},      {"five", 5, U},      {"six", 6, U},          {"seven", 7, U},
    {"eight", 8, U},     {"nine", 9, U},      {"ten", 10, U},         {"eleven", 11, U},
    {"twelve", 12, U},   {"fifteen", 15, U},  {"twenty", 20, U},      {"thirty", 30, U},
    {"forty", 40, U},    {"fifty", 50, U},    {"sixty", 60, U},       {"seventy", 70, U},
    {"eighty", 80, U},   {"ninety", 90, U},   {"dozen", 12, U},       {"hundred", 1e2, U | S},
    {"thousand", 1e3, U | S}, {"million", 1e6, S}, {"billion", 1e9, S},
    {"trillion", 1e12, S}, {"bn", 1e9, S | A}, {"mn", 1e6, S | A}, {"tn", 1e12, S | A},
    {"m", 1e6, A},       {"k", 1e3, A},       {"b", 1e9, A},
    {"hundreds", 0, U | S}, {"thousands", 0, U | S}, {"millions", 0, S}, {"dozens", 0, U},
    {"several", 0, U},   {"tens", 0, U},      {NULL, 0, 0}};
#undef U
#undef S
#undef A

/* Called for every word of every sentence with names in it, so the table
 * is read only where the word's length and first letter fit: a bitmask of
 * lengths per first letter turns almost every word away at once (profiled:
 * a scan of the table cost 2.4% of a build). */
#define CG_N_NUMBER_WORDS (sizeof cg_number_words / sizeof cg_number_words[0] - 1)

static unsigned lengths[26];            /* per first letter: a bit per length */
static uint8_t by_letter[CG_N_NUMBER_WORDS]; /* table indexes, by first letter */
static uint8_t letter_start[27];        /* per letter: its first in by_letter */
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static void index_table(void)
{
    size_t k = 0;
    for (int c = 0; c < 26; ++c) {
        letter_start[c] = (uint8_t)k;
        for (size_t i = 0; i < CG_N_NUMBER_WORDS; ++i) {
            if (cg_number_words[i].word[0] - 'a' == c) {
                by_letter[k++] = (uint8_t)i;
                lengths[c] |= 1u << strlen(cg_number_words[i].word);
            }
        }
    }
    letter_start[26] = (uint8_t)k;
}

bool cg_number_word(const char *w, size_t len, CgNumberRole role, double *value)
{
    pthread_once(&index_once, index_table);
    const unsigned char c = (unsigned char)(w[0] | 0x20);
    if (len == 0 || len > 16 || c < 'a' || c > 'z' || !((lengths[c - 'a'] >> len) & 1u)) {
        return false;
    }
    for (size_t k = letter_start[c - 'a']; k < letter_start[c - 'a' + 1]; ++k) {
        const CgNumberWord *n = &cg_number_words[by_letter[k]];
        if ((n->roles & role) && strlen(n->word) == len && !strncasecmp(n->word, w, len)) {
            if (value) {
                *value = n->value;
            }
            return true;
        }
    }
    return false;
}

/* A number word with a value (not a vague one) in `role`. */
static bool word_value(CgNumberRole role, const char *w, size_t len, double *value)
{
    return cg_number_word(w, len, role, value) && *value != 0;
}

/* Digits with thousands separators and a decimal point: "12,000", "1.5". */
static bool digits_value(const char *s, size_t len, double *value)
{
    char buf[64];
    size_t n = 0;
    for (size_t i = 0; i < len && n + 1 < sizeof buf; ++i) {
        if (s[i] != ',') {
            buf[n++] = s[i];
        }
    }
    buf[n] = '\0';
    char *end = NULL;
    *value = strtod(buf, &end);
    return n && end && !*end;
}

bool cg_quantity_parse(const char *text, size_t len, double *value)
{
    size_t w = 0;
    double v;
    if (isdigit((unsigned char)text[0])) {
        while (w < len && (isdigit((unsigned char)text[w]) || text[w] == ',' || text[w] == '.')) {
            ++w;
        }
        if (!digits_value(text, w, &v)) {
            return false;
        }
    } else {
        while (w < len && !isspace((unsigned char)text[w])) {
            ++w;
        }
        if (!word_value(CG_NUM_UNIT, text, w, &v)) {
            return false;
        }
    }
    const bool attached = w < len && !isspace((unsigned char)text[w]);
    size_t s = w;
    while (s < len && isspace((unsigned char)text[s])) {
        ++s;
    }
    double scale = 1;
    if (s < len && !word_value(attached ? CG_NUM_ATTACHED : CG_NUM_SCALE, text + s, len - s,
                               &scale)) {
        return false;
    }
    *value = v * scale;
    return true;
}
