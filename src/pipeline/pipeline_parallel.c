/* cg_pipeline_add_files: worker threads analyse documents ahead of the
 * thread that adds them to the graph, in input order.  A window of slots
 * bounds how far ahead they run, so memory stays that of a few documents
 * whatever the corpus size. */
#include "pipeline_doc.h"

#include "../core/mem.h"

#include <pthread.h>
#include <stdlib.h>

/* Documents in flight per worker: enough that a long document does not
 * leave the others idle, few enough that memory stays small. */
#define CG_WINDOW_PER_JOB 4
#define CG_MAX_JOBS 256

typedef struct {
    const CgPipeline *pipeline;
    char *const *paths;
    size_t n;
    size_t window;
    CgDocResult **slots; /* document i waits in slots[i % window] */
    size_t next;         /* the next document to claim */
    size_t taken;        /* documents the adding thread has taken */
    bool stop;
    pthread_mutex_t lock;
    pthread_cond_t changed;
} CgPool;

/* Next document to analyse, or n when there is none (or the run stops);
 * called with the lock held. */
static size_t pool_claim(CgPool *pl)
{
    while (!pl->stop && pl->next < pl->n && pl->next >= pl->taken + pl->window) {
        pthread_cond_wait(&pl->changed, &pl->lock);
    }
    return pl->stop || pl->next >= pl->n ? pl->n : pl->next++;
}

static void *pool_worker(void *arg)
{
    CgPool *pl = arg;
    pthread_mutex_lock(&pl->lock);
    for (size_t i; (i = pool_claim(pl)) < pl->n;) {
        pthread_mutex_unlock(&pl->lock);
        CgDocResult *r = cg_pipeline_analyse_file(pl->pipeline, pl->paths[i]);
        pthread_mutex_lock(&pl->lock);
        pl->slots[i % pl->window] = r;
        pthread_cond_broadcast(&pl->changed);
    }
    pthread_mutex_unlock(&pl->lock);
    return NULL;
}

static CgDocResult *pool_take(CgPool *pl, size_t i)
{
    pthread_mutex_lock(&pl->lock);
    while (!pl->slots[i % pl->window]) {
        pthread_cond_wait(&pl->changed, &pl->lock);
    }
    CgDocResult *r = pl->slots[i % pl->window];
    pl->slots[i % pl->window] = NULL;
    pl->taken = i + 1;
    pthread_cond_broadcast(&pl->changed);
    pthread_mutex_unlock(&pl->lock);
    return r;
}

/* Stops the workers, waits for them, and frees what they analysed ahead. */
static void pool_finish(CgPool *pl, pthread_t *threads, size_t n_threads)
{
    pthread_mutex_lock(&pl->lock);
    pl->stop = true;
    pthread_cond_broadcast(&pl->changed);
    pthread_mutex_unlock(&pl->lock);
    for (size_t i = 0; i < n_threads; ++i) {
        pthread_join(threads[i], NULL);
    }
    for (size_t i = 0; i < pl->window; ++i) {
        cg_doc_result_free(pl->slots[i]);
    }
    free(pl->slots);
    pthread_cond_destroy(&pl->changed);
    pthread_mutex_destroy(&pl->lock);
}

/* Adds the documents in input order as they come; CG_ERR_LIMIT stops. */
static CgStatus pool_add(CgPool *pl, CgPipeline *p, CgGraph *g, const CgPipelineRun *run,
                         CgDiagSink *sink, size_t *added)
{
    for (size_t i = 0; i < pl->n; ++i) {
        if (run->progress) {
            run->progress(run->ctx, i);
        }
        CgDocResult *r = pool_take(pl, i);
        const CgStatus st = cg_pipeline_commit(p, g, r, sink);
        cg_doc_result_free(r);
        *added = i + 1;
        if (st == CG_ERR_LIMIT) {
            return st;
        }
    }
    return CG_OK;
}

static CgStatus add_files_serial(CgPipeline *p, CgGraph *g, char *const *paths, size_t n,
                                 const CgPipelineRun *run, CgDiagSink *sink, size_t *added)
{
    for (size_t i = 0; i < n; ++i) {
        if (run->progress) {
            run->progress(run->ctx, i);
        }
        *added = i + 1;
        if (cg_pipeline_add_file(p, g, paths[i], sink) == CG_ERR_LIMIT) {
            return CG_ERR_LIMIT;
        }
    }
    return CG_OK;
}

CgStatus cg_pipeline_add_files(CgPipeline *pipeline, CgGraph *graph, char *const *paths,
                               size_t n, const CgPipelineRun *run, CgDiagSink *sink,
                               size_t *added)
{
    const size_t jobs = run->jobs > CG_MAX_JOBS ? CG_MAX_JOBS : run->jobs;
    *added = 0;
    if (jobs <= 1 || n <= 1) {
        return add_files_serial(pipeline, graph, paths, n, run, sink, added);
    }
    CgPool pl = {pipeline, paths, n, jobs * CG_WINDOW_PER_JOB, NULL, 0, 0, false,
                 PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER};
    pl.slots = cg_xcalloc(pl.window, sizeof *pl.slots);
    pthread_t threads[CG_MAX_JOBS];
    size_t started = 0;
    while (started < jobs && !pthread_create(&threads[started], NULL, pool_worker, &pl)) {
        ++started;
    }
    if (!started) { /* no thread to be had: the work is the same on this one */
        pool_finish(&pl, threads, 0);
        return add_files_serial(pipeline, graph, paths, n, run, sink, added);
    }
    const CgStatus st = pool_add(&pl, pipeline, graph, run, sink, added);
    pool_finish(&pl, threads, started);
    return st;
}
