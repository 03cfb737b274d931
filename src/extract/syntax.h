/* Internal to extract/: the shallow syntax of a sentence, as far as the
 * patterns and claims need it, from the rules' `syntax:` phrase lists.
 *
 *   - Clause breaks ("; but", ", which"): units no plain gap crosses.
 *   - Lists of names: "the G7, South Korea and Japan", "Chinese President
 *     Xi Jinping and Russian President Vladimir Putin".  Each member is a
 *     conjunct: an optional determiner, then names, capitalised words and
 *     `name_modifiers` (titles: "leader"), whose last name is the member
 *     ("Putin", not "Russian").
 *     A list needs a coordinator before its last member; a serial comma
 *     before "and" needs three members, so that "..., and Ukraine said" is
 *     read as a new clause, not a list.  When a relation's slot binds one
 *     member, extract.c relates every member (n x m for two lists).
 *   - The head of a name phrase: in "Russian President Vladimir Putin" the
 *     demonym "Russian" is a premodifier of Putin; a slot that binds it and
 *     takes a Person binds Putin instead (extract.c), while a slot that
 *     takes only countries keeps it ("Russian President" is officialOf).
 *   - A list followed by a verb (`verbs`, `reporting_verbs`) is that verb's
 *     subject, not an object: "Kim met Shoigu and Lavrov said ..." relates
 *     Kim to Shoigu only.  A list between two verbs (`verbs` before it:
 *     "Kim met Shoigu and Lavrov met Choe") joins two clauses and is no
 *     list of subjects either; after a verb of saying ("Seoul said Japan
 *     and the G7 condemned ...") it is.  A list right after a preposition
 *     (`prepositions`) is its object and no verb's subject: in "the drills
 *     by the United States and South Korea were a rehearsal" the verb's
 *     subject is "the drills", and both members are spread.
 *
 * No parser is run: each test is a phrase list tried at a unit, on
 * sentences with two mentions or more only. */
#ifndef CG_EXTRACT_SYNTAX_H
#define CG_EXTRACT_SYNTAX_H

#include "../rules/rules.h"
#include "compile.h"
#include "pattern_run.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CG_NO_GROUP UINT32_MAX

typedef struct {
    CgCPattern clause_breaks; /* each an ALT of phrases; root NULL when none */
    CgCPattern coordinators;
    CgCPattern determiners;
    CgCPattern verbs;
    CgCPattern reporting_verbs;
    CgCPattern name_modifiers;
    CgCPattern prepositions;
} CgSyntaxCompiled;

/* A list of names in a sentence. */
typedef struct {
    size_t first_member; /* into CgSentenceSyntax.members */
    size_t n_members;
    size_t first_unit, last_unit; /* the units the list covers */
    bool before_verb;    /* a verb follows: the list is its subject */
    bool after_verb;     /* a verb that is no verb of saying comes right
                          * before: with before_verb, two clauses */
    bool after_saying;   /* a verb of saying (and "that") comes right
                          * before: the subject of the reported clause */
} CgNameList;

/* What the analysis found in one sentence; reused from sentence to
 * sentence (cg_syntax_reset). */
typedef struct {
    CgNameList *lists;
    size_t n_lists, cap_lists;
    size_t *members;      /* unit indexes of the members, list after list */
    size_t n_members, cap_members;
    uint32_t *list_of;    /* per unit: its list, or CG_NO_GROUP */
    uint32_t *head_of;    /* per unit: the name a premodifier belongs to
                           * ("Russian" -> "Vladimir Putin"), or CG_NO_GROUP */
    size_t cap_units, cap_heads;
} CgSentenceSyntax;

void cg_syntax_vocab(const CgSyntaxRules *rules, CgVocab *vocab);
void cg_syntax_compile(CgSyntaxCompiled *out, const CgSyntaxRules *rules, const CgVocab *vocab);
void cg_syntax_free_compiled(CgSyntaxCompiled *compiled);

/* Marks the clause breaks among the view's units (CG_UNIT_CLAUSE_BREAK in
 * their flags, which the caller may write through `units`) and finds the
 * lists of names.  `units` is view->units. */
void cg_syntax_analyse(const CgSyntaxCompiled *syn, const CgSentenceView *view, CgUnit *units,
                       CgSentenceSyntax *out);

void cg_syntax_clear(CgSentenceSyntax *s);

#endif
