/* Fuzzes the rules loader (libyaml events -> rule set -> validation).
 * Promises checked: a failed load reported at least one error and handed
 * back no rule set; a successful one reported none.  A rule set that loads
 * is then compiled (matcher, extractor) and run over a fixed text, which
 * reaches the pattern compiler with every pattern the fuzzer invents.
 *
 * An input that starts with the 4 bytes "\0PAT" (no YAML file does) is not
 * YAML but a program that generates one relation pattern, word lists nested
 * in each other, and a text the pattern's words are written into: each byte
 * adds an element, a repeat count (up to 1024 copies), a group, an
 * alternative, a capture, a constraint, a list reference.  So a few bytes
 * reach patterns of thousands of elements, groups and lists nested past the
 * loader's limits, and runs of the matcher as deep as the limits allow
 * (issue 12, point 6: 100,000 optional words overflowed its stack). */
#include "fuzz.h"

#include "core/buf.h"
#include "pipeline/pipeline.h"
#include "rules/rules.h"

#include <string.h>

static const char cg_fuzz_text[] =
    "Russian President Vladimir Putin met Kim Jong Un in Pyongyang on Tuesday. "
    "North Korea has sent around 12,000 soldiers to Russia, officials said.\n\n"
    "The U.S. and South Korea condemned the talks; \"Kim\" said nothing. "
    "A B C D E F G H a b c d e f g h 1 2 3 x y z - ' \" ( ) , ; : ! ?";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

static void fuzz_run_rules(const CgRuleSet *rules, const char *text, size_t len)
{
    CgPipeline *p = cg_pipeline_new(rules);
    CgGraph *g = cg_graph_new();
    CgDiagSink sink = CG_FUZZ_SINK;
    const CgStatus st = cg_pipeline_add_text(p, g, "fuzz.txt", text, len, &sink);
    CG_FUZZ_ASSERT(st == CG_OK);
    cg_graph_finish(g);
    cg_graph_free(g);
    cg_pipeline_free(p);
}

static void fuzz_load_and_run(const char *yaml, size_t size, const char *text, size_t len)
{
    CgDiagSink sink = CG_FUZZ_SINK;
    CgRuleSet *rules = NULL;
    const CgStatus st = cg_rules_load_string(yaml, size, "fuzz.yaml", &sink, &rules);
    CG_FUZZ_ASSERT((st == CG_OK) == (rules != NULL));
    CG_FUZZ_ASSERT((st == CG_OK) == (sink.errors == 0));
    if (rules) {
        fuzz_run_rules(rules, text, len);
    }
    cg_rules_free(rules);
}

/* --- Generated patterns ------------------------------------------------- */

#define GEN_MAGIC "\0PAT"
#define GEN_MAX_PATTERN (1024u * 1024u) /* bytes of pattern, at most */
#define GEN_MAX_TEXT (32u * 1024u)     /* bytes of text, at most */

/* Words that the text holds too, so that long patterns match long paths. */
static const char *const gen_words[] = {"sent", "troops", "to", "the", "and", "met",
                                        "with", "said", "12,000", "very", "new", "of",
                                        "a", "in", "on", "Kim"};

typedef struct {
    CgBuf pat, text;
    unsigned depth;     /* groups and captures open */
    unsigned repeat;    /* copies of the next element */
    bool can_mark;      /* the last element may take a '?' */
    unsigned lists;     /* lists L0 .. L(lists - 1) are referenced */
} CgGen;

static void gen_text(CgGen *g, const char *word)
{
    if (g->text.len < GEN_MAX_TEXT) {
        cg_buf_printf(&g->text, " %s", word);
    }
}

/* One element, written g->repeat times (once when no count was given). */
static void gen_elem(CgGen *g, const char *pat, const char *text)
{
    const unsigned n = g->repeat ? g->repeat : 1;
    for (unsigned i = 0; i < n && g->pat.len < GEN_MAX_PATTERN; ++i) {
        cg_buf_printf(&g->pat, " %s", pat);
        if (text) {
            gen_text(g, text);
        }
    }
    g->repeat = 0;
    g->can_mark = true;
}

static void gen_open(CgGen *g, const char *open)
{
    cg_buf_printf(&g->pat, " %s", open);
    ++g->depth;
    g->can_mark = false;
}

