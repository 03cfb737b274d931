/* CgText: the analysed document and its accessors. */
#include "text_impl.h"

#include "../core/mem.h"
#include "../core/normalize.h"

#include <stdlib.h>

/* All norms live in one block, filled first and pointed into after, so the
 * pointers handed out in CgToken never move (a fold may be longer than the
 * text it comes from: "ŉ" folds to two code points). */
static void assign_norms(CgText *t)
{
    CgBuf pool = CG_BUF_INIT;
    size_t size = 1;
    for (size_t i = 0; i < t->n_toks; ++i) {
        size += t->toks[i].end - t->toks[i].begin + 1;
    }
    pool.data = cg_xmalloc(size);
    pool.cap = size;
    pool.data[0] = '\0';
    size_t *at = cg_xmalloc((t->n_toks + 1) * sizeof *at);
    for (size_t i = 0; i < t->n_toks; ++i) {
        CgToken *tok = &t->toks[i];
        at[i] = pool.len;
        tok->norm_len = cg_normalize_append(&pool, t->doc + tok->begin, tok->end - tok->begin);
    }
    t->pool = cg_buf_take(&pool);
    for (size_t i = 0; i < t->n_toks; ++i) {
        t->toks[i].norm = t->pool + at[i];
    }
    free(at);
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

const char *cg_text_source(const CgText *text)
{
    return text->doc;
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
