/* The one HTTP request of a load, with libcurl. */
#include "load_internal.h"

#include "../core/buf.h"

#include <curl/curl.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

/* Error pages are short; past this the rest of an answer is not shown. */
#define CG_BODY_MAX 65536

typedef struct {
    FILE *fp;
    int read_errno; /* set when reading the file failed mid-way */
    CgBuf body;
    char status_line[160];
    char errbuf[CURL_ERROR_SIZE];
    char why[160]; /* a timeout in the user's terms (the option to change) */
} CgLoadRequest;

static size_t on_read(char *buf, size_t size, size_t n, void *ud)
{
    CgLoadRequest *req = ud;
    const size_t got = fread(buf, 1, size * n, req->fp);
    if (ferror(req->fp)) {
        req->read_errno = errno;
        return CURL_READFUNC_ABORT;
    }
    return got;
}

/* libcurl sends the body again after an authentication challenge. */
static int on_seek(void *ud, curl_off_t offset, int origin)
{
    CgLoadRequest *req = ud;
    return fseeko(req->fp, (off_t)offset, origin) ? CURL_SEEKFUNC_FAIL : CURL_SEEKFUNC_OK;
}

static size_t on_write(char *data, size_t size, size_t n, void *ud)
{
    CgLoadRequest *req = ud;
    const size_t len = size * n;
    if (req->body.len < CG_BODY_MAX) {
        const size_t room = CG_BODY_MAX - req->body.len;
        cg_buf_append(&req->body, data, len < room ? len : room);
    }
    return len;
}

/* Keeps the last status line: the one of the final answer, after any
 * "100 Continue" or authentication challenge. */
static size_t on_header(char *data, size_t size, size_t n, void *ud)
{
    CgLoadRequest *req = ud;
    size_t len = size * n;
    if (len > 5 && !strncmp(data, "HTTP/", 5)) {
        while (len && (data[len - 1] == '\r' || data[len - 1] == '\n')) {
            --len;
        }
        if (len >= sizeof req->status_line) {
            len = sizeof req->status_line - 1;
        }
        memcpy(req->status_line, data, len);
        req->status_line[len] = '\0';
    }
    return size * n;
}

static void setup_io(CURL *curl, CgLoadRequest *req)
{
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, on_read);
    curl_easy_setopt(curl, CURLOPT_READDATA, req);
    curl_easy_setopt(curl, CURLOPT_SEEKFUNCTION, on_seek);
    curl_easy_setopt(curl, CURLOPT_SEEKDATA, req);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_write);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, req);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, req);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, req->errbuf);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, CG_LOAD_CONNECT_TIMEOUT_S);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "claimgraph/" CG_VERSION);
}

/* Returns the header list, which must outlive the transfer. */
static struct curl_slist *setup_request(CURL *curl, const char *url, const CgLoadType *type,
                                        const CgLoadOptions *opts, uint64_t size)
{
    CgBuf header = CG_BUF_INIT;
    cg_buf_printf(&header, "Content-Type: %s", type->media_type);
    struct curl_slist *headers = curl_slist_append(NULL, cg_buf_str(&header));
    cg_buf_free(&header);
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    if (opts->mode == CG_LOAD_ADD) {
        curl_easy_setopt(curl, CURLOPT_POST, 1L);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)size);
    } else {
        curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L); /* PUT */
        curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, (curl_off_t)size);
    }
    /* libcurl's own limits: the whole transfer, and a speed floor that
     * also ends a silent wait for the answer (see load.h). */
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, opts->timeout_s);
    if (opts->stall_s > 0) {
        curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, CG_LOAD_STALL_BYTES);
        curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, opts->stall_s);
    }
    if (opts->user) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, opts->user);
        curl_easy_setopt(curl, CURLOPT_PASSWORD, opts->password ? opts->password : "");
    }
    if (opts->netrc) {
        /* libcurl reads the file only when no user name was set. */
        curl_easy_setopt(curl, CURLOPT_NETRC, (long)CURL_NETRC_OPTIONAL);
        if (opts->netrc_file) {
            curl_easy_setopt(curl, CURLOPT_NETRC_FILE, opts->netrc_file);
        }
    }
    /* Stores differ (Virtuoso asks for Digest, others for Basic): take what
     * the store offers, whether the credentials come from --user, netrc or
     * the URL.  Without any, libcurl sends none. */
    curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_ANY);
    return headers;
}

/* Statuses by which a Graph Store refuses a request as a whole, before
 * writing anything. */
static bool refuses_whole(long status)
{
    return (status >= 300 && status < 400) || status == 404 || status == 405 ||
           status == 411 || status == 413 || status == 414 || status == 415;
}

/* Without an answer, what the store may hold depends on how much of the
 * request went out: nothing of the file (nothing loaded), part of it (part
 * may be written), or all of it (the store may have written it whole and
 * not yet said so).  `asked` is false when not even the request line and
 * headers were sent. */
static CgLoadOutcome classify(long status, bool asked, uint64_t sent, uint64_t size)
{
    if (status >= 200 && status < 300) {
        return CG_LOAD_DONE;
    }
    if (status == 401 || status == 403) {
        return CG_LOAD_DENIED;
    }
    if (status) {
        return refuses_whole(status) ? CG_LOAD_REJECTED : CG_LOAD_PARTIAL;
    }
    if (!asked || (sent == 0 && size > 0)) {
        return CG_LOAD_UNREACHABLE;
    }
    return sent < size ? CG_LOAD_PARTIAL : CG_LOAD_UNANSWERED;
}

