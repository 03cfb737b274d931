/* claimgraph check: load and validate the rules, then summarise them. */
#include "cli.h"

#include "../rules/rules.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static void check_help(void)
{
    printf("Usage: claimgraph check [--rules PATH]\n\n"
           "Loads the rules, reports every problem as FILE:LINE:COLUMN: message,\n"
           "and prints a summary: entities per type, aliases, predicates, relation\n"
           "rules and patterns.\n\n"
           "Options:\n"
           "  -r, --rules PATH    rule file or directory (default: ./rules)\n"
           "  -h, --help          this help\n\n"
           "Exit status: 0 the rules are valid; 2 they have errors or cannot be read.\n");
}

static void check_summary(const char *path, const CgRuleSet *rules)
{
    size_t aliases = 0, patterns = 0;
    printf("%s: valid\n", path);
    for (size_t i = 0; i < cg_rules_entity_count(rules); ++i) {
        aliases += cg_rules_entity(rules, i)->n_aliases;
    }
    for (size_t i = 0; i < cg_rules_relation_count(rules); ++i) {
        patterns += cg_rules_relation(rules, i)->n_patterns;
    }
    printf("entities: %zu (%zu aliases)\n", cg_rules_entity_count(rules), aliases);
    /* per type, in first-seen order */
    for (size_t i = 0; i < cg_rules_entity_count(rules); ++i) {
        const char *type = cg_rules_entity(rules, i)->type;
        size_t n = 0, j = 0;
        for (; j < i && strcmp(cg_rules_entity(rules, j)->type, type); ++j) {
        }
        if (j < i) {
            continue;
        }
        for (size_t k = i; k < cg_rules_entity_count(rules); ++k) {
            n += !strcmp(cg_rules_entity(rules, k)->type, type);
        }
        printf("  %-14s %zu\n", type, n);
    }
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
