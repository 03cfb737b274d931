/* Valid UTF-8 at the borders where libraries expect it.
 *
 * Document text is checked before it is read, and libyaml checks rules, but
 * file names are bytes, and Raptor accepts ill-formed UTF-8 in a literal
 * of a graph it reads back.  Raptor's writers then silently drop such a
 * literal (`cg:path ""`), and Graphviz warns and guesses Latin-1: both
 * would misreport the data.  Writers pass their strings through here. */
#ifndef CG_UTF8_H
#define CG_UTF8_H

#include "buf.h"

#include <stddef.h>

/* Length of the well-formed UTF-8 sequence at s[i] (Unicode Table 3-7: no
 * overlongs, surrogates or values above U+10FFFF), or 0 when there is none
 * there.  `i` < `len`. */
size_t cg_utf8_seq_len(const unsigned char *s, size_t len, size_t i);

/* `s` itself when it is well-formed, else a copy in `buf` in which every
 * byte that starts no well-formed sequence is replaced by U+FFFD. */
const char *cg_utf8_sanitize(CgBuf *buf, const char *s);

#endif
