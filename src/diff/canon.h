/* Private to diff/: the colour refiner and the individualisation search
 * behind cg_canon_label (the algorithm is described in diff.h). */
#ifndef CG_DIFF_CANON_H
#define CG_DIFF_CANON_H

#include "diff_internal.h"

#include <stdint.h>

/* The blank nodes of a graph (or of one component) and the quads they occur
 * in ("edges"); blank nodes are CG_BLANK_BIT | node index. */
typedef struct {
    uint32_t n_nodes, n_edges;
    CgQuad *edges;
    const uint64_t *term_hash; /* the term table's hashes, or own_hash */
    uint64_t *own_hash;        /* a component's constants (see canon_split.c), or NULL */
    uint32_t *inc_start;       /* n_nodes + 1: node v's incidences are */
    uint32_t *inc;             /* inc[inc_start[v] .. inc_start[v+1]): edge * 4 + position */
} CgCanonGraph;

/* qsort comparators: of uint64_t values, and of records of four of them
 * (an edge's colours, a certificate entry) in lexicographic order. */
int cg_canon_u64_cmp(const void *a, const void *b);
int cg_canon_record_cmp(const void *a, const void *b);

/* Builds the incidence lists of `g` (edges, n_nodes and n_edges set). */
void cg_canon_graph_index(CgCanonGraph *g);
void cg_canon_graph_clear(CgCanonGraph *g);

/* A colour class: elems[start .. start + size) of the state. */
typedef struct {
    uint32_t start, size;
    uint32_t n_marked; /* members whose signature changed, at the end of the range */
    bool ref_valid;    /* false until the members are known to agree */
    uint64_t colour;
    uint64_t ref; /* the signature the unmarked members share */
} CgCell;

/* What a search node must copy to backtrack. */
typedef struct {
    uint32_t *elems, *pos, *cell; /* n_nodes each */
    CgCell *cells;
    uint32_t n_cells;
    uint64_t *sig;     /* per node: sum of its incidences' hashes */
    uint64_t *contrib; /* per incidence (edge * 4 + position): its hash */
} CgCanonState;

/* Work lists reused by every refinement of one graph. */
typedef struct {
    uint32_t *dirty, n_dirty; /* nodes whose signature changed */
    uint8_t *is_dirty;
    uint32_t *touched, n_touched; /* cells with marked members */
    uint32_t *recoloured, n_recoloured;
    uint32_t *stale, n_stale; /* incidences to rehash */
    uint8_t *is_stale;
    uint64_t work;  /* steps done, for the limit */
    uint32_t depth; /* individualisations on the current search path */
} CgCanonScratch;

void cg_canon_scratch_init(CgCanonScratch *x, const CgCanonGraph *g);
void cg_canon_scratch_clear(CgCanonScratch *x);

/* Starts from one cell of all nodes (`colours` NULL: the first round then
 * recolours every node) or from the cells of equal `colours`. */
void cg_canon_state_init(CgCanonState *s, CgCanonScratch *x, const CgCanonGraph *g,
                         const uint64_t *colours);
void cg_canon_state_copy(CgCanonState *dst, const CgCanonState *src, const CgCanonGraph *g);
void cg_canon_state_clear(CgCanonState *s);

/* Splits cells until every cell's members have equal signatures. */
void cg_canon_refine(CgCanonState *s, CgCanonScratch *x, const CgCanonGraph *g);
/* Gives node `v` a colour of its own (which depends on x->depth, not on v)
 * without refining. */
void cg_canon_individualise(CgCanonState *s, CgCanonScratch *x, const CgCanonGraph *g,
                            uint32_t v);

static inline uint64_t cg_canon_colour(const CgCanonState *s, uint32_t v)
{
    return s->cells[s->cell[v]].colour;
}

/* Labels the nodes of a component whose cells are not all singletons:
 * `colours` holds their refined colours on entry and canonical, distinct
 * colours on return; *cert is the component's certificate hash. */
CgStatus cg_canon_search(const CgCanonGraph *g, uint64_t *colours, uint64_t *cert,
                         uint64_t *work);

/* If the nodes sharing a colour in `s` fall into several components once the
 * others are fixed, labels each on its own (cg_canon_search), numbers
 * isomorphic ones, writes the resulting discrete colouring into `colours`
 * and returns true (*st: the searches' status); else returns false. */
bool cg_canon_split(const CgCanonGraph *g, const CgCanonState *s, uint64_t *colours,
                    uint64_t *work, CgStatus *st);

/* The same for the refined colouring of a whole graph, whatever the number
 * of components (one included): step 2 of diff.h. */
CgStatus cg_canon_resolve(const CgCanonGraph *g, const CgCanonState *s, uint64_t *colours,
                          uint64_t *work);

#define CG_CANON_CERT_SEED UINT64_C(0x243f6a8885a308d3)

/* Bounds on the search: steps, and bytes of states held along one path. */
#define CG_CANON_WORK_LIMIT UINT64_C(400000000)
#define CG_CANON_PATH_BYTES ((size_t)1 << 30)

/* Mixes `v` into `h` (not part of any file format beyond the labels). */
static inline uint64_t cg_canon_mix(uint64_t h, uint64_t v)
{
    h ^= v + UINT64_C(0x9e3779b97f4a7c15) + (h << 6) + (h >> 2);
    h ^= h >> 31;
    h *= UINT64_C(0xbf58476d1ce4e5b9);
    h ^= h >> 29;
    return h;
}

#endif
