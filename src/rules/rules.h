/* The rule set: entities with their aliases, the predicates, and the
 * relation rules with their patterns, loaded from YAML (libyaml).
 *
 * A rule set is data; the engine knows nothing of any domain.  Loading
 * checks everything (syntax, unknown keys, types, duplicates, aliases claimed
 * twice, patterns, undefined predicates and types) and reports every problem
 * as `FILE:LINE:COLUMN: message` to the sink before returning an error, so a
 * user fixes all of them in one pass.
 *
 * YAML layout (any number of files; a directory is read in name order):
 *
 *   entities:
 *     - id: vladimir-putin          # lower-case, digits, hyphens
 *       type: Person                # any capitalised word
 *       label: Vladimir Putin       # also an alias
 *       aliases: [Putin, "President Putin", {text: Vova, case: exact},
 *                 {text: Vladimir, short: true}]
 *       same_as: [http://www.wikidata.org/entity/Q7747]
 *   predicates:
 *     - {name: metWith, symmetric: true, label: "met with"}
 *   relations:
 *     - id: met-with-talks
 *       predicate: metWith
 *       subject: [Person]           # a type or a list of types
 *       object: [Person]
 *       patterns:
 *         - "{subject} (met|meets|meeting) (with)? {object}"
 *
 *   claims:                         # optional: how claims are qualified
 *     attribution: ["according to {claimer}", "{claimer} (said|says)"]
 *     context:     ["[date: in @MONTH]"]  # captures given to every claim of the sentence
 *     certainty:   [{value: reported, cues: [reportedly, allegedly]}]
 *     comparators: [{value: approx, cues: [around, about]}]
 *     units:       [{value: USD, cues: ["$", dollars]}, {value: shells, cues: [shells]}]
 *     negation:    [not, "*n't", never, denied]
 *     references:  [{text: he, type: Person}, {text: the country, type: Country}]
 *     reference_window: 2           # sentences back a reference may look
 *
 *   syntax:                         # optional: the shallow syntax
 *     clause_breaks: [";", but, while, ", which"]
 *     coordinators:  [and, or, "as well as"]
 *     determiners:   [the, both]
 *     verbs:         [met, "*ed", be~]
 *     reporting_verbs: [say~, tell~]
 *     name_modifiers: [leader, "foreign minister"]  # "North Korean leader Kim"
 *
 * An alias map may say `case: exact` (letter case must match, e.g. "US") and
 * `short: true` (a short form such as a bare surname: it names the entity
 * only after a full alias has named it earlier in the same document; several
 * entities may share a short alias: the one mentioned most so far wins).
 * A label or alias must hold a letter or digit (",", "." or "--" would name
 * the entity wherever that punctuation stands); one of a single letter or
 * digit ("X") is warned of, since it names the entity at every initial and
 * list item, unless its map says `one_letter: true` (meant as such).
 * A relation's `symmetric` defaults to its predicate's. */
#ifndef CG_RULES_H
#define CG_RULES_H

#include "../core/diag.h"
#include "../core/status.h"
#include "pattern.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    char *text;       /* as written in the rules; owned by the rule set */
    bool exact_case;
    bool short_form;
    unsigned line, col;
} CgAlias;

typedef struct {
    char *id;
    char *type;
    char *label;
    CgAlias *aliases;   /* the label comes first, as alias 0 */
    size_t n_aliases;
    char **same_as;
    size_t n_same_as;
    const char *file;   /* rule file (interned by the rule set) */
    unsigned line, col;
} CgEntity;

typedef struct {
    char *name;
    char *label;        /* NULL when not given */
    bool symmetric;
    const char *file;
    unsigned line, col;
} CgPredicate;

typedef struct {
    char *source;       /* the pattern as written */
    CgPatNode *root;
    unsigned line, col;
} CgPattern;

typedef struct {
    char *id;
    size_t predicate;   /* index into the rule set's predicates */
    char **subject_types;
    size_t n_subject_types;
    char **object_types;
    size_t n_object_types;
    bool symmetric;
    bool drop_negated;  /* `negated: drop`: a negated match gives no evidence;
                         * by default (`negated: mark`) it gives evidence
                         * marked negated, and never a plain triple */
    bool phrase_scope;  /* `scope: phrase`: the relation is a fact of a noun
                         * phrase ("Russian President Vladimir Putin", ", the
                         * country's ambassador,"): the sentence's negation,
                         * hedges, claimer and dates do not qualify it */
    bool noun_scope;    /* `scope: noun`: a relation named by a noun phrase
                         * ("Russia's invasion of Ukraine"): negation counts
                         * only when it governs the phrase ("denied the
                         * deployment of ..."), not from further back in the
                         * clause ("does not contain any condemnation of
                         * Russia's invasion"); hedges and claimer as for a
                         * clause */
    CgPattern *patterns;
    size_t n_patterns;
    const char *file;
    unsigned line, col;
} CgRelationRule;

