#include "compile.h"

#include "../core/mem.h"

#include <stdlib.h>
#include <string.h>

void cg_vocab_init(CgVocab *vocab)
{
    memset(vocab, 0, sizeof *vocab);
    vocab->ids = cg_strmap_new();
    vocab->n = 1;
    cg_affix_init(&vocab->prefixes, false);
    cg_affix_init(&vocab->suffixes, true);
}

void cg_vocab_free(CgVocab *vocab)
{
    const size_t n_words = vocab->affix_base ? vocab->affix_base : vocab->n;
    for (size_t i = 1; i < n_words; ++i) {
        free(vocab->words[i]);
    }
    free(vocab->words);
    for (size_t k = 0; vocab->affix_base && k < vocab->prefixes.n_keys; ++k) {
        free(vocab->prefix_ids[k].bits);
    }
    for (size_t k = 0; vocab->affix_base && k < vocab->suffixes.n_keys; ++k) {
        free(vocab->suffix_ids[k].bits);
    }
    free(vocab->prefix_ids);
    free(vocab->suffix_ids);
    cg_affix_free(&vocab->prefixes);
    cg_affix_free(&vocab->suffixes);
    cg_strmap_free(vocab->ids);
    vocab->ids = NULL;
}

static uint32_t vocab_intern(CgVocab *vocab, const char *word)
{
    uint32_t id;
    if (!cg_strmap_get(vocab->ids, word, strlen(word), &id)) {
        id = (uint32_t)vocab->n++;
        cg_strmap_put(vocab->ids, word, strlen(word), id);
        vocab->words = cg_xgrow(vocab->words, &vocab->cap, vocab->n, sizeof *vocab->words);
        vocab->words[id] = cg_xstrdup(word);
    }
    return id;
}

void cg_vocab_add_pattern(CgVocab *vocab, const CgPatNode *root)
{
    if (root->kind == CG_PAT_WORD) {
        vocab_intern(vocab, root->word);
    } else if (root->kind == CG_PAT_PREFIX) {
        cg_affix_add(&vocab->prefixes, root->word);
    } else if (root->kind == CG_PAT_SUFFIX) {
        cg_affix_add(&vocab->suffixes, root->word);
    }
    for (size_t i = 0; i < root->n_kids; ++i) {
        cg_vocab_add_pattern(vocab, root->kids[i]);
    }
}

/* Pairs (p, s) of 1 + prefix index (0: none) and 1 + suffix index. */
static size_t vocab_affix_stride(const CgVocab *vocab)
{
    return vocab->suffixes.n_keys + 1;
}


uint32_t cg_vocab_lookup(const CgVocab *vocab, const char *norm, size_t len)
{
    uint32_t id = 0;
    if (cg_strmap_get(vocab->ids, norm, len, &id) || !vocab->affix_base) {
        return id;
    }
    const uint32_t p = vocab->prefixes.n_keys ? cg_affix_longest(&vocab->prefixes, norm, len) : 0;
    const uint32_t s = vocab->suffixes.n_keys ? cg_affix_longest(&vocab->suffixes, norm, len) : 0;
    return p || s ? vocab->affix_base + (uint32_t)(p * vocab_affix_stride(vocab) + s) - 1 : 0;
}

/* 's and ': a mention that ends with a possessive holds them already. */
static bool is_possessive_word(const char *w)
{
    return !strcmp(w, "'s") || !strcmp(w, "'");
}

