#include "pipeline.h"

#include "../core/mem.h"
#include "../extract/extract.h"
#include "../match/match.h"
#include "../text/text.h"
#include "claim.h"
#include "corpus.h"
#include "guard.h"
#include "metadata.h"
#include "pipeline_doc.h"
#include "quote.h"

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
    CgQuote quote;
    cg_quote_build(text, src, a, &quote);
    char *qty = a->qty_end > a->qty_begin ? cg_xstrndup(src + a->qty_begin,
                                                        a->qty_end - a->qty_begin)
                                          : NULL;
    CgGraphClaim claim;
    const uint32_t claimer =
        a->claimer == CG_NO_ENTITY ? CG_GRAPH_NONE : pipeline_entity(p, graph, a->claimer);
    cg_claim_build(p->rules, text, src, mentions, a, claimer, &claim);
    claim.quote_cut = quote.cut;
    claim.quote_begin = quote.cbegin;
    claim.quote_end = quote.cend;
    if (cg_graph_add_claim(graph, pred->name, rule->symmetric,
                           pipeline_entity(p, graph, a->subject),
                           pipeline_entity(p, graph, a->object), doc, rule->id, quote.text,
                           s->cbegin, s->cend, qty, &claim)) {
        ++p->stats.assertions;
        ++p->rule_counts[a->rule];
    }
    cg_graph_claim_clear(&claim);
    free(quote.text);
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

/* Checked as each assertion is added and after each document, so that a
 * run stops with a message rather than swapping, even inside one huge
 * document; nothing is written from a graph that is missing documents.
 * `a` is the assertion just added, or NULL after the whole document. */
static CgStatus pipeline_check_memory(CgPipeline *p, CgGraph *graph, const char *name,
                                      const CgText *t, const CgAssertion *a, CgDiagSink *sink)
{
    const size_t max = p->limits.max_graph_bytes;
    const size_t held = max ? cg_graph_memory(graph) : 0;
    if (held <= max) {
        return CG_OK;
    }
    const double mib = (double)held / (1 << 20), max_mib = (double)max / (1 << 20);
    if (!a) {
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_LIMIT, name, 0, 0,
                "the graph now holds %.1f MiB, more than the limit of %.1f MiB "
                "(--max-memory); stopped after this document", mib, max_mib);
        return CG_ERR_LIMIT;
    }
    const CgSentence *s = &cg_text_sentences(t)[a->sentence];
    unsigned line, col;
    pipeline_line_col(cg_text_source(t), s->begin, &line, &col);
    cg_diag(sink, CG_SEV_ERROR, CG_ERR_LIMIT, name, line, col,
            "the graph now holds %.1f MiB, more than the limit of %.1f MiB (--max-memory); "
            "stopped inside this document, at sentence %u", mib, max_mib, a->sentence + 1);
    return CG_ERR_LIMIT;
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

struct CgDocResult {
    char *path;        /* as given */
    char *owned;       /* the text, when read here */
    const char *text;  /* as read, front matter included */
    size_t len;
    size_t front;      /* bytes of front matter */
    char *body;        /* text with front matter blanked, or NULL */
    size_t body_len;
    bool skipped;      /* unreadable or not UTF-8 text (reported) */
    CgText *t;
    CgMention *mentions;
    size_t n_mentions;
    CgAssertion *as;
    size_t n_as;
    CgStepLimitHit *hits;
    size_t n_hits;
    CgDiagLog log;     /* what reading and checking reported */
};

static const char *pipeline_name(const char *path)
{
    return strcmp(path, "-") ? path : "<stdin>";
}

/* The document's path in the graph.  Standard input is the document
 * "stdin" (graph.h), so a file of that name is given as "./stdin": else the
 * two would be one document, with two quotes at the same offsets. */
static const char *pipeline_document_path(const char *path)
{
    return !strcmp(path, "-") ? "stdin" : !strcmp(path, "stdin") ? "./stdin" : path;
}

static CgDocResult *pipeline_result_new(const char *path)
{
    CgDocResult *r = cg_xcalloc(1, sizeof *r);
    r->path = cg_xstrdup(path);
    return r;
}

