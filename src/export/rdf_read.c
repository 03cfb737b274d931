/* An RDF file (as cg_export_rdf writes it) back into a graph, for `render`.
 * Turtle, TriG, N-Triples and N-Quads are read by src/rdf/, RDF/XML by
 * Raptor.  Both hand us triples in any order, so they are first gathered per
 * subject resource; the graph is built once the whole file is read. */
#include "export.h"

#include "../core/buf.h"
#include "../core/mem.h"
#include "../core/strmap.h"
#include "../rdf/read.h"
#include "rdf_common.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* Everything we read about one subject IRI.  Single-valued fields keep the
 * first value the file gives. */
typedef struct {
    char *iri;
    char *type;   /* local name of its first class in CG_VOCAB */
    bool is_evidence, is_document, is_symmetric, is_context;
    char *label, *path, *quote, *rule, *quantity, *begin, *end, *mentions;
    char *rdf_subject, *rdf_predicate, *rdf_object, *derived_from;
    /* a claim (evidence) */
    char *certainty, *negated, *claimed_by, *claimed_by_name, *comparator, *unit;
    char *quantity_value, *subject_ref, *subject_ante, *object_ref, *object_ante;
    char *quote_cut, *quote_begin, *quote_end; /* a quote cut from its sentence */
    char **capture_names, **capture_values; /* other cg: literals of evidence */
    size_t n_captures, cap_captures, cap_capture_values;
    /* a document's metadata (dcterms:) */
    char *title, *source, *issued, *publisher;
    char **same_as;
    size_t n_same_as, cap_same_as;
    char **aliases;
    size_t n_aliases, cap_aliases;
} CgResource;

/* A triple between two IRIs with a predicate in CG_VOCAB: a plain relation
 * when both ends turn out to be entities. */
typedef struct {
    char *subject, *predicate, *object;
} CgLink;

typedef struct {
    CgResource *res;
    size_t n_res, cap_res;
    CgStrMap *by_iri; /* IRI -> index in res */
    CgLink *links;
    size_t n_links, cap_links;
    CgBuf scratch;
} CgReader;

typedef struct {
    const char *iri;
    size_t offset; /* of a char * field in CgResource */
} CgField;

static const CgField cg_literal_fields[] = {
    {CG_NS_RDFS "label", offsetof(CgResource, label)},
    {CG_VOCAB "path", offsetof(CgResource, path)},
    {CG_VOCAB "quote", offsetof(CgResource, quote)},
    {CG_VOCAB "rule", offsetof(CgResource, rule)},
    {CG_VOCAB "quantity", offsetof(CgResource, quantity)},
    {CG_NS_NIF "beginIndex", offsetof(CgResource, begin)},
    {CG_NS_NIF "endIndex", offsetof(CgResource, end)},
    {CG_VOCAB "mentionCount", offsetof(CgResource, mentions)},
    {CG_VOCAB "certainty", offsetof(CgResource, certainty)},
    {CG_VOCAB "negated", offsetof(CgResource, negated)},
    {CG_VOCAB "claimedByName", offsetof(CgResource, claimed_by_name)},
    {CG_VOCAB "comparator", offsetof(CgResource, comparator)},
    {CG_VOCAB "unit", offsetof(CgResource, unit)},
    {CG_VOCAB "quantityValue", offsetof(CgResource, quantity_value)},
    {CG_VOCAB "subjectReference", offsetof(CgResource, subject_ref)},
    {CG_VOCAB "subjectAntecedentIndex", offsetof(CgResource, subject_ante)},
    {CG_VOCAB "objectReference", offsetof(CgResource, object_ref)},
    {CG_VOCAB "objectAntecedentIndex", offsetof(CgResource, object_ante)},
    {CG_VOCAB "quoteTruncated", offsetof(CgResource, quote_cut)},
    {CG_VOCAB "quoteBeginIndex", offsetof(CgResource, quote_begin)},
    {CG_VOCAB "quoteEndIndex", offsetof(CgResource, quote_end)},
    {CG_NS_DCTERMS "title", offsetof(CgResource, title)},
    {CG_NS_DCTERMS "source", offsetof(CgResource, source)},
    {CG_NS_DCTERMS "issued", offsetof(CgResource, issued)},
    {CG_NS_DCTERMS "publisher", offsetof(CgResource, publisher)},
};

