/* A hash map from strings to 32-bit values (open addressing, linear probing).
 * Keys are copied into the map; values are the caller's. */
#ifndef CG_STRMAP_H
#define CG_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct CgStrMap CgStrMap;

CgStrMap *cg_strmap_new(void);
void cg_strmap_free(CgStrMap *map);
size_t cg_strmap_size(const CgStrMap *map);
/* Looks up `key` (of `len` bytes); returns true and sets *value when found. */
bool cg_strmap_get(const CgStrMap *map, const char *key, size_t len, uint32_t *value);
/* Inserts or replaces. */
void cg_strmap_put(CgStrMap *map, const char *key, size_t len, uint32_t value);

#endif
