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
    size_t skipped;    /* documents skipped (unreadable, invalid UTF-8) */
    size_t bytes;      /* bytes of text read */
    size_t sentences;
    size_t mentions;
    size_t assertions;
} CgPipelineStats;

typedef struct CgPipeline CgPipeline;

/* `rules` is borrowed and must outlive the pipeline. */
CgPipeline *cg_pipeline_new(const CgRuleSet *rules);
/* NULL-safe. */
void cg_pipeline_free(CgPipeline *pipeline);

/* Adds the document `path` whose text is `text` (`len` bytes, borrowed) to
 * `graph`.  Text that is not valid UTF-8 is skipped with a message naming
 * the byte offset, counted, and CG_FAILURE is returned. */
CgStatus cg_pipeline_add_text(CgPipeline *pipeline, CgGraph *graph, const char *path,
                              const char *text, size_t len, CgDiagSink *sink);

/* Reads `path` ("-": standard input) and adds it as above; an unreadable
 * file is skipped, reported and counted (CG_FAILURE). */
CgStatus cg_pipeline_add_file(CgPipeline *pipeline, CgGraph *graph, const char *path,
                              CgDiagSink *sink);

const CgPipelineStats *cg_pipeline_stats(const CgPipeline *pipeline);

#endif
