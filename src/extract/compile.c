#include "compile.h"

#include "../core/mem.h"

#include <stdlib.h>
#include <string.h>

void cg_vocab_init(CgVocab *vocab)
{
    vocab->ids = cg_strmap_new();
    vocab->n = 1;
}

void cg_vocab_free(CgVocab *vocab)
{
    cg_strmap_free(vocab->ids);
    vocab->ids = NULL;
}

static uint32_t vocab_intern(CgVocab *vocab, const char *word)
{
    uint32_t id;
    if (!cg_strmap_get(vocab->ids, word, strlen(word), &id)) {
        id = (uint32_t)vocab->n++;
        cg_strmap_put(vocab->ids, word, strlen(word), id);
    }
    return id;
}

void cg_vocab_add_pattern(CgVocab *vocab, const CgPatNode *root)
{
    if (root->kind == CG_PAT_WORD) {
        vocab_intern(vocab, root->word);
    }
    for (size_t i = 0; i < root->n_kids; ++i) {
        cg_vocab_add_pattern(vocab, root->kids[i]);
    }
}

uint32_t cg_vocab_lookup(const CgVocab *vocab, const char *norm, size_t len)
{
    uint32_t id = 0;
    cg_strmap_get(vocab->ids, norm, len, &id);
    return id;
}

static bool is_single_word(const CgPatNode *n)
{
    return n->kind == CG_PAT_WORD && !n->optional;
}

static void wordset_add(CgWordSet *set, size_t vocab_size, uint32_t id)
{
    if (!set->bits) {
        set->bits = cg_xcalloc((vocab_size + 63) / 64, sizeof *set->bits);
    }
    if (!cg_wordset_has(set, id)) {
        set->bits[id / 64] |= UINT64_C(1) << (id % 64);
        ++set->n_words;
    }
}

static CgCNode *compile_node(const CgPatNode *n, const CgVocab *vocab);

/* An alternative made of a sequence of one single word counts as that word. */
static const CgPatNode *alt_word(const CgPatNode *kid)
{
    if (kid->kind == CG_PAT_SEQ && kid->n_kids == 1 && !kid->optional) {
        kid = kid->kids[0];
    }
    return is_single_word(kid) ? kid : NULL;
}

/* The words any alternative may start with, when each one's are known. */
static void compile_alt_starts(CgCNode *c, size_t vocab_size)
{
    const size_t blocks = (vocab_size + 63) / 64;
    c->starts.bits = cg_xcalloc(blocks, sizeof *c->starts.bits);
    for (size_t b = 0; c->set.bits && b < blocks; ++b) {
        c->starts.bits[b] = c->set.bits[b];
    }
    for (size_t i = 0; i < c->n_kids; ++i) {
        const CgCNode *kid = c->kids[i];
        if (kid->optional || (!kid->first && !kid->firsts)) {
            return; /* unknown: leave firsts NULL */
        }
        if (kid->first) {
            c->starts.bits[kid->first / 64] |= UINT64_C(1) << (kid->first % 64);
        }
        for (size_t b = 0; kid->firsts && b < blocks; ++b) {
            c->starts.bits[b] |= kid->firsts->bits[b];
        }
    }
    c->firsts = &c->starts;
}

static void compile_alt(CgCNode *c, const CgPatNode *n, const CgVocab *vocab)
{
    c->kids = cg_xcalloc(n->n_kids, sizeof *c->kids);
    for (size_t i = 0; i < n->n_kids; ++i) {
        const CgPatNode *w = alt_word(n->kids[i]);
        if (w) {
            wordset_add(&c->set, vocab->n, cg_vocab_lookup(vocab, w->word, strlen(w->word)));
        } else {
            c->kids[c->n_kids++] = compile_node(n->kids[i], vocab);
        }
    }
    compile_alt_starts(c, vocab->n);
}

