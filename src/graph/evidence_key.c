#include "evidence_key.h"

#include "../core/hash.h"

#include <stdint.h>

void cg_document_key(const char *path, char out[17])
{
    cg_hash_hex(cg_hash_final(cg_hash_str(CG_HASH_SEED, path)), out);
}

void cg_evidence_key(const char *path, size_t begin, size_t end, const char *rule,
                     const char *subject, const char *predicate, const char *object,
                     char out[17])
{
    /* cg_hash_str hashes each string's NUL too, so the fields cannot run
     * into each other ("ab","c" differs from "a","bc"). */
    uint64_t h = cg_hash_str(CG_HASH_SEED, path);
    h = cg_hash_u64(h, (uint64_t)begin);
    h = cg_hash_u64(h, (uint64_t)end);
    h = cg_hash_str(h, rule);
    h = cg_hash_str(h, subject);
    h = cg_hash_str(h, predicate);
    h = cg_hash_str(h, object);
    cg_hash_hex(cg_hash_final(h), out);
}
