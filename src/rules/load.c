/* cg_rules_load and cg_rules_load_string: read each file, decode it into the
 * one rule set, then cross-check the whole set.  Nothing stops at the first
 * problem; the worst status decides what the caller gets. */
#include "rules_internal.h"

#include "../core/mem.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Which status wins when a load meets several kinds of problem. */
static int severity_rank(CgStatus st)
{
    switch (st) {
    case CG_OK: return 0;
    case CG_ERR_RULES: return 1;
    case CG_ERR_SYNTAX: return 2;
    default: return 3;
    }
}

static void vreport(CgLoader *ld, CgStatus st, unsigned line, unsigned col,
                    const char *fmt, va_list ap) CG_PRINTF(5, 0);

static void vreport(CgLoader *ld, CgStatus st, unsigned line, unsigned col,
                    const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    const int n = vsnprintf(NULL, 0, fmt, ap);
    char *msg = cg_xmalloc(n > 0 ? (size_t)n + 1 : 1);
    vsnprintf(msg, n > 0 ? (size_t)n + 1 : 1, fmt, ap2);
    va_end(ap2);
    cg_diag(ld->sink, CG_SEV_ERROR, st, ld->file, line, col, "%s", msg);
    free(msg);
    if (severity_rank(st) > severity_rank(ld->status)) {
        ld->status = st;
    }
}

void cg_load_error(CgLoader *ld, CgStatus st, unsigned line, unsigned col,
                   const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(ld, st, line, col, fmt, ap);
    va_end(ap);
}

void cg_load_warning(CgLoader *ld, unsigned line, unsigned col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    const int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *msg = cg_xmalloc(n > 0 ? (size_t)n + 1 : 1);
    va_start(ap, fmt);
    vsnprintf(msg, n > 0 ? (size_t)n + 1 : 1, fmt, ap);
    va_end(ap);
    cg_diag(ld->sink, CG_SEV_WARNING, CG_OK, ld->file, line, col, "%s", msg);
    free(msg);
}

void cg_node_error(CgLoader *ld, const CgYNode *node, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(ld, CG_ERR_RULES, node ? node->line : 0, node ? node->col : 0, fmt, ap);
    va_end(ap);
}

static void loader_init(CgLoader *ld, CgDiagSink *sink)
{
    memset(ld, 0, sizeof *ld);
    ld->rules = cg_ruleset_new();
    ld->sink = sink;
    cg_names_init(&ld->entity_ids);
    cg_names_init(&ld->relation_ids);
    cg_names_init(&ld->predicates);
    cg_names_init(&ld->types);
    ld->lists.names = cg_strmap_new();
}

/* Frees the loading state and hands over the rule set, or frees it too
 * when anything went wrong. */
static CgStatus loader_finish(CgLoader *ld, CgRuleSet **out)
{
    for (size_t i = 0; i < ld->rules->n_relations; ++i) {
        free(ld->drafts[i].predicate);
        free(ld->drafts[i].subject_marks);
        free(ld->drafts[i].object_marks);
    }
    free(ld->drafts);
    cg_names_free(&ld->entity_ids);
    cg_names_free(&ld->relation_ids);
    cg_names_free(&ld->predicates);
    cg_names_free(&ld->types);
    cg_lists_free(&ld->lists);
    if (ld->status) {
        cg_rules_free(ld->rules);
        *out = NULL;
    } else {
        *out = ld->rules;
    }
    return ld->status;
}

static void load_text(CgLoader *ld, const char *name, const char *yaml, size_t len)
{
    ld->file = cg_ruleset_intern_file(ld->rules, name);
    size_t n_docs = 0;
    CgYNode **docs = cg_yaml_parse(ld, yaml, len, &n_docs);
    for (size_t i = 0; docs && i < n_docs; ++i) {
        cg_decode_document(ld, docs[i]);
        cg_ynode_free(docs[i]);
    }
    free(docs);
}

static void io_error(CgLoader *ld, const char *path, const char *what, int err)
{
    ld->file = cg_ruleset_intern_file(ld->rules, path);
    cg_load_error(ld, CG_ERR_IO, 0, 0, "%s: %s", what, strerror(err));
}

/* What a path is when it is not a regular file, for a message. */
static const char *file_kind(mode_t mode)
{
    return S_ISFIFO(mode)   ? "a named pipe (FIFO)"
           : S_ISCHR(mode)  ? "a character device"
           : S_ISBLK(mode)  ? "a block device"
           : S_ISSOCK(mode) ? "a socket"
                            : "not a regular file";
}

/* Opens a rule file for reading, refusing anything but a regular file: a
 * device such as /dev/zero never ends and a named pipe may never be
 * written to.  O_NONBLOCK keeps open() from waiting for a pipe's writer;
 * it is cleared before reading.  NULL after reporting why. */
