/* `explain`: what the rules see in a document, sentence by sentence: the
 * mentions (and the alias that matched), each relation rule that fired with
 * its bindings and qualifiers, and the patterns that came close (their
 * words are in the sentence) with how far they got.  The tool a rule author
 * lives in. */
#ifndef CG_EXPLAIN_H
#define CG_EXPLAIN_H

#include "../core/diag.h"
#include "../rules/rules.h"

#include <stdio.h>

/* Writes the report of document `path` (text `text`, `len` bytes) to
 * `out`; `sentence` is a 1-based sentence number to show alone, or 0 for
 * all.  Invalid UTF-8 is reported to `sink` (CG_ERR_UTF8). */
CgStatus cg_explain_document(const CgRuleSet *rules, const char *path, const char *text,
                             size_t len, size_t sentence, FILE *out, CgDiagSink *sink);

#endif
