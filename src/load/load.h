/* Load: send a graph file to a triple store that speaks the SPARQL 1.1 Graph
 * Store HTTP Protocol (https://www.w3.org/TR/sparql11-http-rdf-update/),
 * with libcurl.  libcurl types never leave this module.
 *
 * One graph file is one request: PUT replaces the target graph, POST adds
 * to it.  The target is `ENDPOINT?graph=IRI` (percent-encoded) or, without
 * a graph IRI, `ENDPOINT?default`.  The Content-Type comes from the file's
 * extension: .ttl text/turtle, .nt application/n-triples, .nq
 * application/n-quads.
 *
 * Every failure is reported to the sink in words a user can act on, and says
 * whether the store may hold part of the graph: nothing is half-loaded
 * without saying so.  No message shows a password given in the endpoint
 * URL (see cg_load_redact_url). */
#ifndef CG_LOAD_H
#define CG_LOAD_H

#include "../core/diag.h"
#include "../core/status.h"

#include <stdbool.h>
#include <stdint.h>

typedef enum {
    CG_LOAD_REPLACE, /* PUT: the graph holds exactly the file afterwards */
    CG_LOAD_ADD      /* POST: the file's triples are added to the graph */
} CgLoadMode;

/* How long a load may take.  A store that accepts the connection and then
 * stalls (never answers, drips its answer, stops reading the upload) would
 * otherwise hold the load forever.  The whole request is bounded by
 * CG_LOAD_TIMEOUT_S: the graphs claimgraph writes are a few MB, which a
 * store on the same network takes in seconds, so five minutes is ample
 * headroom and still ends a hung load in reasonable time.  A stall ends
 * sooner: less than CG_LOAD_STALL_BYTES a second moving either way for
 * CG_LOAD_STALL_S seconds, which includes the store's silence while it
 * writes the graph before answering; a minute is what common reverse
 * proxies (nginx's proxy_read_timeout) allow a silent backend. */
#define CG_LOAD_TIMEOUT_S 300L
#define CG_LOAD_STALL_S 60L
#define CG_LOAD_STALL_BYTES 1024L
/* A store that takes no connection in this time is down or filtered. */
#define CG_LOAD_CONNECT_TIMEOUT_S 15L

typedef struct {
    const char *endpoint; /* the Graph Store URL, e.g. http://host:8890/sparql-graph-crud */
    const char *graph;    /* the target graph's IRI; NULL: the default graph */
    CgLoadMode mode;
    const char *user;     /* NULL: none given (the endpoint URL or netrc may give one) */
    const char *password; /* used with `user` (Basic or Digest, as the store asks);
                             NULL: none */
    bool netrc;           /* take the user and password for the endpoint's host from
                             a netrc file (libcurl's CURL_NETRC_OPTIONAL) */
    const char *netrc_file; /* with `netrc`: this file; NULL: ~/.netrc */
    long timeout_s;       /* the whole request at most, in seconds; 0: no limit */
    long stall_s;         /* give up after this many seconds below
                             CG_LOAD_STALL_BYTES a second; 0: never */
} CgLoadOptions;

/* How a load ended; every outcome but CG_LOAD_DONE, CG_LOAD_PARTIAL and
 * CG_LOAD_UNANSWERED means the store was left as it was. */
typedef enum {
    CG_LOAD_DONE,        /* the store accepted the graph (HTTP 2xx) */
    CG_LOAD_NO_FILE,     /* the graph file could not be read: nothing sent */
    CG_LOAD_BAD_FORMAT,  /* the extension names no RDF format: nothing sent */
    CG_LOAD_UNREACHABLE, /* no connection (refused, unknown host, TLS): nothing loaded */
    CG_LOAD_DENIED,      /* HTTP 401 or 403: the credentials were refused */
    CG_LOAD_REJECTED,    /* an HTTP error that refuses the request as a whole
                            (3xx, 404, 405, 411, 413, 414, 415) */
    CG_LOAD_PARTIAL,     /* the store failed once it had the data (5xx, 400, a
                            broken connection): the graph may be partially
                            written; rerun with --replace */
    CG_LOAD_UNANSWERED   /* the store received the whole file but gave no
                            answer in time: it may have written all of it,
                            part of it or none of it */
} CgLoadOutcome;

typedef struct {
    CgLoadOutcome outcome;
    long http_status;    /* the store's answer; 0 when there was none */
    uint64_t bytes;      /* the file's size */
    uint64_t triples;    /* statements in the file, when triples_known */
    bool triples_known;  /* N-Triples and N-Quads: one statement per line */
    double seconds;      /* the request, from connecting to the last byte of the answer */
} CgLoadReport;

/* The media type for `path`'s extension, or NULL when it names none. */
const char *cg_load_content_type(const char *path);

/* The request URL for `graph` (NULL: the default graph) at `endpoint`;
 * the caller frees it. */
char *cg_load_target_url(const char *endpoint, const char *graph);

/* `url` as it may be shown: a password in it ("http://user:pass@host/")
 * becomes "***" ("http://user:***@host/"), and so does a user name given
 * alone, which is often a token.  Every message that names the endpoint or
 * a redirect goes through this; the caller frees the result. */
char *cg_load_redact_url(const char *url);

/* The password on the first line of the file at `path` (its line end
 * dropped), or NULL with `why` set when the file cannot be read or the line
 * is empty; the caller frees it. */
char *cg_load_read_password(const char *path, const char **why);

/* Sends the graph file at `path` as `opts` says and fills `report`.
 * Returns CG_OK when the store accepted it, CG_ERR_USAGE for an unknown
 * extension, CG_ERR_IO for anything else (reported to `sink`). */
CgStatus cg_load_file(const char *path, const CgLoadOptions *opts, CgLoadReport *report,
                      CgDiagSink *sink);

/* The store's error page as at most `max_lines` lines of plain text (HTML
 * tags dropped, blank lines skipped, each line trimmed and cut at 160 bytes),
 * each indented by two spaces; the caller frees it. */
char *cg_load_server_text(const char *body, size_t len, int max_lines);

#endif
