/* Keeping a store's credentials out of sight: URLs as they are shown in
 * messages, and a password read from a file rather than the command line,
 * where every user of the machine can see it (ps, /proc/PID/cmdline). */
#include "load.h"

#include "../core/buf.h"
#include "../core/mem.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *cg_load_redact_url(const char *url)
{
    const char *scheme = strstr(url, "://");
    const char *authority = scheme ? scheme + 3 : url;
    const size_t len = strcspn(authority, "/?#");
    /* The last '@': a password with an unencoded '@' stays hidden whole. */
    const char *at = NULL;
    for (const char *p = authority; p < authority + len; ++p) {
        if (*p == '@') {
            at = p;
        }
    }
    if (!at) {
        return cg_xstrdup(url);
    }
    const char *colon = memchr(authority, ':', (size_t)(at - authority));
    CgBuf out = CG_BUF_INIT;
    if (colon) {
        cg_buf_append(&out, url, (size_t)(colon - url));
        cg_buf_puts(&out, ":***");
    } else {
        /* A user name alone is often a token (https://TOKEN@host/). */
        cg_buf_append(&out, url, (size_t)(authority - url));
        cg_buf_puts(&out, "***");
    }
    cg_buf_puts(&out, at);
    return cg_buf_take(&out);
}

char *cg_load_read_password(const char *path, const char **why)
{
    FILE *fp = fopen(path, "r");
    if (!fp) {
        *why = strerror(errno);
        return NULL;
    }
    char *line = NULL;
    size_t cap = 0;
    errno = 0;
    ssize_t len = getline(&line, &cap, fp);
    const int err = errno;
    const bool failed = ferror(fp);
    fclose(fp);
    if (len < 0) {
        *why = failed ? strerror(err) : "the file is empty: put the password on its first line";
        free(line);
        return NULL;
    }
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) {
        line[--len] = '\0';
    }
    if (len == 0) {
        *why = "its first line is empty: put the password there";
        free(line);
        return NULL;
    }
    return line;
}
