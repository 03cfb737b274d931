/* A growable byte buffer, always NUL-terminated. */
#ifndef CG_BUF_H
#define CG_BUF_H

#include "attributes.h"

#include <stddef.h>

typedef struct {
    char *data; /* owned; NULL until the first append */
    size_t len;
    size_t cap;
} CgBuf;

#define CG_BUF_INIT {NULL, 0, 0}

void cg_buf_append(CgBuf *buf, const char *s, size_t n);
void cg_buf_puts(CgBuf *buf, const char *s);
void cg_buf_putc(CgBuf *buf, char c);
void cg_buf_printf(CgBuf *buf, const char *fmt, ...) CG_PRINTF(2, 3);
void cg_buf_clear(CgBuf *buf);
/* The contents as a string ("" when empty); borrowed. */
const char *cg_buf_str(const CgBuf *buf);
/* Hands the data over to the caller (who frees it) and resets `buf`. */
char *cg_buf_take(CgBuf *buf);
void cg_buf_free(CgBuf *buf);

#endif
