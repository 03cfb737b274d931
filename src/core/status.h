/* One status type for the whole library (after serd's SerdStatus).
 * CG_OK is zero so `if (st)` reads as "if anything went wrong". */
#ifndef CG_STATUS_H
#define CG_STATUS_H

typedef enum {
    CG_OK = 0,       /* success */
    CG_FAILURE,      /* non-fatal: nothing found, input skipped */
    CG_ERR_NOMEM,    /* allocation failed */
    CG_ERR_IO,       /* a read, write, open or rename failed */
    CG_ERR_SYNTAX,   /* malformed input (YAML, RDF, pattern) */
    CG_ERR_RULES,    /* rules are well-formed but inconsistent */
    CG_ERR_UTF8,     /* text is not valid UTF-8 */
    CG_ERR_USAGE,    /* bad command-line use */
    CG_ERR_LIMIT,    /* a configured bound was exceeded */
    CG_ERR_INTERNAL  /* a bug: please report it */
} CgStatus;

/* A short, static description of `st`. */
const char *cg_strerror(CgStatus st);

/* Propagate a non-OK status from an expression. */
#define CG_TRY(expr)                      \
    do {                                  \
        const CgStatus cg_try_st_ = (expr); \
        if (cg_try_st_) {                 \
            return cg_try_st_;            \
        }                                 \
    } while (0)

#endif
