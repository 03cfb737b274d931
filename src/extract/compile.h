/* Internal to extract/: patterns compiled for speed.
 *
 * Profiling the parsed patterns showed 94% of build time in string
 * comparisons of pattern words against tokens: default rules expand word
 * lists into alternatives of hundreds of words, tried one by one at every
 * position.  Compiled, every pattern word is an integer id (one vocabulary
 * for the rule set), the single-word alternatives of a group become one
 * bitset test, and each pattern keeps the words it cannot match without
 * (its anchors), so a sentence lacking them is skipped without running it. */
#ifndef CG_EXTRACT_COMPILE_H
#define CG_EXTRACT_COMPILE_H

#include "../core/strmap.h"
#include "../rules/rules.h"
#include "../text/text.h"
#include "affix.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A set of word ids, one bit each. */
typedef struct {
    uint64_t *bits; /* owned; NULL when empty */
    size_t n_words; /* members */
} CgWordSet;

/* An alternative that can only start with `word`. */
typedef struct {
    uint32_t word;
    uint32_t kid; /* index into the ALT's kids */
} CgKidByWord;

typedef struct CgCNode CgCNode;
struct CgCNode {
    CgPatKind kind;
    bool optional;
    uint32_t word;      /* WORD: word id */
    uint32_t first;     /* the word id any match must start with, or 0 */
    const CgWordSet *firsts; /* the word ids a match may start with, or NULL
                              * when unknown; points at `starts` or a kid's */
    CgWordSet starts;   /* ALT, PREFIX, SUFFIX: owned storage for `firsts` */
    char *text;         /* CAPTURE: its name; borrowed */
    unsigned gap_max;   /* GAP */
    bool gap_any;       /* GAP: may cross mentions and clause breaks */
    bool gap_names;     /* GAP: may cross mentions, not clause breaks */
    bool greedy;        /* GAP: longest first */
    bool possessive;    /* WORD: 's or ', which a possessive mention
                         * before it holds already (matched consuming nothing) */
    unsigned span_max;  /* NOT_BEFORE: the most units its kid can span */
    unsigned col;       /* the column in the pattern's source */
    CgWordSet set;      /* ALT: its single-word alternatives */
    CgCNode **kids;     /* SEQ: elements; ALT: the other alternatives */
    size_t n_kids;
    /* ALT: which kids the word at hand may start, so that a list of a
     * hundred phrases costs one lookup, not a hundred tries (profiled: 42%
     * of build time went to rejecting kids one by one).  `by_word` is
     * sorted by (word, kid); `any_word` holds, in order, the kids whose
     * first word is unknown or that may match nothing. */
    CgKidByWord *by_word;
    size_t n_by_word;
    uint32_t *any_word;
    size_t n_any_word;
};

/* One anchor as a sentence is tested for it: some bit of `masks[i]` set in
 * block `blocks[i]` of the sentence's words, for some i.  Only the blocks
 * where the anchor has words are kept: testing every block of every anchor
 * of every pattern was 8% of build time. */
typedef struct {
    uint32_t *blocks;
    uint64_t *masks;
    size_t n;
} CgAnchor;

typedef struct {
    CgCNode *root;
    CgAnchor *anchors;       /* one per required node with known first words */
    size_t n_anchors;
    bool starts_with_slot;   /* only mentions can start a match */
    bool starts_with_subject; /* ... of the subject's types (else the object's) */
    bool starts_with_quantity; /* only a unit where a {quantity} may start can */
    bool has_quantity;       /* it reads a {quantity}: the sentence's numbers
                              * are marked before it runs */
    const CgCNode *lead;     /* its first element when that is required and
                              * must start with known words: a start whose
                              * word is none of them is skipped before a run
                              * is set up (profiled: the setup of runs that
                              * failed on their first word was 5% of a build) */
    const CgCNode *after_start; /* a pattern led by a slot or {quantity}: its
                              * first required element with known first
                              * words, which a match needs after its start;
                              * no start at or after the last unit holding
                              * one of those words is run (profiled: patterns
                              * started at a sentence's objects, after its
                              * verb, were a third of all pattern steps) */
    unsigned after_reach;    /* when not 0: that element must begin within
                              * this many units of the start */
} CgCPattern;

/* The vocabulary of all pattern words: word -> id (ids start at 1; 0 is
 * "a token no pattern mentions").  After the words, one id per pair of
 * (longest prefix, longest suffix) that a token which is no pattern word
 * may match (see affix.h). */
typedef struct {
    CgStrMap *ids;
    char **words;          /* per id below `affix_base`, the word (owned) */
    CgAffixTrie prefixes;  /* of "word*" */
    CgAffixTrie suffixes;  /* of "*word" */
    CgWordSet *prefix_ids; /* per prefix, every id it accepts (cg_vocab_finish) */
    CgWordSet *suffix_ids; /* per suffix, likewise */
    uint32_t affix_base;   /* the first affix id; 0 until cg_vocab_finish */
    size_t n;              /* ids in use, plus one */
    size_t cap;
} CgVocab;

void cg_vocab_init(CgVocab *vocab);
void cg_vocab_free(CgVocab *vocab);
/* Adds every word and affix of `root` to the vocabulary. */
void cg_vocab_add_pattern(CgVocab *vocab, const CgPatNode *root);
/* Gives the affix pairs their ids: call once, after the last pattern. */
void cg_vocab_finish(CgVocab *vocab);
/* The id of a token's normalised form, or 0. */
uint32_t cg_vocab_lookup(const CgVocab *vocab, const char *norm, size_t len);

/* Compiles `root` against a complete vocabulary. */
void cg_cpattern_init(CgCPattern *out, const CgPatNode *root, const CgVocab *vocab);
void cg_cpattern_free(CgCPattern *pattern);

/* The vocabulary id of every token of `text` (caller frees). */
uint32_t *cg_vocab_word_ids(const CgVocab *vocab, const CgText *text);

/* Whether every anchor of `p` (some word of each) is in `present`, the
 * bitset of a sentence's word ids: if not, the pattern cannot match. */
bool cg_cpattern_anchors_present(const CgCPattern *p, const uint64_t *present);

static inline bool cg_wordset_has(const CgWordSet *set, uint32_t id)
{
    return set->bits && (set->bits[id / 64] >> (id % 64)) & 1u;
}

/* Whether a match of `c` may start with word `word`: the cheap test run
 * before a node is tried (a node whose first words are unknown may). */
static inline bool cg_cnode_may_start(const CgCNode *c, uint32_t word)
{
    return (!c->first || c->first == word) && (!c->firsts || cg_wordset_has(c->firsts, word));
}

#endif