static bool is_single_word(const CgPatNode *n)
{
    return n->kind == CG_PAT_WORD && !n->optional && !is_possessive_word(n->word);
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

/* Every id affix `k` of `trie` accepts: the pattern words that have it, and
 * the (prefix, suffix) pairs whose prefix (or suffix) has it in turn. */
static void vocab_affix_ids(const CgVocab *vocab, const CgAffixTrie *trie, size_t k,
                            CgWordSet *out)
{
    const bool prefix = trie == &vocab->prefixes;
    out->bits = cg_xcalloc((vocab->n + 63) / 64, sizeof *out->bits);
    for (uint32_t id = 1; id < vocab->affix_base; ++id) {
        const char *w = vocab->words[id];
        if (cg_affix_matches(trie, k, w, strlen(w))) {
            wordset_add(out, vocab->n, id);
        }
    }
    const size_t stride = vocab_affix_stride(vocab);
    for (size_t p = 0; p <= vocab->prefixes.n_keys; ++p) {
        for (size_t s = 0; s < stride; ++s) {
            const size_t mine = prefix ? p : s;
            if (mine && cg_affix_matches(trie, k, trie->keys[mine - 1],
                                         strlen(trie->keys[mine - 1]))) {
                wordset_add(out, vocab->n, vocab->affix_base + (uint32_t)(p * stride + s) - 1);
            }
        }
    }
}

/* Each affix's ids are found once here, not at every pattern that uses it. */
void cg_vocab_finish(CgVocab *vocab)
{
    vocab->affix_base = (uint32_t)vocab->n;
    vocab->n += (vocab->prefixes.n_keys + 1) * vocab_affix_stride(vocab) - 1;
    vocab->prefix_ids = cg_xcalloc(vocab->prefixes.n_keys + 1, sizeof *vocab->prefix_ids);
    vocab->suffix_ids = cg_xcalloc(vocab->suffixes.n_keys + 1, sizeof *vocab->suffix_ids);
    for (size_t k = 0; k < vocab->prefixes.n_keys; ++k) {
        vocab_affix_ids(vocab, &vocab->prefixes, k, &vocab->prefix_ids[k]);
    }
    for (size_t k = 0; k < vocab->suffixes.n_keys; ++k) {
        vocab_affix_ids(vocab, &vocab->suffixes, k, &vocab->suffix_ids[k]);
    }
}

static CgCNode *compile_node(const CgPatNode *n, const CgVocab *vocab);

/* The ids affix word `n` accepts (the vocabulary's). */
static const CgWordSet *affix_ids(const CgPatNode *n, const CgVocab *vocab)
{
    return n->kind == CG_PAT_PREFIX
               ? &vocab->prefix_ids[cg_affix_find(&vocab->prefixes, n->word)]
               : &vocab->suffix_ids[cg_affix_find(&vocab->suffixes, n->word)];
}

static void compile_affix(CgCNode *c, const CgPatNode *n, const CgVocab *vocab)
{
    const CgWordSet *ids = affix_ids(n, vocab);
    const size_t blocks = (vocab->n + 63) / 64;
    c->starts.bits = cg_xmalloc(blocks * sizeof *c->starts.bits);
    memcpy(c->starts.bits, ids->bits, blocks * sizeof *c->starts.bits);
    c->starts.n_words = ids->n_words;
    c->firsts = &c->starts;
}

static void wordset_union(CgWordSet *into, const CgWordSet *from, size_t vocab_size)
{
    if (!into->bits) {
        into->bits = cg_xcalloc((vocab_size + 63) / 64, sizeof *into->bits);
    }
    into->n_words = 0;
    for (size_t b = 0; b < (vocab_size + 63) / 64; ++b) {
        into->bits[b] |= from->bits[b];
        into->n_words += (size_t)__builtin_popcountll(into->bits[b]);
    }
}

/* An alternative made of a sequence of one single word counts as that word
 * (or affix word). */
static const CgPatNode *alt_word(const CgPatNode *kid)
{
    if (kid->kind == CG_PAT_SEQ && kid->n_kids == 1 && !kid->optional) {
        kid = kid->kids[0];
    }
    const bool affix = (kid->kind == CG_PAT_PREFIX || kid->kind == CG_PAT_SUFFIX) && !kid->optional;
    return is_single_word(kid) || affix ? kid : NULL;
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

static int kid_by_word_cmp(const void *a, const void *b)
{
    const CgKidByWord *x = a, *y = b;
    if (x->word != y->word) {
        return x->word < y->word ? -1 : 1;
    }
    return x->kid < y->kid ? -1 : x->kid > y->kid;
}

static void compile_alt_dispatch(CgCNode *c, size_t vocab_size)
{
    size_t cap = 0, cap_any = 0;
    for (uint32_t i = 0; i < c->n_kids; ++i) {
        const CgCNode *kid = c->kids[i];
        if (kid->optional || (!kid->first && !kid->firsts)) {
            c->any_word = cg_xgrow(c->any_word, &cap_any, c->n_any_word + 1,
                                   sizeof *c->any_word);
            c->any_word[c->n_any_word++] = i;
            continue;
        }
        if (kid->first) {
            c->by_word = cg_xgrow(c->by_word, &cap, c->n_by_word + 1, sizeof *c->by_word);
            c->by_word[c->n_by_word++] = (CgKidByWord){kid->first, i};
            continue;
        }
        for (size_t b = 0; b < (vocab_size + 63) / 64; ++b) {
            for (uint64_t bits = kid->firsts->bits[b]; bits; bits &= bits - 1) {
                const uint32_t w = (uint32_t)(b * 64 + (size_t)__builtin_ctzll(bits));
                c->by_word = cg_xgrow(c->by_word, &cap, c->n_by_word + 1, sizeof *c->by_word);
                c->by_word[c->n_by_word++] = (CgKidByWord){w, i};
            }
        }
    }
    if (c->n_by_word) {
        qsort(c->by_word, c->n_by_word, sizeof *c->by_word, kid_by_word_cmp);
    }
}

static void compile_alt(CgCNode *c, const CgPatNode *n, const CgVocab *vocab)
{
    c->kids = cg_xcalloc(n->n_kids, sizeof *c->kids);
    for (size_t i = 0; i < n->n_kids; ++i) {
        const CgPatNode *w = alt_word(n->kids[i]);
        if (w && w->kind == CG_PAT_WORD) {
            wordset_add(&c->set, vocab->n, cg_vocab_lookup(vocab, w->word, strlen(w->word)));
        } else if (w) {
            wordset_union(&c->set, affix_ids(w, vocab), vocab->n);
        } else {
            c->kids[c->n_kids++] = compile_node(n->kids[i], vocab);
        }
    }
    compile_alt_starts(c, vocab->n);
    compile_alt_dispatch(c, vocab->n);
}

/* A sequence that opens with optional elements ("@MOD? @TITLE") may start
 * with the first words of each of them and of the first required one: the
 * union, when all of those are known (profiled: without it such lists were
 * tried at every word of every sentence). */
static void seq_starts(CgCNode *c, size_t vocab_size)
{
    const size_t blocks = (vocab_size + 63) / 64;
    uint64_t *bits = cg_xcalloc(blocks, sizeof *bits);
    for (size_t i = 0; i < c->n_kids; ++i) {
        const CgCNode *k = c->kids[i];
        if (!k->first && !k->firsts) {
            break; /* unknown */
        }
        if (k->first) {
            bits[k->first / 64] |= UINT64_C(1) << (k->first % 64);
        }
        for (size_t b = 0; k->firsts && b < blocks; ++b) {
            bits[b] |= k->firsts->bits[b];
        }
        if (!k->optional) {
            c->starts.bits = bits;
            for (size_t b = 0; b < blocks; ++b) {
                c->starts.n_words += (size_t)__builtin_popcountll(bits[b]);
            }
            c->firsts = &c->starts;
            return;
        }
    }
    free(bits); /* unknown, or every element optional: it may match nothing */
}

#define CG_SPAN_CAP 12u
/* How far after a start a pattern's first anchor is looked for (beyond:
 * anywhere after the start). */
#define CG_REACH_CAP 64u
/* The most units a {quantity} covers: "as many as $1.5 million rounds" */
#define CG_QUANTITY_SPAN 10u

/* The most units a match of compiled node `c` can cover, or `cap` when
 * that many or more: how far back a <!X constraint looks, and how far
 * after a start a pattern's first anchor may begin. */
static unsigned cnode_span_max(const CgCNode *c, unsigned cap)
{
    unsigned span = 0;
    switch (c->kind) {
    case CG_PAT_SEQ:
        for (size_t i = 0; i < c->n_kids && span < cap; ++i) {
            span += cnode_span_max(c->kids[i], cap);
        }
        break;
    case CG_PAT_ALT:
        span = c->set.n_words ? 1 : 0; /* the single-word alternatives */
        for (size_t i = 0; i < c->n_kids && span < cap; ++i) {
            const unsigned k = cnode_span_max(c->kids[i], cap);
            span = k > span ? k : span;
        }
        break;
    case CG_PAT_CAPTURE: span = cnode_span_max(c->kids[0], cap); break;
    case CG_PAT_GAP: span = c->gap_max; break;
    case CG_PAT_QUANTITY: span = CG_QUANTITY_SPAN; break;
    case CG_PAT_NOT:
    case CG_PAT_NOT_BEFORE: span = 0; break;
    default: span = 1; break;
    }
    return span < cap ? span : cap;
}

static CgCNode *compile_node(const CgPatNode *n, const CgVocab *vocab)
{
    CgCNode *c = cg_xcalloc(1, sizeof *c);
    c->kind = n->kind;
    c->optional = n->optional;
    c->gap_max = n->gap_max;
    c->gap_any = n->gap_any;
    c->gap_names = n->gap_names;
    c->greedy = n->greedy;
    c->col = n->col;
    if (n->kind == CG_PAT_WORD) {
        c->word = cg_vocab_lookup(vocab, n->word, strlen(n->word));
        c->possessive = is_possessive_word(n->word);
    } else if (n->kind == CG_PAT_PREFIX || n->kind == CG_PAT_SUFFIX) {
        compile_affix(c, n, vocab);
    } else if (n->kind == CG_PAT_ALT) {
        compile_alt(c, n, vocab);
    } else if (n->n_kids) {
        c->text = n->word; /* CAPTURE: its name */
        c->kids = cg_xcalloc(n->n_kids, sizeof *c->kids);
        for (; c->n_kids < n->n_kids; ++c->n_kids) {
            c->kids[c->n_kids] = compile_node(n->kids[c->n_kids], vocab);
        }
    }
    if (c->kind == CG_PAT_NOT_BEFORE) {
        c->span_max = cnode_span_max(c->kids[0], CG_SPAN_CAP);
    }
    /* A cheap test before trying a node: which word it must start with. */
    if (c->kind == CG_PAT_WORD && !c->possessive) {
        c->first = c->word;
    } else if (c->kind == CG_PAT_SEQ && c->n_kids && !c->kids[0]->optional) {
        c->first = c->kids[0]->first;
        c->firsts = c->kids[0]->firsts;
    } else if (c->kind == CG_PAT_SEQ && c->n_kids) {
        seq_starts(c, vocab->n);
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
    free(c->by_word);
    free(c->any_word);
    free(c->set.bits);
    free(c->starts.bits);
    free(c);
}

/* A required element whose first word (or words) we know. */
static bool is_anchor(const CgCNode *c)
{
    return !c->optional && (c->first || c->firsts);
}

static void anchor_init(CgAnchor *a, const CgCNode *c, size_t vocab_size)
{
    const size_t blocks = (vocab_size + 63) / 64;
    a->blocks = cg_xcalloc(blocks, sizeof *a->blocks);
    a->masks = cg_xcalloc(blocks, sizeof *a->masks);
    for (size_t b = 0; b < blocks; ++b) {
        uint64_t mask = c->firsts ? c->firsts->bits[b] : 0;
        if (c->first && c->first / 64 == b) {
            mask |= UINT64_C(1) << (c->first % 64);
        }
        if (mask) {
            a->blocks[a->n] = (uint32_t)b;
            a->masks[a->n++] = mask;
        }
    }
}

static bool has_kind(const CgCNode *c, CgPatKind kind)
{
    if (c->kind == kind) {
        return true;
    }
    for (size_t i = 0; i < c->n_kids; ++i) {
        if (has_kind(c->kids[i], kind)) {
            return true;
        }
    }
    return false;
}

static int anchor_cmp(const void *a, const void *b)
{
    const size_t na = ((const CgAnchor *)a)->n, nb = ((const CgAnchor *)b)->n;
    return (na > nb) - (na < nb);
}

static void find_anchors(CgCPattern *p, size_t vocab_size)
{
    const CgCNode *top = p->root;
    const CgCNode *const *elems = top->kind == CG_PAT_SEQ ? (const CgCNode *const *)top->kids
                                                          : &top;
    const size_t n = top->kind == CG_PAT_SEQ ? top->n_kids : 1;
    /* a match starts where its first element that reads a unit does: the
     * constraints before it (<!X, !X) read none */
    size_t f = 0;
    while (f < n && (elems[f]->kind == CG_PAT_NOT || elems[f]->kind == CG_PAT_NOT_BEFORE)) {
        ++f;
    }
    p->anchors = cg_xcalloc(n, sizeof *p->anchors);
    for (size_t i = 0; i < n; ++i) {
        if (is_anchor(elems[i])) {
            if (!p->n_anchors && i > f) {
                p->after_start = elems[i];
                unsigned span = 0;
                for (size_t j = 0; j < i && span < CG_REACH_CAP; ++j) {
                    span += cnode_span_max(elems[j], CG_REACH_CAP);
                }
                p->after_reach = span < CG_REACH_CAP ? span : 0;
            }
            anchor_init(&p->anchors[p->n_anchors++], elems[i], vocab_size);
        }
    }
    /* the anchors with the fewest words first: they are the likeliest to be
     * missing, and the cheapest to test (the test is a conjunction) */
    qsort(p->anchors, p->n_anchors, sizeof *p->anchors, anchor_cmp);
    const CgCNode *lead = f < n ? elems[f] : NULL;
    p->starts_with_quantity = lead && !lead->optional && lead->kind == CG_PAT_QUANTITY;
    p->has_quantity = has_kind(p->root, CG_PAT_QUANTITY);
    p->lead = lead && is_anchor(lead) ? lead : NULL;
    p->starts_with_subject =
        lead && (lead->kind == CG_PAT_SUBJECT || lead->kind == CG_PAT_BOTH);
    p->starts_with_slot = lead && !lead->optional &&
                          (p->starts_with_subject || lead->kind == CG_PAT_OBJECT);
    if (!p->starts_with_slot && !p->starts_with_quantity) {
        p->after_start = NULL;
    }
}

void cg_cpattern_init(CgCPattern *out, const CgPatNode *root, const CgVocab *vocab)
{
    memset(out, 0, sizeof *out);
    out->root = compile_node(root, vocab);
    find_anchors(out, vocab->n);
}

void cg_cpattern_free(CgCPattern *pattern)
{
    free_node(pattern->root);
    for (size_t i = 0; i < pattern->n_anchors; ++i) {
        free(pattern->anchors[i].blocks);
        free(pattern->anchors[i].masks);
    }
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

static bool anchor_present(const CgAnchor *a, const uint64_t *present)
{
    for (size_t i = 0; i < a->n; ++i) {
        if (a->masks[i] & present[a->blocks[i]]) {
            return true;
        }
    }
    return false;
}

bool cg_cpattern_anchors_present(const CgCPattern *p, const uint64_t *present)
{
    for (size_t i = 0; i < p->n_anchors; ++i) {
        if (!anchor_present(&p->anchors[i], present)) {
            return false;
        }
    }
    return true;
}
