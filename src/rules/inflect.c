#include "inflect.h"

#include "../core/mem.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Irregular verbs (base, then past and participle forms) and nouns (singular,
 * then plural).  Regular forms are generated as well, so only the irregular
 * ones are listed; a leading ! says there are none ("be" has no "bed"). */
static const char *const irregular[] = {
    "arise arose arisen", "awake awoke awoken", "!be am is are was were been being",
    "bear bore borne born", "beat beaten", "become became", "begin began begun",
    "bend bent", "bet", "bid", "bind bound", "bite bit bitten", "bleed bled",
    "blow blew blown", "break broke broken", "breed bred", "bring brought",
    "broadcast", "build built", "burn burnt", "burst", "buy bought", "cast",
    "catch caught", "choose chose chosen", "cling clung", "come came", "cost",
    "creep crept", "cut", "deal dealt", "dig dug", "do does did done",
    "draw drew drawn", "dream dreamt", "drink drank drunk", "drive drove driven",
    "dwell dwelt", "eat ate eaten", "fall fell fallen", "feed fed", "feel felt",
    "fight fought", "find found", "flee fled", "fling flung", "fly flew flown flies",
    "forbid forbade forbidden", "forecast", "foresee foresaw foreseen",
    "forget forgot forgotten", "forgive forgave forgiven", "freeze froze frozen",
    "get got gotten", "give gave given", "go goes went gone", "grind ground",
    "grow grew grown", "hang hung", "have has had having", "hear heard",
    "hide hid hidden", "hit", "hold held", "hurt", "keep kept", "kneel knelt",
    "know knew known", "lay laid", "lead led", "lean leant", "leap leapt",
    "learn learnt", "leave left", "lend lent", "let", "lie lay lain",
    "light lit", "lose lost", "make made", "mean meant", "meet met",
    "mislead misled", "mistake mistook mistaken", "overcome overcame",
    "overrun overran", "oversee oversaw overseen", "overtake overtook overtaken",
    "overthrow overthrew overthrown", "pay paid", "plead pled", "prove proven",
    "put", "quit", "read", "rebuild rebuilt", "redo redid redone", "rid",
    "ride rode ridden", "ring rang rung", "rise rose risen", "run ran",
    "say said", "see saw seen", "seek sought", "sell sold", "send sent",
    "set", "shake shook shaken", "shed", "shine shone", "shoot shot",
    "show shown", "shrink shrank shrunk", "shut", "sing sang sung",
    "sink sank sunk", "sit sat", "slay slew slain", "sleep slept",
    "slide slid", "speak spoke spoken", "speed sped", "spend spent",
    "spill spilt", "spin spun", "split", "spread", "spring sprang sprung",
    "stand stood", "steal stole stolen", "stick stuck", "sting stung",
    "strike struck stricken", "strive strove striven", "swear swore sworn",
    "sweep swept", "swell swollen", "swim swam swum", "swing swung",
    "take took taken", "teach taught", "tear tore torn", "tell told",
    "think thought", "throw threw thrown", "thrust", "tread trod trodden",
    "undergo underwent undergone", "understand understood",
    "undertake undertook undertaken", "undo undid undone", "uphold upheld",
    "upset", "wake woke woken", "wear wore worn", "weave wove woven",
    "weep wept", "win won", "wind wound", "withdraw withdrew withdrawn",
    "withhold withheld", "withstand withstood", "write wrote written",
    /* nouns */
    "analysis analyses", "basis bases", "child children", "crisis crises",
    "criterion criteria", "foot feet", "half halves", "knife knives",
    "leaf leaves", "life lives", "man men", "mouse mice", "person people",
    "phenomenon phenomena", "self selves", "thesis theses", "thief thieves",
    "wife wives", "woman women", "chairman chairmen", "spokesman spokesmen",
    "spokeswoman spokeswomen", "serviceman servicemen", "congressman congressmen",
    "countryman countrymen", "statesman statesmen", NULL};

typedef struct {
    char **items;
    size_t n, cap;
} Forms;

static void forms_add(Forms *f, const char *w, size_t len)
{
    for (size_t i = 0; i < f->n; ++i) {
        if (strlen(f->items[i]) == len && !strncmp(f->items[i], w, len)) {
            return;
        }
    }
    f->items = cg_xgrow(f->items, &f->cap, f->n + 1, sizeof *f->items);
    f->items[f->n++] = cg_xstrndup(w, len);
}

/* `stem` + `ending`, added to the forms. */
static void forms_add_joined(Forms *f, const char *stem, size_t stem_len, const char *ending)
{
    char buf[128];
    const int n = snprintf(buf, sizeof buf, "%.*s%s", (int)stem_len, stem, ending);
    if (n > 0 && (size_t)n < sizeof buf) {
        forms_add(f, buf, (size_t)n);
    }
}

static bool is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static bool ends_with(const char *w, size_t len, const char *end)
{
    const size_t n = strlen(end);
    return len >= n && !strcmp(w + len - n, end);
}

