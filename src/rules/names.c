/* Names seen while loading (ids, predicates, types), so that a duplicate can
 * point back at the first, and a misspelling can suggest the intended name. */
#include "rules_internal.h"

#include "../core/mem.h"

#include <stdlib.h>
#include <string.h>

#define CG_SUGGEST_MAX 2u

void cg_names_init(CgNameSet *set)
{
    memset(set, 0, sizeof *set);
    set->map = cg_strmap_new();
}

void cg_names_free(CgNameSet *set)
{
    for (size_t i = 0; i < set->n; ++i) {
        free(set->items[i].name);
    }
    free(set->items);
    cg_strmap_free(set->map);
    memset(set, 0, sizeof *set);
}

const CgName *cg_names_find(const CgNameSet *set, const char *name)
{
    uint32_t pos;
    if (cg_strmap_get(set->map, name, strlen(name), &pos)) {
        return &set->items[pos];
    }
    return NULL;
}

const CgName *cg_names_add(CgNameSet *set, const char *name, const char *file,
                           unsigned line, unsigned col, uint32_t index)
{
    const CgName *old = cg_names_find(set, name);
    if (old) {
        return old;
    }
    set->items = cg_xgrow(set->items, &set->cap, set->n + 1, sizeof *set->items);
    set->items[set->n] = (CgName){cg_xstrdup(name), file, line, col, index};
    cg_strmap_put(set->map, name, strlen(name), (uint32_t)set->n);
    ++set->n;
    return NULL;
}

static size_t min3(size_t a, size_t b, size_t c)
{
    const size_t m = a < b ? a : b;
    return m < c ? m : c;
}

/* Levenshtein distance, giving up (returning limit + 1) once the lengths
 * alone put it over `limit`: suggestions only care about small distances. */
static size_t edit_distance(const char *a, const char *b, size_t limit)
{
    const size_t la = strlen(a), lb = strlen(b);
    if ((la > lb ? la - lb : lb - la) > limit) {
        return limit + 1;
    }
    size_t *row = cg_xmalloc((lb + 1) * sizeof *row);
    for (size_t j = 0; j <= lb; ++j) {
        row[j] = j;
    }
    for (size_t i = 1; i <= la; ++i) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; ++j) {
            const size_t up = row[j];
            row[j] = min3(row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1]));
            diag = up;
        }
    }
    const size_t d = row[lb];
    free(row);
    return d;
}

/* A suggestion must keep some of the word: "id" is not a fix for "xy". */
static bool worth_suggesting(const char *word, const char *candidate, size_t *best)
{
    const size_t d = edit_distance(word, candidate, CG_SUGGEST_MAX);
    if (d == 0 || d > CG_SUGGEST_MAX || d >= strlen(candidate) || d >= *best) {
        return false;
    }
    *best = d;
    return true;
}

const char *cg_words_nearest(const char *const *words, size_t n, const char *word)
{
    const char *found = NULL;
    size_t best = CG_SUGGEST_MAX + 1;
    for (size_t i = 0; i < n; ++i) {
        if (worth_suggesting(word, words[i], &best)) {
            found = words[i];
        }
    }
    return found;
}

const char *cg_names_nearest(const CgNameSet *set, const char *name)
{
    const char *found = NULL;
    size_t best = CG_SUGGEST_MAX + 1;
    for (size_t i = 0; i < set->n; ++i) {
        if (worth_suggesting(name, set->items[i].name, &best)) {
            found = set->items[i].name;
        }
    }
    return found;
}