static void pipeline_analyse(const CgPipeline *p, CgDocResult *r)
{
    CgDiagSink sink = cg_diag_log_sink(&r->log);
    if (!cg_guard_text(pipeline_name(r->path), r->text, r->len, &sink)) {
        r->skipped = true;
        return;
    }
    r->front = cg_meta_front_matter(r->text, r->len);
    r->body_len = r->len;
    r->body = cg_meta_blank_front_matter(r->text, &r->body_len);
    const char *text = r->body ? r->body : r->text;
    r->t = cg_text_analyze(text, r->body_len);
    r->n_mentions = cg_matcher_scan(p->matcher, r->t, text, &r->mentions);
    r->n_as = cg_extract_document_hits(p->extractor, r->t, r->mentions, r->n_mentions, &r->as,
                                       &r->hits, &r->n_hits);
}

CgDocResult *cg_pipeline_analyse_text(const CgPipeline *pipeline, const char *path,
                                      const char *text, size_t len)
{
    CgDocResult *r = pipeline_result_new(path);
    r->text = text;
    r->len = len;
    pipeline_analyse(pipeline, r);
    return r;
}

CgDocResult *cg_pipeline_analyse_file(const CgPipeline *pipeline, const char *path)
{
    CgDocResult *r = pipeline_result_new(path);
    CgDiagSink sink = cg_diag_log_sink(&r->log);
    const size_t max = pipeline->limits.max_doc_bytes;
    if (cg_corpus_read_max(path, max ? max : SIZE_MAX - 1, &r->owned, &r->len, &sink)) {
        r->skipped = true;
        return r;
    }
    r->text = r->owned;
    pipeline_analyse(pipeline, r);
    return r;
}

void cg_doc_result_free(CgDocResult *result)
{
    if (result) {
        cg_diag_log_clear(&result->log);
        cg_text_free(result->t);
        free(result->mentions);
        free(result->as);
        free(result->hits);
        free(result->body);
        free(result->owned);
        free(result->path);
        free(result);
    }
}

/* The text's length in characters, the unit of every offset (the guard
 * let only UTF-8 through, so each byte that does not continue a sequence
 * starts one). */
static size_t pipeline_chars(const char *text, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; ++i) {
        n += ((unsigned char)text[i] & 0xC0) != 0x80;
    }
    return n;
}

/* Reads the document's metadata: a sidecar file, then front matter. */
static void pipeline_metadata(CgGraph *graph, uint32_t doc, const CgDocResult *r)
{
    if (strcmp(r->path, "-")) {
        cg_meta_apply_sidecar(graph, doc, r->path);
    }
    if (r->front) {
        cg_meta_apply(graph, doc, r->text, r->front);
    }
}

CgStatus cg_pipeline_commit(CgPipeline *pipeline, CgGraph *graph, CgDocResult *r,
                            CgDiagSink *sink)
{
    const char *name = pipeline_name(r->path);
    cg_diag_log_replay(&r->log, sink);
    if (r->skipped) {
        pipeline_skip(pipeline, name);
        return CG_FAILURE;
    }
    const uint32_t doc = cg_graph_add_document(graph, pipeline_document_path(r->path));
    pipeline_metadata(graph, doc, r);
    const char *text = r->body ? r->body : r->text;
    cg_graph_set_document_chars(graph, doc, pipeline_chars(text, r->body_len));
    pipeline_report_limits(pipeline, name, r->t, text, r->hits, r->n_hits, sink);
    pipeline_add_mentions(pipeline, graph, r->t, text, r->mentions, r->n_mentions);
    pipeline->stats.documents++;
    pipeline->stats.bytes += r->body_len;
    pipeline->stats.sentences += cg_text_sentence_count(r->t);
    pipeline->stats.mentions += r->n_mentions;
    for (size_t i = 0; i < r->n_as; ++i) {
        pipeline_add_assertion(pipeline, graph, doc, r->t, text, r->mentions, &r->as[i]);
        if (pipeline_check_memory(pipeline, graph, name, r->t, &r->as[i], sink)) {
            return CG_ERR_LIMIT;
        }
    }
    return pipeline_check_memory(pipeline, graph, name, r->t, NULL, sink);
}

CgStatus cg_pipeline_add_text(CgPipeline *pipeline, CgGraph *graph, const char *path,
                              const char *text, size_t len, CgDiagSink *sink)
{
    CgDocResult *r = cg_pipeline_analyse_text(pipeline, path, text, len);
    const CgStatus st = cg_pipeline_commit(pipeline, graph, r, sink);
    cg_doc_result_free(r);
    return st;
}

CgStatus cg_pipeline_add_file(CgPipeline *pipeline, CgGraph *graph, const char *path,
                              CgDiagSink *sink)
{
    CgDocResult *r = cg_pipeline_analyse_file(pipeline, path);
    const CgStatus st = cg_pipeline_commit(pipeline, graph, r, sink);
    cg_doc_result_free(r);
    return st;
}