/* Cue phrases and the value they give: a certainty ("reported") or a
 * quantity's comparator ("approx"). */
typedef struct {
    char *value;
    CgPatNode **cues; /* phrases, owned */
    size_t n_cues;
    unsigned line, col;
} CgCueClass;

/* The most entities a group reference ("the three leaders") stands for. */
#define CG_GROUP_MAX 4

/* A short reference ("he", "the country") to the latest entity of `type`. */
typedef struct {
    char *text;
    char *type;
    bool pronoun;       /* a pronoun ("it", "him"): it stands for the nearest
                         * entity of the type before it, and stays a plain
                         * word for patterns as well as filling a slot */
    bool possessive;    /* a possessive pronoun ("its"): a pronoun that
                         * patterns also read as a name with 's */
    bool subject;       /* a pronoun that stands only for the first entity
                         * of the type in its antecedent's sentence, most
                         * often that sentence's subject ("it": "Tehran said
                         * it had sent drones", not "the deal it signed") */
    unsigned group;     /* a group ("the two leaders"): the number of
                         * distinct entities of the type it stands for, the
                         * latest named; 0 for a reference to one */
    const char *file;
    unsigned line, col; /* of the type */
} CgReference;

typedef struct {
    CgPattern *attribution;   /* each with one {claimer} or [claimer: ...] */
    size_t n_attribution;
    CgPattern *context;       /* each with captures, no slots */
    size_t n_context;
    CgCueClass *certainty;    /* in order: the first found wins */
    size_t n_certainty;
    CgCueClass *comparators;
    size_t n_comparators;
    CgCueClass *units;        /* what a {quantity} counts: "$" -> USD, shells */
    size_t n_units;
    CgPatNode **negation;     /* cue phrases; an odd number in a match negates it */
    size_t n_negation;
    CgReference *references;
    size_t n_references;
    unsigned reference_window; /* sentences before the current one (default 2) */
} CgClaimRules;

/* The shallow syntax of sentences, as phrase lists (`syntax:`): what
 * breaks a clause (no plain gap crosses it), what joins a list of names
 * ("the G7, South Korea and Japan"), the words that may open a member
 * ("the") or stand in it before the name ("leader"), and the verbs around
 * a list that tell a subject from an object (see extract/syntax.h). */
typedef struct {
    CgPatNode **clause_breaks;
    size_t n_clause_breaks;
    CgPatNode **coordinators;
    size_t n_coordinators;
    CgPatNode **determiners;
    size_t n_determiners;
    CgPatNode **verbs;
    size_t n_verbs;
    CgPatNode **reporting_verbs; /* "said": a list after them is a subject */
    size_t n_reporting_verbs;
    CgPatNode **name_modifiers; /* lower-case titles inside a member: "leader" */
    size_t n_name_modifiers;
    CgPatNode **prepositions; /* "between": a list after them is no subject */
    size_t n_prepositions;
} CgSyntaxRules;

typedef struct CgRuleSet CgRuleSet;

/* Loads every rule file at `path` (a .yaml/.yml file, or a directory whose
 * *.yaml and *.yml files are read in name order).  Reports each problem to
 * `sink`; on any error returns non-OK and sets *out to NULL. */
CgStatus cg_rules_load(const char *path, CgDiagSink *sink, CgRuleSet **out);

/* Loads from a string (for tests and fuzzing); `name` is used in messages. */
CgStatus cg_rules_load_string(const char *yaml, size_t len, const char *name,
                              CgDiagSink *sink, CgRuleSet **out);

/* NULL-safe. */
void cg_rules_free(CgRuleSet *rules);

size_t cg_rules_entity_count(const CgRuleSet *rules);
const CgEntity *cg_rules_entity(const CgRuleSet *rules, size_t i);
size_t cg_rules_predicate_count(const CgRuleSet *rules);
const CgPredicate *cg_rules_predicate(const CgRuleSet *rules, size_t i);
size_t cg_rules_relation_count(const CgRuleSet *rules);
const CgRelationRule *cg_rules_relation(const CgRuleSet *rules, size_t i);

/* How claims are qualified (empty lists when the rules say nothing). */
const CgClaimRules *cg_rules_claims(const CgRuleSet *rules);

/* The shallow syntax (empty lists when the rules say nothing: then no
 * clause breaks and no lists are seen). */
const CgSyntaxRules *cg_rules_syntax(const CgRuleSet *rules);

/* Whether `type` is one of `types` (exact comparison). */
bool cg_rules_type_in(const char *type, char *const *types, size_t n_types);

#endif
