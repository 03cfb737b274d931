#include "corpus.h"

#include "../core/hash.h"

#include <stdlib.h>

void cg_corpus_keep_shard(CgCorpus *corpus, unsigned k, unsigned n)
{
    size_t kept = 0;
    for (size_t i = 0; i < corpus->n; ++i) {
        const uint64_t h = cg_hash_final(cg_hash_str(CG_HASH_SEED, corpus->paths[i]));
        if (h % n == k - 1) {
            corpus->paths[kept++] = corpus->paths[i];
        } else {
            free(corpus->paths[i]);
        }
    }
    corpus->n = kept;
}
