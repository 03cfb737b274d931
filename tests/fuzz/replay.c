/* Replays inputs through a fuzz target without libFuzzer: each argument is
 * a file, or a directory whose files are all replayed (in name order).
 * ctest runs it over tests/fuzz/regressions/<target> and the seed corpus,
 * so a crash once found stays fixed in every build, sanitized or not. */
#include "fuzz.h"

#include "core/buf.h"
#include "core/mem.h"

#include <dirent.h>
#include <string.h>
#include <sys/stat.h>

static int replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return 1;
    }
    CgBuf buf = CG_BUF_INIT;
    char chunk[4096];
    for (size_t n; (n = fread(chunk, 1, sizeof chunk, f)) > 0;) {
        cg_buf_append(&buf, chunk, n);
    }
    const int bad = ferror(f);
    fclose(f);
    if (bad) {
        fprintf(stderr, "%s: cannot read\n", path);
        cg_buf_free(&buf);
        return 1;
    }
    /* An exact-size copy (no NUL after it), so that a sanitizer sees any
     * read past the end, as libFuzzer's own copies would. */
    uint8_t *exact = cg_xmalloc(buf.len);
    memcpy(exact, cg_buf_str(&buf), buf.len);
    fprintf(stderr, "replay %s (%zu bytes)\n", path, buf.len);
    LLVMFuzzerTestOneInput(exact, buf.len);
    free(exact);
    cg_buf_free(&buf);
    return 0;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Replays the files of `dir` (not its README.md); returns the count, or -1
 * if one could not be read. */
static long replay_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        perror(dir);
        return -1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] != '.' && strcmp(e->d_name, "README.md")) {
            names = cg_xgrow(names, &cap, n + 1, sizeof *names);
            names[n++] = cg_xstrdup(e->d_name);
        }
    }
    closedir(d);
    if (n) {
        qsort(names, n, sizeof *names, cmp_names);
    }
    long count = 0;
    CgBuf path = CG_BUF_INIT;
    for (size_t i = 0; i < n; ++i) {
        cg_buf_clear(&path);
        cg_buf_printf(&path, "%s/%s", dir, names[i]);
        if (count >= 0) {
            count = replay_file(cg_buf_str(&path)) ? -1 : count + 1;
        }
        free(names[i]);
    }
    cg_buf_free(&path);
    free(names);
    return count;
}

int main(int argc, char **argv)
{
    LLVMFuzzerInitialize(&argc, &argv);
    long total = 0;
    for (int i = 1; i < argc; ++i) {
        struct stat st;
        if (stat(argv[i], &st)) {
            perror(argv[i]);
            return 1;
        }
        const long n = S_ISDIR(st.st_mode) ? replay_dir(argv[i]) : replay_file(argv[i]) ? -1 : 1;
        if (n < 0) {
            return 1;
        }
        total += n;
    }
    printf("replayed %ld inputs\n", total);
    return 0;
}