static const CgField cg_iri_fields[] = {
    {CG_NS_RDF "subject", offsetof(CgResource, rdf_subject)},
    {CG_NS_RDF "predicate", offsetof(CgResource, rdf_predicate)},
    {CG_NS_RDF "object", offsetof(CgResource, rdf_object)},
    {CG_NS_PROV "wasDerivedFrom", offsetof(CgResource, derived_from)},
    {CG_VOCAB "claimedBy", offsetof(CgResource, claimed_by)},
};

static void cg_resource_clear(CgResource *r)
{
    char **fields[] = {&r->iri,   &r->type,        &r->label,         &r->path,
                       &r->quote, &r->rule,        &r->quantity,      &r->begin,
                       &r->end,   &r->rdf_subject, &r->rdf_predicate, &r->rdf_object,
                       &r->derived_from, &r->mentions, &r->certainty, &r->negated,
                       &r->claimed_by, &r->claimed_by_name, &r->comparator, &r->unit,
                       &r->quantity_value, &r->subject_ref, &r->subject_ante,
                       &r->object_ref, &r->object_ante, &r->title, &r->source,
                       &r->issued, &r->publisher, &r->quote_cut, &r->quote_begin,
                       &r->quote_end};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; ++i) {
        free(*fields[i]);
    }
    for (size_t i = 0; i < r->n_same_as; ++i) {
        free(r->same_as[i]);
    }
    free(r->same_as);
    for (size_t i = 0; i < r->n_aliases; ++i) {
        free(r->aliases[i]);
    }
    free(r->aliases);
    for (size_t i = 0; i < r->n_captures; ++i) {
        free(r->capture_names[i]);
        free(r->capture_values[i]);
    }
    free(r->capture_names);
    free(r->capture_values);
}

static void cg_reader_free(CgReader *rd)
{
    for (size_t i = 0; i < rd->n_res; ++i) {
        cg_resource_clear(&rd->res[i]);
    }
    for (size_t i = 0; i < rd->n_links; ++i) {
        free(rd->links[i].subject);
        free(rd->links[i].predicate);
        free(rd->links[i].object);
    }
    free(rd->res);
    free(rd->links);
    cg_strmap_free(rd->by_iri);
    cg_buf_free(&rd->scratch);
}

static CgResource *cg_resource_find(const CgReader *rd, const char *iri)
{
    uint32_t index;
    return iri && cg_strmap_get(rd->by_iri, iri, strlen(iri), &index) ? &rd->res[index] : NULL;
}

static CgResource *cg_resource_get(CgReader *rd, const char *iri)
{
    CgResource *r = cg_resource_find(rd, iri);
    if (r) {
        return r;
    }
    rd->res = cg_xgrow(rd->res, &rd->cap_res, rd->n_res + 1, sizeof *rd->res);
    r = memset(&rd->res[rd->n_res], 0, sizeof *r);
    r->iri = cg_xstrdup(iri);
    cg_strmap_put(rd->by_iri, iri, strlen(iri), (uint32_t)rd->n_res++);
    return r;
}

static bool cg_set_field(CgResource *r, const CgField *fields, size_t n, const char *predicate,
                         const char *value)
{
    for (size_t i = 0; i < n; ++i) {
        if (!strcmp(predicate, fields[i].iri)) {
            char **field = (char **)((char *)r + fields[i].offset);
            if (!*field) {
                *field = cg_xstrdup(value);
            }
            return true;
        }
    }
    return false;
}

static bool cg_has_prefix(const char *s, const char *prefix)
{
    return !strncmp(s, prefix, strlen(prefix));
}

