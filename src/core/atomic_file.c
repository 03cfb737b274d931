#define _POSIX_C_SOURCE 200809L
#include "atomic_file.h"

#include "buf.h"
#include "mem.h"

#include <errno.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct CgAtomicFile {
    char *path;  /* target; "-" for stdout */
    char *temp;  /* temporary path, NULL when written in place */
    FILE *stream;
    bool direct; /* a device or pipe opened by us: close, never rename */
    bool closed; /* written and checked by cg_atomic_finish: only the rename is left */
};

/* Open temporaries, so that an interrupted run can remove them. */
#define CG_ATOMIC_MAX 64
static char *volatile cg_atomic_open_paths[CG_ATOMIC_MAX];

static void cg_atomic_track(char *temp, bool add)
{
    for (int i = 0; i < CG_ATOMIC_MAX; ++i) {
        if (add ? !cg_atomic_open_paths[i] : cg_atomic_open_paths[i] == temp) {
            cg_atomic_open_paths[i] = add ? temp : NULL;
            return;
        }
    }
}

void cg_atomic_cleanup_all(void)
{
    for (int i = 0; i < CG_ATOMIC_MAX; ++i) {
        if (cg_atomic_open_paths[i]) {
            unlink(cg_atomic_open_paths[i]);
        }
    }
}

/* Devices and pipes (/dev/null, /dev/stdout, a FIFO) are written in place:
 * renaming a temporary file over them would replace the device itself. */
static bool cg_atomic_is_special(const char *path)
{
    struct stat st;
    return !stat(path, &st) && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

static CgAtomicFile *cg_atomic_open_direct(CgAtomicFile *f, CgDiagSink *sink)
{
    if (!(f->stream = fopen(f->path, "wb"))) {
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_IO, f->path, 0, 0, "cannot write: %s",
                strerror(errno));
        free(f->path);
        free(f);
        return NULL;
    }
    f->direct = true;
    return f;
}

/* The folder part of `path` ("." when it has none), into `dir`. */
static void cg_atomic_dir(const char *path, CgBuf *dir)
{
    const char *slash = strrchr(path, '/');
    cg_buf_clear(dir);
    if (!slash) {
        cg_buf_puts(dir, ".");
    } else {
        cg_buf_append(dir, path, slash == path ? 1 : (size_t)(slash - path));
    }
}

/* Why a temporary file could not be made beside `path` (errno `err`). */
static void cg_atomic_report_folder(const char *path, int err, CgDiagSink *sink)
{
    CgBuf dir = CG_BUF_INIT;
    cg_atomic_dir(path, &dir);
    struct stat st;
    if (err == ENOENT && stat(cg_buf_str(&dir), &st)) {
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_IO, path, 0, 0,
                "cannot write: the folder '%s' does not exist (create it first: mkdir -p '%s')",
                cg_buf_str(&dir), cg_buf_str(&dir));
    } else if (err == ENOTDIR) {
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_IO, path, 0, 0,
                "cannot write: '%s' is not a folder", cg_buf_str(&dir));
    } else {
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_IO, path, 0, 0, "cannot write in '%s': %s",
                cg_buf_str(&dir), strerror(err));
    }
    cg_buf_free(&dir);
}

/* mkstemp() of "PATH.tmpXXXXXX" into `temp` (cg_xmalloc'd); the fd or -1. */
static int cg_atomic_mktemp(const char *path, char **temp)
{
    const size_t n = strlen(path) + 16;
    *temp = cg_xmalloc(n);
    snprintf(*temp, n, "%s.tmpXXXXXX", path);
    return mkstemp(*temp);
}

CgStatus cg_atomic_check(const char *path, CgDiagSink *sink)
{
    if (!strcmp(path, "-") || cg_atomic_is_special(path)) {
        return CG_OK;
    }
    char *temp;
    const int fd = cg_atomic_mktemp(path, &temp);
    const int err = errno;
    if (fd >= 0) {
        close(fd);
        unlink(temp);
    } else {
        cg_atomic_report_folder(path, err, sink);
    }
    free(temp);
    return fd >= 0 ? CG_OK : CG_ERR_IO;
}

CgAtomicFile *cg_atomic_open(const char *path, CgDiagSink *sink)
{
    CgAtomicFile *f = cg_xcalloc(1, sizeof *f);
    f->path = cg_xstrdup(path);
    if (!strcmp(path, "-")) {
        f->stream = stdout;
        return f;
    }
    if (cg_atomic_is_special(path)) {
        return cg_atomic_open_direct(f, sink);
    }
    const int fd = cg_atomic_mktemp(path, &f->temp);
    if (fd < 0 || !(f->stream = fdopen(fd, "wb"))) {
        cg_atomic_report_folder(path, errno, sink);
        if (fd >= 0) {
            close(fd);
            unlink(f->temp);
        }
        free(f->temp);
        free(f->path);
        free(f);
        return NULL;
    }
    /* mkstemp makes the file 0600; an output graph is a normal file. */
    const mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    cg_atomic_track(f->temp, true);
    return f;
}

FILE *cg_atomic_stream(CgAtomicFile *file)
{
    return file->stream;
}

const char *cg_atomic_temp_path(const CgAtomicFile *file)
{
    return file->temp ? file->temp : "-";
}

static void cg_atomic_release(CgAtomicFile *file)
{
    if (file->temp) {
        cg_atomic_track(file->temp, false);
    }
    free(file->temp);
    free(file->path);
    free(file);
}

static void cg_atomic_report(const CgAtomicFile *file, int err, CgDiagSink *sink)
{
    const char *what = !strcmp(file->path, "-") ? "standard output" : file->path;
    cg_diag(sink, CG_SEV_ERROR, CG_ERR_IO, what, 0, 0, "write failed: %s (nothing was written)",
            strerror(err));
}

/* Flushes and closes; the errno of the first failure, or 0. */
static int cg_atomic_close(CgAtomicFile *file)
{
    int err = 0;
    if (fflush(file->stream) || ferror(file->stream)) {
        err = errno ? errno : EIO;
    }
    if ((file->direct || file->temp) && fclose(file->stream) && !err) {
        err = errno ? errno : EIO;
    }
    file->closed = true;
    return err;
}

CgStatus cg_atomic_finish(CgAtomicFile *file, CgDiagSink *sink)
{
    const int err = cg_atomic_close(file);
    if (err) {
        cg_atomic_report(file, err, sink);
        if (file->temp) {
            unlink(file->temp);
        }
        cg_atomic_release(file);
    }
    return err ? CG_ERR_IO : CG_OK;
}

CgStatus cg_atomic_commit(CgAtomicFile *file, CgDiagSink *sink)
{
    int err = file->closed ? 0 : cg_atomic_close(file);
    if (file->temp) {
        if (!err && rename(file->temp, file->path)) {
            err = errno;
        }
        if (err) {
            unlink(file->temp);
        }
    }
    if (err) {
        cg_atomic_report(file, err, sink);
    }
    cg_atomic_release(file);
    return err ? CG_ERR_IO : CG_OK;
}

void cg_atomic_abort(CgAtomicFile *file)
{
    if (!file) {
        return;
    }
    if ((file->temp || file->direct) && !file->closed) {
        fclose(file->stream);
    }
    if (file->temp) {
        unlink(file->temp);
    }
    cg_atomic_release(file);
}
