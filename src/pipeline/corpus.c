#include "corpus.h"

#include "../core/buf.h"
#include "../core/mem.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Directories on the current walk, to refuse symbolic-link loops. */
typedef struct CgVisit {
    dev_t dev;
    ino_t ino;
    const struct CgVisit *up;
} CgVisit;

static void corpus_push(CgCorpus *corpus, const char *path)
{
    corpus->paths = cg_xgrow(corpus->paths, &corpus->cap, corpus->n + 1, sizeof *corpus->paths);
    corpus->paths[corpus->n++] = cg_xstrdup(path);
}

static bool corpus_is_text(const char *name)
{
    const size_t n = strlen(name);
    return n > 4 && !strcmp(name + n - 4, ".txt");
}

static int corpus_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static CgStatus corpus_walk(CgCorpus *corpus, const char *dir, const CgVisit *up,
                            CgDiagSink *sink);

static CgStatus corpus_entry(CgCorpus *corpus, const char *path, const CgVisit *up,
                             CgDiagSink *sink)
{
    struct stat st;
    if (stat(path, &st)) {
        if (corpus_is_text(path)) {
            corpus_push(corpus, path); /* reading it reports, counts and names it */
            return CG_OK;
        }
        cg_diag(sink, CG_SEV_WARNING, CG_ERR_IO, path, 0, 0, "skipped: %s", strerror(errno));
        return CG_FAILURE;
    }
    if (S_ISDIR(st.st_mode)) {
        for (const CgVisit *v = up; v; v = v->up) {
            if (v->dev == st.st_dev && v->ino == st.st_ino) {
                cg_diag(sink, CG_SEV_WARNING, CG_FAILURE, path, 0, 0,
                        "skipped: a symbolic link loops back to a directory already read");
                return CG_FAILURE;
            }
        }
        const CgVisit here = {st.st_dev, st.st_ino, up};
        return corpus_walk(corpus, path, &here, sink);
    }
    if (corpus_is_text(path)) {
        corpus_push(corpus, path);
    }
    return CG_OK;
}

static CgStatus corpus_walk(CgCorpus *corpus, const char *dir, const CgVisit *up,
                            CgDiagSink *sink)
{
    DIR *d = opendir(dir);
    if (!d) {
        cg_diag(sink, CG_SEV_WARNING, CG_ERR_IO, dir, 0, 0, "skipped: %s", strerror(errno));
        return CG_FAILURE;
    }
    CgCorpus names = {NULL, 0, 0};
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] != '.') {
            corpus_push(&names, e->d_name);
        }
    }
    closedir(d);
    if (names.n) { /* an empty directory: qsort's array must not be NULL */
        qsort(names.paths, names.n, sizeof *names.paths, corpus_cmp);
    }
    CgStatus st = CG_OK;
    CgBuf path = CG_BUF_INIT;
    for (size_t i = 0; i < names.n; ++i) {
        cg_buf_clear(&path);
        cg_buf_printf(&path, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/",
                      names.paths[i]);
        if (corpus_entry(corpus, cg_buf_str(&path), up, sink)) {
            st = CG_FAILURE;
        }
    }
    cg_buf_free(&path);
    cg_corpus_free(&names);
    return st;
}

CgStatus cg_corpus_add(CgCorpus *corpus, const char *input, CgDiagSink *sink)
{
    struct stat st;
    if (!strcmp(input, "-")) {
        corpus_push(corpus, input);
        return CG_OK;
    }
    if (stat(input, &st)) {
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_IO, input, 0, 0, "cannot read input: %s",
                strerror(errno));
        return CG_FAILURE;
    }
    if (!S_ISDIR(st.st_mode)) {
        corpus_push(corpus, input); /* named explicitly: read whatever its name */
        return CG_OK;
    }
    const CgVisit top = {st.st_dev, st.st_ino, NULL};
    return corpus_walk(corpus, input, &top, sink);
}

/* Opens `path` without waiting for a writer when it is a named pipe, then
 * makes reads block again.  Returns -1 with errno set on failure. */
static int corpus_open(const char *path, struct stat *st)
{
    const int fd = open(path, O_RDONLY | O_NONBLOCK);
    if (fd < 0) {
        return -1;
    }
    const int flags = fcntl(fd, F_GETFL);
    int err = 0;
    if (fstat(fd, st) || flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK)) {
        err = errno;
    } else if (S_ISDIR(st->st_mode)) {
        err = EISDIR;
    }
    if (err) {
        close(fd);
        errno = err;
        return -1;
    }
    return fd;
}

static CgStatus corpus_too_large(const char *name, size_t max, CgDiagSink *sink)
{
    cg_diag(sink, CG_SEV_WARNING, CG_ERR_LIMIT, name, 0, 0,
            "skipped: larger than the limit of %zu bytes (--max-doc-bytes)", max);
    return CG_ERR_LIMIT;
}

/* Reads `f` to the end, or until it has given more than `max` bytes. */
static CgStatus corpus_slurp(FILE *f, const char *name, size_t max, CgBuf *buf,
                             CgDiagSink *sink)
{
    char chunk[65536];
    size_t n;
    while (buf->len <= max && (n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        cg_buf_append(buf, chunk, n);
    }
    if (ferror(f)) {
        cg_diag(sink, CG_SEV_WARNING, CG_ERR_IO, name, 0, 0, "skipped: %s", strerror(errno));
        return CG_ERR_IO;
    }
    return buf->len > max ? corpus_too_large(name, max, sink) : CG_OK;
}

CgStatus cg_corpus_read_max(const char *path, size_t max, char **text, size_t *len,
                            CgDiagSink *sink)
{
    const bool is_stdin = !strcmp(path, "-");
    const char *name = is_stdin ? "<stdin>" : path;
    struct stat st;
    const int fd = is_stdin ? STDIN_FILENO : corpus_open(path, &st);
    FILE *f = fd < 0 ? NULL : is_stdin ? stdin : fdopen(fd, "rb");
    if (!f) {
        cg_diag(sink, CG_SEV_WARNING, CG_ERR_IO, name, 0, 0, "skipped: %s", strerror(errno));
        if (fd >= 0) {
            close(fd);
        }
        return CG_ERR_IO;
    }
    CgStatus rc = CG_OK;
    if (!is_stdin && S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max) {
        rc = corpus_too_large(name, max, sink); /* not even read: memory stays bounded */
    }
    CgBuf buf = CG_BUF_INIT;
    rc = rc ? rc : corpus_slurp(f, name, max, &buf, sink);
    if (!is_stdin) {
        fclose(f);
    }
    if (rc) {
        cg_buf_free(&buf);
        return rc;
    }
    *len = buf.len;
    *text = cg_buf_take(&buf);
    return CG_OK;
}

CgStatus cg_corpus_read(const char *path, char **text, size_t *len, CgDiagSink *sink)
{
    return cg_corpus_read_max(path, SIZE_MAX - 1, text, len, sink);
}

void cg_corpus_free(CgCorpus *corpus)
{
    if (!corpus) {
        return;
    }
    for (size_t i = 0; i < corpus->n; ++i) {
        free(corpus->paths[i]);
    }
    free(corpus->paths);
    corpus->paths = NULL;
    corpus->n = corpus->cap = 0;
}
