/* Fuzzes the rules loader (libyaml events -> rule set -> validation).
 * Promises checked: a failed load reported at least one error and handed
 * back no rule set; a successful one reported none.  A rule set that loads
 * is then compiled (matcher, extractor) and run over a fixed text, which
 * reaches the pattern compiler with every pattern the fuzzer invents. */
#include "fuzz.h"

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

static void fuzz_run_rules(const CgRuleSet *rules)
{
    CgPipeline *p = cg_pipeline_new(rules);
    CgGraph *g = cg_graph_new();
    CgDiagSink sink = CG_FUZZ_SINK;
    const CgStatus st =
        cg_pipeline_add_text(p, g, "fuzz.txt", cg_fuzz_text, strlen(cg_fuzz_text), &sink);
    CG_FUZZ_ASSERT(st == CG_OK);
    cg_graph_finish(g);
    cg_graph_free(g);
    cg_pipeline_free(p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    CgDiagSink sink = CG_FUZZ_SINK;
    CgRuleSet *rules = NULL;
    const CgStatus st =
        cg_rules_load_string((const char *)data, size, "fuzz.yaml", &sink, &rules);
    CG_FUZZ_ASSERT((st == CG_OK) == (rules != NULL));
    CG_FUZZ_ASSERT((st == CG_OK) == (sink.errors == 0));
    if (rules) {
        fuzz_run_rules(rules);
    }
    cg_rules_free(rules);
    return 0;
}