/* libcurl says "Operation timed out after 3000 milliseconds with 0 bytes
 * received"; the user needs to know which limit ended it and how to raise
 * it.  Its speed check alone says "Operation too slow" (lib/speedcheck.c). */
static const char *timeout_error(CgLoadRequest *req, const CgLoadOptions *opts, bool connected)
{
    const bool connect_limit =
        opts->timeout_s == 0 || opts->timeout_s > CG_LOAD_CONNECT_TIMEOUT_S;
    if (!strncmp(req->errbuf, "Operation too slow", 18)) {
        snprintf(req->why, sizeof req->why,
                 "less than %ld bytes a second moved for %ld s (raise --stall, or 0 to wait "
                 "as long as --timeout)",
                 CG_LOAD_STALL_BYTES, opts->stall_s);
    } else if (!connected && connect_limit) {
        snprintf(req->why, sizeof req->why, "no connection within %ld s",
                 CG_LOAD_CONNECT_TIMEOUT_S);
    } else {
        snprintf(req->why, sizeof req->why,
                 "not done after %ld s (raise --timeout, or 0 for no limit)", opts->timeout_s);
    }
    return req->why;
}

static const char *transfer_error(CURLcode rc, const CgLoadRequest *req, long os_errno)
{
    if (req->read_errno) {
        return strerror(req->read_errno);
    }
    if (os_errno) {
        return strerror((int)os_errno);
    }
    return req->errbuf[0] ? req->errbuf : curl_easy_strerror(rc);
}

static const char *why_failed(CURLcode rc, CgLoadRequest *req, const CgLoadOptions *opts,
                              bool connected, long os_errno)
{
    if (rc == CURLE_OK) {
        return NULL;
    }
    if (rc == CURLE_OPERATION_TIMEDOUT) {
        return timeout_error(req, opts, connected);
    }
    return transfer_error(rc, req, os_errno);
}

static CgStatus conclude(CURL *curl, CURLcode rc, CgLoadRequest *req,
                         const CgLoadOptions *opts, CgLoadReport *report, CgDiagSink *sink)
{
    curl_off_t sent = 0, micros = 0, connect_micros = 0;
    long os_errno = 0, asked = 0;
    char *redirect = NULL;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &report->http_status);
    curl_easy_getinfo(curl, CURLINFO_SIZE_UPLOAD_T, &sent);
    curl_easy_getinfo(curl, CURLINFO_REQUEST_SIZE, &asked);
    curl_easy_getinfo(curl, CURLINFO_TOTAL_TIME_T, &micros);
    curl_easy_getinfo(curl, CURLINFO_CONNECT_TIME_T, &connect_micros);
    curl_easy_getinfo(curl, CURLINFO_OS_ERRNO, &os_errno);
    curl_easy_getinfo(curl, CURLINFO_REDIRECT_URL, &redirect);
    if (report->http_status < 200) {
        report->http_status = 0; /* "100 Continue" and no final answer */
    }
    report->seconds = (double)micros / 1e6;
    report->outcome = classify(report->http_status, asked > 0, (uint64_t)sent, report->bytes);
    char *shown = cg_load_redact_url(opts->endpoint);
    char *shown_redirect = redirect ? cg_load_redact_url(redirect) : NULL;
    const CgLoadAnswer answer = {
        .opts = opts,
        .endpoint = shown,
        .status_line = req->status_line,
        .body = cg_buf_str(&req->body),
        .body_len = req->body.len,
        .redirect = shown_redirect,
        .error = why_failed(rc, req, opts, connect_micros > 0, os_errno),
        .connected = connect_micros > 0,
        .sent = (uint64_t)sent,
    };
    if (report->outcome != CG_LOAD_DONE || answer.error) {
        cg_load_explain(&answer, report, sink);
    }
    free(shown);
    free(shown_redirect);
    return report->outcome == CG_LOAD_DONE ? CG_OK : CG_ERR_IO;
}

CgStatus cg_load_send(FILE *fp, const char *url, const CgLoadType *type,
                      const CgLoadOptions *opts, CgLoadReport *report, CgDiagSink *sink)
{
    if (curl_global_init(CURL_GLOBAL_DEFAULT)) {
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_INTERNAL, NULL, 0, 0, "cannot start libcurl");
        return CG_ERR_INTERNAL;
    }
    CgLoadRequest req = {.fp = fp, .body = CG_BUF_INIT};
    CURL *curl = curl_easy_init();
    CgStatus st = CG_ERR_NOMEM;
    if (curl) {
        setup_io(curl, &req);
        struct curl_slist *headers = setup_request(curl, url, type, opts, report->bytes);
        const CURLcode rc = curl_easy_perform(curl);
        st = conclude(curl, rc, &req, opts, report, sink);
        curl_slist_free_all(headers);
        curl_easy_cleanup(curl);
    } else {
        cg_diag(sink, CG_SEV_ERROR, st, NULL, 0, 0, "cannot start a libcurl session");
    }
    cg_buf_free(&req.body);
    curl_global_cleanup();
    return st;
}