static void cg_add_type(CgResource *r, const char *type)
{
    if (!strcmp(type, CG_VOCAB "Evidence")) {
        r->is_evidence = true;
    } else if (!strcmp(type, CG_VOCAB "Document")) {
        r->is_document = true;
    } else if (!strcmp(type, CG_NS_OWL "SymmetricProperty")) {
        r->is_symmetric = true;
    } else if (!strcmp(type, CG_NS_NIF "Context")) {
        r->is_context = true;
    } else if (cg_has_prefix(type, CG_VOCAB) && !r->type) {
        r->type = cg_xstrdup(type + strlen(CG_VOCAB));
    }
}

static void cg_add_link(CgReader *rd, const char *s, const char *p, const char *o)
{
    rd->links = cg_xgrow(rd->links, &rd->cap_links, rd->n_links + 1, sizeof *rd->links);
    rd->links[rd->n_links++] = (CgLink){cg_xstrdup(s), cg_xstrdup(p), cg_xstrdup(o)};
}

static void cg_add_iri_object(CgReader *rd, CgResource *r, const char *p, const char *o)
{
    if (!strcmp(p, CG_NS_RDF "type")) {
        cg_add_type(r, o);
    } else if (!strcmp(p, CG_NS_OWL "sameAs")) {
        r->same_as = cg_xgrow(r->same_as, &r->cap_same_as, r->n_same_as + 1,
                              sizeof *r->same_as);
        r->same_as[r->n_same_as++] = cg_xstrdup(o);
    } else if (!cg_set_field(r, cg_iri_fields, sizeof cg_iri_fields / sizeof cg_iri_fields[0],
                             p, o) &&
               cg_has_prefix(p, CG_VOCAB)) {
        cg_add_link(rd, r->iri, p, o);
    }
}

/* A claim's other captures ("date" -> "in June") are written as cg:NAME;
 * any cg: literal the reader does not know is taken for one. */
static void cg_add_capture(CgResource *r, const char *name, const char *value)
{
    r->capture_names = cg_xgrow(r->capture_names, &r->cap_captures, r->n_captures + 1,
                                sizeof *r->capture_names);
    r->capture_values = cg_xgrow(r->capture_values, &r->cap_capture_values,
                                 r->n_captures + 1, sizeof *r->capture_values);
    r->capture_names[r->n_captures] = cg_xstrdup(name);
    r->capture_values[r->n_captures++] = cg_xstrdup(value);
}

/* cg:alias is the one literal that repeats; the others keep their first value. */
static void cg_add_literal(CgResource *r, const char *p, const char *value)
{
    if (!strcmp(p, CG_VOCAB "alias")) {
        r->aliases = cg_xgrow(r->aliases, &r->cap_aliases, r->n_aliases + 1,
                              sizeof *r->aliases);
        r->aliases[r->n_aliases++] = cg_xstrdup(value);
        return;
    }
    if (!cg_set_field(r, cg_literal_fields,
                      sizeof cg_literal_fields / sizeof cg_literal_fields[0], p, value) &&
        cg_has_prefix(p, CG_VOCAB) && p[strlen(CG_VOCAB)]) {
        cg_add_capture(r, p + strlen(CG_VOCAB), value);
    }
}

/* One triple whose subject and predicate are IRIs; `object` is an IRI when
 * `object_is_iri`, else a literal's lexical form. */
static void cg_on_triple(CgReader *rd, const char *subject, const char *p, const char *object,
                         bool object_is_iri)
{
    CgResource *r = cg_resource_get(rd, subject);
    if (object_is_iri) {
        cg_add_iri_object(rd, r, p, object);
    } else {
        cg_add_literal(r, p, object);
    }
}

