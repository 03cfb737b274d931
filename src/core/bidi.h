/* Text from documents shown inside other text (a quote in a tooltip, a file
 * name after it) must not reorder what follows it.  A quote holding U+202E
 * (RIGHT-TO-LEFT OVERRIDE) would otherwise draw the rest of its line, the
 * source's name included, backwards.  Unicode's answer is an isolate: the
 * text between FIRST STRONG ISOLATE (U+2068) and POP DIRECTIONAL ISOLATE
 * (U+2069) is laid out on its own, and the PDI ends every embedding and
 * override opened inside it (UAX #9, X6a). */
#ifndef CG_BIDI_H
#define CG_BIDI_H

#include "buf.h"

/* Appends `text` (UTF-8) so that it can stand inside an isolate: a PDI
 * that closes no isolate opened in the text is dropped (it would close the
 * enclosing one early), a PDI is added for each isolate the text leaves
 * open (else the enclosing PDI would close that one instead), and a
 * paragraph separator (CR, LF, U+001C..U+001E, U+0085, U+2029), which
 * would end the isolate, becomes a space.  For HTML inside <bdi>. */
void cg_bidi_balance(CgBuf *out, const char *text);

/* Appends FSI, `text` balanced as above, PDI: for plain text (SVG). */
void cg_bidi_isolate(CgBuf *out, const char *text);

#endif
