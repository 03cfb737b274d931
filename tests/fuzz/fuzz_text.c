/* Fuzzes the text path of a build: the UTF-8 check, tokens and sentences,
 * the alias automaton and the relation patterns, with the default rules
 * (loaded once from $CG_SOURCE_DIR/rules, else the source tree's rules/).
 * Promises checked: invalid UTF-8 and binary text (NUL bytes) are refused
 * and reported; tokens and
 * sentences lie inside the text in order; every evidence quote is exactly
 * the text between its character offsets (provenance never lies). */
#include "fuzz.h"

#include "pipeline/pipeline.h"
#include "rules/rules.h"
#include "text/text.h"

#include <string.h>

#ifndef CG_FUZZ_RULES
#define CG_FUZZ_RULES "rules"
#endif

static CgRuleSet *cg_fuzz_rules;
static CgPipeline *cg_fuzz_pipeline;
/* For input that must be refused: the refusal comes before any rule is
 * used, and a pipeline of one entity is cheap to make for each input. */
static CgRuleSet *cg_fuzz_tiny_rules;

static const char cg_fuzz_tiny_yaml[] = "entities: [{id: a, type: T, label: A}]\n";

static void fuzz_text_free(void)
{
    cg_pipeline_free(cg_fuzz_pipeline);
    cg_rules_free(cg_fuzz_rules);
    cg_rules_free(cg_fuzz_tiny_rules);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *src = getenv("CG_SOURCE_DIR");
    char path[4096];
    snprintf(path, sizeof path, "%s", CG_FUZZ_RULES);
    if (src && *src) {
        snprintf(path, sizeof path, "%s/rules", src);
    }
    if (cg_rules_load(path, NULL, &cg_fuzz_rules)) {
        fprintf(stderr, "fuzz_text: cannot load the rules at %s\n", path);
        exit(2);
    }
    cg_fuzz_pipeline = cg_pipeline_new(cg_fuzz_rules);
    if (cg_rules_load_string(cg_fuzz_tiny_yaml, sizeof cg_fuzz_tiny_yaml - 1, "tiny.yaml",
                             NULL, &cg_fuzz_tiny_rules)) {
        exit(2);
    }
    atexit(fuzz_text_free);
    return 0;
}

static void fuzz_check_tokens(const CgText *t, size_t len)
{
    const CgToken *toks = cg_text_tokens(t);
    for (size_t i = 0; i < cg_text_token_count(t); ++i) {
        CG_FUZZ_ASSERT(toks[i].begin < toks[i].end && toks[i].end <= len);
        CG_FUZZ_ASSERT(toks[i].cbegin < toks[i].cend && toks[i].cend <= toks[i].end);
        CG_FUZZ_ASSERT(strlen(toks[i].norm) == toks[i].norm_len);
        CG_FUZZ_ASSERT(i == 0 || toks[i - 1].end <= toks[i].begin);
    }
}

static void fuzz_check_sentences(const CgText *t, size_t len)
{
    const CgSentence *s = cg_text_sentences(t);
    const size_t n_toks = cg_text_token_count(t);
    for (size_t i = 0; i < cg_text_sentence_count(t); ++i) {
        CG_FUZZ_ASSERT(s[i].tok_begin <= s[i].tok_end && s[i].tok_end <= n_toks);
        CG_FUZZ_ASSERT(s[i].begin <= s[i].end && s[i].end <= len);
        CG_FUZZ_ASSERT(s[i].cbegin <= s[i].cend && s[i].cend <= s[i].end);
        CG_FUZZ_ASSERT(i == 0 || s[i - 1].tok_end <= s[i].tok_begin);
    }
}

/* Byte offset of character `c` in valid UTF-8 text, or `len` past the end. */
static size_t fuzz_byte_of_char(const char *s, size_t len, size_t c)
{
    size_t i = 0;
    for (size_t seen = 0; i < len; ++i) {
        if (((unsigned char)s[i] & 0xC0) != 0x80 && seen++ == c) {
            return i;
        }
    }
    return len;
}

static void fuzz_check_evidence(const CgGraph *g, const char *s, size_t len)
{
    for (size_t i = 0; i < cg_graph_evidence_count(g); ++i) {
        const CgGraphEvidence *ev = cg_graph_evidence(g, i);
        const size_t b = fuzz_byte_of_char(s, len, ev->begin);
        const size_t e = fuzz_byte_of_char(s, len, ev->end);
        CG_FUZZ_ASSERT(ev->begin <= ev->end && b <= e);
        CG_FUZZ_ASSERT(strlen(ev->quote) == e - b && !memcmp(ev->quote, s + b, e - b));
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    size_t bad = 0;
    const bool valid = cg_text_check_utf8(s, size, &bad) == CG_OK;
    const bool text = valid && !memchr(s, 0, size);
    if (valid) {
        CgText *t = cg_text_analyze(s, size);
        fuzz_check_tokens(t, size);
        fuzz_check_sentences(t, size);
        cg_text_free(t);
    } else {
        CG_FUZZ_ASSERT(bad < size);
    }
    /* Refused input goes to a pipeline of its own: one kept across inputs
     * would grow (its list of skipped documents), which libFuzzer takes for a
     * leak.  Building the default rules' pipeline anew each time is slow. */
    CgPipeline *p = text ? cg_fuzz_pipeline : cg_pipeline_new(cg_fuzz_tiny_rules);
    CgGraph *g = cg_graph_new();
    CgDiagSink sink = CG_FUZZ_SINK;
    const CgStatus st = cg_pipeline_add_text(p, g, "fuzz.txt", s, size, &sink);
    CG_FUZZ_ASSERT(text ? st == CG_OK : st == CG_FAILURE && sink.warnings + sink.errors > 0);
    cg_graph_finish(g);
    if (text) {
        fuzz_check_evidence(g, s, size);
    }
    cg_graph_free(g);
    if (p != cg_fuzz_pipeline) {
        cg_pipeline_free(p);
    }
    return 0;
}
