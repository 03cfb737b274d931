/* Recursive-descent parser for the pattern language described in pattern.h. */
#include "pattern.h"

#include "../core/mem.h"
#include "../core/normalize.h"
#include "inflect.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CG_GAP_DEFAULT 5u
#define CG_GAP_LIMIT 30u
/* Groups and captures written inside each other. */
#define CG_PAT_MAX_NESTING 16u

typedef struct {
    const char *src;
    CgPatListFunc lists;
    void *ctx;
    size_t pos;
    size_t copied; /* parts copied in from word lists so far */
    unsigned err_col;
    char *err;
    size_t err_size;
    bool failed;
} CgPatParser;

static CgPatNode *pat_node(CgPatKind kind, unsigned col)
{
    CgPatNode *n = cg_xcalloc(1, sizeof *n);
    n->kind = kind;
    n->col = col;
    return n;
}

static void pat_add_kid(CgPatNode *parent, CgPatNode *kid)
{
    parent->kids = cg_xgrow(parent->kids, &parent->cap_kids, parent->n_kids + 1,
                            sizeof *parent->kids);
    parent->kids[parent->n_kids++] = kid;
}

void cg_pattern_free(CgPatNode *node)
{
    if (!node) {
        return;
    }
    for (size_t i = 0; i < node->n_kids; ++i) {
        cg_pattern_free(node->kids[i]);
    }
    free(node->kids);
    free(node->word);
    free(node);
}

static void pat_error(CgPatParser *p, size_t pos, const char *msg)
{
    if (!p->failed) {
        p->failed = true;
        p->err_col = (unsigned)pos + 1;
        snprintf(p->err, p->err_size, "%s", msg);
    }
}

static void pat_skip_space(CgPatParser *p)
{
    while (isspace((unsigned char)p->src[p->pos])) {
        ++p->pos;
    }
}

static bool pat_take(CgPatParser *p, char c)
{
    if (p->src[p->pos] == c) {
        ++p->pos;
        return true;
    }
    return false;
}

static bool pat_is_word_char(char c)
{
    return c && !isspace((unsigned char)c) && !strchr("(){}[]|?*.@!~", c);
}

CgPatNode *cg_pattern_copy(const CgPatNode *node)
{
    CgPatNode *n = cg_xmalloc(sizeof *n);
    *n = *node;
    n->word = node->word ? cg_xstrdup(node->word) : NULL;
    n->kids = node->n_kids ? cg_xmalloc(node->n_kids * sizeof *n->kids) : NULL;
    n->cap_kids = node->n_kids;
    for (size_t i = 0; i < node->n_kids; ++i) {
        n->kids[i] = cg_pattern_copy(node->kids[i]);
    }
    return n;
}

/* A list's nodes carry the columns of the list's own phrases, which mean
 * nothing in the pattern that copies them: errors and `explain` point at
 * the @NAME instead. */
static void pat_set_col(CgPatNode *n, unsigned col)
{
    n->col = col;
    for (size_t i = 0; i < n->n_kids; ++i) {
        pat_set_col(n->kids[i], col);
    }
}

size_t cg_pattern_size(const CgPatNode *node)
{
    size_t n = 1;
    for (size_t i = 0; i < node->n_kids; ++i) {
        n += cg_pattern_size(node->kids[i]);
    }
    return n;
}

/* @NAME: a copy of the list's alternatives, so every pattern owns its tree. */
static CgPatNode *pat_parse_list_ref(CgPatParser *p)
{
    const size_t start = p->pos++;
    const size_t len = strspn(p->src + p->pos,
                              "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");
    const CgPatNode *list = len && p->lists ? p->lists(p->ctx, p->src + p->pos, len) : NULL;
    if (!list) {
        char msg[160];
        snprintf(msg, sizeof msg,
                 len ? "unknown word list '@%.*s': define it under 'lists:' in this file "
                       "or an earlier one"
                     : "'@' must be followed by the name of a word list%.*s",
                 (int)(len > 40 ? 40 : len), p->src + p->pos);
        pat_error(p, start, msg);
        return NULL;
    }
    p->copied += cg_pattern_size(list);
    if (p->copied > CG_PATTERN_MAX_PARTS) {
        char msg[200];
        snprintf(msg, sizeof msg,
                 "with word list '@%.*s' this grows past %u parts (words, gaps, slots, "
                 "alternatives, lists spelled out): use fewer or shorter lists",
                 (int)(len > 40 ? 40 : len), p->src + p->pos, CG_PATTERN_MAX_PARTS);
        pat_error(p, start, msg);
        return NULL;
    }
    p->pos += len;
    CgPatNode *n = cg_pattern_copy(list);
    pat_set_col(n, (unsigned)start + 1);
    return n;
}

