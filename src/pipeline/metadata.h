/* Document metadata: title, url, published date and outlet, from a
 * front-matter block at the top of the text
 *
 *     ---
 *     title: North Korean troops reach Kursk
 *     url: https://example.org/news/1
 *     published: 2024-11-01
 *     outlet: Example News
 *     ---
 *
 * or from a sidecar file with the same `key: value` lines, named like the
 * document with .meta for .txt (article.meta) or added (article.txt.meta). */
#ifndef CG_METADATA_H
#define CG_METADATA_H

#include "../graph/graph.h"

#include <stddef.h>

/* The bytes of a front-matter block at the start of `text` (0 when none). */
size_t cg_meta_front_matter(const char *text, size_t len);

/* The text to analyse when `text` has front matter: the text with the block
 * blanked, one space per character (so that character offsets stay those
 * of the file); its length in *len.  NULL when there is no front matter. */
char *cg_meta_blank_front_matter(const char *text, size_t *len);

/* Sets the document's metadata from `key: value` lines in [text, text+len). */
void cg_meta_apply(CgGraph *graph, uint32_t document, const char *text, size_t len);

/* Reads the sidecar of `path`, if any, into the document's metadata. */
void cg_meta_apply_sidecar(CgGraph *graph, uint32_t document, const char *path);

#endif
