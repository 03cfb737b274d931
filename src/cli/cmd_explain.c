/* claimgraph explain: what the rules see in one document. */
#include "cli.h"

#include "../pipeline/corpus.h"
#include "../pipeline/explain.h"
#include "../rules/rules.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

static void explain_help(void)
{
    printf("Usage: claimgraph explain [--rules PATH] [--sentence N] DOC\n\n"
           "Shows, for each sentence of DOC, what the rules see:\n"
           "  mention  the mentions found, with the alias that matched, or the mention a\n"
           "           reference (\"he\", \"its\") stands for;\n"
           "  unnamed  words a short alias or reference would have named, and why it did\n"
           "           not (no full name earlier in the document, letter case);\n"
           "  breaks   the clause breaks no plain gap (...N) crosses;\n"
           "  list     lists of names (\"the G7, South Korea and Japan\") that a relation\n"
           "           is spread over;\n"
           "  fired    each relation rule that fired, with its bindings, quantity,\n"
           "           certainty, claimer and captures, and its scope: the clause in which\n"
           "           negation cues were counted, or a noun-phrase fact (scope: phrase);\n"
           "  close    the patterns whose words are in the sentence but which did not\n"
           "           match: how far they got, where they failed and, when known, why\n"
           "           (a name of the wrong type, a constraint such as !X).\n\n"
           "Options:\n"
           "  -r, --rules PATH    rule file or directory (default: ./rules)\n"
           "  -s, --sentence N    only sentence N (1-based)\n"
           "  -h, --help          this help\n\n"
           "Example:\n"
           "  claimgraph explain --sentence 3 examples/01-troops-kursk.txt\n\n"
           "Exit status: 0 ok; 1 the document could not be read; 2 usage or rule errors.\n");
}

int cg_cmd_explain(int argc, char **argv)
{
    static const struct option longs[] = {{"rules", required_argument, NULL, 'r'},
                                          {"sentence", required_argument, NULL, 's'},
                                          {"help", no_argument, NULL, 'h'},
                                          {NULL, 0, NULL, 0}};
    const char *rules_path = NULL;
    long sentence = 0;
    char *end = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "r:s:h", longs, NULL)) != -1) {
        switch (c) {
        case 'r': rules_path = optarg; break;
        case 's':
            sentence = strtol(optarg, &end, 10);
            if (*end || sentence < 1) {
                return cg_cli_usage_error("explain", "--sentence wants a number from 1");
            }
            break;
        case 'h': explain_help(); return CG_EXIT_OK;
        default: return cg_cli_usage_error("explain", "bad option");
        }
    }
    if (optind + 1 != argc) {
        return cg_cli_usage_error("explain", "give exactly one DOC");
    }
    CgRuleSet *rules = NULL;
    if (cg_rules_load(rules_path ? rules_path : cg_cli_default_rules(), NULL, &rules)) {
        return CG_EXIT_USAGE;
    }
    CgDiagSink sink = {NULL, NULL, 0, 0};
    char *text = NULL;
    size_t len = 0;
    CgStatus st = cg_corpus_read(argv[optind], &text, &len, &sink);
    if (!st) {
        st = cg_explain_document(rules, argv[optind], text, len, (size_t)sentence, stdout,
                                 &sink);
    }
    free(text);
    cg_rules_free(rules);
    return st == CG_ERR_USAGE ? CG_EXIT_USAGE : st ? CG_EXIT_INPUT : CG_EXIT_OK;
}
