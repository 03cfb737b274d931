/* Is a string an IRI that every RDF reader accepts?  (RFC 3987.)
 *
 * A base IRI given on the command line is pasted in front of every entity,
 * document and evidence name; one that is not an IRI ("not an iri") gives
 * a graph that Raptor writes with \u escapes and that rapper, serdi and our
 * own readers then refuse.  So it is checked once, before any work, against
 * the grammar of RFC 3987 section 2.2:
 *
 *   IRI        = scheme ":" ihier-part [ "?" iquery ] [ "#" ifragment ]
 *   ihier-part = "//" iauthority ipath-abempty / ipath-absolute
 *              / ipath-rootless / ipath-empty
 *
 * The scheme is required (an absolute IRI); a fragment is allowed because a
 * base is a prefix ("https://example.org/graph#" is a common one).  Text
 * outside ASCII must be well-formed UTF-8 of the ucschar (and, in a query,
 * iprivate) ranges; a '%' must start %XX; an IP literal in [...] must be an
 * IPv6 address or an IPvFuture. */
#ifndef CG_IRI_H
#define CG_IRI_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    size_t offset;   /* byte offset of the first offending character */
    const char *why; /* static text: what is wrong there, for a message */
} CgIriProblem;

/* True when `s` is an absolute IRI; otherwise false, and *problem (may be
 * NULL) says where and why. */
bool cg_iri_is_absolute(const char *s, CgIriProblem *problem);

#endif