static void cg_on_statement(void *user_data, raptor_statement *st)
{
    CgReader *rd = user_data;
    /* cg_export_rdf writes no blank nodes; anything else is not ours. */
    if (st->subject->type != RAPTOR_TERM_TYPE_URI ||
        st->predicate->type != RAPTOR_TERM_TYPE_URI ||
        st->object->type == RAPTOR_TERM_TYPE_BLANK) {
        return;
    }
    const bool iri = st->object->type == RAPTOR_TERM_TYPE_URI;
    cg_on_triple(rd, (const char *)raptor_uri_as_string(st->subject->value.uri),
                 (const char *)raptor_uri_as_string(st->predicate->value.uri),
                 iri ? (const char *)raptor_uri_as_string(st->object->value.uri)
                     : (const char *)st->object->value.literal.string,
                 iri);
}

/* The same from src/rdf/'s reader; graph names are not looked at. */
static void cg_on_quad(void *ctx, const CgRdfQuad *q)
{
    if (q->s.kind == CG_RDF_IRI && q->p.kind == CG_RDF_IRI && q->o.kind != CG_RDF_BLANK) {
        cg_on_triple(ctx, q->s.value, q->p.value, q->o.value, q->o.kind == CG_RDF_IRI);
    }
}

static bool cg_is_entity(const CgResource *r)
{
    return r && r->type && strstr(r->iri, "/entity/");
}

/* The decoded part of `iri` after `prefix_len` bytes, into `out`. */
static const char *cg_decoded_tail(const char *iri, size_t prefix_len, CgBuf *out)
{
    cg_buf_clear(out);
    cg_iri_segment_decode(out, iri + prefix_len, strlen(iri + prefix_len));
    return cg_buf_str(out);
}

/* An entity's id is the last segment of its IRI. */
static const char *cg_entity_id(const char *iri, CgBuf *out)
{
    const char *slash = strrchr(iri, '/');
    return cg_decoded_tail(iri, slash ? (size_t)(slash + 1 - iri) : 0, out);
}

/* The local name of a vocabulary IRI (a type or predicate), or NULL. */
static const char *cg_vocab_local(const char *iri, CgBuf *out)
{
    if (!iri || !cg_has_prefix(iri, CG_VOCAB)) {
        return NULL;
    }
    return cg_decoded_tail(iri, strlen(CG_VOCAB), out);
}

static bool cg_entity_index(CgReader *rd, const CgGraph *graph, const char *iri, uint32_t *out)
{
    if (!cg_is_entity(cg_resource_find(rd, iri))) {
        return false;
    }
    const long index = cg_graph_find_entity(graph, cg_entity_id(iri, &rd->scratch));
    *out = (uint32_t)index;
    return index >= 0;
}

static bool cg_is_symmetric(const CgReader *rd, const char *predicate_iri)
{
    const CgResource *r = cg_resource_find(rd, predicate_iri);
    return r && r->is_symmetric;
}

static bool cg_parse_offset(const char *s, size_t *out);

/* What the documents said of the entity: the texts naming it, how often. */
static void cg_add_seen(CgGraph *graph, uint32_t e, const CgResource *r)
{
    for (size_t i = 0; i < r->n_aliases; ++i) {
        cg_graph_add_alias_seen(graph, e, r->aliases[i], strlen(r->aliases[i]));
    }
    size_t mentions;
    if (cg_parse_offset(r->mentions, &mentions)) {
        cg_graph_count_mentions(graph, e, mentions);
    }
}

static void cg_build_entities(CgReader *rd, CgGraph *graph)
{
    CgBuf type = CG_BUF_INIT;
    for (size_t i = 0; i < rd->n_res; ++i) {
        const CgResource *r = &rd->res[i];
        if (cg_is_entity(r)) {
            cg_buf_clear(&type);
            cg_iri_segment_decode(&type, r->type, strlen(r->type));
            const uint32_t e =
                cg_graph_add_entity(graph, cg_entity_id(r->iri, &rd->scratch),
                                    cg_buf_str(&type), r->label, r->same_as, r->n_same_as);
            cg_add_seen(graph, e, r);
        }
    }
    cg_buf_free(&type);
}

