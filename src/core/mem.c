#include "mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void cg_out_of_memory(size_t size)
{
    fprintf(stderr, "claimgraph: out of memory (allocating %zu bytes)\n", size);
    exit(2);
}

void *cg_xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p) {
        cg_out_of_memory(size);
    }
    return p;
}

void *cg_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) {
        cg_out_of_memory(n * size);
    }
    return p;
}

void *cg_xrealloc(void *ptr, size_t size)
{
    void *p = realloc(ptr, size ? size : 1);
    if (!p) {
        cg_out_of_memory(size);
    }
    return p;
}

void *cg_xgrow(void *ptr, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap) {
        return ptr;
    }
    size_t n = *cap ? *cap : 8;
    while (n < need) {
        n *= 2;
    }
    *cap = n;
    return cg_xrealloc(ptr, n * size);
}

char *cg_xstrdup(const char *s)
{
    return cg_xstrndup(s, strlen(s));
}

char *cg_xstrndup(const char *s, size_t n)
{
    char *d = cg_xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}