static FILE *open_rule_file(CgLoader *ld, const char *path)
{
    const int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st)) {
        io_error(ld, path, "cannot open this rule file", errno);
    } else if (S_ISDIR(st.st_mode)) { /* only inside a rules directory */
        ld->file = cg_ruleset_intern_file(ld->rules, path);
        cg_load_error(ld, CG_ERR_IO, 0, 0,
                      "not a rule file but a directory: a rules directory is read one "
                      "level deep; rename it or move its files up");
    } else if (!S_ISREG(st.st_mode)) {
        ld->file = cg_ruleset_intern_file(ld->rules, path);
        cg_load_error(ld, CG_ERR_IO, 0, 0,
                      "not a rule file: this is %s; give a regular *.yaml file or a "
                      "directory of them",
                      file_kind(st.st_mode));
    } else {
        const int flags = fcntl(fd, F_GETFL);
        FILE *f = flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) ? NULL
                                                                        : fdopen(fd, "rb");
        if (f) {
            return f;
        }
        io_error(ld, path, "cannot open this rule file", errno);
    }
    if (fd >= 0) {
        close(fd);
    }
    return NULL;
}

static void load_file(CgLoader *ld, const char *path)
{
    FILE *f = open_rule_file(ld, path);
    if (!f) {
        return;
    }
    char *data = NULL;
    size_t len = 0, cap = 0;
    char chunk[8192];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        data = cg_xgrow(data, &cap, len + got, 1);
        memcpy(data + len, chunk, got);
        len += got;
    }
    const int err = ferror(f) ? errno : 0;
    fclose(f);
    if (err) {
        io_error(ld, path, "cannot read this rule file", err);
    } else {
        load_text(ld, path, data ? data : "", len);
    }
    free(data);
}

static bool is_rule_file_name(const char *name)
{
    const size_t n = strlen(name);
    if (name[0] == '.') {
        return false; /* hidden and editor lock files */
    }
    return (n > 5 && !strcmp(name + n - 5, ".yaml")) || (n > 4 && !strcmp(name + n - 4, ".yml"));
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.yaml and *.yml entries of `dir`, as full paths in name order.
 * Every one is listed, whatever it is, so that one which is not a regular
 * file (a pipe, a device, a dangling link, a directory) is refused by
 * load_file with a message rather than skipped unsaid. */
static char **list_rule_files(CgLoader *ld, const char *dir, size_t *n)
{
    DIR *d = opendir(dir);
    if (!d) {
        io_error(ld, dir, "cannot read this rules directory", errno);
        return NULL;
    }
    char **paths = NULL;
    size_t cap = 0;
    const char *sep = dir[0] && dir[strlen(dir) - 1] == '/' ? "" : "/";
    for (struct dirent *de; (de = readdir(d));) {
        const size_t need = strlen(dir) + strlen(de->d_name) + 2;
        char *path = cg_xmalloc(need);
        snprintf(path, need, "%s%s%s", dir, sep, de->d_name);
        if (!is_rule_file_name(de->d_name)) {
            free(path);
            continue;
        }
        paths = cg_xgrow(paths, &cap, *n + 1, sizeof *paths);
        paths[(*n)++] = path;
    }
    closedir(d);
    if (*n > 1) {
        qsort(paths, *n, sizeof *paths, compare_names);
    }
    return paths;
}

static void load_dir(CgLoader *ld, const char *dir)
{
    size_t n = 0;
    char **paths = list_rule_files(ld, dir, &n);
    if (paths == NULL && ld->status) {
        return;
    }
    if (n == 0) {
        ld->file = cg_ruleset_intern_file(ld->rules, dir);
        cg_load_error(ld, CG_ERR_RULES, 0, 0,
                      "no rule files here: put the rules in *.yaml or *.yml files");
    }
    for (size_t i = 0; i < n; ++i) {
        load_file(ld, paths[i]);
    }
    cg_strv_free(paths, n);
}

/* The cross-checks only make sense when every file could be read. */
static void finish_checks(CgLoader *ld)
{
    if (!ld->yaml_failed && severity_rank(ld->status) < severity_rank(CG_ERR_IO)) {
        cg_validate(ld);
    }
}

CgStatus cg_rules_load(const char *path, CgDiagSink *sink, CgRuleSet **out)
{
    CgLoader ld;
    loader_init(&ld, sink);
    struct stat st;
    if (stat(path, &st)) {
        io_error(&ld, path, "cannot open the rules", errno);
    } else if (S_ISDIR(st.st_mode)) {
        load_dir(&ld, path);
    } else {
        load_file(&ld, path);
    }
    finish_checks(&ld);
    return loader_finish(&ld, out);
}

CgStatus cg_rules_load_string(const char *yaml, size_t len, const char *name,
                              CgDiagSink *sink, CgRuleSet **out)
{
    CgLoader ld;
    loader_init(&ld, sink);
    load_text(&ld, name ? name : "<string>", yaml, len);
    finish_checks(&ld);
    return loader_finish(&ld, out);
}