static bool cg_parse_offset(const char *s, size_t *out);

/* The document's length, from its NIF context's end; graphs written
 * before contexts were have none, and the length stays unknown. */
static void cg_document_chars(const CgReader *rd, CgGraph *graph, uint32_t doc,
                              const char *iri)
{
    CgBuf context = CG_BUF_INIT;
    cg_buf_puts(&context, iri);
    cg_buf_puts(&context, cg_context_suffix(iri));
    const CgResource *c = cg_resource_find(rd, cg_buf_str(&context));
    size_t chars;
    if (c && c->is_context && cg_parse_offset(c->end, &chars)) {
        cg_graph_set_document_chars(graph, doc, chars);
    }
    cg_buf_free(&context);
}

/* A document without cg:path (not one of ours) is known by its IRI. */
static uint32_t cg_document_of(const CgReader *rd, CgGraph *graph, const char *iri)
{
    const CgResource *r = cg_resource_find(rd, iri);
    const uint32_t doc = cg_graph_add_document(graph, r && r->path ? r->path : iri);
    const char *const meta[][2] = {{"title", r ? r->title : NULL},
                                   {"url", r ? r->source : NULL},
                                   {"published", r ? r->issued : NULL},
                                   {"outlet", r ? r->publisher : NULL}};
    for (size_t i = 0; i < sizeof meta / sizeof meta[0]; ++i) {
        if (meta[i][1]) {
            cg_graph_set_document_meta(graph, doc, meta[i][0], meta[i][1]);
        }
    }
    cg_document_chars(rd, graph, doc, iri);
    return doc;
}

static bool cg_parse_offset(const char *s, size_t *out)
{
    if (!s || *s < '0' || *s > '9') {
        return false;
    }
    char *end;
    errno = 0;
    const unsigned long long v = strtoull(s, &end, 10);
    *out = (size_t)v;
    return !errno && !*end && v <= SIZE_MAX;
}

/* The claim an evidence resource states (strings borrowed from `r`). */
static CgGraphClaim cg_claim_of(CgReader *rd, const CgGraph *graph, const CgResource *r)
{
    CgGraphClaim c = {0};
    c.certainty = r->certainty && strcmp(r->certainty, "asserted") ? r->certainty : NULL;
    c.negated = r->negated && (!strcmp(r->negated, "true") || !strcmp(r->negated, "1"));
    if (!cg_entity_index(rd, graph, r->claimed_by, &c.claimer)) {
        c.claimer = CG_GRAPH_NONE;
    }
    c.claimer_text = r->claimed_by_name;
    c.quantity_value = r->quantity_value;
    c.comparator = r->comparator;
    c.unit = r->unit;
    c.subject_ref = r->subject_ref;
    c.object_ref = r->object_ref;
    if (!c.subject_ref || !cg_parse_offset(r->subject_ante, &c.subject_antecedent)) {
        c.subject_antecedent = 0;
    }
    if (!c.object_ref || !cg_parse_offset(r->object_ante, &c.object_antecedent)) {
        c.object_antecedent = 0;
    }
    c.capture_names = r->capture_names;
    c.capture_values = r->capture_values;
    c.n_captures = r->n_captures;
    c.quote_cut = r->quote_cut && (!strcmp(r->quote_cut, "true") || !strcmp(r->quote_cut, "1")) &&
                  cg_parse_offset(r->quote_begin, &c.quote_begin) &&
                  cg_parse_offset(r->quote_end, &c.quote_end);
    if (!c.quote_cut) {
        c.quote_begin = c.quote_end = 0;
    }
    return c;
}

