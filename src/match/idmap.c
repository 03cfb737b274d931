/* CgIdMap: the goto edges of the automaton ((state, word) -> state) and the
 * per-document "last named" table both need a fast integer map. */
#include "match_impl.h"

#include "../core/hash.h"
#include "../core/mem.h"

#include <stdlib.h>

static size_t idmap_slot(const uint64_t *keys, size_t cap, uint64_t key)
{
    size_t i = (size_t)cg_hash_final(key) & (cap - 1);
    while (keys[i] && keys[i] != key + 1) {
        i = (i + 1) & (cap - 1);
    }
    return i;
}

bool cg_idmap_get(const CgIdMap *map, uint64_t key, uint32_t *value)
{
    if (!map->cap) {
        return false;
    }
    const size_t i = idmap_slot(map->keys, map->cap, key);
    if (!map->keys[i]) {
        return false;
    }
    *value = map->vals[i];
    return true;
}

static void idmap_grow(CgIdMap *map)
{
    const size_t cap = map->cap ? map->cap * 2 : 16;
    uint64_t *keys = cg_xcalloc(cap, sizeof *keys);
    uint32_t *vals = cg_xcalloc(cap, sizeof *vals);
    for (size_t i = 0; i < map->cap; ++i) {
        if (map->keys[i]) {
            const size_t j = idmap_slot(keys, cap, map->keys[i] - 1);
            keys[j] = map->keys[i];
            vals[j] = map->vals[i];
        }
    }
    free(map->keys);
    free(map->vals);
    map->keys = keys;
    map->vals = vals;
    map->cap = cap;
}

void cg_idmap_put(CgIdMap *map, uint64_t key, uint32_t value)
{
    if ((map->size + 1) * 4 > map->cap * 3) {
        idmap_grow(map);
    }
    const size_t i = idmap_slot(map->keys, map->cap, key);
    if (!map->keys[i]) {
        map->keys[i] = key + 1;
        ++map->size;
    }
    map->vals[i] = value;
}

void cg_idmap_free(CgIdMap *map)
{
    free(map->keys);
    free(map->vals);
    *map = (CgIdMap){0};
}
