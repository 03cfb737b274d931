/* Content-derived keys (private to graph/): they become the last segment of
 * document and evidence IRIs, so they are part of the output contract and
 * must depend only on content, never on insertion order or indexes. */
#ifndef CG_GRAPH_EVIDENCE_KEY_H
#define CG_GRAPH_EVIDENCE_KEY_H

#include <stddef.h>

/* 16 hex digits of the hash of `path`. */
void cg_document_key(const char *path, char out[17]);

/* 16 hex digits of the hash of (document path, begin, end, rule, subject id,
 * predicate, object id), in that order. */
void cg_evidence_key(const char *path, size_t begin, size_t end, const char *rule,
                     const char *subject, const char *predicate, const char *object,
                     char out[17]);

#endif
