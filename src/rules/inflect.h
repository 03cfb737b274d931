/* English inflections, for pattern words written as a lemma ("accuse~",
 * "send~"): one entry stands for every form of the word, so that a rule
 * author need not list accuse, accuses, accused, accusing.
 *
 * Forms are generated, not recognised: the regular verb and noun endings
 * (-s, -es, -ies; -ed, -d, -ied; -ing, with a final e dropped, ie -> ying,
 * and a final consonant doubled or not: "committed" and "visited"), plus a
 * table of irregular verbs and nouns ("sent", "met", "men").  A pattern is
 * compiled once, so matching an inflection costs what matching a word
 * costs.  Generating both spellings where English is irregular (doubled or
 * not) gives a few forms no text holds, which can match nothing.
 *
 * Why not a stemmer (Snowball, libstemmer): a stem conflates derivations
 * ("diplomat", "diplomatic", "diplomacy" stem alike) and splits irregular
 * verbs ("sue" -> sue, "sued" -> su; "send" vs "sent"), the opposite of
 * what a rule author means by "this verb". */
#ifndef CG_INFLECT_H
#define CG_INFLECT_H

#include <stddef.h>

/* The forms of `lemma` (a normalised word: lower case), the lemma itself
 * first, each once.  An irregular form ("sent") stands for its lemma.
 * Returns the count and sets *forms to an array of strings, all owned by
 * the caller (free each, then the array). */
size_t cg_inflect_forms(const char *lemma, char ***forms);

#endif
