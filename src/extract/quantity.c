/* Reading the value of a captured number: "12,000", "1.5 million", "eight
 * million", "a dozen".  Vague amounts ("thousands", "several") have none. */
#include "extract.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct {
    const char *word;
    double value;
} CgNumberWord;

static const CgNumberWord cg_units[] = {
    {"a", 1},       {"one", 1},      {"two", 2},       {"three", 3},    {"four", 4},
    {"five", 5},    {"six", 6},      {"seven", 7},     {"eight", 8},    {"nine", 9},
    {"ten", 10},    {"eleven", 11},  {"twelve", 12},   {"fifteen", 15}, {"twenty", 20},
    {"thirty", 30}, {"forty", 40},   {"fifty", 50},    {"sixty", 60},   {"seventy", 70},
    {"eighty", 80}, {"ninety", 90},  {"dozen", 12},    {"hundred", 100}, {"thousand", 1e3},
    {NULL, 0}};

static const CgNumberWord cg_scales[] = {
    {"hundred", 1e2}, {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {NULL, 0}};

static bool word_value(const CgNumberWord *table, const char *w, size_t len, double *value)
{
    for (; table->word; ++table) {
        if (strlen(table->word) == len && !strncasecmp(table->word, w, len)) {
            *value = table->value;
            return true;
        }
    }
    return false;
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
    while (w < len && !isspace((unsigned char)text[w])) {
        ++w;
    }
    double v;
    if (!(isdigit((unsigned char)text[0]) ? digits_value(text, w, &v)
                                           : word_value(cg_units, text, w, &v))) {
        return false;
    }
    size_t s = w;
    while (s < len && isspace((unsigned char)text[s])) {
        ++s;
    }
    double scale = 1;
    if (s < len && !word_value(cg_scales, text + s, len - s, &scale)) {
        return false;
    }
    *value = v * scale;
    return true;
}
