/* claimgraph load: a graph file -> a triple store (SPARQL 1.1 Graph Store
 * HTTP Protocol). */
#include "cli.h"

#include "../core/mem.h"
#include "../load/load.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Where --user looks for the password when no option gives it, so that it
 * stays out of the process list and the shell history. */
#define CG_PASSWORD_ENV "CLAIMGRAPH_PASSWORD"
/* A week: past that a limit is a typo, and libcurl keeps milliseconds in a
 * long. */
#define CG_LOAD_SECONDS_MAX 604800L

typedef struct {
    CgLoadOptions load;
    const char *path;
    const char *password_file;
    char *password; /* owned: the copy of --password, or the file's line */
    bool add, replace, quiet;
} CgLoadCli;

static void load_help(void)
{
    printf("Usage: claimgraph load [OPTIONS] GRAPH --endpoint URL\n\n"
           "Sends a graph file (.ttl, .nt or .nq, as written by 'claimgraph build') to a\n"
           "triple store that speaks the SPARQL 1.1 Graph Store HTTP Protocol, in one\n"
           "request.  The protocol writes one graph: a .nq from 'build' (each\n"
           "document's evidence in its own named graph) goes only to a store that\n"
           "takes quads there (Virtuoso's endpoint refuses N-Quads); load .nq and\n"
           ".trig with the store's bulk loader instead (Virtuoso: ld_dir, which keeps\n"
           "the graph names).\n\n"
           "Options:\n"
           "  -e, --endpoint URL   the store's Graph Store endpoint (required), e.g.\n"
           "                       http://localhost:8890/sparql-graph-crud-auth (Virtuoso)\n"
           "  -g, --graph IRI      the graph to write (default: the store's default graph)\n"
           "      --replace        the graph holds exactly the file afterwards (HTTP PUT;\n"
           "                       the default)\n"
           "      --add            add the file's triples to the graph (HTTP POST)\n"
           "  -u, --user USER      authenticate as USER (Basic or Digest, as the store\n"
           "                       asks); a user name cannot hold ':'\n"
           "      --password-file FILE\n"
           "                       USER's password: the first line of FILE (default:\n"
           "                       $%s)\n"
           "      --netrc          take the user and password for the endpoint's host\n"
           "                       from ~/.netrc (a 'machine HOST login USER password\n"
           "                       PASS' line); not with --user\n"
           "      --netrc-file FILE  as --netrc, from FILE\n"
           "  -p, --password PASS  USER's password on the command line: other users of\n"
           "                       the machine can read it (ps) and it stays in the\n"
           "                       shell's history, so it is warned about; prefer the\n"
           "                       above\n"
           "      --timeout SECS   give up when the request is not done after SECS seconds\n"
           "                       (default %ld; 0: no limit); the default is ample for\n"
           "                       the few MB a build writes: raise it for a store slow\n"
           "                       over a very large graph\n"
           "      --stall SECS     give up sooner when less than %ld bytes a second move\n"
           "                       either way for SECS seconds (default %ld; 0: never),\n"
           "                       including while the store is silent before answering\n"
           "  -q, --quiet          no summary on standard error\n"
           "  -h, --help           this help\n\n"
           "Examples:\n"
           "  claimgraph load out/graph.ttl --endpoint http://localhost:8890/sparql-graph-crud-auth \\\n"
           "      --graph https://example.org/claimgraph/graph --user dba --password-file ~/.dba\n"
           "  claimgraph load extra.nt --add -e http://localhost:7878/store -g urn:x:news\n\n"
           "A failed load says whether the store may hold part of the graph; rerunning\n"
           "with --replace writes it whole.  A store that takes no connection within %ld s\n"
           "is reported as unreachable.  A password in the endpoint URL\n"
           "(http://USER:PASS@HOST/) is used but never shown: messages print USER:***.\n\n"
           "Exit status: 0 loaded; 1 the load failed (file unreadable, store unreachable,\n"
           "credentials refused, store error, no answer in time); 2 usage.\n",
           CG_PASSWORD_ENV, CG_LOAD_TIMEOUT_S, CG_LOAD_STALL_BYTES, CG_LOAD_STALL_S,
           CG_LOAD_CONNECT_TIMEOUT_S);
}

