/* Loading OLD and NEW at once.  Raptor's parser is most of a diff's time, and
 * the two files are independent until their terms must share ids: NEW is
 * parsed on a second thread with its own Raptor world and term table, whose
 * terms are then interned into the shared table (one look-up per distinct
 * term, not per triple).  Worker threads never call the caller's sink:
 * their messages are held and replayed, OLD's first, after the join.
 *
 * Not for RDF/XML: Raptor routes libxml2's errors through a per-thread
 * global handler bound to the world opened last, so there one world at a
 * time is opened, used and freed. */
#include "diff_internal.h"

#include "../core/mem.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    CgDiag diag; /* file and msg owned */
} CgHeldDiag;

typedef struct {
    CgHeldDiag *items;
    size_t n, cap;
} CgHeldDiags;

static void cg_hold(void *ctx, const CgDiag *d)
{
    CgHeldDiags *held = ctx;
    held->items = cg_xgrow(held->items, &held->cap, held->n + 1, sizeof *held->items);
    CgDiag *copy = &held->items[held->n++].diag;
    *copy = *d;
    copy->file = d->file ? cg_xstrdup(d->file) : NULL;
    copy->msg = cg_xstrdup(d->msg);
}

static void cg_replay(CgHeldDiags *held, CgDiagSink *sink)
{
    for (size_t i = 0; i < held->n; ++i) {
        const CgDiag *d = &held->items[i].diag;
        cg_diag(sink, d->severity, d->status, d->file, d->line, d->col, "%s", d->msg);
        free((char *)d->file);
        free((char *)d->msg);
    }
    free(held->items);
    memset(held, 0, sizeof *held);
}

typedef struct {
    raptor_world *world;
    CgTermTable *terms;
    const char *path;
    const CgLoadOptions *options;
    CgHeldDiags held;
    CgDiagSink sink; /* into held */
    CgRdfGraph *graph;
    CgStatus status;
} CgLoadJob;

static void *cg_run_job(void *arg)
{
    CgLoadJob *job = arg;
    job->status = cg_diff_load_in(job->world, job->terms, job->path, job->options, &job->sink,
                                  &job->graph);
    return NULL;
}

/* Moves `g` onto `terms`: its ids are looked up by key, then re-sorted. */
static void cg_adopt(CgRdfGraph *g, CgTermTable *terms)
{
    const CgTermTable *own = g->terms;
    uint32_t *map = cg_xmalloc(((size_t)own->n + 1) * sizeof *map);
    for (uint32_t id = 0; id < own->n; ++id) {
        const char *key = cg_diff_term_key(own, id);
        map[id] = cg_diff_term_intern(terms, key, strlen(key));
    }
    for (size_t i = 0; i < g->n; ++i) {
        for (int a = 0; a < 4; ++a) {
            g->quads[i].t[a] = map[g->quads[i].t[a]];
        }
    }
    free(map);
    g->terms = terms;
    cg_diff_graph_normalise(g);
}

static void cg_run_both(CgLoadJob jobs[2])
{
    pthread_t thread;
    const bool threaded = !pthread_create(&thread, NULL, cg_run_job, &jobs[1]);
    cg_run_job(&jobs[0]);
    if (threaded) {
        pthread_join(thread, NULL);
    } else {
        cg_run_job(&jobs[1]);
    }
}

static CgStatus cg_load_one_by_one(CgTermTable *terms, const char *const paths[2],
                                   const CgLoadOptions options[2], CgDiagSink *sink,
                                   CgRdfGraph *out[2])
{
    CgStatus st[2];
    for (int i = 0; i < 2; ++i) {
        st[i] = cg_diff_load_file(terms, paths[i], &options[i], sink, &out[i]);
    }
    if (st[0] || st[1]) {
        cg_diff_graph_free(out[0]);
        cg_diff_graph_free(out[1]);
        out[0] = out[1] = NULL;
    }
    return st[0] ? st[0] : st[1];
}

CgStatus cg_diff_load_pair(CgTermTable *terms, const char *const paths[2],
                           const CgLoadOptions options[2], CgDiagSink *sink,
                           CgRdfGraph *out[2])
{
    out[0] = out[1] = NULL;
    if (options[0].syntax == CG_SYNTAX_RDFXML || options[1].syntax == CG_SYNTAX_RDFXML) {
        return cg_load_one_by_one(terms, paths, options, sink, out);
    }
    CgLoadJob jobs[2];
    for (int i = 0; i < 2; ++i) {
        jobs[i] = (CgLoadJob){cg_diff_world_new(sink), i ? cg_diff_terms_new() : terms,
                              paths[i], &options[i], {NULL, 0, 0}, {cg_hold, NULL, 0, 0},
                              NULL, CG_ERR_INTERNAL};
        jobs[i].sink.ctx = &jobs[i].held;
    }
    if (jobs[0].world && jobs[1].world) {
        cg_run_both(jobs);
    }
    for (int i = 0; i < 2; ++i) {
        cg_replay(&jobs[i].held, sink);
    }
    for (int i = 1; i >= 0; --i) { /* last opened, first freed: see above */
        if (jobs[i].world) {
            raptor_free_world(jobs[i].world);
        }
    }
    const CgStatus st = jobs[0].status ? jobs[0].status : jobs[1].status;
    if (!st) {
        cg_adopt(jobs[1].graph, terms);
        out[0] = jobs[0].graph;
        out[1] = jobs[1].graph;
    } else {
        cg_diff_graph_free(jobs[0].graph);
        cg_diff_graph_free(jobs[1].graph);
    }
    cg_diff_terms_free(jobs[1].terms);
    return st;
}
