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

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Length of the well-formed UTF-8 sequence at s[i] (Unicode Table 3-7: no
 * overlongs, surrogates or values above U+10FFFF), or 0 when there is none
 * there.  `i` < `len`. */
size_t cg_utf8_seq_len(const unsigned char *s, size_t len, size_t i);

/* The code point of the well-formed sequence of `n` bytes at `s` (`n` from
 * cg_utf8_seq_len). */
uint32_t cg_utf8_value(const unsigned char *s, size_t n);

/* `s` itself when it is well-formed, else a copy in `buf` in which every
 * byte that starts no well-formed sequence is replaced by U+FFFD. */
const char *cg_utf8_sanitize(CgBuf *buf, const char *s);
/* The same for `*len` bytes that may hold NULs; sets *len to the length of
 * the result. */
const char *cg_utf8_sanitize_n(CgBuf *buf, const char *s, size_t *len);

/* Whether XML 1.0 can hold `cp` in no form, not even as a character
 * reference: U+FFFE and U+FFFF (surrogates are not UTF-8 at all; C0
 * controls are left to the callers, which draw them as spaces).  A
 * noncharacter is a legal code point in a document and in RDF, so only the
 * writers of XML and of text Graphviz turns into XML give it up. */
bool cg_utf8_xml_forbidden(uint32_t cp);

/* As cg_utf8_sanitize, and the characters cg_utf8_xml_forbidden names
 * become U+FFFD too: text for SVG, HTML and Graphviz labels. */
const char *cg_utf8_sanitize_xml(CgBuf *buf, const char *s);

#endif
