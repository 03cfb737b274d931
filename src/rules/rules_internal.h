/* Private to the rules loader: the rule set's layout, the small YAML tree
 * the loader reads into, and the loading context shared by its files:
 *   load.c          entry points, files and directories, error reporting
 *   load_yaml.c     libyaml events -> CgYNode tree (aliases refused)
 *   decode*.c       tree -> entities, predicates, relations (per file)
 *   validate.c      checks across files (predicates, types, aliases)
 *   names.c         name sets for duplicates and "did you mean"
 *   rules.c         storage, accessors, cg_rules_free */
#ifndef CG_RULES_INTERNAL_H
#define CG_RULES_INTERNAL_H

#include "../core/attributes.h"
#include "../core/buf.h"
#include "../core/diag.h"
#include "../core/strmap.h"
#include "rules.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct CgRuleSet {
    char **files; /* every rule file's path, once; entities etc. point here */
    size_t n_files, cap_files;
    CgEntity *entities;
    size_t n_entities, cap_entities;
    CgPredicate *predicates;
    size_t n_predicates, cap_predicates;
    CgRelationRule *relations;
    size_t n_relations, cap_relations;
    CgClaimRules claims;
    CgSyntaxRules syntax;
};

/* --- The YAML tree ------------------------------------------------------ */

typedef enum {
    CG_Y_SCALAR,
    CG_Y_SEQ,
    CG_Y_MAP, /* kids hold key, value, key, value, ... */
    CG_Y_BAD  /* already reported (e.g. a YAML alias): skip quietly */
} CgYKind;

typedef enum { CG_Y_PLAIN, CG_Y_QUOTED, CG_Y_BLOCK } CgYStyle;

typedef struct CgYNode CgYNode;
struct CgYNode {
    CgYKind kind;
    CgYStyle style;
    char *text; /* SCALAR: owned, NUL-terminated */
    CgYNode **kids;
    size_t n_kids;
    unsigned line, col; /* 1-based */
};

void cg_ynode_free(CgYNode *node);

/* --- Names seen so far, for duplicates and "did you mean" ----------------- */

typedef struct {
    char *name;
    const char *file;
    unsigned line, col;
    uint32_t index; /* the caller's; CG_NO_INDEX when the item was dropped */
} CgName;

#define CG_NO_INDEX UINT32_MAX

typedef struct {
    CgStrMap *map; /* name -> position in items */
    CgName *items;
    size_t n, cap;
} CgNameSet;

void cg_names_init(CgNameSet *set);
void cg_names_free(CgNameSet *set);
const CgName *cg_names_find(const CgNameSet *set, const char *name);
/* Adds `name` unless present; returns the earlier entry, or NULL if new. */
const CgName *cg_names_add(CgNameSet *set, const char *name, const char *file,
                           unsigned line, unsigned col, uint32_t index);
/* The closest name within edit distance 2, or NULL. */
const char *cg_names_nearest(const CgNameSet *set, const char *name);
/* The closest of `n` words within edit distance 2, or NULL. */
const char *cg_words_nearest(const char *const *words, size_t n, const char *word);

/* --- The loading context -------------------------------------------------- */

typedef struct {
    unsigned line, col;
} CgMark;

/* What a relation needs from the other files before it is complete. */
typedef struct {
    char *predicate;
    CgMark predicate_mark;
    int symmetric; /* 0, 1, or -1 to take the predicate's */
    CgMark *subject_marks;
    CgMark *object_marks;
} CgRelDraft;

/* Word lists (`lists:`), visible to the patterns that follow them. */
typedef struct {
    CgStrMap *names; /* name -> index in nodes */
    CgPatNode **nodes; /* ALT nodes, owned */
    size_t n, cap;
} CgLists;

typedef struct {
    CgRuleSet *rules;
    CgDiagSink *sink;
    CgLists lists;
    const char *file; /* the file being read (interned in rules) */
    CgRelDraft *drafts; /* parallel to rules->relations */
    size_t cap_drafts;
    CgNameSet entity_ids, relation_ids, predicates, types;
    CgStatus status; /* the worst so far */
    bool yaml_failed; /* a file could not be parsed: skip the cross-checks */
} CgLoader;

/* Reports an error at `line`:`col` of the current file and records `st`. */
void cg_load_error(CgLoader *ld, CgStatus st, unsigned line, unsigned col,
                   const char *fmt, ...) CG_PRINTF(5, 6);
/* Reports a warning at `line`:`col` of the current file: the rules load. */
void cg_load_warning(CgLoader *ld, unsigned line, unsigned col, const char *fmt, ...)
    CG_PRINTF(4, 5);
/* Reports a rules error at `node` (which may be NULL: no position). */
void cg_node_error(CgLoader *ld, const CgYNode *node, const char *fmt, ...)
    CG_PRINTF(3, 4);

/* load_yaml.c: parses `len` bytes; returns the document roots (NULL items
 * for empty documents) or NULL after reporting a YAML error. */
CgYNode **cg_yaml_parse(CgLoader *ld, const char *yaml, size_t len, size_t *n_docs);

