#include "pipeline.h"

#include "../core/mem.h"
#include "../extract/extract.h"
#include "../match/match.h"
#include "../text/text.h"
#include "claim.h"
#include "corpus.h"
#include "guard.h"
#include "metadata.h"

#include <stdlib.h>
#include <string.h>

struct CgPipeline {
    const CgRuleSet *rules;
    CgMatcher *matcher;
    CgExtractor *extractor;
    CgPipelineStats stats;
    CgPipelineLimits limits;
    CgSkipList skips;
    size_t *rule_counts; /* assertions per relation rule, for --stats */
};

CgPipeline *cg_pipeline_new(const CgRuleSet *rules)
{
    CgPipeline *p = cg_xcalloc(1, sizeof *p);
    p->rules = rules;
    p->rule_counts = cg_xcalloc(cg_rules_relation_count(rules) + 1, sizeof *p->rule_counts);
    p->matcher = cg_matcher_new(rules);
    p->extractor = cg_extractor_new(rules);
    return p;
}

void cg_pipeline_free(CgPipeline *pipeline)
{
    if (pipeline) {
        cg_matcher_free(pipeline->matcher);
        cg_extractor_free(pipeline->extractor);
        cg_skip_free(&pipeline->skips);
        free(pipeline->rule_counts);
        free(pipeline);
    }
}

const size_t *cg_pipeline_rule_counts(const CgPipeline *pipeline)
{
    return pipeline->rule_counts;
}

const CgPipelineStats *cg_pipeline_stats(const CgPipeline *pipeline)
{
    return &pipeline->stats;
}

void cg_pipeline_set_limits(CgPipeline *pipeline, const CgPipelineLimits *limits)
{
    pipeline->limits = *limits;
}

const char *cg_pipeline_skipped(const CgPipeline *pipeline, size_t i)
{
    return i < pipeline->skips.n ? pipeline->skips.names[i] : NULL;
}

static void pipeline_skip(CgPipeline *p, const char *name)
{
    ++p->stats.skipped;
    cg_skip_add(&p->skips, name);
}

/* Checked after each document, so that a run stops with a message rather
 * than swapping; nothing is written from a graph that is missing documents. */
static CgStatus pipeline_check_memory(CgPipeline *p, CgGraph *graph, const char *name,
                                      CgDiagSink *sink)
{
    const size_t max = p->limits.max_graph_bytes;
    const size_t held = max ? cg_graph_memory(graph) : 0;
    if (held <= max) {
        return CG_OK;
    }
    cg_diag(sink, CG_SEV_ERROR, CG_ERR_LIMIT, name, 0, 0,
            "the graph now holds %.1f MiB, more than the limit of %.1f MiB (--max-memory); "
            "stopped after this document", (double)held / (1 << 20), (double)max / (1 << 20));
    return CG_ERR_LIMIT;
}

static uint32_t pipeline_entity(const CgPipeline *p, CgGraph *graph, uint32_t e)
{
    const CgEntity *ent = cg_rules_entity(p->rules, e);
    return cg_graph_add_entity(graph, ent->id, ent->type, ent->label, ent->same_as,
                               ent->n_same_as);
}

static void pipeline_add_assertion(CgPipeline *p, CgGraph *graph, uint32_t doc,
                                   const CgText *text, const char *src,
                                   const CgMention *mentions, const CgAssertion *a)
{
    const CgRelationRule *rule = cg_rules_relation(p->rules, a->rule);
    const CgPredicate *pred = cg_rules_predicate(p->rules, rule->predicate);
    const CgSentence *s = &cg_text_sentences(text)[a->sentence];
    char *quote = cg_xstrndup(src + s->begin, s->end - s->begin);
    char *qty = a->qty_end > a->qty_begin ? cg_xstrndup(src + a->qty_begin,
                                                        a->qty_end - a->qty_begin)
                                          : NULL;
    CgGraphClaim claim;
    const uint32_t claimer =
        a->claimer == CG_NO_ENTITY ? CG_GRAPH_NONE : pipeline_entity(p, graph, a->claimer);
    cg_claim_build(p->rules, text, src, mentions, a, claimer, &claim);
    if (cg_graph_add_claim(graph, pred->name, rule->symmetric,
                           pipeline_entity(p, graph, a->subject),
                           pipeline_entity(p, graph, a->object), doc, rule->id, quote,
                           s->cbegin, s->cend, qty, &claim)) {
        ++p->stats.assertions;
        ++p->rule_counts[a->rule];
    }
    cg_claim_release(&claim);
    free(quote);
    free(qty);
}

/* Each mention counts, and its text as the document wrote it ("Kim Jong-un",
 * "Pyongyang"; without a possessive 's) is kept as an alias seen, for the
 * diagrams' tooltips. */
