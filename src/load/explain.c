/* Why a load failed, in words a user can act on, and always whether the
 * store may hold part of the graph. */
#include "load_internal.h"

#include "../core/buf.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

/* Lines of the store's error page worth showing: Virtuoso's title, status,
 * error code and message fit. */
#define CG_SERVER_LINES 5

static void put_graph(CgBuf *msg, const CgLoadOptions *opts)
{
    if (opts->graph) {
        cg_buf_printf(msg, "graph <%s>", opts->graph);
    } else {
        cg_buf_puts(msg, "the default graph");
    }
}

/* "500 Request Failed" from "HTTP/1.1 500 Request Failed". */
static void put_status(CgBuf *msg, const CgLoadAnswer *a, long status)
{
    const char *space = strchr(a->status_line, ' ');
    if (space && space[1]) {
        cg_buf_printf(msg, "HTTP %s", space + 1);
    } else {
        cg_buf_printf(msg, "HTTP %ld", status);
    }
}

static void put_server_text(CgBuf *msg, const CgLoadAnswer *a)
{
    char *text = cg_load_server_text(a->body, a->body_len, CG_SERVER_LINES);
    if (*text) {
        cg_buf_puts(msg, ":\n");
        cg_buf_append(msg, text, strlen(text) - 1); /* the last newline: cg_diag adds one */
    }
    free(text);
}

/* What the store may hold after a failure once data was sent; `whole`
 * when all of the file reached it (it may have written all of it). */
static void put_partial(CgBuf *msg, const CgLoadAnswer *a, bool whole)
{
    cg_buf_puts(msg, "\nclaimgraph: ");
    put_graph(msg, a->opts);
    if (a->opts->mode == CG_LOAD_REPLACE) {
        cg_buf_puts(msg, whole ? " may have been written whole, in part or not at all: rerun "
                                 "with --replace to be sure it holds exactly the file"
                               : " may be partially written: rerun with --replace to write "
                                 "it whole");
    } else {
        cg_buf_puts(msg, whole ? " may hold all, part or none of the file" : " may hold part "
                                                                             "of the file");
        cg_buf_puts(msg, ": rerun with --add (adding a triple twice changes nothing), or with "
                         "--replace if the graph should hold only this file");
    }
}

static void explain_unreachable(CgBuf *msg, const CgLoadAnswer *a)
{
    cg_buf_printf(msg, "%s %s: %s; nothing was loaded",
                  a->connected ? "no answer from" : "cannot connect to", a->endpoint,
                  a->error ? a->error : "no answer");
}

/* Where the refused credentials came from, and so what to check. */
static const char *denied_hint(const CgLoadAnswer *a)
{
    if (a->opts->user) {
        return "check --user and its password";
    }
    if (strcmp(a->endpoint, a->opts->endpoint)) { /* redacted: the URL holds them */
        return "check the user and password in the endpoint URL";
    }
    if (a->opts->netrc) {
        return "check the netrc file's entry for the endpoint's host";
    }
    return NULL;
}

static void explain_denied(CgBuf *msg, const CgLoadAnswer *a, long status)
{
    const char *user = a->opts->user, *hint = denied_hint(a);
    cg_buf_printf(msg, "%s ", a->endpoint);
    if (user) {
        cg_buf_printf(msg, status == 401 ? "refused user '%s' (" : "forbids user '%s' to write (",
                      user);
    } else if (hint) {
        cg_buf_puts(msg, status == 401 ? "refused the credentials (" : "forbids these "
                                                                       "credentials to write (");
    } else {
        cg_buf_puts(msg, status == 401 ? "asks for credentials (" : "forbids anonymous writes (");
    }
    put_status(msg, a, status);
    cg_buf_printf(msg, "): %s", hint ? hint : "give --user and a password (--password-file, "
                                              "$CLAIMGRAPH_PASSWORD) or --netrc");
    if (!hint && status == 403) {
        cg_buf_puts(msg, " (some stores take them on another endpoint, such as Virtuoso's "
                         "/sparql-graph-crud-auth)");
    }
    cg_buf_puts(msg, "; nothing was loaded");
    put_server_text(msg, a);
}

static void explain_http(CgBuf *msg, const CgLoadAnswer *a, const CgLoadReport *r)
{
    cg_buf_printf(msg, "%s answered ", a->endpoint);
    put_status(msg, a, r->http_status);
    cg_buf_printf(msg, " to %s ", a->opts->mode == CG_LOAD_ADD ? "POST to" : "PUT");
    put_graph(msg, a->opts);
    if (a->redirect) {
        cg_buf_printf(msg, " (it points to %s: give that as --endpoint)", a->redirect);
    }
    if (r->outcome == CG_LOAD_REJECTED) {
        cg_buf_puts(msg, "; nothing was loaded");
    }
    put_server_text(msg, a);
    if (a->error) {
        cg_buf_printf(msg, "\nclaimgraph: the rest of its answer broke off: %s", a->error);
    }
    if (r->outcome == CG_LOAD_PARTIAL) {
        put_partial(msg, a, false);
    }
}

static void explain_broken(CgBuf *msg, const CgLoadAnswer *a, const CgLoadReport *r)
{
    cg_buf_printf(msg, "the transfer to %s broke after %" PRIu64 " of %" PRIu64 " bytes: %s",
                  a->endpoint, a->sent, r->bytes, a->error ? a->error : "no answer");
    put_partial(msg, a, false);
}

static void explain_unanswered(CgBuf *msg, const CgLoadAnswer *a, const CgLoadReport *r)
{
    cg_buf_printf(msg, "no answer from %s after all %" PRIu64 " bytes were sent: %s",
                  a->endpoint, r->bytes, a->error ? a->error : "the connection closed");
    put_partial(msg, a, true);
}

/* A 2xx says the store wrote the graph, whatever became of the rest of its
 * answer: the load stands, with a warning. */
static void explain_cut_success(CgBuf *msg, const CgLoadAnswer *a, const CgLoadReport *r)
{
    cg_buf_printf(msg, "%s answered ", a->endpoint);
    put_status(msg, a, r->http_status);
    cg_buf_puts(msg, ", so ");
    put_graph(msg, a->opts);
    cg_buf_printf(msg, " was written, but the rest of its answer broke off: %s",
                  a->error ? a->error : "no reason given");
}

void cg_load_explain(const CgLoadAnswer *answer, const CgLoadReport *report,
                     CgDiagSink *sink)
{
    CgBuf msg = CG_BUF_INIT;
    switch (report->outcome) {
    case CG_LOAD_DONE: explain_cut_success(&msg, answer, report); break;
    case CG_LOAD_UNANSWERED: explain_unanswered(&msg, answer, report); break;
    case CG_LOAD_UNREACHABLE: explain_unreachable(&msg, answer); break;
    case CG_LOAD_DENIED: explain_denied(&msg, answer, report->http_status); break;
    case CG_LOAD_REJECTED: explain_http(&msg, answer, report); break;
    case CG_LOAD_PARTIAL:
        if (report->http_status) {
            explain_http(&msg, answer, report);
        } else {
            explain_broken(&msg, answer, report);
        }
        break;
    default: cg_buf_puts(&msg, "internal error: no failure to explain"); break;
    }
    const bool done = report->outcome == CG_LOAD_DONE;
    cg_diag(sink, done ? CG_SEV_WARNING : CG_SEV_ERROR, done ? CG_OK : CG_ERR_IO, NULL, 0, 0,
            "%s", cg_buf_str(&msg));
    cg_buf_free(&msg);
}
