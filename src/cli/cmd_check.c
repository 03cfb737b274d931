/* claimgraph check: load and validate the rules, then summarise them. */
#include "cli.h"

#include "../core/mem.h"
#include "../core/strmap.h"
#include "../rules/rules.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void check_help(void)
{
    printf("Usage: claimgraph check [--rules PATH]\n\n"
           "Loads the rules, reports every problem as FILE:LINE:COLUMN: message,\n"
           "and prints a summary: entities per type, aliases, predicates, relation\n"
           "rules and patterns.\n\n"
           "Among the checks: a label or alias must hold a letter or digit (\",\" would\n"
           "name the entity at every comma); one of a single letter or digit is warned\n"
           "of, unless written {text: X, one_letter: true} to say it is meant.  A\n"
           "pattern may run through at most 1000 elements, nest 64 levels and hold\n"
           "100000 parts, its word lists spelled out.\n\n"
           "Options:\n"
           "  -r, --rules PATH    rule file or directory (default: ./rules)\n"
           "  -h, --help          this help\n\n"
           "Exit status: 0 the rules are valid; 2 they have errors or cannot be read.\n");
}

/* Entities per type, in the order the types first appear. */
static void check_types(const CgRuleSet *rules)
{
    CgStrMap *seen = cg_strmap_new();
    const size_t n = cg_rules_entity_count(rules);
    size_t *counts = cg_xcalloc(n, sizeof *counts);
    const char **types = cg_xcalloc(n, sizeof *types);
    size_t n_types = 0;
    for (size_t i = 0; i < n; ++i) {
        const char *type = cg_rules_entity(rules, i)->type;
        uint32_t t;
        if (!cg_strmap_get(seen, type, strlen(type), &t)) {
            t = (uint32_t)n_types;
            types[n_types++] = type;
            cg_strmap_put(seen, type, strlen(type), t);
        }
        ++counts[t];
    }
    for (size_t t = 0; t < n_types; ++t) {
        printf("  %-14s %zu\n", types[t], counts[t]);
    }
    free(types);
    free(counts);
    cg_strmap_free(seen);
}

static void check_summary(const char *path, const CgRuleSet *rules)
{
    size_t aliases = 0, patterns = 0;
    for (size_t i = 0; i < cg_rules_entity_count(rules); ++i) {
        aliases += cg_rules_entity(rules, i)->n_aliases;
    }
    for (size_t i = 0; i < cg_rules_relation_count(rules); ++i) {
        patterns += cg_rules_relation(rules, i)->n_patterns;
    }
    printf("%s: valid\n", path);
    printf("entities: %zu (%zu aliases)\n", cg_rules_entity_count(rules), aliases);
    check_types(rules);
    printf("predicates: %zu\n", cg_rules_predicate_count(rules));
    printf("relation rules: %zu (%zu patterns)\n", cg_rules_relation_count(rules), patterns);
}

int cg_cmd_check(int argc, char **argv)
{
    static const struct option longs[] = {{"rules", required_argument, NULL, 'r'},
                                          {"help", no_argument, NULL, 'h'},
                                          {NULL, 0, NULL, 0}};
    const char *path = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "r:h", longs, NULL)) != -1) {
        switch (c) {
        case 'r': path = optarg; break;
        case 'h': check_help(); return CG_EXIT_OK;
        default: return cg_cli_usage_error("check", "bad option");
        }
    }
    if (optind != argc) {
        return cg_cli_usage_error("check", "unexpected argument '%s'", argv[optind]);
    }
    path = path ? path : cg_cli_default_rules();
    CgRuleSet *rules = NULL;
    if (cg_rules_load(path, NULL, &rules)) {
        return CG_EXIT_USAGE;
    }
    check_summary(path, rules);
    cg_rules_free(rules);
    return CG_EXIT_OK;
}
