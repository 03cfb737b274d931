/* The diagram options that `build` and `render` share: their getopt table
 * entries, their parsing into a CgDiagramOptions, and their help. */
#ifndef CG_CLI_DIAGRAM_OPTS_H
#define CG_CLI_DIAGRAM_OPTS_H

#include "cli.h"

#include <getopt.h>

enum {
    CG_OPT_FOCUS = 0x200,
    CG_OPT_DEPTH,
    CG_OPT_PREDICATES,
    CG_OPT_TYPES,
    CG_OPT_MIN_EVIDENCE,
    CG_OPT_EXCLUDE,
    CG_OPT_LAYOUT,
    CG_OPT_CLUSTER,
    CG_OPT_MAX_NODES
};

/* Entries for a command's `struct option` table. */
#define CG_DIAGRAM_LONGOPTS                                                                     \
    {"focus", required_argument, NULL, CG_OPT_FOCUS},                                           \
        {"depth", required_argument, NULL, CG_OPT_DEPTH},                                       \
        {"predicates", required_argument, NULL, CG_OPT_PREDICATES},                             \
        {"types", required_argument, NULL, CG_OPT_TYPES},                                       \
        {"min-evidence", required_argument, NULL, CG_OPT_MIN_EVIDENCE},                         \
        {"exclude", required_argument, NULL, CG_OPT_EXCLUDE},                                   \
        {"layout", required_argument, NULL, CG_OPT_LAYOUT},                                     \
        {"cluster", required_argument, NULL, CG_OPT_CLUSTER},                                   \
        {"max-nodes", required_argument, NULL, CG_OPT_MAX_NODES}

#define CG_DIAGRAM_HELP                                                                         \
    "Diagram options (for .dot .svg .png .pdf .html outputs):\n"                              \
    "      --focus ENTITY     only ENTITY and what lies within --depth relations of it\n"     \
    "      --depth N          hops from the focus (default 1)\n"                             \
    "      --predicates P,..  only relations with these predicates\n"                         \
    "      --types T,..       only entities of these types (e.g. Person,Country)\n"          \
    "      --min-evidence N   only relations with at least N supporting quotes\n"            \
    "      --exclude ENTITY   leave ENTITY out (repeatable; commas allowed)\n"               \
    "      --max-nodes N      only the N entities with most evidence (for large graphs)\n"  \
    "      --layout L         auto (default: dot for small graphs, else sfdp), dot,\n"      \
    "                         neato or sfdp\n"                                                 \
    "      --cluster C        none (default) or type: a box around each type (dot)\n"

#define CG_CLI_MAX_NAMES 64

typedef struct {
    const char *v[CG_CLI_MAX_NAMES];
    size_t n;
} CgCliNames;

/* Zero-initialised, it gives the defaults. */
typedef struct {
    bool ready; /* first, so that {0} initialises it */
    CgDiagramOptions opts;
    CgCliNames predicates, types, exclude;
} CgCliDiagram;

/* Handles option `opt` (a getopt_long return) with `arg`.  The comma-
 * separated lists are split in place: `arg` points into argv, which a
 * program may modify, and the names then need no copies to free.  Returns 0
 * when done; else reports "claimgraph CMD: ..." (a bad value, or an option
 * that is none of the diagram's) and returns CG_EXIT_USAGE. */
int cg_cli_diagram_option(const char *cmd, int opt, char *arg, CgCliDiagram *d);

/* The options parsed (defaults where none were given). */
const CgDiagramOptions *cg_cli_diagram_get(CgCliDiagram *d);

/* The options to draw `out` with: its own (or the defaults), with links
 * made relative to its folder; `scratch` holds them. */
const CgDiagramOptions *cg_cli_diagram_for(const CgOutput *out, CgDiagramOptions *scratch);

#endif
