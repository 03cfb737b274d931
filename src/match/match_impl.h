/* Private to match/: an integer hash map and the Aho-Corasick automaton. */
#ifndef CG_MATCH_IMPL_H
#define CG_MATCH_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A map from 64-bit keys (any but UINT64_MAX) to 32-bit values, open
 * addressing with linear probing.  Zero-initialised it is empty. */
typedef struct {
    uint64_t *keys; /* key + 1; 0 marks an empty slot */
    uint32_t *vals;
    size_t cap;     /* 0 or a power of two */
    size_t size;
} CgIdMap;

bool cg_idmap_get(const CgIdMap *map, uint64_t key, uint32_t *value);
/* Inserts or replaces. */
void cg_idmap_put(CgIdMap *map, uint64_t key, uint32_t value);
void cg_idmap_free(CgIdMap *map);

/* The automaton runs over word ids, not bytes: a key is a sequence of
 * normalised tokens, so matches fall on token boundaries by construction. */
#define CG_AC_ROOT 0u
#define CG_AC_NONE UINT32_MAX

typedef struct CgAc CgAc;

CgAc *cg_ac_new(void);
/* NULL-safe. */
void cg_ac_free(CgAc *ac);
/* The id of word `w` (`len` bytes), interned on first use. */
uint32_t cg_ac_intern(CgAc *ac, const char *w, size_t len);
/* The id of word `w`, or CG_AC_NONE when no key uses it. */
uint32_t cg_ac_lookup(const CgAc *ac, const char *w, size_t len);
/* Adds the key `words[0..n)` (n > 0) and returns its final state, the key's
 * identity from then on.  Only before cg_ac_compile. */
uint32_t cg_ac_add(CgAc *ac, const uint32_t *words, size_t n);
/* Computes failure and output links; call once, after the last add. */
void cg_ac_compile(CgAc *ac);
size_t cg_ac_state_count(const CgAc *ac);

/* The state after reading `word` in `state`. */
uint32_t cg_ac_step(const CgAc *ac, uint32_t state, uint32_t word);
/* The keys that end in `state`, longest first: the first, then each next,
 * until CG_AC_NONE.  A key is named by its final state. */
uint32_t cg_ac_first_key(const CgAc *ac, uint32_t state);
uint32_t cg_ac_next_key(const CgAc *ac, uint32_t key);
/* The number of words of the key ending in `key`. */
uint32_t cg_ac_key_length(const CgAc *ac, uint32_t key);

#endif
