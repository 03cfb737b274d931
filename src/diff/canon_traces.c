/* cg_canon_traces: one component of tied blank nodes, as a vertex-coloured
 * undirected graph for nauty's Traces (see canon.h).
 *
 * The encoding must be faithful: an automorphism of the encoded graph,
 * restricted to the blank nodes, must be one of the component, or two
 * isomorphic inputs could get different labelled quads.  Vertices come in
 * two kinds (blank nodes first), each sorted by colour, so the cells and
 * their order depend on colours only.
 *
 * - A blank node: its refined colour, which already stands for the quads in
 *   which it is the only blank node.
 * - A quad with two distinct blank nodes x (first position) and y is an arc
 *   x -> y labelled by the quad with x and y replaced by two markers.  An
 *   arc whose reverse has the same label (":a :knows :b" and ":b :knows :a")
 *   is an undirected edge, as most symmetric graphs are written.
 *     - The most frequent undirected label is a plain edge between the two
 *       blank nodes: a Paley or rook's graph is given to Traces as itself.
 *     - Another undirected label: a vertex of that label joined to both.
 *     - A directed arc: x - t - h - y, t and h coloured by the label and
 *       their end, which keeps the direction.
 * - A quad with three or more distinct blank nodes (a blank graph name): a
 *   vertex coloured by the quad with its blank nodes replaced by numbered
 *   markers, joined to the i-th blank node through a vertex coloured by
 *   that colour and i.
 *
 * Traces has no work limit of its own but stops when the process-wide
 * nauty_kill_request is set: a watchdog thread sets it at the deadline.
 * Because it is process-wide (and diff loads two files at once), Traces
 * runs under one lock. */
#include "canon.h"

#include "../core/mem.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <nausparse.h>
#include <traces.h>

#define MARK_X UINT64_C(0x7b1e6f9a3c5d2e81) /* the first blank node of a quad */
#define MARK_Y UINT64_C(0x2c9d4e7f1a3b5c6d) /* the second */
#define MARK_N UINT64_C(0x4f3e2d1c0b0a0908) /* the i-th, in a quad of three or more */
#define MARK_SYM UINT64_C(0x13579bdf2468ace0)
#define MARK_TAIL UINT64_C(0x0fedcba987654321)
#define MARK_HEAD UINT64_C(0x1122334455667788)
#define MARK_ROLE UINT64_C(0x5a5a5a5aa5a5a5a5)
#define MARK_LEAF UINT64_C(0x6c8e9cf570932bd5)

/* Below this many vertices a call is too small to need the watchdog thread
 * (which costs more than the call); the time is still counted. */
#define WATCH_MIN_VERTICES 256u

typedef struct {
    uint64_t label;
    uint32_t tail, head;
} Arc;

typedef struct {
    uint64_t key; /* the colour */
    uint32_t kind; /* 0: blank node, 1: gadget */
    uint32_t vertex;
} Slot;

/* The encoded graph as it is built: vertex colours and an edge list. */
typedef struct {
    Slot *slots;
    size_t n_vertices, cap_vertices;
    uint32_t (*edges)[2];
    size_t n_edges, cap_edges;
} Encoding;

static uint32_t add_vertex(Encoding *en, uint64_t colour)
{
    en->slots = cg_xgrow(en->slots, &en->cap_vertices, en->n_vertices + 1, sizeof *en->slots);
    const uint32_t v = (uint32_t)en->n_vertices++;
    en->slots[v] = (Slot){colour, 1, v};
    return v;
}

static void add_edge(Encoding *en, uint32_t a, uint32_t b)
{
    en->edges = cg_xgrow(en->edges, &en->cap_edges, en->n_edges + 1, sizeof *en->edges);
    en->edges[en->n_edges][0] = a;
    en->edges[en->n_edges][1] = b;
    ++en->n_edges;
}

static int arc_cmp(const void *a, const void *b)
{
    const Arc *x = a, *y = b;
    const uint32_t xlo = x->tail < x->head ? x->tail : x->head;
    const uint32_t ylo = y->tail < y->head ? y->tail : y->head;
    const uint32_t xhi = x->tail ^ x->head ^ xlo, yhi = y->tail ^ y->head ^ ylo;
    if (x->label != y->label) {
        return x->label < y->label ? -1 : 1;
    }
    if (xlo != ylo) {
        return xlo < ylo ? -1 : 1;
    }
    if (xhi != yhi) {
        return xhi < yhi ? -1 : 1;
    }
    return (x->tail > y->tail) - (x->tail < y->tail);
}

