/* Applying a patch: its lines run in order against a hash set of quads, so
 * that "D x" then "A x" means what it says. */
#include "diff_internal.h"

#include "../core/mem.h"

#include <stdlib.h>
#include <string.h>

#define CG_MAX_CONFLICTS 20

enum { CG_SLOT_EMPTY, CG_SLOT_FULL, CG_SLOT_GONE };

typedef struct {
    CgQuad *quads;
    uint8_t *state;
    size_t cap, used; /* used counts full and gone slots */
} CgQuadSet;

static uint64_t cg_quad_hash(const CgQuad *q)
{
    uint64_t h = UINT64_C(0x9e3779b97f4a7c15);
    for (int i = 0; i < 4; ++i) {
        h = (h ^ q->t[i]) * UINT64_C(0xff51afd7ed558ccd);
        h ^= h >> 32;
    }
    return h;
}

/* The slot holding `q`, or the empty slot where it would go. */
static size_t cg_set_slot(const CgQuadSet *set, const CgQuad *q, size_t *free_slot)
{
    *free_slot = SIZE_MAX;
    for (size_t i = cg_quad_hash(q) & (set->cap - 1);; i = (i + 1) & (set->cap - 1)) {
        if (set->state[i] == CG_SLOT_EMPTY) {
            return i;
        }
        if (set->state[i] == CG_SLOT_GONE) {
            *free_slot = *free_slot == SIZE_MAX ? i : *free_slot;
        } else if (!cg_diff_quad_cmp(&set->quads[i], q)) {
            return i;
        }
    }
}

static void cg_set_init(CgQuadSet *set, size_t n)
{
    set->cap = 16;
    while (set->cap < n * 2 + 16) {
        set->cap *= 2;
    }
    set->quads = cg_xmalloc(set->cap * sizeof *set->quads);
    set->state = cg_xcalloc(set->cap, 1);
    set->used = 0;
}

static bool cg_set_insert(CgQuadSet *set, const CgQuad *q);

static void cg_set_grow(CgQuadSet *set)
{
    CgQuadSet bigger;
    cg_set_init(&bigger, set->cap);
    for (size_t i = 0; i < set->cap; ++i) {
        if (set->state[i] == CG_SLOT_FULL) {
            cg_set_insert(&bigger, &set->quads[i]);
        }
    }
    free(set->quads);
    free(set->state);
    *set = bigger;
}

/* False when `q` is already there. */
static bool cg_set_insert(CgQuadSet *set, const CgQuad *q)
{
    if ((set->used + 1) * 2 > set->cap) {
        cg_set_grow(set);
    }
    size_t gone;
    size_t i = cg_set_slot(set, q, &gone);
    if (set->state[i] == CG_SLOT_FULL) {
        return false;
    }
    if (gone != SIZE_MAX) {
        i = gone;
    } else {
        ++set->used;
    }
    set->quads[i] = *q;
    set->state[i] = CG_SLOT_FULL;
    return true;
}

/* False when `q` is not there. */
static bool cg_set_remove(CgQuadSet *set, const CgQuad *q)
{
    size_t gone;
    const size_t i = cg_set_slot(set, q, &gone);
    if (set->state[i] != CG_SLOT_FULL) {
        return false;
    }
    set->state[i] = CG_SLOT_GONE;
    return true;
}

static void cg_report_conflict(const CgPatch *p, const CgPatchOp *op,
                               const CgTermTable *terms, CgDiagSink *sink)
{
    cg_diag(sink, CG_SEV_ERROR, CG_FAILURE, p->name, op->line, 1,
            op->op == 'D' ? "does not apply: deletes %s %s %s, which is not in the graph"
                          : "does not apply: adds %s %s %s, which is already in the graph",
            cg_diff_term_key(terms, op->quad.t[0]), cg_diff_term_key(terms, op->quad.t[1]),
            cg_diff_term_key(terms, op->quad.t[2]));
}

static size_t cg_run_ops(const CgPatch *p, CgQuadSet *set, const CgTermTable *terms,
                         CgDiagSink *sink)
{
    size_t conflicts = 0;
    for (size_t i = 0; i < p->n; ++i) {
        const CgPatchOp *op = &p->ops[i];
        const bool ok = op->op == 'D' ? cg_set_remove(set, &op->quad)
                                      : cg_set_insert(set, &op->quad);
        if (!ok && conflicts++ < CG_MAX_CONFLICTS) {
            cg_report_conflict(p, op, terms, sink);
        }
    }
    return conflicts;
}

CgStatus cg_patch_apply(const CgPatch *patch, const CgRdfGraph *old_graph, CgDiagSink *sink,
                        CgRdfGraph **out)
{
    const CgPatch *p = patch;
    *out = NULL;
    CgQuadSet set;
    cg_set_init(&set, old_graph->n + p->n);
    for (size_t i = 0; i < old_graph->n; ++i) {
        cg_set_insert(&set, &old_graph->quads[i]);
    }
    const size_t conflicts = cg_run_ops(p, &set, old_graph->terms, sink);
    if (!conflicts) {
        CgRdfGraph *g = cg_diff_graph_new(old_graph->terms);
        for (size_t i = 0; i < set.cap; ++i) {
            if (set.state[i] == CG_SLOT_FULL) {
                cg_diff_graph_push(g, &set.quads[i]);
            }
        }
        cg_diff_graph_normalise(g);
        for (size_t i = 0; i < old_graph->n_prefixes; ++i) {
            cg_diff_graph_add_prefix(g, old_graph->prefixes[i].prefix,
                                     old_graph->prefixes[i].iri);
        }
        *out = g;
    } else if (conflicts > CG_MAX_CONFLICTS) {
        cg_diag(sink, CG_SEV_ERROR, CG_FAILURE, p->name, 0, 0, "%zu more conflicts not shown",
                conflicts - CG_MAX_CONFLICTS);
    }
    free(set.quads);
    free(set.state);
    return conflicts ? CG_FAILURE : CG_OK;
}
