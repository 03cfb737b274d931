/* Stable 64-bit hashing for content-derived identifiers and hash tables.
 * The values are part of the output contract (evidence IRIs), so the
 * algorithm (FNV-1a 64 followed by a splitmix64 finaliser) never changes. */
#ifndef CG_HASH_H
#define CG_HASH_H

#include <stddef.h>
#include <stdint.h>

#define CG_HASH_SEED UINT64_C(0xcbf29ce484222325)

uint64_t cg_hash_bytes(uint64_t h, const void *data, size_t len);
/* Hashes the string and its terminating NUL, so ("ab","c") != ("a","bc"). */
uint64_t cg_hash_str(uint64_t h, const char *s);
uint64_t cg_hash_u64(uint64_t h, uint64_t v);
uint64_t cg_hash_final(uint64_t h);
/* Writes 16 lower-case hex digits and a NUL into `out`. */
void cg_hash_hex(uint64_t h, char out[17]);

#endif