static bool cg_build_one_evidence(CgReader *rd, CgGraph *graph, const CgResource *r)
{
    uint32_t s, o;
    size_t begin, end;
    CgBuf predicate = CG_BUF_INIT;
    const bool ok = cg_entity_index(rd, graph, r->rdf_subject, &s) &&
                    cg_entity_index(rd, graph, r->rdf_object, &o) && r->derived_from &&
                    cg_parse_offset(r->begin, &begin) && cg_parse_offset(r->end, &end) &&
                    cg_vocab_local(r->rdf_predicate, &predicate);
    if (ok) {
        const CgGraphClaim claim = cg_claim_of(rd, graph, r);
        cg_graph_add_claim(graph, cg_buf_str(&predicate), cg_is_symmetric(rd, r->rdf_predicate),
                           s, o, cg_document_of(rd, graph, r->derived_from),
                           r->rule ? r->rule : "", r->quote ? r->quote : "", begin, end,
                           r->quantity, &claim);
    }
    cg_buf_free(&predicate);
    return ok;
}

static void cg_build_evidence(CgReader *rd, CgGraph *graph, CgRdfLog *log)
{
    for (size_t i = 0; i < rd->n_res; ++i) {
        const CgResource *r = &rd->res[i];
        if (r->is_document) {
            cg_document_of(rd, graph, r->iri);
        }
        if (r->is_evidence && !cg_build_one_evidence(rd, graph, r)) {
            cg_diag(log->sink, CG_SEV_WARNING, CG_FAILURE, log->file, 0, 0,
                    "evidence <%s> lacks a known subject, object, predicate, document or "
                    "offsets; skipped",
                    r->iri);
        }
    }
}

static void cg_build_relations(CgReader *rd, CgGraph *graph)
{
    CgBuf predicate = CG_BUF_INIT;
    for (size_t i = 0; i < rd->n_links; ++i) {
        const CgLink *l = &rd->links[i];
        uint32_t s, o;
        if (cg_entity_index(rd, graph, l->subject, &s) &&
            cg_entity_index(rd, graph, l->object, &o)) {
            cg_graph_add_relation(graph, cg_vocab_local(l->predicate, &predicate),
                                  cg_is_symmetric(rd, l->predicate), s, o);
        }
    }
    cg_buf_free(&predicate);
}

/* Only RDF/XML still goes to Raptor. */
static const char *cg_parser_name(const char *path)
{
    const char *dot = strrchr(path, '.');
    return dot && !strcmp(dot, ".rdf") ? "rdfxml" : "turtle";
}

/* Turtle (the default), TriG, N-Triples or N-Quads by src/rdf/, from the
 * file or from `len` bytes at `data`; relative IRIs resolve against the
 * file's own location. */
static CgStatus cg_read_text_syntax(CgReader *rd, const char *path, const char *data, size_t len,
                                    CgRdfLog *log)
{
    CgRdfSyntax syntax = CG_RDF_TURTLE;
    (void)cg_rdf_syntax_from_path(path, &syntax);
    char *base = cg_rdf_file_iri(path);
    const CgRdfReadOptions o = {syntax, base, cg_on_quad, NULL, rd, log->sink};
    const CgStatus st = data ? cg_rdf_read_string(data, len, path, &o) : cg_rdf_read_file(path, &o);
    free(base);
    return st;
}

/* Parses from `fp`, or from `len` bytes at `data` when `fp` is NULL. */
static int cg_parse_input(raptor_parser *parser, raptor_uri *base, FILE *fp, const char *path,
                          const char *data, size_t len)
{
    if (fp) {
        return raptor_parser_parse_file_stream(parser, fp, path, base);
    }
    return raptor_parser_parse_start(parser, base) ||
           raptor_parser_parse_chunk(parser, (const unsigned char *)data, len, 1);
}