/* decode_lists.c: reads a `lists:` mapping; cg_lists_find is the
 * CgPatListFunc that patterns use to resolve @NAME (ctx: the CgLoader). */
void cg_decode_lists(CgLoader *ld, const CgYNode *node);
const CgPatNode *cg_lists_find(void *ctx, const char *name, size_t len);
void cg_lists_free(CgLists *lists);

/* decode_claims.c: reads a `claims:` mapping; validate.c checks the
 * references' types once every file is read. */
void cg_decode_claims(CgLoader *ld, const CgYNode *node);
void cg_claims_free(CgClaimRules *claims);
/* A list of cue phrases (each parsed as a pattern phrase), appended to
 * *cues; `what` names the list in messages ("'negation'"). */
void cg_decode_cues(CgLoader *ld, const CgYNode *node, const char *what, CgPatNode ***cues,
                    size_t *n);
void cg_cues_free(CgPatNode **cues, size_t n);

/* decode_syntax.c: reads a `syntax:` mapping. */
void cg_decode_syntax(CgLoader *ld, const CgYNode *node);
void cg_syntax_free(CgSyntaxRules *syntax);

/* decode.c: turns one document's tree into rules. */
void cg_decode_document(CgLoader *ld, const CgYNode *root);

/* decode_value.c: typed reads of tree nodes.  Each reports what is wrong at
 * the node and returns false; a NULL or CG_Y_BAD node returns false quietly
 * (it is missing, which the caller reports, or already reported). */

/* A mapping's value per allowed key (vals[i] for keys[i], NULL if absent);
 * reports unknown and repeated keys.  `what` names the mapping ("an
 * entity").  False when `node` is not a mapping. */
bool cg_yfields(CgLoader *ld, const CgYNode *node, const char *what,
                const char *const *keys, size_t n_keys, const CgYNode **vals);
/* Reports each of the first `n_required` keys that has no value; `what`
 * names the owner ("entity 'putin'"), `needs` lists the required keys. */
bool cg_yrequire(CgLoader *ld, const CgYNode *node, const char *what, const char *needs,
                 const char *const *keys, size_t n_required, const CgYNode **vals);
/* A non-empty string, copied. */
bool cg_ystr(CgLoader *ld, const CgYNode *node, const char *key, char **out);
/* A `note:` for people reading the rules: checked to be a string, not kept. */
bool cg_ynote(CgLoader *ld, const CgYNode *node);
bool cg_ybool(CgLoader *ld, const CgYNode *node, const char *key, bool *out);
/* A string or a list of strings, copied, with each one's position. */
bool cg_ystrv(CgLoader *ld, const CgYNode *node, const char *key, char ***out, size_t *n,
              CgMark **marks);
/* The items of the list *node, or *node itself as a list of one (none when
 * it is null); `node` must outlive the result. */
const CgYNode *const *cg_yitems(const CgYNode *const *node, size_t *n);
/* Whether a plain scalar means "no value" (empty, "~", "null"). */
bool cg_ynull(const CgYNode *node);
/* The column of byte `offset` of a scalar's text (best effort: exact for
 * one-line plain and quoted scalars without escapes). */
unsigned cg_ycol(const CgYNode *node, size_t offset);
/* "a list", "a mapping", "a string" */
const char *cg_ykind_name(const CgYNode *node);

/* decode_names.c: ids ("vladimir-putin") and words ("metWith", "Person"),
 * copied into *out (left NULL when the node is not a valid one).  On a bad
 * spelling the message offers a corrected one; `what` names the value
 * ("entity id"), `cap_first` says whether the fix starts with a capital. */
bool cg_decode_id(CgLoader *ld, const CgYNode *node, const char *what, char **out);
bool cg_decode_word(CgLoader *ld, const CgYNode *node, const char *key, const char *what,
                    bool cap_first, char **out);
/* "line 3" in the current file, else "other.yaml:3". */
void cg_place(const CgLoader *ld, const char *file, unsigned line, CgBuf *out);
/* "entity 'putin'" when `id` is a usable scalar, else "this entity". */
void cg_describe(const CgYNode *id, const char *kind, char *buf, size_t size);
/* decode_entity.c, decode_relation.c */
void cg_decode_entity(CgLoader *ld, const CgYNode *node);
void cg_decode_predicate(CgLoader *ld, const CgYNode *node);
void cg_decode_relation(CgLoader *ld, const CgYNode *node);

/* validate.c: the checks that need every file: predicates and types that
 * relations name, aliases claimed by two entities, symmetric defaults. */
void cg_validate(CgLoader *ld);

/* rules.c */
CgRuleSet *cg_ruleset_new(void);
const char *cg_ruleset_intern_file(CgRuleSet *rules, const char *path);
CgEntity *cg_ruleset_add_entity(CgRuleSet *rules);
CgPredicate *cg_ruleset_add_predicate(CgRuleSet *rules);
CgRelationRule *cg_ruleset_add_relation(CgRuleSet *rules);
void cg_entity_clear(CgEntity *e);
void cg_predicate_clear(CgPredicate *p);
void cg_relation_clear(CgRelationRule *r);
void cg_strv_free(char **v, size_t n);

#endif
