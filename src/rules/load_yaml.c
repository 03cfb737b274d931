/* libyaml's event API read into a small tree of CgYNode, each with its
 * 1-based line and column.  The tree never expands YAML aliases: "*name"
 * is refused at its mark, which rules out "billion laughs" blow-ups (and
 * rule files have no need for them). */
#include "rules_internal.h"

#include "../core/mem.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* Rule files are a few levels deep; a limit keeps the recursion bounded
 * for hostile input such as "[[[[[[...". */
#define CG_YAML_MAX_DEPTH 64u

typedef struct {
    CgLoader *ld;
    yaml_parser_t parser;
    const char *yaml;
    size_t len;
    bool failed;
} CgYReader;

void cg_ynode_free(CgYNode *node)
{
    if (!node) {
        return;
    }
    for (size_t i = 0; i < node->n_kids; ++i) {
        cg_ynode_free(node->kids[i]);
    }
    free(node->kids);
    free(node->text);
    free(node);
}

/* Byte offset of a 1-based line and column (which count characters). */
static size_t offset_of(const char *s, size_t len, unsigned line, unsigned col)
{
    size_t i = 0;
    for (unsigned l = 1; l < line && i < len; ++i) {
        l += s[i] == '\n';
    }
    for (unsigned c = 1; c < col && i < len; ++c) {
        do {
            ++i;
        } while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80);
    }
    return i;
}

/* Line and column (in characters, like libyaml's marks) of a byte offset. */
static CgMark mark_of(const char *s, size_t len, size_t offset)
{
    CgMark m = {1, 1};
    for (size_t i = 0; i < offset && i < len; ++i) {
        if (s[i] == '\n') {
            ++m.line;
            m.col = 1;
        } else if (((unsigned char)s[i] & 0xC0) != 0x80) {
            ++m.col;
        }
    }
    return m;
}

/* libyaml blames the octet that cuts a UTF-8 sequence short; the reader
 * needs to see where the sequence starts (e.g. a lone Latin-1 byte). */
static size_t sequence_start(const char *s, size_t offset, const char *problem)
{
    if (!strstr(problem, "trailing")) {
        return offset;
    }
    while (offset > 0 && ((unsigned char)s[offset - 1] & 0xC0) == 0x80) {
        --offset;
    }
    if (offset > 0 && ((unsigned char)s[offset - 1] & 0xC0) == 0xC0) {
        --offset;
    }
    return offset;
}

/* The most common YAML mistake gets a plain word of advice. */
static const char *syntax_hint(const CgYReader *r, CgMark m)
{
    const size_t at = offset_of(r->yaml, r->len, m.line, m.col);
    if (at < r->len && r->yaml[at] == '\t') {
        return "; YAML does not allow tabs for indentation: use spaces";
    }
    return "";
}

static void report_parser_error(CgYReader *r)
{
    const yaml_parser_t *p = &r->parser;
    const char *problem = p->problem ? p->problem : "out of memory";
    r->failed = true;
    r->ld->yaml_failed = true;
    if (p->error == YAML_READER_ERROR) {
        const size_t at = sequence_start(r->yaml, p->problem_offset, problem);
        const CgMark m = mark_of(r->yaml, r->len, at);
        cg_load_error(r->ld, CG_ERR_SYNTAX, m.line, m.col,
                      "this file is not valid UTF-8 text (%s): save it as UTF-8", problem);
        return;
    }
    const CgMark m = {(unsigned)p->problem_mark.line + 1, (unsigned)p->problem_mark.column + 1};
    if (p->context) {
        cg_load_error(r->ld, CG_ERR_SYNTAX, m.line, m.col,
                      "YAML syntax error: %s (%s that starts at line %u, column %u)%s",
                      problem, p->context, (unsigned)p->context_mark.line + 1,
                      (unsigned)p->context_mark.column + 1, syntax_hint(r, m));
    } else {
        cg_load_error(r->ld, CG_ERR_SYNTAX, m.line, m.col, "YAML syntax error: %s%s",
                      problem, syntax_hint(r, m));
    }
}

static bool next_event(CgYReader *r, yaml_event_t *ev)
{
    if (r->failed) {
        return false;
    }
    if (!yaml_parser_parse(&r->parser, ev)) {
        report_parser_error(r);
        return false;
    }
    return true;
}

static CgYNode *read_node(CgYReader *r, yaml_event_t *ev, unsigned depth);

static void add_kid(CgYNode *parent, CgYNode *kid, size_t *cap)
{
    parent->kids = cg_xgrow(parent->kids, cap, parent->n_kids + 1, sizeof *parent->kids);
    parent->kids[parent->n_kids++] = kid;
}

/* Reads the items of a sequence or mapping up to its end event. */
static void read_kids(CgYReader *r, CgYNode *parent, yaml_event_type_t end, unsigned depth)
{
    size_t cap = 0;
    yaml_event_t ev;
    while (next_event(r, &ev)) {
        if (ev.type == end) {
            yaml_event_delete(&ev);
            return;
        }
        CgYNode *kid = read_node(r, &ev, depth + 1);
        if (!kid) {
            return;
        }
        add_kid(parent, kid, &cap);
    }
}

