/* Internal to extract/: the prefixes and suffixes of pattern words
 * ("deploy*", "*n't"), each found in a token by one walk of a byte trie.
 *
 * A token matches a chain of prefixes (each a prefix of the next), so the
 * longest one it starts with tells every prefix it matches; the same holds
 * for suffixes.  The vocabulary uses that to give a token that is no
 * pattern word one id per (longest prefix, longest suffix) pair, so that
 * affix words are tested like plain words: one bit in a set. */
#ifndef CG_EXTRACT_AFFIX_H
#define CG_EXTRACT_AFFIX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t (*next)[256]; /* per node, the child per byte (0: none; node 0 is the root) */
    uint32_t *key;         /* per node, 1 + index of the key ending there, or 0 */
    size_t n_nodes, cap;
    char **keys;           /* owned copies, in the order added */
    size_t n_keys;
    bool reverse;          /* suffixes: keys and texts are walked from their end */
} CgAffixTrie;

void cg_affix_init(CgAffixTrie *trie, bool reverse);
void cg_affix_free(CgAffixTrie *trie);
/* Adds `key` unless present; returns its index. */
size_t cg_affix_add(CgAffixTrie *trie, const char *key);
/* The index of `key`, which must have been added. */
size_t cg_affix_find(const CgAffixTrie *trie, const char *key);
/* 1 + the index of the longest key that `text` starts with (ends with, for
 * a reverse trie), or 0 when none does. */
uint32_t cg_affix_longest(const CgAffixTrie *trie, const char *text, size_t len);
/* Whether `text` starts (ends, for a reverse trie) with key `k`. */
bool cg_affix_matches(const CgAffixTrie *trie, size_t k, const char *text, size_t len);

#endif