/* A limit in whole seconds, 0 for none; false on anything else. */
static bool parse_seconds(const char *arg, long *out)
{
    char *end;
    errno = 0;
    const long v = strtol(arg, &end, 10);
    if (errno || end == arg || *end || v < 0 || v > CG_LOAD_SECONDS_MAX) {
        return false;
    }
    *out = v;
    return true;
}

/* Copies a password given on the command line and blanks it in place, so
 * that ps and /proc/PID/cmdline show stars from here on (as curl does);
 * it was visible until now, hence the warning. */
static char *hide_argument(char *arg)
{
    char *copy = cg_xstrdup(arg);
    memset(arg, '*', strlen(arg));
    return copy;
}

/* Returns -1 to go on, else an exit status. */
static int load_parse(int argc, char **argv, CgLoadCli *o)
{
    static const struct option longs[] = {
        {"endpoint", required_argument, NULL, 'e'}, {"graph", required_argument, NULL, 'g'},
        {"replace", no_argument, NULL, 'R'},        {"add", no_argument, NULL, 'A'},
        {"user", required_argument, NULL, 'u'},     {"password", required_argument, NULL, 'p'},
        {"password-file", required_argument, NULL, 'P'},
        {"netrc", no_argument, NULL, 'N'},          {"netrc-file", required_argument, NULL, 'F'},
        {"timeout", required_argument, NULL, 'T'},  {"stall", required_argument, NULL, 'S'},
        {"quiet", no_argument, NULL, 'q'},          {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "e:g:u:p:qh", longs, NULL)) != -1) {
        switch (c) {
        case 'e': o->load.endpoint = optarg; break;
        case 'g': o->load.graph = optarg; break;
        case 'R': o->replace = true; break;
        case 'A': o->add = true; break;
        case 'u': o->load.user = optarg; break;
        case 'p':
            free(o->password);
            o->password = hide_argument(optarg);
            o->load.password = o->password;
            break;
        case 'P': o->password_file = optarg; break;
        case 'N': o->load.netrc = true; break;
        case 'F': o->load.netrc = true, o->load.netrc_file = optarg; break;
        case 'T':
        case 'S':
            if (!parse_seconds(optarg, c == 'T' ? &o->load.timeout_s : &o->load.stall_s)) {
                return cg_cli_usage_error("load", "--%s needs a whole number of seconds from 0 "
                                                  "(no limit) to %ld; '%s' is not one",
                                          c == 'T' ? "timeout" : "stall", CG_LOAD_SECONDS_MAX,
                                          optarg);
            }
            break;
        case 'q': o->quiet = true; break;
        case 'h': load_help(); return CG_EXIT_OK;
        default: return cg_cli_usage_error("load", "bad option");
        }
    }
    if (optind + 1 != argc) {
        return cg_cli_usage_error("load", "give exactly one GRAPH file (.ttl, .nt or .nq)");
    }
    o->path = argv[optind];
    return -1;
}

static bool is_http_url(const char *url)
{
    return !strncmp(url, "http://", 7) || !strncmp(url, "https://", 8);
}

/* An IRI is absolute and has no character that Turtle or SPARQL would
 * have to escape in <...>. */
static bool is_iri(const char *iri)
{
    return strchr(iri, ':') && !iri[strcspn(iri, " \t\n<>\"{}|^`\\")];
}

/* Where the user and password come from: --user with --password-file,
 * $CLAIMGRAPH_PASSWORD or --password; --netrc; or the endpoint URL.  Returns -1 to go on,
 * else an exit status. */