static CgCNode *compile_node(const CgPatNode *n, const CgVocab *vocab)
{
    CgCNode *c = cg_xcalloc(1, sizeof *c);
    c->kind = n->kind;
    c->optional = n->optional;
    c->gap_max = n->gap_max;
    if (n->kind == CG_PAT_WORD) {
        c->word = cg_vocab_lookup(vocab, n->word, strlen(n->word));
    } else if (n->kind == CG_PAT_PREFIX || n->kind == CG_PAT_SUFFIX) {
        c->text = n->word;
    } else if (n->kind == CG_PAT_ALT) {
        compile_alt(c, n, vocab);
    } else if (n->n_kids) {
        c->text = n->word; /* CAPTURE: its name */
        c->kids = cg_xcalloc(n->n_kids, sizeof *c->kids);
        for (; c->n_kids < n->n_kids; ++c->n_kids) {
            c->kids[c->n_kids] = compile_node(n->kids[c->n_kids], vocab);
        }
    }
    /* A cheap test before trying a node: which word it must start with. */
    if (c->kind == CG_PAT_WORD) {
        c->first = c->word;
    } else if (c->kind == CG_PAT_SEQ && c->n_kids && !c->kids[0]->optional) {
        c->first = c->kids[0]->first;
        c->firsts = c->kids[0]->firsts;
    }
    return c;
}

static void free_node(CgCNode *c)
{
    if (!c) {
        return;
    }
    for (size_t i = 0; i < c->n_kids; ++i) {
        free_node(c->kids[i]);
    }
    free(c->kids);
    free(c->set.bits);
    free(c->starts.bits);
    free(c);
}

/* A required element whose first word (or words) we know. */
static bool is_anchor(const CgCNode *c)
{
    return !c->optional && (c->first || c->firsts);
}

static void find_anchors(CgCPattern *p)
{
    const CgCNode *top = p->root;
    const CgCNode *const *elems = top->kind == CG_PAT_SEQ ? (const CgCNode *const *)top->kids
                                                          : &top;
    const size_t n = top->kind == CG_PAT_SEQ ? top->n_kids : 1;
    p->anchors = cg_xcalloc(n, sizeof *p->anchors);
    for (size_t i = 0; i < n; ++i) {
        if (is_anchor(elems[i])) {
            p->anchors[p->n_anchors++] = elems[i];
        }
    }
    p->starts_with_slot = n && !elems[0]->optional &&
                          (elems[0]->kind == CG_PAT_SUBJECT || elems[0]->kind == CG_PAT_OBJECT);
}

void cg_cpattern_init(CgCPattern *out, const CgPatNode *root, const CgVocab *vocab)
{
    memset(out, 0, sizeof *out);
    out->root = compile_node(root, vocab);
    find_anchors(out);
}

void cg_cpattern_free(CgCPattern *pattern)
{
    free_node(pattern->root);
    free(pattern->anchors);
    memset(pattern, 0, sizeof *pattern);
}

uint32_t *cg_vocab_word_ids(const CgVocab *vocab, const CgText *text)
{
    const size_t n = cg_text_token_count(text);
    const CgToken *toks = cg_text_tokens(text);
    uint32_t *ids = cg_xmalloc((n + 1) * sizeof *ids);
    for (size_t i = 0; i < n; ++i) {
        ids[i] = cg_vocab_lookup(vocab, toks[i].norm, toks[i].norm_len);
    }
    return ids;
}

static bool anchor_present(const CgCNode *a, const uint64_t *present, size_t blocks)
{
    if (a->first) {
        return (present[a->first / 64] >> (a->first % 64)) & 1u;
    }
    for (size_t b = 0; b < blocks; ++b) {
        if (a->firsts->bits[b] & present[b]) {
            return true;
        }
    }
    return false;
}

bool cg_cpattern_anchors_present(const CgCPattern *p, const uint64_t *present, size_t blocks)
{
    for (size_t i = 0; i < p->n_anchors; ++i) {
        if (!anchor_present(p->anchors[i], present, blocks)) {
            return false;
        }
    }
    return true;
}
