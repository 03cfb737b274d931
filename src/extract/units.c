#include "units.h"

size_t cg_units_build(const CgText *text, const CgSentence *sentence, const CgMention *mentions,
                      size_t n_mentions, size_t *next_mention, CgUnit *units)
{
    const CgToken *toks = cg_text_tokens(text);
    size_t m = *next_mention;
    while (m < n_mentions && mentions[m].tok_begin < sentence->tok_begin) {
        ++m;
    }
    size_t n = 0;
    for (size_t t = sentence->tok_begin; t < sentence->tok_end;) {
        if (m < n_mentions && mentions[m].tok_begin == t) {
            units[n++] = (CgUnit){t, mentions[m].tok_end, &mentions[m]};
            t = mentions[m++].tok_end;
        } else {
            if (toks[t].kind != CG_TOK_HYPHEN) {
                units[n++] = (CgUnit){t, t + 1, NULL};
            }
            ++t;
        }
    }
    *next_mention = m;
    return n;
}