static int load_credentials(CgLoadCli *o)
{
    const char *user = o->load.user;
    if (user && strchr(user, ':')) {
        /* Not echoed whole: what follows the ':' is likely a password. */
        return cg_cli_usage_error("load", "--user holds a ':', which a user name cannot "
                                          "(Basic authentication sends USER:PASSWORD, so the "
                                          "store would take the user to be '%.*s'); give the "
                                          "password on its own, with --password-file FILE",
                                  (int)strcspn(user, ":"), user);
    }
    if (o->load.password && o->password_file) {
        return cg_cli_usage_error("load", "give --password or --password-file, not both");
    }
    if ((o->load.password || o->password_file) && !user) {
        return cg_cli_usage_error("load", "--%s needs --user",
                                  o->password_file ? "password-file" : "password");
    }
    if (o->load.netrc && user) {
        return cg_cli_usage_error("load", "--netrc takes the user from the netrc file: give "
                                          "--user or --netrc, not both");
    }
    if (o->load.netrc_file && access(o->load.netrc_file, R_OK)) {
        return cg_cli_usage_error("load", "cannot read the netrc file '%s': %s",
                                  o->load.netrc_file, strerror(errno));
    }
    if (o->password_file) {
        const char *why = NULL;
        if (!(o->password = cg_load_read_password(o->password_file, &why))) {
            return cg_cli_usage_error("load", "cannot read the password file '%s': %s",
                                      o->password_file, why);
        }
        o->load.password = o->password;
    }
    if (user && !o->load.password && !(o->load.password = getenv(CG_PASSWORD_ENV))) {
        return cg_cli_usage_error("load", "--user needs a password: give --password-file FILE "
                                          "or set $%s", CG_PASSWORD_ENV);
    }
    return -1;
}

/* Returns -1 to go on, else an exit status. */
static int load_check(CgLoadCli *o)
{
    if (!o->load.endpoint || !is_http_url(o->load.endpoint)) {
        return cg_cli_usage_error("load", "give the store's Graph Store endpoint with "
                                          "--endpoint http://HOST:PORT/PATH");
    }
    if (o->add && o->replace) {
        return cg_cli_usage_error("load", "give --replace or --add, not both");
    }
    o->load.mode = o->add ? CG_LOAD_ADD : CG_LOAD_REPLACE;
    if (o->load.graph && !is_iri(o->load.graph)) {
        return cg_cli_usage_error("load", "--graph needs an absolute IRI, such as "
                                          "https://example.org/graph; '%s' is not one",
                                  o->load.graph);
    }
    const int done = load_credentials(o);
    if (done >= 0) {
        return done;
    }
    if (!cg_load_content_type(o->path)) {
        return cg_cli_usage_error("load", "cannot tell the RDF format of '%s' from its "
                                          "extension (.ttl .nt .nq)", o->path);
    }
    return -1;
}

static void load_summary(const CgLoadCli *o, const CgLoadReport *r)
{
    fprintf(stderr, "claimgraph load: %s (%" PRIu64 " bytes", o->path, r->bytes);
    if (r->triples_known) {
        fprintf(stderr, ", %" PRIu64 " triples", r->triples);
    }
    fprintf(stderr, ") %s ", o->load.mode == CG_LOAD_ADD ? "added to" : "replaced");
    if (o->load.graph) {
        fprintf(stderr, "graph <%s>", o->load.graph);
    } else {
        fputs("the default graph", stderr);
    }
    char *shown = cg_load_redact_url(o->load.endpoint);
    fprintf(stderr, " at %s in %.3f s\n", shown, r->seconds);
    free(shown);
}

static int load_run(const CgLoadCli *o)
{
    CgDiagSink sink = {NULL, NULL, 0, 0};
    if (o->password && !o->password_file) {
        cg_diag(&sink, CG_SEV_WARNING, CG_OK, NULL, 0, 0,
                "--password is visible to other users of this machine (ps) while claimgraph "
                "starts, and stays in the shell's history; use --password-file FILE, $%s or "
                "--netrc",
                CG_PASSWORD_ENV);
    }
    CgLoadReport report;
    const CgStatus st = cg_load_file(o->path, &o->load, &report, &sink);
    if (st == CG_OK && !o->quiet) {
        load_summary(o, &report);
    }
    return st == CG_OK ? CG_EXIT_OK : st == CG_ERR_USAGE ? CG_EXIT_USAGE : CG_EXIT_INPUT;
}

int cg_cmd_load(int argc, char **argv)
{
    CgLoadCli o = {.load = {.mode = CG_LOAD_REPLACE,
                            .timeout_s = CG_LOAD_TIMEOUT_S,
                            .stall_s = CG_LOAD_STALL_S}};
    int done = load_parse(argc, argv, &o);
    if (done < 0) {
        done = load_check(&o);
    }
    if (done < 0) {
        done = load_run(&o);
    }
    free(o.password);
    return done;
}
