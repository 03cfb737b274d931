/* CgText: the analysed document and its accessors. */
#include "text_impl.h"

#include "../core/mem.h"
#include "../core/normalize.h"

#include <stdlib.h>

/* All norms live in one block sized before any is written, so the pointers
 * handed out in CgToken never move. */
static void assign_norms(CgText *t)
{
    size_t size = 1;
    for (size_t i = 0; i < t->n_toks; ++i) {
        size += t->toks[i].end - t->toks[i].begin + 1;
    }
    t->pool = cg_xmalloc(size);
    char *p = t->pool;
    for (size_t i = 0; i < t->n_toks; ++i) {
        CgToken *tok = &t->toks[i];
        tok->norm = p;
        tok->norm_len = cg_normalize(t->doc + tok->begin, tok->end - tok->begin, p);
        p += tok->norm_len + 1;
    }
}

CgText *cg_text_analyze(const char *s, size_t len)
{
    CgText *t = cg_xcalloc(1, sizeof *t);
    t->doc = s ? s : "";
    t->len = s ? len : 0;
    cg_text_tokenize(t);
    assign_norms(t);
    cg_text_split_sentences(t);
    return t;
}

void cg_text_free(CgText *text)
{
    if (!text) {
        return;
    }
    free(text->toks);
    free(text->sents);
    free(text->pool);
    free(text);
}

size_t cg_text_token_count(const CgText *text)
{
    return text->n_toks;
}

const CgToken *cg_text_tokens(const CgText *text)
{
    return text->toks;
}

size_t cg_text_sentence_count(const CgText *text)
{
    return text->n_sents;
}

const CgSentence *cg_text_sentences(const CgText *text)
{
    return text->sents;
}
