/* One document's analysis, split from adding it to a graph, so that
 * documents can be analysed on several threads and added on one, in input
 * order (the graph is not thread-safe; the matcher and extractor are
 * read-only after construction and allocate per call).  Internal to
 * pipeline/: the CLI uses cg_pipeline_add_files (pipeline.h). */
#ifndef CG_PIPELINE_DOC_H
#define CG_PIPELINE_DOC_H

#include "pipeline.h"

/* Diagnostics recorded on a worker thread and replayed, in order, on the
 * thread that adds the document, so that messages keep the input order. */
typedef struct {
    CgDiag *items; /* file and msg owned */
    size_t n, cap;
} CgDiagLog;

/* A sink that appends to `log`. */
CgDiagSink cg_diag_log_sink(CgDiagLog *log);
/* Sends every recorded diagnostic to `sink` (counted as cg_diag does). */
void cg_diag_log_replay(const CgDiagLog *log, CgDiagSink *sink);
/* NULL-safe; frees the items. */
void cg_diag_log_clear(CgDiagLog *log);

typedef struct CgDocResult CgDocResult;

/* Reads `path` ("-": standard input) and analyses it.  Touches no graph
 * and nothing of `pipeline` but what is read-only, so several threads may
 * call it at once.  Never NULL. */
CgDocResult *cg_pipeline_analyse_file(const CgPipeline *pipeline, const char *path);

/* The same for `len` bytes of `text` (borrowed: it must outlive the result). */
CgDocResult *cg_pipeline_analyse_text(const CgPipeline *pipeline, const char *path,
                                      const char *text, size_t len);

/* Adds what `result` found to `graph`, replays its diagnostics to `sink`
 * and counts it, as cg_pipeline_add_file does. */
CgStatus cg_pipeline_commit(CgPipeline *pipeline, CgGraph *graph, CgDocResult *result,
                            CgDiagSink *sink);

/* NULL-safe. */
void cg_doc_result_free(CgDocResult *result);

#endif