static CgStatus cg_parse_stream(CgReader *rd, raptor_world *world, FILE *fp, const char *path,
                                const char *data, size_t len, CgRdfLog *log)
{
    raptor_parser *parser = raptor_new_parser(world, cg_parser_name(path));
    /* Relative IRIs in the file resolve against the file's own location. */
    unsigned char *base_str = raptor_uri_filename_to_uri_string(path);
    raptor_uri *base = base_str ? raptor_new_uri(world, base_str) : NULL;
    CgStatus st = CG_ERR_INTERNAL;
    if (parser && base) {
        raptor_parser_set_statement_handler(parser, rd, cg_on_statement);
        const int rc = cg_parse_input(parser, base, fp, path, data, len);
        st = rc || log->errors ? CG_ERR_SYNTAX : CG_OK;
        if (st && !log->errors) {
            cg_diag(log->sink, CG_SEV_ERROR, st, path, 0, 0, "cannot parse as %s",
                    cg_parser_name(path));
        }
    }
    if (base) {
        raptor_free_uri(base);
    }
    raptor_free_memory(base_str);
    if (parser) {
        raptor_free_parser(parser);
    }
    return st;
}

static CgStatus cg_parse_file(CgReader *rd, const char *path, CgRdfLog *log)
{
    if (strcmp(cg_parser_name(path), "rdfxml")) {
        return cg_read_text_syntax(rd, path, NULL, 0, log);
    }
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        cg_diag(log->sink, CG_SEV_ERROR, CG_ERR_IO, path, 0, 0, "cannot open: %s",
                strerror(errno));
        return CG_ERR_IO;
    }
    raptor_world *world = cg_rdf_world_new(log);
    CgStatus st = world ? cg_parse_stream(rd, world, fp, path, NULL, 0, log) : CG_ERR_INTERNAL;
    if (!st && ferror(fp)) {
        cg_diag(log->sink, CG_SEV_ERROR, CG_ERR_IO, path, 0, 0, "cannot read");
        st = CG_ERR_IO;
    }
    if (world) {
        raptor_free_world(world);
    }
    fclose(fp);
    return st;
}

static void cg_reader_add(CgReader *rd, CgRdfLog *log, CgGraph *graph)
{
    cg_build_entities(rd, graph);
    cg_build_evidence(rd, graph, log);
    cg_build_relations(rd, graph);
}

static void cg_reader_build(CgReader *rd, CgRdfLog *log, CgGraph **out)
{
    *out = cg_graph_new();
    cg_reader_add(rd, log, *out);
    cg_graph_finish(*out);
}

CgStatus cg_import_rdf_into(const char *path, CgGraph *graph, CgDiagSink *sink)
{
    CgRdfLog log = {sink, path, CG_ERR_SYNTAX, 0};
    CgReader rd = {.by_iri = cg_strmap_new()};
    const CgStatus st = cg_parse_file(&rd, path, &log);
    if (!st) {
        cg_reader_add(&rd, &log, graph);
    }
    cg_reader_free(&rd);
    return st;
}

CgStatus cg_import_rdf(const char *path, CgDiagSink *sink, CgGraph **out)
{
    *out = NULL;
    CgRdfLog log = {sink, path, CG_ERR_SYNTAX, 0};
    CgReader rd = {.by_iri = cg_strmap_new()};
    const CgStatus st = cg_parse_file(&rd, path, &log);
    if (!st) {
        cg_reader_build(&rd, &log, out);
    }
    cg_reader_free(&rd);
    return st;
}

CgStatus cg_import_rdf_string(const char *data, size_t len, const char *name,
                              CgDiagSink *sink, CgGraph **out)
{
    *out = NULL;
    CgRdfLog log = {sink, name, CG_ERR_SYNTAX, 0};
    CgReader rd = {.by_iri = cg_strmap_new()};
    CgStatus st;
    if (strcmp(cg_parser_name(name), "rdfxml")) {
        st = cg_read_text_syntax(&rd, name, data, len, &log);
    } else {
        raptor_world *world = cg_rdf_world_new(&log);
        st = world ? cg_parse_stream(&rd, world, NULL, name, data, len, &log) : CG_ERR_INTERNAL;
        if (world) {
            raptor_free_world(world);
        }
    }
    if (!st) {
        cg_reader_build(&rd, &log, out);
    }
    cg_reader_free(&rd);
    return st;
}