static int slot_cmp(const void *a, const void *b)
{
    const Slot *x = a, *y = b;
    if (x->kind != y->kind) {
        return x->kind < y->kind ? -1 : 1;
    }
    if (x->key != y->key) {
        return x->key < y->key ? -1 : 1;
    }
    return (x->vertex > y->vertex) - (x->vertex < y->vertex);
}

/* The distinct blank nodes of quad `e`, in order of first position. */
static uint32_t quad_blanks(const CgCanonGraph *g, uint32_t e, uint32_t out[4])
{
    uint32_t k = 0;
    for (int a = 0; a < 4; ++a) {
        const uint32_t t = g->edges[e].t[a];
        if (!(t & CG_BLANK_BIT)) {
            continue;
        }
        bool seen = false;
        for (uint32_t i = 0; i < k; ++i) {
            seen = seen || out[i] == (t & ~CG_BLANK_BIT);
        }
        if (!seen) {
            out[k++] = t & ~CG_BLANK_BIT;
        }
    }
    return k;
}

/* The quad's colour with its blank nodes as markers of their rank. */
static uint64_t quad_label(const CgCanonGraph *g, uint32_t e, const uint32_t *blanks, uint32_t k)
{
    uint64_t h = CG_CANON_CERT_SEED;
    for (int a = 0; a < 4; ++a) {
        const uint32_t t = g->edges[e].t[a];
        uint64_t v = 0;
        if (t & CG_BLANK_BIT) {
            uint32_t i = 0;
            while (blanks[i] != (t & ~CG_BLANK_BIT)) {
                ++i;
            }
            v = k == 2 ? (i ? MARK_Y : MARK_X) : cg_canon_mix(MARK_N, i);
        } else {
            v = g->term_hash[t];
        }
        h = cg_canon_mix(h, v);
    }
    return h;
}

/* Quads of three or more blank nodes become gadgets now; those of two
 * become arcs, returned for encode_arcs. */
static Arc *collect_arcs(const CgCanonGraph *g, Encoding *en, size_t *n_arcs)
{
    Arc *arcs = NULL;
    size_t n = 0, cap = 0;
    for (uint32_t e = 0; e < g->n_edges; ++e) {
        uint32_t b[4];
        const uint32_t k = quad_blanks(g, e, b);
        if (k < 2) {
            continue;
        }
        const uint64_t label = quad_label(g, e, b, k);
        if (k == 2) {
            arcs = cg_xgrow(arcs, &cap, n + 1, sizeof *arcs);
            arcs[n++] = (Arc){label, b[0], b[1]};
            continue;
        }
        const uint32_t q = add_vertex(en, label);
        for (uint32_t i = 0; i < k; ++i) {
            const uint32_t r = add_vertex(en, cg_canon_mix(cg_canon_mix(label, MARK_ROLE), i));
            add_edge(en, q, r);
            add_edge(en, r, b[i]);
        }
    }
    if (n) {
        qsort(arcs, n, sizeof *arcs, arc_cmp);
    }
    *n_arcs = n;
    return arcs;
}

/* Whether arcs[i] and arcs[j] join the same two nodes under one label. */
static bool same_pair(const Arc *x, const Arc *y)
{
    return x->label == y->label &&
           ((x->tail == y->tail && x->head == y->head) || (x->tail == y->head && x->head == y->tail));
}

/* Turns the sorted arcs into undirected edges (an arc and its reverse) and
 * directed ones, duplicates dropped; returns the number of undirected ones,
 * which come first in `arcs` afterwards, directed ones after them. */
