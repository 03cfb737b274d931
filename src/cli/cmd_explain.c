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
           "Shows, for each sentence of DOC, what the rules see: the mentions found\n"
           "(with the alias that matched, or the mention a reference stands for),\n"
           "each relation rule that fired with its bindings, quantity, certainty,\n"
           "claimer and captures, and the patterns that came close: their words are\n"
           "in the sentence, but they matched only some of their elements (shown with\n"
           "the element that failed and where).\n\n"
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
