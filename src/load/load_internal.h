/* Private to load/: the pieces shared by the request (http.c) and the
 * messages (explain.c). */
#ifndef CG_LOAD_INTERNAL_H
#define CG_LOAD_INTERNAL_H

#include "load.h"

#include <stdbool.h>
#include <stdio.h>

typedef struct {
    const char *ext;
    const char *media_type;
    bool line_based; /* one statement per line: countable without parsing */
} CgLoadType;

/* What came back, for explaining a failure; every field is borrowed. */
typedef struct {
    const CgLoadOptions *opts;
    const char *endpoint;    /* opts->endpoint as shown, its password hidden */
    const char *status_line; /* "HTTP/1.1 500 Request Failed", or "" */
    const char *body;        /* the start of the store's answer */
    size_t body_len;
    const char *redirect;    /* where a 3xx points (as shown), or NULL */
    const char *error;       /* why the transfer failed, or NULL */
    bool connected;          /* a connection was made */
    uint64_t sent;           /* bytes of the file the store received */
} CgLoadAnswer;

/* Sends `fp` (positioned at its start) to `url` in one request and fills the
 * report's http_status, seconds and outcome; failures are explained to
 * `sink`. */
CgStatus cg_load_send(FILE *fp, const char *url, const CgLoadType *type,
                      const CgLoadOptions *opts, CgLoadReport *report, CgDiagSink *sink);

/* Reports why the load in `report` failed, and whether the store may hold
 * part of it; for a CG_LOAD_DONE whose answer broke off, warns. */
void cg_load_explain(const CgLoadAnswer *answer, const CgLoadReport *report,
                     CgDiagSink *sink);

#endif