static CgPatNode *pat_parse_alt(CgPatParser *p, unsigned depth);

static CgPatNode *pat_parse_group(CgPatParser *p, unsigned depth)
{
    const size_t start = p->pos++;
    if (depth > CG_PAT_MAX_NESTING) {
        pat_error(p, start, "groups and captures are nested too deeply (at most 16 levels)");
        return NULL;
    }
    CgPatNode *alt = pat_parse_alt(p, depth + 1);
    pat_skip_space(p);
    if (!p->failed && !pat_take(p, ')')) {
        pat_error(p, start, "'(' is never closed: add ')'");
    }
    if (p->failed) {
        cg_pattern_free(alt);
        return NULL;
    }
    alt->col = (unsigned)start + 1;
    return alt;
}

static CgPatNode *pat_parse_slot(CgPatParser *p)
{
    const size_t start = p->pos++;
    const char *name = p->src + p->pos;
    const char *close = strchr(name, '}');
    if (!close) {
        pat_error(p, start, "'{' is never closed: write {subject}, {object}, {both}, "
                            "{quantity}, {claimer} or {mention}");
        return NULL;
    }
    const size_t len = (size_t)(close - name);
    CgPatKind kind;
    if (len == 7 && !strncmp(name, "subject", 7)) {
        kind = CG_PAT_SUBJECT;
    } else if (len == 6 && !strncmp(name, "object", 6)) {
        kind = CG_PAT_OBJECT;
    } else if (len == 4 && !strncmp(name, "both", 4)) {
        kind = CG_PAT_BOTH;
    } else if (len == 8 && !strncmp(name, "quantity", 8)) {
        kind = CG_PAT_QUANTITY;
    } else if (len == 7 && !strncmp(name, "claimer", 7)) {
        kind = CG_PAT_CLAIMER;
    } else if (len == 7 && !strncmp(name, "mention", 7)) {
        kind = CG_PAT_MENTION;
    } else {
        pat_error(p, start, "unknown slot: write {subject}, {object}, {both}, {quantity}, "
                            "{claimer} or {mention}");
        return NULL;
    }
    p->pos += len + 1;
    return pat_node(kind, (unsigned)start + 1);
}

static CgPatNode *pat_parse_gap(CgPatParser *p)
{
    const size_t start = p->pos;
    if (strncmp(p->src + p->pos, "...", 3) != 0) {
        pat_error(p, start, "a lone '.': write '...' for a gap, or a word");
        return NULL;
    }
    p->pos += 3;
    unsigned max = CG_GAP_DEFAULT;
    if (isdigit((unsigned char)p->src[p->pos])) {
        max = 0;
        while (isdigit((unsigned char)p->src[p->pos]) && max <= CG_GAP_LIMIT) {
            max = max * 10 + (unsigned)(p->src[p->pos++] - '0');
        }
        if (max > CG_GAP_LIMIT || isdigit((unsigned char)p->src[p->pos])) {
            pat_error(p, start, "a gap may span at most 30 tokens ('...30')");
            return NULL;
        }
    }
    CgPatNode *n = pat_node(CG_PAT_GAP, (unsigned)start + 1);
    n->gap_max = max;
    n->gap_any = pat_take(p, '+');
    n->gap_names = !n->gap_any && pat_take(p, '~');
    n->greedy = pat_take(p, '>');
    return n;
}

/* word~ : every inflection of the word, as alternatives of one word each. */
static CgPatNode *pat_lemma(CgPatParser *p, size_t start, const char *norm)
{
    if (strchr(norm, '-') || !*norm) {
        pat_error(p, start, "'~' follows one word without hyphens, as in accuse~");
        return NULL;
    }
    char **forms = NULL;
    const size_t n = cg_inflect_forms(norm, &forms);
    CgPatNode *alt = pat_node(CG_PAT_ALT, (unsigned)start + 1);
    for (size_t i = 0; i < n; ++i) {
        CgPatNode *seq = pat_node(CG_PAT_SEQ, (unsigned)start + 1);
        CgPatNode *w = pat_node(CG_PAT_WORD, (unsigned)start + 1);
        w->word = forms[i];
        pat_add_kid(seq, w);
        pat_add_kid(alt, seq);
    }
    free(forms);
    return alt;
}