static size_t pair_arcs(Arc *arcs, size_t n, size_t *n_out)
{
    Arc *directed = cg_xmalloc((n + 1) * sizeof *directed);
    size_t n_sym = 0, n_dir = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        bool reverse = false;
        while (j < n && same_pair(&arcs[i], &arcs[j])) {
            reverse = reverse || arcs[j].tail != arcs[i].tail;
            ++j;
        }
        if (reverse) {
            arcs[n_sym++] = (Arc){cg_canon_mix(arcs[i].label, MARK_SYM), arcs[i].tail, arcs[i].head};
        } else {
            directed[n_dir++] = arcs[i];
        }
        i = j;
    }
    memcpy(arcs + n_sym, directed, n_dir * sizeof *arcs);
    free(directed);
    *n_out = n_sym + n_dir;
    return n_sym;
}

/* The undirected label with most edges (ties: the smaller label), which
 * becomes plain edges; arcs[0 .. n_sym) are grouped by label. */
static uint64_t plain_label(const Arc *arcs, size_t n_sym, bool *any)
{
    uint64_t best = 0;
    size_t best_n = 0;
    for (size_t i = 0; i < n_sym;) {
        size_t j = i;
        while (j < n_sym && arcs[j].label == arcs[i].label) {
            ++j;
        }
        if (j - i > best_n || (j - i == best_n && arcs[i].label < best)) {
            best = arcs[i].label;
            best_n = j - i;
        }
        i = j;
    }
    *any = best_n > 0;
    return best;
}

static void encode_arcs(Encoding *en, const Arc *arcs, size_t n_sym, size_t n)
{
    bool any = false;
    const uint64_t plain = plain_label(arcs, n_sym, &any);
    for (size_t i = 0; i < n; ++i) {
        const Arc *a = &arcs[i];
        if (i < n_sym && any && a->label == plain) {
            add_edge(en, a->tail, a->head);
        } else if (i < n_sym) {
            const uint32_t m = add_vertex(en, a->label);
            add_edge(en, m, a->tail);
            add_edge(en, m, a->head);
        } else {
            const uint32_t t = add_vertex(en, cg_canon_mix(a->label, MARK_TAIL));
            const uint32_t h = add_vertex(en, cg_canon_mix(a->label, MARK_HEAD));
            add_edge(en, a->tail, t);
            add_edge(en, t, h);
            add_edge(en, h, a->head);
        }
    }
}

/* ---- running Traces with a deadline ------------------------------------ */

static pthread_mutex_t traces_lock = PTHREAD_MUTEX_INITIALIZER;

typedef struct {
    pthread_mutex_t m;
    pthread_cond_t c;
    struct timespec deadline; /* CLOCK_MONOTONIC */
    bool done, fired;
} Watch;

static void *watch_run(void *arg)
{
    Watch *w = arg;
    pthread_mutex_lock(&w->m);
    while (!w->done) {
        if (pthread_cond_timedwait(&w->c, &w->m, &w->deadline) == ETIMEDOUT && !w->done) {
            nauty_kill_request = 1;
            w->fired = true;
            break;
        }
    }
    pthread_mutex_unlock(&w->m);
    return NULL;
}

static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static struct timespec timespec_at(double seconds)
{
    struct timespec t;
    t.tv_sec = (time_t)seconds;
    t.tv_nsec = (long)((seconds - (double)t.tv_sec) * 1e9);
    if (t.tv_nsec >= 1000000000L) {
        ++t.tv_sec;
        t.tv_nsec -= 1000000000L;
    } else if (t.tv_nsec < 0) {
        t.tv_nsec = 0;
    }
    return t;
}

/* Traces with the options for a canonical labelling of a coloured graph;
 * false if the watchdog stopped it. */
static bool run_traces(sparsegraph *sg, int *lab, int *ptn, int *orbits, double seconds,
                       int *errstatus)
{
    DEFAULTOPTIONS_TRACES(options);
    options.getcanon = TRUE;
    options.defaultptn = FALSE;
    TracesStats stats;
    memset(&stats, 0, sizeof stats);
    SG_DECL(canon);

    Watch w = {.done = false, .fired = false};
    pthread_t thread;
    bool watching = sg->nv >= (int)WATCH_MIN_VERTICES;
    if (watching) {
        pthread_condattr_t attr;
        pthread_condattr_init(&attr);
        pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
        pthread_mutex_init(&w.m, NULL);
        pthread_cond_init(&w.c, &attr);
        pthread_condattr_destroy(&attr);
        w.deadline = timespec_at(now_seconds() + seconds);
        watching = !pthread_create(&thread, NULL, watch_run, &w);
        if (!watching) {
            pthread_cond_destroy(&w.c);
            pthread_mutex_destroy(&w.m);
        }
    }
    nauty_kill_request = 0;
    Traces(sg, lab, ptn, orbits, &options, &stats, &canon);
    if (watching) {
        pthread_mutex_lock(&w.m);
        w.done = true;
        pthread_cond_signal(&w.c);
        pthread_mutex_unlock(&w.m);
        pthread_join(thread, NULL);
        pthread_cond_destroy(&w.c);
        pthread_mutex_destroy(&w.m);
    }
    nauty_kill_request = 0;
    SG_FREE(canon);
    /* Traces keeps its work arrays per thread; diff's loader threads end,
     * which would leave them unreachable. */
    traces_freedyn();
    schreier_freedyn();
    nausparse_freedyn();
    nautil_freedyn();
    *errstatus = stats.errstatus;
    return !w.fired;
}