static void gen_step(CgGen *g, uint8_t b)
{
    const unsigned arg = b >> 4;
    const char *w = gen_words[arg];
    char buf[64];
    switch (b & 15) {
    case 0: gen_elem(g, w[0] == '1' ? "{quantity}" : w, w); break;
    case 1: gen_elem(g, "very?", NULL); break;
    case 2: g->repeat = (arg + 1) * 64; break;
    case 3: g->repeat = arg + 2; break;
    case 4: gen_open(g, arg & 1 ? "[cap:" : "("); break;
    case 5:
        if (g->depth) {
            cg_buf_printf(&g->pat, " |");
            g->can_mark = false;
        }
        break;
    case 6:
        if (g->depth) {
            cg_buf_printf(&g->pat, arg & 1 ? " ]" : " )"); /* may mismatch: refused */
            --g->depth;
            g->can_mark = true;
        }
        break;
    case 7:
        snprintf(buf, sizeof buf, "...%u%s", arg * 2, arg & 1 ? "+" : arg & 2 ? ">" : "");
        gen_elem(g, buf, NULL);
        g->can_mark = false;
        break;
    case 8: gen_elem(g, arg & 1 ? "!very" : "<!(no|not)", NULL); g->can_mark = false; break;
    case 9:
        snprintf(buf, sizeof buf, "@L%u", arg);
        gen_elem(g, buf, "sent");
        g->lists = arg + 1 > g->lists ? arg + 1 : g->lists;
        break;
    case 10:
        if (g->can_mark) {
            cg_buf_printf(&g->pat, "?");
            g->can_mark = false;
        }
        break;
    case 11: gen_elem(g, "{mention}", "Putin"); break;
    case 12: gen_elem(g, "(sent|troops|to)", w); break;
    case 13: gen_text(g, w); break;
    case 14: gen_elem(g, "deploy*", "deployed"); break;
    default: gen_elem(g, "send~", "sends"); break;
    }
}

/* Lists L0..L(n - 1), each holding the one before twice: a match through
 * Li may run through about 2^i elements, past the loader's limit from L7
 * on (only the lists a pattern names are written, so that one naming
 * none loads). */
static void gen_lists(CgBuf *yaml, unsigned n)
{
    if (!n) {
        return;
    }
    cg_buf_printf(yaml, "lists:\n  L0: [sent, \"sent troops\", the]\n");
    for (unsigned i = 1; i < n; ++i) {
        cg_buf_printf(yaml, "  L%u: [\"@L%u\", \"(@L%u | to) @L%u?\"]\n", i, i - 1, i - 1,
                      i - 1);
    }
}

static void fuzz_generated(const uint8_t *data, size_t size)
{
    CgGen g = {CG_BUF_INIT, CG_BUF_INIT, 0, 0, false, 0};
    cg_buf_printf(&g.text, "Russia");
    for (size_t i = 0; i < size && g.pat.len < GEN_MAX_PATTERN; ++i) {
        gen_step(&g, data[i]);
    }
    while (g.depth--) {
        cg_buf_printf(&g.pat, " )");
    }
    cg_buf_printf(&g.text, " Ukraine.\n");
    CgBuf yaml = CG_BUF_INIT;
    gen_lists(&yaml, g.lists);
    cg_buf_printf(&yaml, "entities:\n"
                         "  - {id: russia, type: Country, label: Russia}\n"
                         "  - {id: ukraine, type: Country, label: Ukraine}\n"
                         "  - {id: putin, type: Person, label: Putin}\n"
                         "predicates: [{name: sent}]\n"
                         "relations:\n"
                         "  - {id: sent, predicate: sent, subject: Country, object: Country,\n"
                         "     patterns: [\"{subject}%s {object}\"]}\n",
                  cg_buf_str(&g.pat));
    fuzz_load_and_run(cg_buf_str(&yaml), yaml.len, cg_buf_str(&g.text), g.text.len);
    cg_buf_free(&yaml);
    cg_buf_free(&g.pat);
    cg_buf_free(&g.text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size >= 4 && !memcmp(data, GEN_MAGIC, 4)) {
        fuzz_generated(data + 4, size - 4);
    } else {
        fuzz_load_and_run((const char *)data, size, cg_fuzz_text, strlen(cg_fuzz_text));
    }
    return 0;
}