/* A literal word; a hyphenated one becomes a sequence, since text tokens
 * split at inner hyphens and hyphens are ignored when matching. */
static CgPatNode *pat_parse_word(CgPatParser *p)
{
    const size_t start = p->pos;
    while (pat_is_word_char(p->src[p->pos])) {
        ++p->pos;
    }
    if (p->pos > start && p->src[p->pos] == '~') {
        char *norm = cg_normalize(p->src + start, p->pos - start, NULL);
        ++p->pos;
        CgPatNode *alt = pat_lemma(p, start, norm);
        free(norm);
        return alt;
    }
    const bool prefix = pat_take(p, '*');
    const size_t len = p->pos - start;
    if (!len) {
        pat_error(p, start, p->src[start] == '~' ? "'~' must end a word, as in accuse~"
                                                 : "'!' must start a constraint, as in !word");
        return NULL;
    }
    char *norm = cg_normalize(p->src + start, len - (prefix ? 1 : 0), NULL);
    CgPatNode *seq = pat_node(CG_PAT_SEQ, (unsigned)start + 1);
    char *save = NULL;
    for (char *w = strtok_r(norm, "-", &save); w; w = strtok_r(NULL, "-", &save)) {
        CgPatNode *n = pat_node(CG_PAT_WORD, (unsigned)start + 1);
        n->word = cg_xstrdup(w);
        pat_add_kid(seq, n);
    }
    free(norm);
    if (!seq->n_kids) {
        cg_pattern_free(seq);
        pat_error(p, start, "a word made only of hyphens");
        return NULL;
    }
    if (prefix) {
        seq->kids[seq->n_kids - 1]->kind = CG_PAT_PREFIX;
    }
    if (seq->n_kids == 1) {
        CgPatNode *only = seq->kids[0];
        seq->n_kids = 0;
        cg_pattern_free(seq);
        return only;
    }
    return seq;
}

/* 'x' : a literal taken as is (punctuation, reserved characters).  A
 * leading apostrophe with no closing one is an ordinary word, like 's. */
static bool pat_is_quoted(const CgPatParser *p)
{
    const char *s = p->src + p->pos;
    if (s[0] != '\'' || !s[1] || s[1] == '\'') {
        return false;
    }
    for (const char *q = s + 1; *q && !isspace((unsigned char)*q); ++q) {
        if (*q == '\'') {
            return true;
        }
    }
    return false;
}

static CgPatNode *pat_parse_quoted(CgPatParser *p)
{
    const size_t start = p->pos++;
    const char *end = strchr(p->src + p->pos, '\'');
    const size_t len = (size_t)(end - (p->src + p->pos));
    CgPatNode *n = pat_node(CG_PAT_WORD, (unsigned)start + 1);
    n->word = cg_normalize(p->src + p->pos, len, NULL);
    p->pos += len + 1;
    return n;
}

/* *n't : a token ending with the word. */
static CgPatNode *pat_parse_suffix(CgPatParser *p)
{
    const size_t start = p->pos++;
    const size_t len = strspn(p->src + p->pos, "abcdefghijklmnopqrstuvwxyz"
                                               "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'");
    if (!len) {
        pat_error(p, start, "'*' must end a word (deploy*) or start one (*n't)");
        return NULL;
    }
    CgPatNode *n = pat_node(CG_PAT_SUFFIX, (unsigned)start + 1);
    n->word = cg_normalize(p->src + p->pos, len, NULL);
    p->pos += len;
    return n;
}


