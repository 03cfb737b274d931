#define _POSIX_C_SOURCE 200809L
#include "atomic_file.h"

#include "buf.h"
#include "mem.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
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

/* An old target kept aside while a group of outputs is put in place. */
typedef struct {
    char *kept;   /* the old file, linked or copied beside it; NULL: none */
    bool existed; /* there was a target (else a rollback removes the new one) */
    bool renamed; /* the new file is in place */
    bool stays;   /* the kept file could not be put back: leave it for the user */
} CgAtomicKeep;

/* Copies the regular file `from` into `fd` with `mode`; 0 or an errno. */
static int cg_atomic_copy(const char *from, int fd, mode_t mode)
{
    const int in = open(from, O_RDONLY);
    if (in < 0) {
        return errno;
    }
    char buf[65536];
    ssize_t got;
    int err = 0;
    while (!err && (got = read(in, buf, sizeof buf)) != 0) {
        err = got < 0 ? errno : 0;
        for (ssize_t done = 0; !err && done < got;) {
            const ssize_t put = write(fd, buf + done, (size_t)(got - done));
            err = put < 0 ? errno : 0;
            done += put > 0 ? put : 0;
        }
    }
    close(in);
    return err ? err : fchmod(fd, mode & 07777) ? errno : 0;
}

/* Keeps the old target of `f` as PATH.oldXXXXXX: a hard link costs
 * nothing and keeps the file itself; where links are refused (some file
 * systems) a regular file is copied.  0 or an errno. */
static int cg_atomic_keep_aside(const CgAtomicFile *f, CgAtomicKeep *k)
{
    struct stat st;
    if (lstat(f->path, &st)) {
        return errno == ENOENT ? 0 : errno;
    }
    k->existed = true;
    if (S_ISDIR(st.st_mode)) {
        return 0; /* no file can be renamed over a folder: nothing to keep */
    }
    const size_t n = strlen(f->path) + 16;
    k->kept = cg_xmalloc(n);
    snprintf(k->kept, n, "%s.oldXXXXXX", f->path);
    int fd = mkstemp(k->kept); /* reserves a fresh name */
    int err = fd < 0 ? errno : 0;
    if (fd >= 0) {
        close(fd);
        unlink(k->kept);
        if (link(f->path, k->kept)) {
            err = errno;
            fd = S_ISREG(st.st_mode) ? open(k->kept, O_WRONLY | O_CREAT | O_EXCL, 0600) : -1;
            err = fd < 0 ? err : cg_atomic_copy(f->path, fd, st.st_mode);
            if (fd >= 0 && (close(fd) || err)) {
                err = err ? err : errno;
                unlink(k->kept);
            }
        }
    }
    if (err) {
        free(k->kept);
        k->kept = NULL;
    }
    return err;
}

/* Keeps aside every existing target; false (reported) when one cannot be. */
static bool cg_atomic_keep_all(CgAtomicFile **files, size_t n, CgAtomicKeep *keep,
                               CgDiagSink *sink)
{
    for (size_t i = 0; i < n; ++i) {
        const int err = files[i]->temp ? cg_atomic_keep_aside(files[i], &keep[i]) : 0;
        if (err) {
            cg_diag(sink, CG_SEV_ERROR, CG_ERR_IO, files[i]->path, 0, 0,
                    "cannot keep the old file aside while the outputs are replaced: %s",
                    strerror(err));
            return false;
        }
    }
    return true;
}

/* Renames each temporary file into place, in order, until one fails (it is
 * reported); returns how many were tried without failing. */
static size_t cg_atomic_rename_all(CgAtomicFile **files, size_t n, CgAtomicKeep *keep,
                                   CgDiagSink *sink)
{
    for (size_t i = 0; i < n; ++i) {
        if (files[i]->temp && rename(files[i]->temp, files[i]->path)) {
            cg_diag(sink, CG_SEV_ERROR, CG_ERR_IO, files[i]->path, 0, 0,
                    "cannot replace it: %s (it is as it was)", strerror(errno));
            return i;
        }
        keep[i].renamed = files[i]->temp != NULL;
    }
    return n;
}

/* Puts back, last first, what the renames replaced; false (reported) when
 * one could not be: its old file then stays beside it, named. */
static bool cg_atomic_roll_back(CgAtomicFile **files, size_t n, CgAtomicKeep *keep,
                                CgDiagSink *sink)
{
    bool ok = true;
    for (size_t i = n; i-- > 0;) {
        CgAtomicKeep *k = &keep[i];
        if (!k->renamed || (k->existed && !k->kept)) {
            continue;
        }
        const bool back = k->kept ? !rename(k->kept, files[i]->path)
                                  : !unlink(files[i]->path) || errno == ENOENT;
        if (!back && k->kept) {
            cg_diag(sink, CG_SEV_ERROR, CG_ERR_IO, files[i]->path, 0, 0,
                    "replaced, and the old file could not be put back: %s; it is kept as %s",
                    strerror(errno), k->kept);
            k->stays = true;
        } else if (!back) {
            cg_diag(sink, CG_SEV_ERROR, CG_ERR_IO, files[i]->path, 0, 0,
                    "written, and could not be removed again: %s", strerror(errno));
        }
        ok = ok && back;
        k->renamed = !back;
    }
    return ok;
}

/* Removes the kept old files and the temporaries not renamed; frees all.
 * A kept file renamed back is usually gone already, but not when the same
 * target was given twice: rename() between two links of one file does
 * nothing, and the extra link must still go. */
static void cg_atomic_release_all(CgAtomicFile **files, size_t n, CgAtomicKeep *keep)
{
    for (size_t i = 0; i < n; ++i) {
        if (keep[i].kept && !keep[i].stays) {
            unlink(keep[i].kept);
        }
        free(keep[i].kept);
        if (files[i]->temp && !keep[i].renamed) {
            unlink(files[i]->temp);
        }
        cg_atomic_release(files[i]);
    }
}

/* SIGINT, SIGTERM and SIGHUP wait while outputs change places, so that an
 * interruption cannot leave some replaced and others not. */
static void cg_atomic_hold_signals(bool hold, sigset_t *saved)
{
    if (hold) {
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, SIGINT);
        sigaddset(&set, SIGTERM);
        sigaddset(&set, SIGHUP);
        pthread_sigmask(SIG_BLOCK, &set, saved);
    } else {
        pthread_sigmask(SIG_SETMASK, saved, NULL);
    }
}

CgStatus cg_atomic_commit_all(CgAtomicFile **files, size_t n, CgDiagSink *sink)
{
    sigset_t saved;
    cg_atomic_hold_signals(true, &saved);
    CgAtomicKeep *keep = cg_xcalloc(n ? n : 1, sizeof *keep);
    const bool kept = cg_atomic_keep_all(files, n, keep, sink);
    const bool renamed = kept && cg_atomic_rename_all(files, n, keep, sink) == n;
    const bool restored = renamed || cg_atomic_roll_back(files, n, keep, sink);
    if (!renamed && n > 1) {
        cg_diag(sink, CG_SEV_NOTE, CG_OK, NULL, 0, 0,
                restored ? "no output was replaced: they are written all together or not at all"
                         : "some outputs were replaced and could not be put back (above)");
    }
    cg_atomic_release_all(files, n, keep);
    free(keep);
    cg_atomic_hold_signals(false, &saved);
    return renamed ? CG_OK : CG_ERR_IO;
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
