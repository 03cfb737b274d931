#include "buf.h"

#include "mem.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void cg_buf_reserve(CgBuf *buf, size_t extra)
{
    buf->data = cg_xgrow(buf->data, &buf->cap, buf->len + extra + 1, 1);
}

void cg_buf_append(CgBuf *buf, const char *s, size_t n)
{
    cg_buf_reserve(buf, n);
    if (n) {
        memcpy(buf->data + buf->len, s, n);
    }
    buf->len += n;
    buf->data[buf->len] = '\0';
}

void cg_buf_puts(CgBuf *buf, const char *s)
{
    cg_buf_append(buf, s, strlen(s));
}

void cg_buf_putc(CgBuf *buf, char c)
{
    cg_buf_append(buf, &c, 1);
}

void cg_buf_printf(CgBuf *buf, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    va_list ap2;
    va_copy(ap2, ap);
    const int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n > 0) {
        cg_buf_reserve(buf, (size_t)n);
        vsnprintf(buf->data + buf->len, (size_t)n + 1, fmt, ap2);
        buf->len += (size_t)n;
    }
    va_end(ap2);
}

void cg_buf_clear(CgBuf *buf)
{
    buf->len = 0;
    if (buf->data) {
        buf->data[0] = '\0';
    }
}

const char *cg_buf_str(const CgBuf *buf)
{
    return buf->data ? buf->data : "";
}

char *cg_buf_take(CgBuf *buf)
{
    char *d = buf->data ? buf->data : cg_xstrdup("");
    buf->data = NULL;
    buf->len = buf->cap = 0;
    return d;
}

void cg_buf_free(CgBuf *buf)
{
    if (buf) {
        free(buf->data);
        buf->data = NULL;
        buf->len = buf->cap = 0;
    }
}