static void read_scalar(CgYNode *n, const yaml_event_t *ev)
{
    n->kind = CG_Y_SCALAR;
    n->text = cg_xstrndup((const char *)ev->data.scalar.value, ev->data.scalar.length);
    switch (ev->data.scalar.style) {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE:
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: n->style = CG_Y_QUOTED; break;
    case YAML_LITERAL_SCALAR_STYLE:
    case YAML_FOLDED_SCALAR_STYLE: n->style = CG_Y_BLOCK; break;
    default: n->style = CG_Y_PLAIN; break;
    }
}

/* A quoted "\0" (or "\x00", "\u0000") puts a NUL inside a string, which
 * every C string would end at: "Vladimir\0Putin" became the alias
 * "Vladimir".  No rule needs one, so it is refused where it stands. */
static bool refuse_nul(CgYReader *r, CgYNode *n, const yaml_event_t *ev)
{
    const char *text = (const char *)ev->data.scalar.value;
    const size_t len = ev->data.scalar.length;
    const size_t nul = strlen(text);
    if (nul == len) {
        return false;
    }
    size_t shown = nul > 40 ? 40 : nul;
    while (shown < nul && shown > 0 && ((unsigned char)text[shown] & 0xC0) == 0x80) {
        --shown; /* not in the middle of a character */
    }
    n->kind = CG_Y_BAD;
    cg_load_error(r->ld, CG_ERR_SYNTAX, n->line, n->col,
                  "this string holds a NUL character (an escape such as \\0, \\x00 or "
                  "\\u0000) %s%.*s%s, which would cut it short there: remove it",
                  nul ? "after '" : "at its start", (int)shown, text, nul ? "'" : "");
    return true;
}

static void refuse_alias(CgYReader *r, CgYNode *n, const yaml_event_t *ev)
{
    n->kind = CG_Y_BAD;
    cg_load_error(r->ld, CG_ERR_SYNTAX, n->line, n->col,
                  "YAML aliases (*%s) are not supported in rule files: "
                  "write the value out in full",
                  (const char *)ev->data.alias.anchor);
}

/* Builds the node that `ev` starts (consuming `ev`); NULL once the parser
 * has failed. */
static CgYNode *read_node(CgYReader *r, yaml_event_t *ev, unsigned depth)
{
    CgYNode *n = cg_xcalloc(1, sizeof *n);
    n->line = (unsigned)ev->start_mark.line + 1;
    n->col = (unsigned)ev->start_mark.column + 1;
    if (depth > CG_YAML_MAX_DEPTH) {
        cg_load_error(r->ld, CG_ERR_SYNTAX, n->line, n->col,
                      "lists and mappings are nested more than %u levels deep",
                      CG_YAML_MAX_DEPTH);
        r->failed = r->ld->yaml_failed = true;
    } else if (ev->type == YAML_SCALAR_EVENT) {
        if (!refuse_nul(r, n, ev)) {
            read_scalar(n, ev);
        }
    } else if (ev->type == YAML_ALIAS_EVENT) {
        refuse_alias(r, n, ev);
    } else if (ev->type == YAML_SEQUENCE_START_EVENT || ev->type == YAML_MAPPING_START_EVENT) {
        const bool seq = ev->type == YAML_SEQUENCE_START_EVENT;
        n->kind = seq ? CG_Y_SEQ : CG_Y_MAP;
        read_kids(r, n, seq ? YAML_SEQUENCE_END_EVENT : YAML_MAPPING_END_EVENT, depth);
    }
    yaml_event_delete(ev);
    if (r->failed) {
        cg_ynode_free(n);
        return NULL;
    }
    return n;
}

static void free_docs(CgYNode **docs, size_t n)
{
    for (size_t i = 0; i < n; ++i) {
        cg_ynode_free(docs[i]);
    }
    free(docs);
}

/* A stream is documents in a row; each yields its root node. */
static CgYNode **read_stream(CgYReader *r, size_t *n_docs)
{
    CgYNode **docs = NULL;
    size_t n = 0, cap = 0;
    yaml_event_t ev;
    while (next_event(r, &ev) && ev.type != YAML_STREAM_END_EVENT) {
        const bool doc = ev.type == YAML_DOCUMENT_START_EVENT;
        yaml_event_delete(&ev);
        if (!doc || !next_event(r, &ev)) {
            continue; /* stream start, document end, or a failure */
        }
        CgYNode *root = read_node(r, &ev, 0);
        docs = cg_xgrow(docs, &cap, n + 1, sizeof *docs);
        docs[n++] = root;
    }
    if (!r->failed) {
        yaml_event_delete(&ev);
        *n_docs = n;
        return docs;
    }
    free_docs(docs, n);
    return NULL;
}

CgYNode **cg_yaml_parse(CgLoader *ld, const char *yaml, size_t len, size_t *n_docs)
{
    CgYReader r = {ld, {0}, yaml, len, false};
    *n_docs = 0;
    if (!yaml_parser_initialize(&r.parser)) {
        cg_load_error(ld, CG_ERR_NOMEM, 0, 0, "out of memory starting the YAML parser");
        return NULL;
    }
    yaml_parser_set_input_string(&r.parser, (const unsigned char *)yaml, len);
    CgYNode **docs = read_stream(&r, n_docs);
    yaml_parser_delete(&r.parser);
    if (!docs && !r.failed) {
        docs = cg_xcalloc(1, sizeof *docs); /* no documents: an empty file */
    }
    return docs;
}
