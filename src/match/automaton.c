/* Aho-Corasick over word ids.  The trie's goto edges all live in one hash
 * keyed by (state, word): a sorted edge array per state would need a binary
 * search per step, and a dense table per state is out of the question with
 * a vocabulary of 100,000 words. */
#include "match_impl.h"

#include "../core/mem.h"
#include "../core/strmap.h"

#include <stdlib.h>

typedef struct {
    uint32_t parent, word; /* the edge into this state */
    uint32_t depth;        /* words from the root */
    uint32_t fail;         /* longest proper suffix that is a state */
    uint32_t out;          /* longest proper suffix that ends a key, or NONE */
    bool is_key;
} AcState;

struct CgAc {
    CgStrMap *words; /* word -> id */
    CgIdMap edges;   /* state << 32 | word -> child state */
    AcState *states;
    size_t n_states, cap_states;
};

static uint64_t edge_key(uint32_t state, uint32_t word)
{
    return (uint64_t)state << 32 | word;
}

static uint32_t new_state(CgAc *ac, uint32_t parent, uint32_t word, uint32_t depth)
{
    ac->states = cg_xgrow(ac->states, &ac->cap_states, ac->n_states + 1, sizeof *ac->states);
    ac->states[ac->n_states] = (AcState){parent, word, depth, CG_AC_ROOT, CG_AC_NONE, false};
    return (uint32_t)ac->n_states++;
}

CgAc *cg_ac_new(void)
{
    CgAc *ac = cg_xcalloc(1, sizeof *ac);
    ac->words = cg_strmap_new();
    new_state(ac, CG_AC_ROOT, CG_AC_NONE, 0);
    return ac;
}

void cg_ac_free(CgAc *ac)
{
    if (!ac) {
        return;
    }
    cg_strmap_free(ac->words);
    cg_idmap_free(&ac->edges);
    free(ac->states);
    free(ac);
}

uint32_t cg_ac_intern(CgAc *ac, const char *w, size_t len)
{
    uint32_t id;
    if (!cg_strmap_get(ac->words, w, len, &id)) {
        id = (uint32_t)cg_strmap_size(ac->words);
        cg_strmap_put(ac->words, w, len, id);
    }
    return id;
}

uint32_t cg_ac_lookup(const CgAc *ac, const char *w, size_t len)
{
    uint32_t id;
    return cg_strmap_get(ac->words, w, len, &id) ? id : CG_AC_NONE;
}

uint32_t cg_ac_add(CgAc *ac, const uint32_t *words, size_t n)
{
    uint32_t s = CG_AC_ROOT;
    for (size_t i = 0; i < n; ++i) {
        uint32_t child;
        if (!cg_idmap_get(&ac->edges, edge_key(s, words[i]), &child)) {
            child = new_state(ac, s, words[i], (uint32_t)i + 1);
            cg_idmap_put(&ac->edges, edge_key(s, words[i]), child);
        }
        s = child;
    }
    ac->states[s].is_key = true;
    return s;
}

size_t cg_ac_state_count(const CgAc *ac)
{
    return ac->n_states;
}

uint32_t cg_ac_step(const CgAc *ac, uint32_t state, uint32_t word)
{
    for (;;) {
        uint32_t child;
        if (cg_idmap_get(&ac->edges, edge_key(state, word), &child)) {
            return child;
        }
        if (state == CG_AC_ROOT) {
            return CG_AC_ROOT;
        }
        state = ac->states[state].fail;
    }
}

/* The states in order of depth (a counting sort), so that every state's
 * failure target, being shallower, is linked before the state itself. */
static uint32_t *states_by_depth(const CgAc *ac)
{
    uint32_t max_depth = 0;
    for (size_t s = 0; s < ac->n_states; ++s) {
        max_depth = ac->states[s].depth > max_depth ? ac->states[s].depth : max_depth;
    }
    size_t *start = cg_xcalloc(max_depth + 2, sizeof *start);
    for (size_t s = 0; s < ac->n_states; ++s) {
        ++start[ac->states[s].depth + 1];
    }
    for (uint32_t d = 1; d <= max_depth + 1; ++d) {
        start[d] += start[d - 1];
    }
    uint32_t *order = cg_xmalloc(ac->n_states * sizeof *order);
    for (size_t s = 0; s < ac->n_states; ++s) {
        order[start[ac->states[s].depth]++] = (uint32_t)s;
    }
    free(start);
    return order;
}

static void link_state(CgAc *ac, uint32_t s)
{
    AcState *st = &ac->states[s];
    if (st->parent != CG_AC_ROOT) {
        st->fail = cg_ac_step(ac, ac->states[st->parent].fail, st->word);
    }
    const AcState *f = &ac->states[st->fail];
    st->out = f->is_key ? st->fail : f->out;
}

void cg_ac_compile(CgAc *ac)
{
    uint32_t *order = states_by_depth(ac);
    for (size_t i = 1; i < ac->n_states; ++i) { /* order[0] is the root */
        link_state(ac, order[i]);
    }
    free(order);
}

uint32_t cg_ac_first_key(const CgAc *ac, uint32_t state)
{
    return ac->states[state].is_key ? state : ac->states[state].out;
}

uint32_t cg_ac_next_key(const CgAc *ac, uint32_t key)
{
    return ac->states[key].out;
}

uint32_t cg_ac_key_length(const CgAc *ac, uint32_t key)
{
    return ac->states[key].depth;
}
