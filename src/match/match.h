/* Mentions: every alias of every entity, compiled once into one
 * Aho-Corasick automaton over normalised tokens, so a document is scanned
 * once whatever the number of aliases.  Matches fall on token boundaries by
 * construction, and are chosen leftmost-longest without overlap.  Hyphens
 * between words are ignored on both sides ("Kim Jong-un" = "Kim Jong Un"),
 * apostrophes and quotes are straightened, a possessive 's after a mention
 * is taken into it, and letter case is folded unless the alias says
 * `case: exact`.  Short aliases (`short: true`) resolve to an entity named
 * earlier in the document by one of its full aliases (of several, the one
 * mentioned most so far; on a tie the one named first), and are dropped
 * when none was.  References (the claims' `references:`, such as "he" or
 * "the country") resolve to an earlier mention of an entity of their type:
 * in the latest sentence that has one (the same sentence, or up to
 * `reference_window` before it), the first such mention, which is most
 * often the subject; they are dropped when there is none. */
#ifndef CG_MATCH_H
#define CG_MATCH_H

#include "../rules/rules.h"
#include "../text/text.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CG_NO_MENTION UINT32_MAX

typedef struct {
    size_t tok_begin, tok_end; /* tokens [tok_begin, tok_end), within one sentence */
    uint32_t entity;           /* index into the rule set's entities */
    uint32_t alias;            /* index into that entity's aliases; for a
                                * reference, into the claims' references */
    uint32_t antecedent;       /* a reference ("he", "the country"): the index
                                * of the earlier mention it stands for;
                                * otherwise CG_NO_MENTION */
    uint32_t more[CG_GROUP_MAX - 1]; /* a group ("the two leaders"): the
                                * earlier mentions of its other members,
                                * in text order after `antecedent` */
    uint32_t n_more;
    bool word_too;             /* a pronoun ("it", "its"): patterns may read
                                * it as a plain word as well */
    bool possessive;           /* a possessive pronoun ("its"): read as a name
                                * with 's too */
} CgMention;

typedef struct CgMatcher CgMatcher;

/* Compiles the aliases of `rules` (borrowed; must outlive the matcher). */
CgMatcher *cg_matcher_new(const CgRuleSet *rules);

/* NULL-safe. */
void cg_matcher_free(CgMatcher *matcher);

/* Finds the mentions of one document, in text order.  `doc` is the text
 * that `text` was analysed from.  Returns the number of mentions and sets
 * *out to an array the caller frees (NULL when there are none). */
size_t cg_matcher_scan(const CgMatcher *matcher, const CgText *text, const char *doc,
                       CgMention **out);

/* Words that a short alias or a reference would have read as a mention,
 * had it had an antecedent ("Kim" before any full name of a Kim): what
 * `explain` tells a rule author. */
typedef struct {
    size_t tok_begin, tok_end;
    uint32_t entity;  /* a short alias' entity (the first of those sharing it),
                       * or UINT32_MAX for a reference */
    uint32_t alias;   /* its alias, or the reference's index */
} CgUnresolved;

/* cg_matcher_scan, also listing the unresolved words (*unresolved: an
 * array the caller frees, NULL when none). */
size_t cg_matcher_scan_all(const CgMatcher *matcher, const CgText *text, const char *doc,
                           CgMention **out, CgUnresolved **unresolved, size_t *n_unresolved);

#endif