/* -s: "accuses", "pushes", "supplies", "plays". */
static void regular_s(Forms *f, const char *w, size_t len)
{
    const char last = w[len - 1];
    if (last == 'y' && len > 1 && !is_vowel(w[len - 2])) {
        forms_add_joined(f, w, len - 1, "ies");
    } else if (last == 's' || last == 'x' || last == 'z' || last == 'o' ||
               ends_with(w, len, "ch") || ends_with(w, len, "sh")) {
        forms_add_joined(f, w, len, "es");
    } else {
        forms_add_joined(f, w, len, "s");
    }
}

/* A final consonant after one vowel may double: "commit" -> "committed",
 * but "visit" -> "visited"; both are made, one of them matches nothing. */
static bool may_double(const char *w, size_t len)
{
    const char last = w[len - 1];
    return len >= 3 && !is_vowel(last) && last != 'w' && last != 'x' && last != 'y' &&
           is_vowel(w[len - 2]) && !is_vowel(w[len - 3]);
}

/* -ed and -ing. */
static void regular_ed_ing(Forms *f, const char *w, size_t len)
{
    const char last = w[len - 1];
    if (last == 'e') {
        forms_add_joined(f, w, len, "d");
        if (ends_with(w, len, "ie")) {
            forms_add_joined(f, w, len - 2, "ying"); /* die -> dying */
        } else if (ends_with(w, len, "ee") || ends_with(w, len, "ye") || ends_with(w, len, "oe")) {
            forms_add_joined(f, w, len, "ing"); /* agree -> agreeing */
        } else {
            forms_add_joined(f, w, len - 1, "ing"); /* accuse -> accusing */
        }
        return;
    }
    if (last == 'y' && len > 1 && !is_vowel(w[len - 2])) {
        forms_add_joined(f, w, len - 1, "ied");
    } else {
        forms_add_joined(f, w, len, "ed");
    }
    forms_add_joined(f, w, len, "ing");
    if (may_double(w, len)) {
        char doubled[128];
        const int n = snprintf(doubled, sizeof doubled, "%.*s%c", (int)len, w, last);
        if (n > 0 && (size_t)n < sizeof doubled) {
            forms_add_joined(f, doubled, (size_t)n, "ed");
            forms_add_joined(f, doubled, (size_t)n, "ing");
        }
    }
}

/* The irregular entry that holds `w` as any of its forms, or NULL. */
static const char *irregular_entry(const char *w)
{
    const size_t len = strlen(w);
    for (const char *const *e = irregular; *e; ++e) {
        for (const char *p = *e + (**e == '!'); *p;) {
            const size_t n = strcspn(p, " ");
            if (n == len && !strncmp(p, w, n)) {
                return *e;
            }
            p += n + (p[n] == ' ');
        }
    }
    return NULL;
}

/* Prefixes that keep a verb irregular: "retake" -> "retook", "outgrow" ->
 * "outgrew", "withhold" -> "withheld". */
static const char *const irregular_prefixes[] = {"re", "over", "under", "out", "with",
                                                 "mis", "fore", "up",   NULL};

/* The irregular entry of `lemma` itself, or of it without one of the
 * prefixes (*prefix_len set to that prefix's length, else 0). */
static const char *irregular_entry_prefixed(const char *lemma, size_t *prefix_len)
{
    *prefix_len = 0;
    const char *entry = irregular_entry(lemma);
    for (const char *const *p = irregular_prefixes; !entry && *p; ++p) {
        const size_t n = strlen(*p);
        if (!strncmp(lemma, *p, n) && strlen(lemma + n) >= 2 &&
            (entry = irregular_entry(lemma + n)) != NULL) {
            *prefix_len = n;
        }
    }
    return entry;
}

/* Adds `prefix` (its first `prefix_len` bytes) followed by w[0..n). */
static void forms_add_prefixed(Forms *f, const char *prefix, size_t prefix_len, const char *w,
                               size_t n)
{
    char word[128];
    const int len = snprintf(word, sizeof word, "%.*s%.*s", (int)prefix_len, prefix, (int)n, w);
    if (len > 0 && (size_t)len < sizeof word) {
        forms_add(f, word, (size_t)len);
    }
}

size_t cg_inflect_forms(const char *lemma, char ***forms)
{
    Forms f = {NULL, 0, 0};
    size_t prefix_len;
    const char *entry = irregular_entry_prefixed(lemma, &prefix_len);
    const bool only_listed = entry && entry[0] == '!';
    if (only_listed) {
        ++entry;
    }
    const size_t entry_base = entry ? strcspn(entry, " ") : 0;
    /* the base form: the lemma itself when a prefix was taken off */
    const size_t base_len = entry && !prefix_len ? entry_base : strlen(lemma);
    const char *base = entry && !prefix_len ? entry : lemma;
    forms_add(&f, base, base_len);
    if (base_len && !only_listed) {
        regular_s(&f, base, base_len);
        regular_ed_ing(&f, base, base_len);
    }
    for (const char *p = entry ? entry + entry_base : ""; *p;) {
        p += *p == ' ';
        const size_t n = strcspn(p, " ");
        forms_add_prefixed(&f, lemma, prefix_len, p, n);
        p += n;
    }
    *forms = f.items;
    return f.n;
}
