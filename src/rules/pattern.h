/* Relation patterns: the small language that says which sentence shapes
 * assert a relation.  Parsed once when the rules are loaded (so that a bad
 * pattern is reported with its line and column before any document is read)
 * and run by extract/.
 *
 * Syntax (elements separated by white space):
 *   word        a literal token, compared case-insensitively ("sent")
 *   accuse~     any inflection of the word (accuse, accuses, accused,
 *               accusing; send~: send, sends, sent, sending; see inflect.h)
 *   deploy*     any token that starts with "deploy" (deploys, deployed, ...)
 *   *n't        any token that ends with "n't" (hasn't, didn't, ...)
 *   'word'      a literal taken as is, for punctuation or reserved characters
 *   , ; :       punctuation literals
 *   {subject}   a mention of an entity of one of the rule's subject types
 *   {object}    a mention of an entity of one of the rule's object types
 *   {quantity}  a number: 12,000 / 1.5 / 20 / three / thousands, with an
 *               optional scale word (million, thousand) captured with it
 *   {claimer}   (attribution patterns) a mention of any entity: who says so
 *   {mention}   a mention of any entity, bound to nothing (for constraints)
 *   [name: ...] captures the text the elements inside match, as `name`
 *               (a date, a unit; [claimer: ...] names a claimer that is
 *               no entity, such as "a Kremlin insider")
 *   ...  ...N   a gap of 0 to 5 (or 0 to N, N <= 30) plain tokens, the
 *               shortest first; it crosses no mention and no clause break
 *               (the rules' `syntax: clause_breaks`)
 *   ...N+       a gap that may cross mentions and clause breaks
 *   ...N~       a gap that may cross mentions but keeps to its clause
 *               (an aside: ", Ukraine's foreign minister,")
 *   ...N>       a gap that tries the longest first (greedy; "...N+>" both)
 *   !X          a constraint: X does not match here (X a word, group, list
 *               or {mention}; it consumes nothing): "{object} !(agent|aide)"
 *   <!X         a constraint: X does not end right before here:
 *               "<!(not|never) {subject}"
 *   (a b | c)   alternatives, each a sequence of elements
 *   @NAME       one of the phrases of the word list NAME (a rule file's
 *               `lists:`), as if written (phrase 1 | phrase 2 | ...)
 *   X?          X is optional (a word, a group, a slot, a list)
 * A hyphenated word ("full-scale") matches the same tokens as in text.
 * A relation pattern must hold exactly one {subject} and one {object}, each
 * outside any alternative or optional part, so every match binds both; an
 * attribution pattern likewise exactly one {claimer} or [claimer: ...]. */
#ifndef CG_PATTERN_H
#define CG_PATTERN_H

#include "../core/status.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    CG_PAT_SEQ,      /* kids in order */
    CG_PAT_ALT,      /* one of kids (each a SEQ) */
    CG_PAT_WORD,     /* token equal to `word` */
    CG_PAT_PREFIX,   /* token starting with `word` */
    CG_PAT_SUFFIX,   /* token ending with `word` */
    CG_PAT_SUBJECT,  /* subject mention */
    CG_PAT_OBJECT,   /* object mention */
    CG_PAT_QUANTITY, /* number, captured */
    CG_PAT_GAP,      /* 0..gap_max units */
    CG_PAT_CLAIMER,  /* a mention of any entity (attribution patterns) */
    CG_PAT_CAPTURE,  /* kids[0] (a SEQ), its text captured as `word` */
    CG_PAT_MENTION,  /* any mention, bound to nothing */
    CG_PAT_NOT,      /* kids[0] does not match here (consumes nothing) */
    CG_PAT_NOT_BEFORE, /* kids[0] does not end right before here */
    CG_PAT_BOTH      /* a group reference ("the two leaders"): subject and
                      * object are each pair of its members */
} CgPatKind;

typedef struct CgPatNode CgPatNode;
struct CgPatNode {
    CgPatKind kind;
    bool optional;
    char *word;        /* WORD, PREFIX, SUFFIX: normalised (lower-case, ASCII
                        * apostrophe); CAPTURE: the name; owned */
    unsigned gap_max;  /* GAP */
    bool gap_any;      /* GAP: may cross mentions and clause breaks */
    bool gap_names;    /* GAP: may cross mentions, not clause breaks */
    bool greedy;       /* GAP: the longest reading first */
    CgPatNode **kids;  /* SEQ, ALT; owned */
    size_t n_kids;
    size_t cap_kids;   /* kids allocated (grown by doubling: a pattern of
                        * 100,000 elements took minutes under ASan, whose
                        * realloc always copies) */
    unsigned col;      /* 1-based column in the source string */
};

/* Limits on a parsed pattern (or phrase), with its word lists spelled
 * out, so that no rule file can exhaust the stack or memory of the loader
 * or the matcher, whose recursion goes as deep as a match's path through
 * the pattern.  The default rules' largest pattern has 9,696 parts, a
 * longest path of 203 elements and 12 levels (December 2026): the limits
 * leave a wide margin.  Groups and captures nest at most 16 deep as
 * written. */
#define CG_PATTERN_MAX_PARTS 100000u /* nodes of the tree */
#define CG_PATTERN_MAX_LENGTH 1000u  /* elements on a match's longest path */
#define CG_PATTERN_MAX_DEPTH 64u     /* levels of the tree */

/* Finds the word list `name` (`len` bytes, without the @): an ALT node the
 * parser copies, or NULL when there is no such list. */
typedef const CgPatNode *(*CgPatListFunc)(void *ctx, const char *name, size_t len);

/* Parses `src`; `lists` (may be NULL) resolves @NAME.  On success sets *out
 * (free with cg_pattern_free).  On a syntax error returns CG_ERR_SYNTAX,
 * sets *err_col (1-based column in `src`) and writes a message for the user
 * into `err` (`err_size` bytes). */
CgStatus cg_pattern_parse(const char *src, CgPatListFunc lists, void *ctx, CgPatNode **out,
                          unsigned *err_col, char *err, size_t err_size);

/* Parses an attribution pattern: one {claimer} or [claimer: ...], no
 * subject or object. */
CgStatus cg_pattern_parse_attribution(const char *src, CgPatListFunc lists, void *ctx,
                                      CgPatNode **out, unsigned *err_col, char *err,
                                      size_t err_size);

/* Parses a context pattern: no slots, at least one [name: ...] capture,
 * whose text then qualifies every claim of the sentence ("in June"). */
CgStatus cg_pattern_parse_context(const char *src, CgPatListFunc lists, void *ctx,
                                  CgPatNode **out, unsigned *err_col, char *err,
                                  size_t err_size);

/* Parses one phrase of a word list or cue list: like a pattern, without
 * slots or captures. */
CgStatus cg_pattern_parse_phrase(const char *src, CgPatListFunc lists, void *ctx,
                                 CgPatNode **out, unsigned *err_col, char *err,
                                 size_t err_size);

/* The number of nodes of the tree `node`. */
size_t cg_pattern_size(const CgPatNode *node);

/* A deep copy of `node`. */
CgPatNode *cg_pattern_copy(const CgPatNode *node);

/* NULL-safe. */
void cg_pattern_free(CgPatNode *node);

#endif
