#include "status.h"

const char *cg_strerror(CgStatus st)
{
    switch (st) {
    case CG_OK: return "success";
    case CG_FAILURE: return "non-fatal failure";
    case CG_ERR_NOMEM: return "out of memory";
    case CG_ERR_IO: return "input/output error";
    case CG_ERR_SYNTAX: return "syntax error";
    case CG_ERR_RULES: return "invalid rules";
    case CG_ERR_UTF8: return "invalid UTF-8";
    case CG_ERR_USAGE: return "usage error";
    case CG_ERR_LIMIT: return "limit exceeded";
    case CG_ERR_INTERNAL: return "internal error";
    }
    return "unknown status";
}
