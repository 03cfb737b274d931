#include "export.h"

#include <stddef.h>
#include <string.h>
#include <strings.h>

typedef struct {
    const char *name;
    CgFormat format;
} CgFormatName;

/* Canonical names first: cg_format_name returns the first match. */
static const CgFormatName cg_format_names[] = {
    {"turtle", CG_FMT_TURTLE}, {"ntriples", CG_FMT_NTRIPLES}, {"nquads", CG_FMT_NQUADS},
    {"trig", CG_FMT_TRIG},     {"dot", CG_FMT_DOT},       {"svg", CG_FMT_SVG},           {"png", CG_FMT_PNG},
    {"pdf", CG_FMT_PDF},       {"html", CG_FMT_HTML},         {"ttl", CG_FMT_TURTLE},
    {"nt", CG_FMT_NTRIPLES},   {"nq", CG_FMT_NQUADS},         {"gv", CG_FMT_DOT},
    {"htm", CG_FMT_HTML},
};

#define CG_N_FORMAT_NAMES (sizeof cg_format_names / sizeof cg_format_names[0])

CgStatus cg_format_from_name(const char *name, CgFormat *out)
{
    for (size_t i = 0; name && i < CG_N_FORMAT_NAMES; ++i) {
        if (!strcasecmp(name, cg_format_names[i].name)) {
            *out = cg_format_names[i].format;
            return CG_OK;
        }
    }
    return CG_ERR_USAGE;
}

CgStatus cg_format_from_path(const char *path, CgFormat *out)
{
    if (!path) {
        return CG_FAILURE;
    }
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    const char *dot = strrchr(base, '.');
    /* A leading dot (".ttl") names a hidden file, not an extension. */
    if (!dot || dot == base || !dot[1]) {
        return CG_FAILURE;
    }
    return cg_format_from_name(dot + 1, out) ? CG_FAILURE : CG_OK;
}

const char *cg_format_name(CgFormat format)
{
    for (size_t i = 0; i < CG_N_FORMAT_NAMES; ++i) {
        if (cg_format_names[i].format == format) {
            return cg_format_names[i].name;
        }
    }
    return "unknown";
}

bool cg_format_is_rdf(CgFormat format)
{
    return format == CG_FMT_TURTLE || format == CG_FMT_NTRIPLES || format == CG_FMT_NQUADS ||
           format == CG_FMT_TRIG;
}
