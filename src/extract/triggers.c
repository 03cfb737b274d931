#include "triggers.h"

#include "../core/mem.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Files pattern `p` under each word of anchor `a`: counts it (`fill`
 * false; counts land one slot ahead, for the prefix sums) or stores it. */
static void file_anchor(CgTriggers *t, const CgAnchor *a, uint32_t p, bool fill)
{
    for (size_t i = 0; i < a->n; ++i) {
        for (uint64_t m = a->masks[i]; m; m &= m - 1) {
            const size_t w = (size_t)a->blocks[i] * 64 + (size_t)__builtin_ctzll(m);
            if (w >= t->n_words) {
                continue;
            }
            if (fill) {
                t->items[t->first[w + 1]++] = p;
            } else {
                ++t->first[w + 2];
            }
        }
    }
}

/* How many anchors of all patterns hold each word: a word that many
 * patterns need ("by", ",") is a common word of the text too, a poor
 * filter.  No word frequencies are known when rules are compiled; this is
 * their stand-in. */
static uint32_t *anchor_counts(const CgCPattern *const *patterns, size_t n_patterns,
                               size_t n_words)
{
    uint32_t *count = cg_xcalloc(n_words + 1, sizeof *count);
    for (size_t p = 0; p < n_patterns; ++p) {
        for (size_t k = 0; k < patterns[p]->n_anchors; ++k) {
            const CgAnchor *a = &patterns[p]->anchors[k];
            for (size_t i = 0; i < a->n; ++i) {
                for (uint64_t m = a->masks[i]; m; m &= m - 1) {
                    const size_t w = (size_t)a->blocks[i] * 64 + (size_t)__builtin_ctzll(m);
                    count[w < n_words ? w : n_words]++;
                }
            }
        }
    }
    return count;
}

/* The anchor a pattern is filed under: the one whose commonest word is
 * needed by the fewest anchors (on a tie, the one with fewer words). */
static const CgAnchor *trigger_anchor(const CgCPattern *p, const uint32_t *count,
                                      size_t n_words)
{
    const CgAnchor *best = NULL;
    uint32_t best_cost = UINT32_MAX;
    for (size_t k = 0; k < p->n_anchors; ++k) {
        const CgAnchor *a = &p->anchors[k];
        uint32_t cost = 0;
        for (size_t i = 0; i < a->n; ++i) {
            for (uint64_t m = a->masks[i]; m; m &= m - 1) {
                const size_t w = (size_t)a->blocks[i] * 64 + (size_t)__builtin_ctzll(m);
                const uint32_t c = count[w < n_words ? w : n_words];
                cost = c > cost ? c : cost;
            }
        }
        if (cost < best_cost) {
            best = a;
            best_cost = cost;
        }
    }
    return best;
}

void cg_triggers_build(CgTriggers *t, const CgCPattern *const *patterns, size_t n_patterns,
                       size_t n_words)
{
    memset(t, 0, sizeof *t);
    t->n_patterns = n_patterns;
    t->n_words = n_words;
    t->first = cg_xcalloc(n_words + 2, sizeof *t->first);
    t->always = cg_xcalloc(n_patterns + 1, sizeof *t->always);
    uint32_t *count = anchor_counts(patterns, n_patterns, n_words);
    /* counted, then filled: a CSR table, one pass over the anchors each */
    for (size_t p = 0; p < n_patterns; ++p) {
        if (!patterns[p]->n_anchors) {
            t->always[t->n_always++] = (uint32_t)p;
            continue;
        }
        file_anchor(t, trigger_anchor(patterns[p], count, n_words), (uint32_t)p, false);
    }
    for (size_t w = 2; w <= n_words + 1; ++w) {
        t->first[w] += t->first[w - 1];
    }
    t->items = cg_xmalloc((t->first[n_words + 1] + 1) * sizeof *t->items);
    for (size_t p = 0; p < n_patterns; ++p) {
        if (!patterns[p]->n_anchors) {
            continue;
        }
        file_anchor(t, trigger_anchor(patterns[p], count, n_words), (uint32_t)p, true);
    }
    free(count);
}

void cg_triggers_mark(const CgTriggers *t, const CgUnit *units, size_t n_units,
                      uint64_t *candidates)
{
    memset(candidates, 0, ((t->n_patterns + 63) / 64) * sizeof *candidates);
    for (size_t i = 0; i < t->n_always; ++i) {
        candidates[t->always[i] / 64] |= UINT64_C(1) << (t->always[i] % 64);
    }
    for (size_t u = 0; u < n_units; ++u) {
        /* the words cg_units_mark_present counts as present */
        if (units[u].mention && !(units[u].flags & CG_UNIT_WORD_TOO)) {
            continue;
        }
        const uint32_t w = units[u].word;
        for (uint32_t k = w < t->n_words ? t->first[w] : 0; w < t->n_words && k < t->first[w + 1];
             ++k) {
            candidates[t->items[k] / 64] |= UINT64_C(1) << (t->items[k] % 64);
        }
    }
}

void cg_triggers_free(CgTriggers *t)
{
    free(t->first);
    free(t->items);
    free(t->always);
    memset(t, 0, sizeof *t);
}
