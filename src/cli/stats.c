/* build --stats: what each rule produced and what each entity got, so that
 * a rule author sees which rules work and which never fire. */
#include "cli.h"

#include "../pipeline/pipeline.h"
#include "../rules/rules.h"

#include <stdio.h>

static void stats_rules(FILE *out, const CgRuleSet *rules, const size_t *counts)
{
    fprintf(out, "assertions per relation rule:\n");
    for (size_t r = 0; r < cg_rules_relation_count(rules); ++r) {
        const CgRelationRule *rule = cg_rules_relation(rules, r);
        fprintf(out, "  %6zu  %-32s %s\n", counts[r], rule->id,
                cg_rules_predicate(rules, rule->predicate)->name);
    }
}

static void stats_entities(FILE *out, const CgGraph *graph)
{
    fprintf(out, "mentions per entity:\n");
    for (size_t i = 0; i < cg_graph_entity_count(graph); ++i) {
        const CgGraphEntity *e = cg_graph_entity(graph, i);
        fprintf(out, "  %6zu  %s\n", e->mentions, e->id);
    }
}

static void stats_documents(FILE *out, const CgPipeline *pipeline)
{
    const CgPipelineStats *s = cg_pipeline_stats(pipeline);
    fprintf(out, "documents: %zu read (%zu bytes, %zu sentences), %zu skipped\n",
            s->documents, s->bytes, s->sentences, s->skipped);
    for (size_t i = 0; i < s->skipped; ++i) {
        fprintf(out, "  skipped  %s (the reason is in its warning above)\n",
                cg_pipeline_skipped(pipeline, i));
    }
}

void cg_cli_print_stats(FILE *out, const CgRuleSet *rules, const CgPipeline *pipeline,
                        const CgGraph *graph)
{
    stats_documents(out, pipeline);
    stats_rules(out, rules, cg_pipeline_rule_counts(pipeline));
    stats_entities(out, graph);
}