/* ---- the labelling ------------------------------------------------------ */

static bool within(CgCanonBudget *b, size_t n_vertices, size_t n_edges)
{
    if (n_vertices > INT32_MAX / 2 || b->vertices + n_vertices > b->max_vertices) {
        b->hit = CG_CANON_VERTICES;
    } else if (n_edges > INT32_MAX / 4 || b->arcs + 2 * (uint64_t)n_edges > b->max_arcs) {
        b->hit = CG_CANON_ARCS;
    } else if (b->seconds >= b->max_seconds) {
        b->hit = CG_CANON_TIME;
    }
    b->vertices += n_vertices;
    b->arcs += 2 * (uint64_t)n_edges;
    return b->hit == CG_CANON_WITHIN;
}

/* The sparse graph of `en` (vertices numbered as added). */
static void to_sparse(const Encoding *en, sparsegraph *sg)
{
    const size_t nv = en->n_vertices, nde = 2 * en->n_edges;
    sg->nv = (int)nv;
    sg->nde = nde;
    sg->v = cg_xcalloc(nv + 1, sizeof *sg->v);
    sg->d = cg_xcalloc(nv + 1, sizeof *sg->d);
    sg->e = cg_xmalloc((nde + 1) * sizeof *sg->e);
    sg->vlen = nv;
    sg->dlen = nv;
    sg->elen = nde;
    for (size_t i = 0; i < en->n_edges; ++i) {
        ++sg->d[en->edges[i][0]];
        ++sg->d[en->edges[i][1]];
    }
    for (size_t v = 1; v < nv; ++v) {
        sg->v[v] = sg->v[v - 1] + (size_t)sg->d[v - 1];
    }
    int *fill = cg_xcalloc(nv + 1, sizeof *fill);
    for (size_t i = 0; i < en->n_edges; ++i) {
        const uint32_t a = en->edges[i][0], b = en->edges[i][1];
        sg->e[sg->v[a] + (size_t)fill[a]++] = (int)b;
        sg->e[sg->v[b] + (size_t)fill[b]++] = (int)a;
    }
    free(fill);
}

/* The canonical order's rank of each blank node within its colour class,
 * mixed into that colour. */
static void leaf_colours(const Slot *sorted, const int *lab, uint32_t n, uint64_t *colours)
{
    uint64_t *refined = cg_xmalloc(((size_t)n + 1) * sizeof *refined);
    memcpy(refined, colours, (size_t)n * sizeof *refined);
    for (uint32_t i = 0, start = 0; i < n; ++i) {
        if (i && sorted[i].key != sorted[i - 1].key) {
            start = i;
        }
        const uint32_t v = (uint32_t)lab[i];
        colours[v] = cg_canon_mix(cg_canon_mix(refined[v], MARK_LEAF), i - start);
    }
    free(refined);
}

