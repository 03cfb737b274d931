#include "strmap.h"

#include "hash.h"
#include "mem.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    char *key; /* owned; NULL marks an empty slot */
    size_t len;
    uint64_t hash;
    uint32_t value;
} CgSlot;

struct CgStrMap {
    CgSlot *slots;
    size_t cap; /* a power of two */
    size_t size;
};

CgStrMap *cg_strmap_new(void)
{
    CgStrMap *map = cg_xcalloc(1, sizeof *map);
    map->cap = 16;
    map->slots = cg_xcalloc(map->cap, sizeof *map->slots);
    return map;
}

void cg_strmap_free(CgStrMap *map)
{
    if (!map) {
        return;
    }
    for (size_t i = 0; i < map->cap; ++i) {
        free(map->slots[i].key);
    }
    free(map->slots);
    free(map);
}

size_t cg_strmap_size(const CgStrMap *map)
{
    return map->size;
}

static CgSlot *cg_strmap_find(CgSlot *slots, size_t cap, const char *key, size_t len,
                              uint64_t hash)
{
    for (size_t i = hash & (cap - 1);; i = (i + 1) & (cap - 1)) {
        CgSlot *s = &slots[i];
        if (!s->key || (s->hash == hash && s->len == len && !memcmp(s->key, key, len))) {
            return s;
        }
    }
}

bool cg_strmap_get(const CgStrMap *map, const char *key, size_t len, uint32_t *value)
{
    const uint64_t h = cg_hash_final(cg_hash_bytes(CG_HASH_SEED, key, len));
    const CgSlot *s = cg_strmap_find(map->slots, map->cap, key, len, h);
    if (s->key) {
        *value = s->value;
        return true;
    }
    return false;
}

static void cg_strmap_rehash(CgStrMap *map)
{
    const size_t cap = map->cap * 2;
    CgSlot *slots = cg_xcalloc(cap, sizeof *slots);
    for (size_t i = 0; i < map->cap; ++i) {
        if (map->slots[i].key) {
            *cg_strmap_find(slots, cap, map->slots[i].key, map->slots[i].len,
                            map->slots[i].hash) = map->slots[i];
        }
    }
    free(map->slots);
    map->slots = slots;
    map->cap = cap;
}

void cg_strmap_put(CgStrMap *map, const char *key, size_t len, uint32_t value)
{
    if ((map->size + 1) * 4 > map->cap * 3) {
        cg_strmap_rehash(map);
    }
    const uint64_t h = cg_hash_final(cg_hash_bytes(CG_HASH_SEED, key, len));
    CgSlot *s = cg_strmap_find(map->slots, map->cap, key, len, h);
    if (!s->key) {
        s->key = cg_xstrndup(key, len);
        s->len = len;
        s->hash = h;
        ++map->size;
    }
    s->value = value;
}
