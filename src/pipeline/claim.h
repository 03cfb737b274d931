/* Internal to pipeline/: how an assertion is claimed, in the graph's terms. */
#ifndef CG_PIPELINE_CLAIM_H
#define CG_PIPELINE_CLAIM_H

#include "../extract/extract.h"
#include "../graph/graph.h"

/* Fills *out from `a` (strings allocated; free with cg_graph_claim_clear).
 * `claimer` is the claimer's index in the graph, or CG_GRAPH_NONE. */
void cg_claim_build(const CgRuleSet *rules, const CgText *text, const char *src,
                    const CgMention *mentions, const CgAssertion *a, uint32_t claimer,
                    CgGraphClaim *out);

#endif
