#include "pipeline.h"

#include "../core/mem.h"
#include "../extract/extract.h"
#include "../match/match.h"
#include "../text/text.h"
#include "corpus.h"

#include <stdlib.h>
#include <string.h>

struct CgPipeline {
    const CgRuleSet *rules;
    CgMatcher *matcher;
    CgExtractor *extractor;
    CgPipelineStats stats;
};

CgPipeline *cg_pipeline_new(const CgRuleSet *rules)
{
    CgPipeline *p = cg_xcalloc(1, sizeof *p);
    p->rules = rules;
    p->matcher = cg_matcher_new(rules);
    p->extractor = cg_extractor_new(rules);
    return p;
}

void cg_pipeline_free(CgPipeline *pipeline)
{
    if (pipeline) {
        cg_matcher_free(pipeline->matcher);
        cg_extractor_free(pipeline->extractor);
        free(pipeline);
    }
}

const CgPipelineStats *cg_pipeline_stats(const CgPipeline *pipeline)
{
    return &pipeline->stats;
}

static uint32_t pipeline_entity(const CgPipeline *p, CgGraph *graph, uint32_t e)
{
    const CgEntity *ent = cg_rules_entity(p->rules, e);
    return cg_graph_add_entity(graph, ent->id, ent->type, ent->label, ent->same_as,
                               ent->n_same_as);
}

static void pipeline_add_assertion(CgPipeline *p, CgGraph *graph, uint32_t doc,
                                   const CgText *text, const char *src, const CgAssertion *a)
{
    const CgRelationRule *rule = cg_rules_relation(p->rules, a->rule);
    const CgPredicate *pred = cg_rules_predicate(p->rules, rule->predicate);
    const CgSentence *s = &cg_text_sentences(text)[a->sentence];
    char *quote = cg_xstrndup(src + s->begin, s->end - s->begin);
    char *qty = a->qty_end > a->qty_begin ? cg_xstrndup(src + a->qty_begin,
                                                        a->qty_end - a->qty_begin)
                                          : NULL;
    if (cg_graph_add_evidence(graph, pred->name, rule->symmetric,
                              pipeline_entity(p, graph, a->subject),
                              pipeline_entity(p, graph, a->object), doc, rule->id, quote,
                              s->cbegin, s->cend, qty)) {
        ++p->stats.assertions;
    }
    free(quote);
    free(qty);
}

CgStatus cg_pipeline_add_text(CgPipeline *pipeline, CgGraph *graph, const char *path,
                              const char *text, size_t len, CgDiagSink *sink)
{
    const char *name = strcmp(path, "-") ? path : "<stdin>";
    size_t bad = 0;
    if (cg_text_check_utf8(text, len, &bad)) {
        cg_diag(sink, CG_SEV_WARNING, CG_ERR_UTF8, name, 0, 0,
                "skipped: not valid UTF-8 (first bad byte at offset %zu); "
                "convert it with iconv -f <encoding> -t UTF-8", bad);
        ++pipeline->stats.skipped;
        return CG_FAILURE;
    }
    CgText *t = cg_text_analyze(text, len);
    CgMention *mentions = NULL;
    const size_t n_mentions = cg_matcher_scan(pipeline->matcher, t, text, &mentions);
    CgAssertion *as = NULL;
    const size_t n_as = cg_extract_document(pipeline->extractor, t, mentions, n_mentions, &as);
    const uint32_t doc = cg_graph_add_document(graph, strcmp(path, "-") ? path : "stdin");
    for (size_t i = 0; i < n_mentions; ++i) {
        cg_graph_count_mention(graph, pipeline_entity(pipeline, graph, mentions[i].entity));
    }
    for (size_t i = 0; i < n_as; ++i) {
        pipeline_add_assertion(pipeline, graph, doc, t, text, &as[i]);
    }
    pipeline->stats.documents++;
    pipeline->stats.bytes += len;
    pipeline->stats.sentences += cg_text_sentence_count(t);
    pipeline->stats.mentions += n_mentions;
    free(as);
    free(mentions);
    cg_text_free(t);
    return CG_OK;
}

CgStatus cg_pipeline_add_file(CgPipeline *pipeline, CgGraph *graph, const char *path,
                              CgDiagSink *sink)
{
    char *text = NULL;
    size_t len = 0;
    if (cg_corpus_read(path, &text, &len, sink)) {
        ++pipeline->stats.skipped;
        return CG_FAILURE;
    }
    const CgStatus st = cg_pipeline_add_text(pipeline, graph, path, text, len, sink);
    free(text);
    return st;
}
