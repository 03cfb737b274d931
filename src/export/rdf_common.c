#include "rdf_common.h"

#include <stdbool.h>
#include <string.h>

static void cg_rdf_log_handler(void *user_data, raptor_log_message *message)
{
    CgRdfLog *log = user_data;
    if (message->level < RAPTOR_LOG_LEVEL_WARN) {
        return;
    }
    const bool error = message->level >= RAPTOR_LOG_LEVEL_ERROR;
    const raptor_locator *loc = message->locator;
    const unsigned line = loc && loc->line > 0 ? (unsigned)loc->line : 0;
    const unsigned col = loc && loc->column > 0 ? (unsigned)loc->column : 0;
    if (error) {
        ++log->errors;
    }
    cg_diag(log->sink, error ? CG_SEV_ERROR : CG_SEV_WARNING, error ? log->status : CG_OK,
            log->file, line, col, "%s", message->text ? message->text : "RDF error");
}

raptor_world *cg_rdf_world_new(CgRdfLog *log)
{
    raptor_world *world = raptor_new_world();
    if (!world) {
        cg_diag(log->sink, CG_SEV_ERROR, CG_ERR_NOMEM, NULL, 0, 0, "cannot start Raptor");
        return NULL;
    }
    raptor_world_set_log_handler(world, log, cg_rdf_log_handler);
    if (raptor_world_open(world)) {
        cg_diag(log->sink, CG_SEV_ERROR, CG_ERR_INTERNAL, NULL, 0, 0, "cannot start Raptor");
        raptor_free_world(world);
        return NULL;
    }
    return world;
}

static bool cg_is_unreserved(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '.' || c == '_' || c == '~';
}

void cg_iri_segment_encode(CgBuf *buf, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; *p; ++p) {
        if (cg_is_unreserved(*p)) {
            cg_buf_putc(buf, (char)*p);
        } else {
            const char esc[3] = {'%', hex[*p >> 4], hex[*p & 15]};
            cg_buf_append(buf, esc, 3);
        }
    }
}

static int cg_hex_value(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

void cg_iri_segment_decode(CgBuf *buf, const char *s, size_t len)
{
    for (size_t i = 0; i < len; ++i) {
        const bool escape = s[i] == '%' && i + 2 < len;
        const int hi = escape ? cg_hex_value(s[i + 1]) : -1;
        const int lo = escape ? cg_hex_value(s[i + 2]) : -1;
        if (hi >= 0 && lo >= 0) {
            cg_buf_putc(buf, (char)(hi * 16 + lo));
            i += 2;
        } else {
            cg_buf_putc(buf, s[i]);
        }
    }
}

const char *cg_context_suffix(const char *document_iri)
{
    return strchr(document_iri, '#') ? "/context" : "#context";
}
