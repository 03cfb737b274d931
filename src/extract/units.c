#include "units.h"

#include <string.h>

size_t cg_units_build(const CgText *text, const CgSentence *sentence, const CgMention *mentions,
                      size_t n_mentions, size_t *next_mention, const uint32_t *word_ids,
                      CgUnit *units)
{
    const CgToken *toks = cg_text_tokens(text);
    size_t m = *next_mention;
    while (m < n_mentions && mentions[m].tok_begin < sentence->tok_begin) {
        ++m;
    }
    size_t n = 0;
    for (size_t t = sentence->tok_begin; t < sentence->tok_end;) {
        if (m < n_mentions && mentions[m].tok_begin == t) {
            unsigned flags =
                toks[mentions[m].tok_end - 1].kind == CG_TOK_POSSESSIVE ? CG_UNIT_POSSESSIVE : 0;
            flags |= mentions[m].word_too ? CG_UNIT_WORD_TOO : 0;
            flags |= mentions[m].possessive ? CG_UNIT_POSSESSIVE : 0;
            const uint32_t word = mentions[m].word_too ? word_ids[t] : 0;
            units[n++] = (CgUnit){t, mentions[m].tok_end, &mentions[m], word, flags, -1, 0};
            t = mentions[m++].tok_end;
        } else {
            if (toks[t].kind != CG_TOK_HYPHEN) {
                units[n++] = (CgUnit){t, t + 1, NULL, word_ids[t], 0, -1, 0};
            }
            ++t;
        }
    }
    *next_mention = m;
    return n;
}

void cg_units_mark_present(const CgUnit *units, size_t n_units, uint64_t *present,
                           size_t blocks)
{
    memset(present, 0, blocks * sizeof *present);
    for (size_t i = 0; i < n_units; ++i) {
        if (!units[i].mention || (units[i].flags & CG_UNIT_WORD_TOO)) {
            const uint32_t id = units[i].word;
            present[id / 64] |= UINT64_C(1) << (id % 64);
        }
    }
}
