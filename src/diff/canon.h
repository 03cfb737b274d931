/* Private to diff/: the colour refiner, the component split and the call to
 * nauty's Traces behind cg_canon_label.
 *
 * 1. Colour refinement (canon_refine.c, step 1 of diff.h).  If every colour
 *    class is a singleton, the colours are the labels: no automorphism can
 *    move a node, so no search can say more.
 * 2. Otherwise the nodes sharing a colour are split into the components they
 *    form once the singletons are fixed (canon_split.c).  A component whose
 *    nodes have distinct colours is labelled by them; the others go to
 *    Traces (canon_traces.c), which returns a canonical labelling of the
 *    component as a coloured graph.  Isomorphic components get the same
 *    certificate and are numbered.
 *
 * Traces takes an undirected vertex-coloured graph, so a component is
 * encoded as one (canon_traces.c): its blank nodes are vertices coloured by
 * their refined colour, and each quad with two or more distinct blank nodes
 * becomes gadget vertices whose colours carry the predicate, the constants
 * and the positions.  Quads with one blank node are already in that node's
 * refined colour.  A canonical labelling is a function of the graph, of this
 * code and of the nauty version (Debian's libnauty2 2.8.6 here): labels, and
 * so patches naming blank nodes, are stable while those are. */
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

/* A colouring being refined. */
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
} CgCanonScratch;

void cg_canon_scratch_init(CgCanonScratch *x, const CgCanonGraph *g);
void cg_canon_scratch_clear(CgCanonScratch *x);

/* Starts from one cell of all nodes (`colours` NULL: the first round then
 * recolours every node) or from the cells of equal `colours`. */
void cg_canon_state_init(CgCanonState *s, CgCanonScratch *x, const CgCanonGraph *g,
                         const uint64_t *colours);
void cg_canon_state_clear(CgCanonState *s);

/* Splits cells until every cell's members have equal signatures. */
void cg_canon_refine(CgCanonState *s, CgCanonScratch *x, const CgCanonGraph *g);
static inline uint64_t cg_canon_colour(const CgCanonState *s, uint32_t v)
{
    return s->cells[s->cell[v]].colour;
}

/* What one file may spend on Traces: vertices and arcs (each edge counts
 * twice) of the encoded graphs, and seconds inside Traces.  The defaults
 * hold every graph of tests/cli/diff_symmetric.sh many times over; the
 * environment variables CG_CANON_MAX_VERTICES, CG_CANON_MAX_ARCS and
 * CG_CANON_SECONDS replace them (the error message names them). */
typedef enum {
    CG_CANON_WITHIN,
    CG_CANON_VERTICES,
    CG_CANON_ARCS,
    CG_CANON_TIME,
    CG_CANON_FAILED /* Traces reported an error (a bug) */
} CgCanonLimit;

typedef struct {
    uint64_t max_vertices, max_arcs;
    double max_seconds;
    uint64_t vertices, arcs; /* used so far */
    double seconds;
    CgCanonLimit hit; /* the limit that stopped the labelling, if any */
} CgCanonBudget;

#define CG_CANON_MAX_VERTICES UINT64_C(4000000)
#define CG_CANON_MAX_ARCS UINT64_C(32000000)
#define CG_CANON_SECONDS 10.0

/* The defaults, or the environment's values where valid. */
void cg_canon_budget_init(CgCanonBudget *b);

/* Labels the nodes of a component whose cells are not all singletons:
 * `colours` holds their refined colours on entry and canonical, distinct
 * colours on return; *cert is the component's certificate hash.
 * CG_ERR_LIMIT (b->hit says which) when the budget would be exceeded. */
CgStatus cg_canon_traces(const CgCanonGraph *g, uint64_t *colours, uint64_t *cert,
                         CgCanonBudget *b);

/* Labels the refined colouring `s` of a whole graph into `colours`: each
 * component of the tied nodes on its own (cg_canon_traces), isomorphic
 * ones numbered (step 2 above). */
CgStatus cg_canon_resolve(const CgCanonGraph *g, const CgCanonState *s, uint64_t *colours,
                          CgCanonBudget *b);

/* The hash of the sorted records of `g`'s quads, blank nodes counting as
 * `colours`: a part's certificate once its colours are distinct. */
uint64_t cg_canon_cert(const CgCanonGraph *g, const uint64_t *colours);

#define CG_CANON_CERT_SEED UINT64_C(0x243f6a8885a308d3)

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
