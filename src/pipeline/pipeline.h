/* The pipeline of one document: text -> mentions -> assertions -> graph.
 * This is the library's entry point for building (the CLI only parses
 * options and prints): the matcher is compiled once per rule set, and each
 * document is added to a graph. */
#ifndef CG_PIPELINE_H
#define CG_PIPELINE_H

#include "../core/diag.h"
#include "../core/status.h"
#include "../graph/graph.h"
#include "../rules/rules.h"

#include <stddef.h>

typedef struct {
    size_t documents;  /* documents read and added */
    size_t skipped;    /* documents skipped (unreadable, too large, not UTF-8 text) */
    size_t bytes;      /* bytes of text read */
    size_t sentences;
    size_t mentions;
    size_t assertions;
    size_t step_limited; /* sentences where a pattern gave up (each warned of) */
} CgPipelineStats;

typedef struct CgPipeline CgPipeline;

/* `rules` is borrowed and must outlive the pipeline. */
CgPipeline *cg_pipeline_new(const CgRuleSet *rules);
/* NULL-safe. */
void cg_pipeline_free(CgPipeline *pipeline);

/* Adds the document `path` whose text is `text` (`len` bytes, borrowed) to
 * `graph`.  Text that is not valid UTF-8 (or is UTF-16, or binary) is
 * skipped with a message naming the byte offset or encoding, counted, and
 * CG_FAILURE is returned.  CG_ERR_LIMIT: see CgPipelineLimits. */
CgStatus cg_pipeline_add_text(CgPipeline *pipeline, CgGraph *graph, const char *path,
                              const char *text, size_t len, CgDiagSink *sink);

/* Reads `path` ("-": standard input) and adds it as above; an unreadable
 * file is skipped, reported and counted (CG_FAILURE). */
CgStatus cg_pipeline_add_file(CgPipeline *pipeline, CgGraph *graph, const char *path,
                              CgDiagSink *sink);

const CgPipelineStats *cg_pipeline_stats(const CgPipeline *pipeline);

/* Assertions added per relation rule (indexed as the rule set's relations). */
const size_t *cg_pipeline_rule_counts(const CgPipeline *pipeline);

/* Bounds on what a run may take; 0 means no bound (the default). */
typedef struct {
    size_t max_doc_bytes;   /* a larger document is skipped, reported and
                             * counted, without being read into memory */
    size_t max_graph_bytes; /* once the graph holds more (cg_graph_memory,
                             * checked as each assertion is added, so inside
                             * a document too), the add that crossed it
                             * reports an error naming the document (and the
                             * sentence) and returns CG_ERR_LIMIT: stop,
                             * write nothing */
} CgPipelineLimits;

void cg_pipeline_set_limits(CgPipeline *pipeline, const CgPipelineLimits *limits);

/* The name of the i-th document skipped (i < stats.skipped), as in its
 * warning; borrowed.  NULL past the end. */
const char *cg_pipeline_skipped(const CgPipeline *pipeline, size_t i);

/* How cg_pipeline_add_files runs. */
typedef struct {
    unsigned jobs;                           /* threads analysing documents; 0 or 1: none */
    void (*progress)(void *ctx, size_t i);   /* called before document i is added; may be NULL */
    void *ctx;
} CgPipelineRun;

/* Adds paths[0..n) in order, each as cg_pipeline_add_file does.  With
 * jobs > 1, worker threads read and analyse up to a few documents per job
 * ahead while this thread adds them: the graph receives the same additions
 * in the same order (and messages come in the same order) whatever `jobs`,
 * so the output is the same bytes.  Stops at the first CG_ERR_LIMIT and
 * returns it; *added is the number of documents taken, that one included. */
CgStatus cg_pipeline_add_files(CgPipeline *pipeline, CgGraph *graph, char *const *paths,
                               size_t n, const CgPipelineRun *run, CgDiagSink *sink,
                               size_t *added);

#endif
