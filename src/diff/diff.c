/* The difference of two canonical graphs: one merge of two sorted arrays. */
#include "diff_internal.h"

#include "../core/mem.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct CgDiff {
    CgDiffData data;
};

static const struct {
    const char *name;
    CgDiffFormat format;
} cg_diff_formats[] = {
    {"summary", CG_DIFF_SUMMARY},
    {"patch", CG_DIFF_PATCH},
    {"dot", CG_DIFF_DOT},
    {"svg", CG_DIFF_SVG},
};

CgStatus cg_diff_format_from_name(const char *name, CgDiffFormat *out)
{
    for (size_t i = 0; name && i < sizeof cg_diff_formats / sizeof cg_diff_formats[0]; ++i) {
        if (!strcmp(name, cg_diff_formats[i].name)) {
            *out = cg_diff_formats[i].format;
            return CG_OK;
        }
    }
    return CG_ERR_USAGE;
}

static void cg_take(CgQuad **list, size_t *n, size_t *cap, const CgQuad *q)
{
    *list = cg_xgrow(*list, cap, *n + 1, sizeof **list);
    (*list)[(*n)++] = *q;
}

CgDiff *cg_diff_new(const CgRdfGraph *old_graph, const CgRdfGraph *new_graph)
{
    CgDiff *diff = cg_xcalloc(1, sizeof *diff);
    CgDiffData *d = &diff->data;
    d->old_graph = old_graph;
    d->new_graph = new_graph;
    size_t i = 0, j = 0, cap_removed = 0, cap_added = 0;
    while (i < old_graph->n || j < new_graph->n) {
        const int cmp = i == old_graph->n   ? 1
                        : j == new_graph->n ? -1
                                            : cg_diff_quad_cmp(&old_graph->quads[i],
                                                               &new_graph->quads[j]);
        if (cmp < 0) {
            cg_take(&d->removed, &d->n_removed, &cap_removed, &old_graph->quads[i++]);
        } else if (cmp > 0) {
            cg_take(&d->added, &d->n_added, &cap_added, &new_graph->quads[j++]);
        } else {
            ++i, ++j;
        }
    }
    return diff;
}

void cg_diff_free(CgDiff *diff)
{
    if (!diff) {
        return;
    }
    free(diff->data.removed);
    free(diff->data.added);
    free(diff);
}

size_t cg_diff_added_count(const CgDiff *diff)
{
    return diff->data.n_added;
}

size_t cg_diff_removed_count(const CgDiff *diff)
{
    return diff->data.n_removed;
}

static CgStatus cg_diff_dispatch(const CgDiff *diff, CgDiffFormat format, FILE *stream,
                                 CgDiagSink *sink)
{
    switch (format) {
    case CG_DIFF_SUMMARY: return cg_diff_write_summary(&diff->data, stream);
    case CG_DIFF_PATCH: return cg_patch_write(&diff->data, stream);
    case CG_DIFF_DOT:
    case CG_DIFF_SVG: return cg_diff_write_diagram(&diff->data, format, stream, sink);
    }
    return CG_ERR_INTERNAL;
}

void cg_diff_set_patch_prev(CgDiff *diff, const char *prev_iri)
{
    diff->data.patch_prev = prev_iri;
}

/* The writers go through stdio, whose error flag is the one witness of a
 * full disk. */
CgStatus cg_diff_write(const CgDiff *diff, CgDiffFormat format, FILE *stream, CgDiagSink *sink)
{
    errno = 0;
    const CgStatus st = cg_diff_dispatch(diff, format, stream, sink);
    if (st == CG_ERR_IO || fflush(stream) || ferror(stream)) {
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_IO, NULL, 0, 0, "cannot write the diff: %s",
                errno ? strerror(errno) : "write error");
        return CG_ERR_IO;
    }
    return st;
}