static void pipeline_add_mentions(CgPipeline *p, CgGraph *graph, const CgText *t,
                                  const char *text, const CgMention *mentions, size_t n)
{
    const CgToken *toks = cg_text_tokens(t);
    for (size_t i = 0; i < n; ++i) {
        const CgToken *first = &toks[mentions[i].tok_begin];
        const CgToken *last = &toks[mentions[i].tok_end - 1];
        last -= last > first && last->kind == CG_TOK_POSSESSIVE;
        const uint32_t e = pipeline_entity(p, graph, mentions[i].entity);
        cg_graph_count_mention(graph, e);
        if (mentions[i].antecedent == CG_NO_MENTION) { /* "he" is no alias */
            cg_graph_add_alias_seen(graph, e, text + first->begin, last->end - first->begin);
        }
    }
}

/* Reads the document's metadata.  A front-matter block is not text to
 * analyse: returns the text with it blanked, one space per character (so
 * that character offsets stay those of the file), and its new length; NULL
 * when there is none. */
static char *pipeline_metadata(CgGraph *graph, uint32_t doc, const char *path,
                               const char *text, size_t *len)
{
    if (strcmp(path, "-")) {
        cg_meta_apply_sidecar(graph, doc, path);
    }
    const size_t front = cg_meta_front_matter(text, *len);
    if (front) {
        cg_meta_apply(graph, doc, text, front);
    }
    return cg_meta_blank_front_matter(text, len);
}

/* Line and column (characters, from 1) of byte `offset` of `text`. */
static void pipeline_line_col(const char *text, size_t offset, unsigned *line, unsigned *col)
{
    *line = *col = 1;
    for (size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++*line;
            *col = 1;
        } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
            ++*col;
        }
    }
}

/* A pattern that gave up is not silent: the sentence is named, so that a
 * missing relation can be traced, and counted for the summary. */
static void pipeline_report_limits(CgPipeline *p, const char *name, const CgText *t,
                                   const char *text, const CgStepLimitHit *hits, size_t n,
                                   CgDiagSink *sink)
{
    for (size_t i = 0; i < n; ++i) {
        const CgSentence *s = &cg_text_sentences(t)[hits[i].sentence];
        unsigned line, col;
        pipeline_line_col(text, s->begin, &line, &col);
        cg_diag(sink, CG_SEV_WARNING, CG_ERR_LIMIT, name, line, col,
                "sentence %u (characters %zu-%zu): relation '%s' gave up after %u pattern "
                "steps; relations this sentence states may be missing",
                hits[i].sentence + 1, s->cbegin, s->cend,
                cg_rules_relation(p->rules, hits[i].rule)->id, hits[i].steps);
    }
    p->stats.step_limited += n;
}

CgStatus cg_pipeline_add_text(CgPipeline *pipeline, CgGraph *graph, const char *path,
                              const char *text, size_t len, CgDiagSink *sink)
{
    const char *name = strcmp(path, "-") ? path : "<stdin>";
    if (!cg_guard_text(name, text, len, sink)) {
        pipeline_skip(pipeline, name);
        return CG_FAILURE;
    }
    const uint32_t doc = cg_graph_add_document(graph, strcmp(path, "-") ? path : "stdin");
    char *body = pipeline_metadata(graph, doc, path, text, &len);
    text = body ? body : text;
    CgText *t = cg_text_analyze(text, len);
    CgMention *mentions = NULL;
    const size_t n_mentions = cg_matcher_scan(pipeline->matcher, t, text, &mentions);
    CgAssertion *as = NULL;
    CgStepLimitHit *hits = NULL;
    size_t n_hits = 0;
    const size_t n_as = cg_extract_document_hits(pipeline->extractor, t, mentions, n_mentions,
                                                 &as, &hits, &n_hits);
    pipeline_report_limits(pipeline, name, t, text, hits, n_hits, sink);
    free(hits);
    pipeline_add_mentions(pipeline, graph, t, text, mentions, n_mentions);
    for (size_t i = 0; i < n_as; ++i) {
        pipeline_add_assertion(pipeline, graph, doc, t, text, mentions, &as[i]);
    }
    free(body);
    pipeline->stats.documents++;
    pipeline->stats.bytes += len;
    pipeline->stats.sentences += cg_text_sentence_count(t);
    pipeline->stats.mentions += n_mentions;
    free(as);
    free(mentions);
    cg_text_free(t);
    return pipeline_check_memory(pipeline, graph, name, sink);
}

CgStatus cg_pipeline_add_file(CgPipeline *pipeline, CgGraph *graph, const char *path,
                              CgDiagSink *sink)
{
    char *text = NULL;
    size_t len = 0;
    const size_t max = pipeline->limits.max_doc_bytes;
    if (cg_corpus_read_max(path, max ? max : SIZE_MAX - 1, &text, &len, sink)) {
        pipeline_skip(pipeline, strcmp(path, "-") ? path : "<stdin>");
        return CG_FAILURE;
    }
    const CgStatus st = cg_pipeline_add_text(pipeline, graph, path, text, len, sink);
    free(text);
    return st;
}
