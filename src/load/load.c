/* Sending a graph file with libcurl: one PUT or POST per file, streamed
 * from disk (libcurl rewinds it when an authentication round trip asks for
 * the body again), with the store's answer kept for the messages. */
#include "load.h"

#include "load_internal.h"

#include "../core/buf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static const CgLoadType cg_load_types[] = {
    {".ttl", "text/turtle", false},
    {".nt", "application/n-triples", true},
    {".nq", "application/n-quads", true},
};

static const CgLoadType *load_type(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/')) {
        return NULL;
    }
    for (size_t i = 0; i < sizeof cg_load_types / sizeof *cg_load_types; ++i) {
        if (!strcasecmp(dot, cg_load_types[i].ext)) {
            return &cg_load_types[i];
        }
    }
    return NULL;
}

const char *cg_load_content_type(const char *path)
{
    const CgLoadType *type = load_type(path);
    return type ? type->media_type : NULL;
}

static bool is_unreserved(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '.' || c == '_' || c == '~';
}

char *cg_load_target_url(const char *endpoint, const char *graph)
{
    CgBuf url = CG_BUF_INIT;
    cg_buf_puts(&url, endpoint);
    cg_buf_putc(&url, strchr(endpoint, '?') ? '&' : '?');
    if (!graph) {
        cg_buf_puts(&url, "default");
        return cg_buf_take(&url);
    }
    cg_buf_puts(&url, "graph=");
    for (const unsigned char *p = (const unsigned char *)graph; *p; ++p) {
        if (is_unreserved(*p)) {
            cg_buf_putc(&url, (char)*p);
        } else {
            cg_buf_printf(&url, "%%%02X", *p);
        }
    }
    return cg_buf_take(&url);
}

/* N-Triples and N-Quads hold one statement per line, so counting the lines
 * that are neither blank nor comments is exact without parsing. */
static bool count_statements(FILE *fp, uint64_t *out)
{
    char chunk[65536];
    bool content = false, comment = false;
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
        for (size_t i = 0; i < n; ++i) {
            const char c = chunk[i];
            if (c == '\n') {
                *out += content;
                content = comment = false;
            } else if (c != ' ' && c != '\t' && c != '\r' && !comment) {
                comment = !content && c == '#';
                content = !comment;
            }
        }
    }
    *out += content;
    return !ferror(fp) && !fseek(fp, 0, SEEK_SET);
}

/* Opens the file, learns its size and, where the format allows, its number
 * of statements. */
static CgStatus load_open(const char *path, const CgLoadType *type, FILE **fp,
                          CgLoadReport *report, CgDiagSink *sink)
{
    struct stat st;
    *fp = fopen(path, "rb");
    const char *why = !*fp ? strerror(errno)
                      : fstat(fileno(*fp), &st) ? strerror(errno)
                      : !S_ISREG(st.st_mode) ? "not a regular file"
                                               : NULL;
    if (!why) {
        report->bytes = (uint64_t)st.st_size;
        report->triples_known = type->line_based;
        if (type->line_based && !count_statements(*fp, &report->triples)) {
            why = strerror(errno);
        }
    }
    if (why) {
        report->outcome = CG_LOAD_NO_FILE;
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_IO, path, 0, 0,
                "cannot read the graph file: %s; nothing was sent", why);
        if (*fp) {
            fclose(*fp);
        }
        return CG_ERR_IO;
    }
    return CG_OK;
}

CgStatus cg_load_file(const char *path, const CgLoadOptions *opts, CgLoadReport *report,
                      CgDiagSink *sink)
{
    memset(report, 0, sizeof *report);
    const CgLoadType *type = load_type(path);
    if (!type) {
        report->outcome = CG_LOAD_BAD_FORMAT;
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_USAGE, path, 0, 0,
                "cannot tell the RDF format from the extension (use .ttl, .nt or .nq); "
                "nothing was sent");
        return CG_ERR_USAGE;
    }
    FILE *fp = NULL;
    CG_TRY(load_open(path, type, &fp, report, sink));
    char *url = cg_load_target_url(opts->endpoint, opts->graph);
    const CgStatus st = cg_load_send(fp, url, type, opts, report, sink);
    free(url);
    fclose(fp);
    return st;
}