CgStatus cg_canon_traces(const CgCanonGraph *g, uint64_t *colours, uint64_t *cert,
                         CgCanonBudget *b)
{
    const uint32_t n = g->n_nodes;
    Encoding en = {0};
    for (uint32_t v = 0; v < n; ++v) {
        en.slots = cg_xgrow(en.slots, &en.cap_vertices, en.n_vertices + 1, sizeof *en.slots);
        en.slots[en.n_vertices++] = (Slot){colours[v], 0, v};
    }
    size_t n_arcs = 0, n_kept = 0;
    Arc *arcs = collect_arcs(g, &en, &n_arcs);
    const size_t n_sym = pair_arcs(arcs, n_arcs, &n_kept);
    encode_arcs(&en, arcs, n_sym, n_kept);
    free(arcs);

    CgStatus st = CG_OK;
    if (!within(b, en.n_vertices, en.n_edges)) {
        st = CG_ERR_LIMIT;
    } else {
        SG_DECL(sg);
        to_sparse(&en, &sg);
        const size_t nv = en.n_vertices;
        qsort(en.slots, nv, sizeof *en.slots, slot_cmp);
        int *lab = cg_xmalloc((nv + 1) * sizeof *lab);
        int *ptn = cg_xmalloc((nv + 1) * sizeof *ptn);
        int *orbits = cg_xmalloc((nv + 1) * sizeof *orbits);
        for (size_t i = 0; i < nv; ++i) {
            lab[i] = (int)en.slots[i].vertex;
            ptn[i] = i + 1 < nv && en.slots[i + 1].kind == en.slots[i].kind &&
                     en.slots[i + 1].key == en.slots[i].key;
        }
        int errstatus = 0;
        pthread_mutex_lock(&traces_lock);
        const double start = now_seconds();
        const bool finished = run_traces(&sg, lab, ptn, orbits, b->max_seconds - b->seconds,
                                         &errstatus);
        b->seconds += now_seconds() - start;
        pthread_mutex_unlock(&traces_lock);
        bool blank_first = true;
        for (uint32_t i = 0; i < n && blank_first; ++i) {
            blank_first = lab[i] >= 0 && (uint32_t)lab[i] < n;
        }
        if (!finished) {
            b->hit = CG_CANON_TIME;
            st = CG_ERR_LIMIT;
        } else if (errstatus || !blank_first) {
            b->hit = CG_CANON_FAILED;
            st = CG_ERR_INTERNAL;
        } else {
            leaf_colours(en.slots, lab, n, colours);
            *cert = cg_canon_cert(g, colours);
        }
        free(lab);
        free(ptn);
        free(orbits);
        free(sg.v);
        free(sg.d);
        free(sg.e);
    }
    free(en.slots);
    free(en.edges);
    return st;
}

uint64_t cg_canon_cert(const CgCanonGraph *g, const uint64_t *colours)
{
    uint64_t(*records)[4] = cg_xmalloc(((size_t)g->n_edges + 1) * sizeof *records);
    for (uint32_t e = 0; e < g->n_edges; ++e) {
        for (int a = 0; a < 4; ++a) {
            const uint32_t t = g->edges[e].t[a];
            records[e][a] = t & CG_BLANK_BIT ? colours[t & ~CG_BLANK_BIT] : g->term_hash[t];
        }
    }
    if (g->n_edges) {
        qsort(records, g->n_edges, sizeof *records, cg_canon_record_cmp);
    }
    uint64_t h = CG_CANON_CERT_SEED;
    for (size_t i = 0; i < (size_t)g->n_edges * 4; ++i) {
        h = cg_canon_mix(h, records[i / 4][i % 4]);
    }
    free(records);
    return h;
}

static uint64_t env_u64(const char *name, uint64_t fallback)
{
    const char *s = getenv(name);
    char *end = NULL;
    errno = 0;
    const unsigned long long v = s && *s ? strtoull(s, &end, 10) : 0;
    return s && *s && !*end && !errno && v > 0 ? (uint64_t)v : fallback;
}

static double env_seconds(const char *name, double fallback)
{
    const char *s = getenv(name);
    char *end = NULL;
    const double v = s && *s ? strtod(s, &end) : -1;
    return s && *s && !*end && v >= 0 && v < 1e9 ? v : fallback;
}

void cg_canon_budget_init(CgCanonBudget *b)
{
    *b = (CgCanonBudget){
        .max_vertices = env_u64("CG_CANON_MAX_VERTICES", CG_CANON_MAX_VERTICES),
        .max_arcs = env_u64("CG_CANON_MAX_ARCS", CG_CANON_MAX_ARCS),
        .max_seconds = env_seconds("CG_CANON_SECONDS", CG_CANON_SECONDS),
        .hit = CG_CANON_WITHIN,
    };
}
