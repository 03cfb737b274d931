#include "affix.h"

#include "../core/mem.h"

#include <stdlib.h>
#include <string.h>

static size_t affix_new_node(CgAffixTrie *t)
{
    t->next = cg_xgrow(t->next, &t->cap, t->n_nodes + 1, sizeof *t->next);
    t->key = cg_xrealloc(t->key, t->cap * sizeof *t->key); /* as long as `next` */
    memset(t->next[t->n_nodes], 0, sizeof *t->next);
    t->key[t->n_nodes] = 0;
    return t->n_nodes++;
}

void cg_affix_init(CgAffixTrie *trie, bool reverse)
{
    memset(trie, 0, sizeof *trie);
    trie->reverse = reverse;
    affix_new_node(trie);
}

void cg_affix_free(CgAffixTrie *trie)
{
    for (size_t i = 0; i < trie->n_keys; ++i) {
        free(trie->keys[i]);
    }
    free(trie->keys);
    free(trie->next);
    free(trie->key);
    memset(trie, 0, sizeof *trie);
}

static unsigned char affix_byte(const CgAffixTrie *t, const char *s, size_t len, size_t i)
{
    return (unsigned char)s[t->reverse ? len - 1 - i : i];
}

size_t cg_affix_add(CgAffixTrie *trie, const char *key)
{
    const size_t len = strlen(key);
    size_t node = 0;
    for (size_t i = 0; i < len; ++i) {
        const unsigned char c = affix_byte(trie, key, len, i);
        if (!trie->next[node][c]) {
            const size_t child = affix_new_node(trie);
            trie->next[node][c] = (uint32_t)child;
        }
        node = trie->next[node][c];
    }
    if (!trie->key[node]) {
        size_t cap = trie->n_keys;
        trie->keys = cg_xgrow(trie->keys, &cap, trie->n_keys + 1, sizeof *trie->keys);
        trie->keys[trie->n_keys++] = cg_xstrdup(key);
        trie->key[node] = (uint32_t)trie->n_keys;
    }
    return trie->key[node] - 1;
}

size_t cg_affix_find(const CgAffixTrie *trie, const char *key)
{
    const size_t len = strlen(key);
    size_t node = 0;
    for (size_t i = 0; i < len && node < trie->n_nodes; ++i) {
        node = trie->next[node][affix_byte(trie, key, len, i)];
    }
    return trie->key[node] - 1;
}

uint32_t cg_affix_longest(const CgAffixTrie *trie, const char *text, size_t len)
{
    uint32_t best = trie->key[0];
    size_t node = 0;
    for (size_t i = 0; i < len; ++i) {
        node = trie->next[node][affix_byte(trie, text, len, i)];
        if (!node) {
            break;
        }
        if (trie->key[node]) {
            best = trie->key[node];
        }
    }
    return best;
}

bool cg_affix_matches(const CgAffixTrie *trie, size_t k, const char *text, size_t len)
{
    const char *key = trie->keys[k];
    const size_t n = strlen(key);
    return n <= len && !memcmp(trie->reverse ? text + len - n : text, key, n);
}