/* [name: elements] */
static CgPatNode *pat_parse_capture(CgPatParser *p, unsigned depth)
{
    const size_t start = p->pos++;
    if (depth > CG_PAT_MAX_NESTING) {
        pat_error(p, start, "groups and captures are nested too deeply (at most 16 levels)");
        return NULL;
    }
    const size_t len = strspn(p->src + p->pos, "abcdefghijklmnopqrstuvwxyz"
                                               "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
    if (!len || !islower((unsigned char)p->src[p->pos]) || p->src[p->pos + len] != ':') {
        pat_error(p, start, "a capture is written [name: elements], the name in lowerCamelCase");
        return NULL;
    }
    CgPatNode *n = pat_node(CG_PAT_CAPTURE, (unsigned)start + 1);
    n->word = cg_xstrndup(p->src + p->pos, len);
    p->pos += len + 1;
    pat_add_kid(n, pat_parse_alt(p, depth + 1));
    pat_skip_space(p);
    if (!p->failed && !pat_take(p, ']')) {
        pat_error(p, start, "'[' is never closed: add ']'");
    }
    return n;
}

static CgPatNode *pat_parse_elem(CgPatParser *p, unsigned depth);

/* !X and <!X: X is read as one element, then wrapped. */
static CgPatNode *pat_parse_constraint(CgPatParser *p, unsigned depth)
{
    const size_t start = p->pos;
    const bool before = p->src[p->pos] == '<';
    p->pos += before ? 2 : 1;
    const char c = p->src[p->pos];
    if (!c || isspace((unsigned char)c) || c == '!' || c == '<' || c == ')' || c == '|') {
        pat_error(p, start, "a constraint needs something after it, as in !word or <!(a|b)");
        return NULL;
    }
    CgPatNode *x = pat_parse_elem(p, depth + 1);
    if (!x) {
        return NULL;
    }
    if (x->optional || x->kind == CG_PAT_GAP) {
        pat_error(p, start, "a constraint on an optional part or a gap always holds: "
                            "name a word, group, list or {mention}");
        cg_pattern_free(x);
        return NULL;
    }
    CgPatNode *n = pat_node(before ? CG_PAT_NOT_BEFORE : CG_PAT_NOT, (unsigned)start + 1);
    pat_add_kid(n, x);
    return n;
}

static CgPatNode *pat_parse_elem(CgPatParser *p, unsigned depth)
{
    const char c = p->src[p->pos];
    CgPatNode *n = NULL;
    if (c == '!' || (c == '<' && p->src[p->pos + 1] == '!')) {
        return pat_parse_constraint(p, depth);
    }
    if (pat_is_quoted(p)) {
        n = pat_parse_quoted(p);
    } else if (c == '@') {
        n = pat_parse_list_ref(p);
    } else if (c == '[') {
        n = pat_parse_capture(p, depth);
    } else if (c == '*' && pat_is_word_char(p->src[p->pos + 1])) {
        n = pat_parse_suffix(p);
    } else if (c == '(') {
        n = pat_parse_group(p, depth);
    } else if (c == '{') {
        n = pat_parse_slot(p);
    } else if (c == '.') {
        n = pat_parse_gap(p);
    } else if (c == '?' || c == '*' || c == '}' || c == ']') {
        pat_error(p, p->pos, c == '?' ? "'?' must follow a word, slot or group"
                            : c == '*' ? "'*' must end a word, as in deploy*"
                            : c == '}' ? "'}' without a matching '{'"
                                       : "']' without a matching '['");
    } else {
        n = pat_parse_word(p);
    }
    if (n && pat_take(p, '?')) {
        if (n->kind == CG_PAT_GAP) {
            pat_error(p, p->pos - 1, "a gap is already optional; drop the '?'");
        }
        n->optional = true;
    }
    return n;
}

static CgPatNode *pat_parse_seq(CgPatParser *p, unsigned depth)
{
    CgPatNode *seq = pat_node(CG_PAT_SEQ, (unsigned)p->pos + 1);
    for (;;) {
        pat_skip_space(p);
        const char c = p->src[p->pos];
        if (!c || c == '|' || c == ')' || c == ']' || p->failed) {
            break;
        }
        CgPatNode *e = pat_parse_elem(p, depth);
        if (e) {
            pat_add_kid(seq, e);
        }
    }
    if (!seq->n_kids && !p->failed) {
        pat_error(p, p->pos, "empty alternative: write a word, slot or gap here");
    }
    return seq;
}

static CgPatNode *pat_parse_alt(CgPatParser *p, unsigned depth)
{
    CgPatNode *first = pat_parse_seq(p, depth);
    pat_skip_space(p);
    if (p->src[p->pos] != '|') {
        return first;
    }
    CgPatNode *alt = pat_node(CG_PAT_ALT, first->col);
    pat_add_kid(alt, first);
    while (!p->failed && pat_take(p, '|')) {
        pat_add_kid(alt, pat_parse_seq(p, depth));
        pat_skip_space(p);
    }
    return alt;
}

typedef enum { CG_MODE_RELATION, CG_MODE_ATTRIBUTION, CG_MODE_CONTEXT, CG_MODE_PHRASE } CgPatMode;

enum { SLOT_SUBJECT, SLOT_OBJECT, SLOT_CLAIMER, SLOT_CAPTURE, SLOT_N };

static int pat_slot_of(const CgPatNode *n)
{
    switch (n->kind) {
    case CG_PAT_BOTH: return SLOT_SUBJECT; /* and an object: see pat_count_slots */
    case CG_PAT_SUBJECT: return SLOT_SUBJECT;
    case CG_PAT_OBJECT: return SLOT_OBJECT;
    case CG_PAT_CLAIMER: return SLOT_CLAIMER;
    case CG_PAT_CAPTURE: return strcmp(n->word, "claimer") ? SLOT_CAPTURE : SLOT_CLAIMER;
    default: return -1;
    }
}

/* Counts the slots of each kind; `loose` says whether we are inside an
 * alternative or optional part, where a slot might not bind, and `in_not`
 * whether inside a constraint, where nothing may bind. */
static void pat_count_slots(const CgPatNode *n, bool loose, bool in_not, unsigned counts[SLOT_N],
                            const CgPatNode **bad, const CgPatNode **bad_not)
{
    const bool inner = loose || n->optional;
    const int slot = pat_slot_of(n);
    if (slot >= 0) {
        ++counts[slot];
        counts[SLOT_OBJECT] += n->kind == CG_PAT_BOTH;
        if (inner && slot != SLOT_CAPTURE && !*bad) {
            *bad = n;
        }
        if (in_not && !*bad_not) {
            *bad_not = n;
        }
    }
    const bool not = in_not || n->kind == CG_PAT_NOT || n->kind == CG_PAT_NOT_BEFORE;
    for (size_t i = 0; i < n->n_kids; ++i) {
        pat_count_slots(n->kids[i], inner || n->kind == CG_PAT_ALT, not, counts, bad, bad_not);
    }
}

static void pat_check_slots(CgPatParser *p, const CgPatNode *root, CgPatMode mode)
{
    unsigned c[SLOT_N] = {0, 0, 0, 0};
    const CgPatNode *bad = NULL, *bad_not = NULL;
    pat_count_slots(root, false, false, c, &bad, &bad_not);
    if (bad_not) {
        pat_error(p, bad_not->col - 1, "a constraint (!X or <!X) binds nothing: use {mention}, "
                                       "not a slot or a capture, inside it");
    } else if (mode == CG_MODE_PHRASE && (c[SLOT_SUBJECT] || c[SLOT_OBJECT] || c[SLOT_CLAIMER] ||
                                   c[SLOT_CAPTURE])) {
        pat_error(p, 0, "a phrase of a list cannot hold slots or captures");
    } else if (mode != CG_MODE_PHRASE && bad) {
        pat_error(p, bad->col - 1,
                  "{subject}, {object}, {both} and {claimer} may not be optional or inside "
                  "alternatives: write one pattern per variant");
    } else if (mode == CG_MODE_RELATION && (c[SLOT_SUBJECT] != 1 || c[SLOT_OBJECT] != 1)) {
        pat_error(p, 0, "a pattern needs exactly one {subject} and one {object}, or one {both}");
    } else if (mode == CG_MODE_RELATION && c[SLOT_CLAIMER]) {
        pat_error(p, 0, "{claimer} belongs in attribution patterns (claims: attribution:)");
    } else if (mode == CG_MODE_CONTEXT &&
               (c[SLOT_SUBJECT] || c[SLOT_OBJECT] || c[SLOT_CLAIMER] || !c[SLOT_CAPTURE])) {
        pat_error(p, 0, "a context pattern needs a capture such as [date: ...] and no slots");
    } else if (mode == CG_MODE_ATTRIBUTION &&
               (c[SLOT_CLAIMER] != 1 || c[SLOT_SUBJECT] || c[SLOT_OBJECT])) {
        pat_error(p, 0, "an attribution pattern needs exactly one {claimer} or "
                        "[claimer: ...], and no {subject} or {object}");
    }
}

/* The first node nested deeper than the limit, or NULL.  Stops there, so
 * that its own recursion stays within the limit. */
static const CgPatNode *pat_too_deep(const CgPatNode *n, unsigned depth)
{
    if (depth > CG_PATTERN_MAX_DEPTH) {
        return n;
    }
    for (size_t i = 0; i < n->n_kids; ++i) {
        const CgPatNode *deep = pat_too_deep(n->kids[i], depth + 1);
        if (deep) {
            return deep;
        }
    }
    return NULL;
}

/* The number of elements on the longest path a match may take through `n`
 * (a sequence adds its elements up, an alternative takes its longest):
 * the matcher's recursion goes as deep as that.  *over is set to the first
 * element of a sequence that takes the count past the limit. */
static size_t pat_length(const CgPatNode *n, const CgPatNode **over)
{
    size_t len = 0;
    for (size_t i = 0; i < n->n_kids; ++i) {
        const size_t k = pat_length(n->kids[i], over);
        if (n->kind == CG_PAT_ALT) {
            len = k > len ? k : len;
            continue;
        }
        len += k;
        if (len + 1 > CG_PATTERN_MAX_LENGTH && !*over) {
            *over = n->kids[i];
        }
    }
    return len + 1;
}

/* The sizes the matcher and the compiler can take without exhausting the
 * stack or memory, whatever the rule files hold. */
static void pat_check_limits(CgPatParser *p, const CgPatNode *root)
{
    char msg[256];
    const CgPatNode *deep = pat_too_deep(root, 0);
    if (deep) {
        snprintf(msg, sizeof msg,
                 "nested more than %u levels deep once its word lists are spelled out "
                 "(lists inside lists inside groups): flatten a list or a group",
                 CG_PATTERN_MAX_DEPTH);
        pat_error(p, deep->col - 1, msg);
        return;
    }
    const CgPatNode *over = NULL;
    const size_t len = pat_length(root, &over);
    if (over) {
        snprintf(msg, sizeof msg,
                 "too long: a match may run through %zu elements (lists spelled out), "
                 "at most %u are allowed, and here the count passes that: split it into "
                 "several patterns",
                 len, CG_PATTERN_MAX_LENGTH);
        pat_error(p, over->col - 1, msg);
        return;
    }
    const size_t parts = cg_pattern_size(root);
    if (parts > CG_PATTERN_MAX_PARTS) {
        snprintf(msg, sizeof msg,
                 "this grows to %zu parts (words, gaps, slots, alternatives, lists spelled "
                 "out); at most %u are allowed: split it into several patterns",
                 parts, CG_PATTERN_MAX_PARTS);
        pat_error(p, 0, msg);
    }
}

static CgStatus pat_parse_top(const char *src, CgPatListFunc lists, void *ctx, CgPatMode mode,
                              CgPatNode **out, unsigned *err_col, char *err, size_t err_size)
{
    CgPatParser p = {.src = src, .lists = lists, .ctx = ctx, .err = err,
                     .err_size = err_size};
    CgPatNode *root = pat_parse_alt(&p, 0);
    pat_skip_space(&p);
    if (!p.failed && (p.src[p.pos] == ')' || p.src[p.pos] == ']')) {
        pat_error(&p, p.pos, p.src[p.pos] == ')' ? "')' without a matching '('"
                                                 : "']' without a matching '['");
    }
    if (!p.failed) {
        pat_check_limits(&p, root);
    }
    if (!p.failed) {
        pat_check_slots(&p, root, mode);
    }
    if (p.failed) {
        cg_pattern_free(root);
        *out = NULL;
        *err_col = p.err_col;
        return CG_ERR_SYNTAX;
    }
    *out = root;
    return CG_OK;
}

CgStatus cg_pattern_parse(const char *src, CgPatListFunc lists, void *ctx, CgPatNode **out,
                          unsigned *err_col, char *err, size_t err_size)
{
    return pat_parse_top(src, lists, ctx, CG_MODE_RELATION, out, err_col, err, err_size);
}

CgStatus cg_pattern_parse_attribution(const char *src, CgPatListFunc lists, void *ctx,
                                      CgPatNode **out, unsigned *err_col, char *err,
                                      size_t err_size)
{
    return pat_parse_top(src, lists, ctx, CG_MODE_ATTRIBUTION, out, err_col, err, err_size);
}

CgStatus cg_pattern_parse_context(const char *src, CgPatListFunc lists, void *ctx,
                                  CgPatNode **out, unsigned *err_col, char *err,
                                  size_t err_size)
{
    return pat_parse_top(src, lists, ctx, CG_MODE_CONTEXT, out, err_col, err, err_size);
}

CgStatus cg_pattern_parse_phrase(const char *src, CgPatListFunc lists, void *ctx,
                                 CgPatNode **out, unsigned *err_col, char *err,
                                 size_t err_size)
{
    return pat_parse_top(src, lists, ctx, CG_MODE_PHRASE, out, err_col, err, err_size);
}
