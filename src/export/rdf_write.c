/* The graph as RDF: statements emitted in a fixed order from the finished
 * (sorted) graph, each subject's together, and written as they come by
 * rdf_stream.c with Raptor's term writers, so the same graph gives the same
 * bytes in every format. */
#include "export.h"

#include "../core/buf.h"
#include "../core/utf8.h"
#include "rdf_common.h"
#include "rdf_stream.h"
#include "stream.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* The fixed terms every graph uses; built once per export. */
typedef enum {
    CG_T_TYPE,
    CG_T_LABEL,
    CG_T_SAME_AS,
    CG_T_SUBJECT,
    CG_T_PREDICATE,
    CG_T_OBJECT,
    CG_T_DERIVED_FROM,
    CG_T_QUOTE,
    CG_T_BEGIN,
    CG_T_END,
    CG_T_RULE,
    CG_T_QUANTITY,
    CG_T_QUANTITY_VALUE,
    CG_T_PATH,
    CG_T_EVIDENCE,
    CG_T_STATEMENT,
    CG_T_DOCUMENT,
    CG_T_FOAF_DOCUMENT,
    CG_T_SYMMETRIC,
    CG_T_ALIAS,
    CG_T_MENTION_COUNT,
    CG_T_NIF_CONTEXT,
    CG_T_REFERENCE_CONTEXT,
    CG_T_SOURCE_URL,
    CG_N_TERMS
} CgTermId;

static const char *const cg_term_iris[CG_N_TERMS] = {
    CG_NS_RDF "type",         CG_NS_RDFS "label",       CG_NS_OWL "sameAs",
    CG_NS_RDF "subject",      CG_NS_RDF "predicate",    CG_NS_RDF "object",
    CG_NS_PROV "wasDerivedFrom", CG_VOCAB "quote",      CG_NS_NIF "beginIndex",
    CG_NS_NIF "endIndex",     CG_VOCAB "rule",          CG_VOCAB "quantity",
    CG_VOCAB "quantityValue", CG_VOCAB "path",          CG_VOCAB "Evidence",
    CG_NS_RDF "Statement",    CG_VOCAB "Document",      CG_NS_FOAF "Document",
    CG_NS_OWL "SymmetricProperty", CG_VOCAB "alias",      CG_VOCAB "mentionCount",
    CG_NS_NIF "Context",      CG_NS_NIF "referenceContext", CG_NS_NIF "sourceUrl",
};

typedef struct {
    raptor_world *world;
    CgRdfStream *out;
    raptor_term *terms[CG_N_TERMS];
    raptor_uri *xsd_count;   /* xsd:nonNegativeInteger */
    raptor_uri *xsd_decimal;
    CgBuf base;              /* ends in '/' or '#' */
    CgBuf iri;               /* scratch */
    CgBuf text;              /* scratch */
    CgBuf utf8;              /* scratch: a literal made well-formed */
    bool failed;             /* a statement could not be made or written */
} CgRdfWriter;

static const char *const cg_prefixes[][2] = {
    {"rdf", CG_NS_RDF},   {"rdfs", CG_NS_RDFS}, {"owl", CG_NS_OWL}, {"xsd", CG_NS_XSD},
    {"prov", CG_NS_PROV}, {"nif", CG_NS_NIF},   {"foaf", CG_NS_FOAF}, {"cg", CG_VOCAB},
    {"dcterms", CG_NS_DCTERMS},
};
#define CG_N_PREFIXES (sizeof cg_prefixes / sizeof cg_prefixes[0])

static const char *const cg_base_prefixes[][2] = {
    {"ent", "entity/"}, {"ev", "evidence/"}, {"doc", "document/"},
};
#define CG_N_BASE_PREFIXES (sizeof cg_base_prefixes / sizeof cg_base_prefixes[0])

static void cg_set_base(CgRdfWriter *w, const char *base)
{
    cg_buf_puts(&w->base, base ? base : CG_DEFAULT_BASE);
    /* The contract appends "entity/" etc. to the base, which reads as a path
     * only after a separator. */
    const char last = w->base.len ? w->base.data[w->base.len - 1] : '\0';
    if (last != '/' && last != '#') {
        cg_buf_putc(&w->base, '/');
    }
}

/* Only Turtle and TriG abbreviate; the line formats have no prefixes. */
static CgRdfStream *cg_open_stream(CgRdfWriter *w, CgFormat format, FILE *stream)
{
    if (format == CG_FMT_NTRIPLES || format == CG_FMT_NQUADS) {
        return cg_rdf_stream_new(w->world, stream,
                                 format == CG_FMT_NQUADS ? CG_RDF_NQUADS : CG_RDF_NTRIPLES,
                                 NULL, 0);
    }
    CgBuf iris[CG_N_BASE_PREFIXES] = {{0}};
    const char *prefixes[CG_N_PREFIXES + CG_N_BASE_PREFIXES][2];
    memcpy(prefixes, cg_prefixes, sizeof cg_prefixes);
    for (size_t i = 0; i < CG_N_BASE_PREFIXES; ++i) {
        cg_buf_printf(&iris[i], "%s%s", cg_buf_str(&w->base), cg_base_prefixes[i][1]);
        prefixes[CG_N_PREFIXES + i][0] = cg_base_prefixes[i][0];
        prefixes[CG_N_PREFIXES + i][1] = cg_buf_str(&iris[i]);
    }
    CgRdfStream *out = cg_rdf_stream_new(w->world, stream,
                                         format == CG_FMT_TRIG ? CG_RDF_TRIG : CG_RDF_TURTLE,
                                         (const char *const(*)[2])prefixes,
                                         CG_N_PREFIXES + CG_N_BASE_PREFIXES);
    for (size_t i = 0; i < CG_N_BASE_PREFIXES; ++i) {
        cg_buf_free(&iris[i]);
    }
    return out;
}

static int cg_make_terms(CgRdfWriter *w)
{
    for (size_t i = 0; i < CG_N_TERMS; ++i) {
        w->terms[i] = raptor_new_term_from_uri_string(w->world,
                                                      (const unsigned char *)cg_term_iris[i]);
        if (!w->terms[i]) {
            return 1;
        }
    }
    w->xsd_count =
        raptor_new_uri(w->world, (const unsigned char *)CG_NS_XSD "nonNegativeInteger");
    w->xsd_decimal = raptor_new_uri(w->world, (const unsigned char *)CG_NS_XSD "decimal");
    return !w->xsd_count || !w->xsd_decimal;
}

static void cg_writer_close(CgRdfWriter *w)
{
    for (size_t i = 0; i < CG_N_TERMS; ++i) {
        if (w->terms[i]) {
            raptor_free_term(w->terms[i]);
        }
    }
    if (w->xsd_count) {
        raptor_free_uri(w->xsd_count);
    }
    if (w->xsd_decimal) {
        raptor_free_uri(w->xsd_decimal);
    }
    cg_rdf_stream_free(w->out);
    if (w->world) {
        raptor_free_world(w->world);
    }
    cg_buf_free(&w->base);
    cg_buf_free(&w->iri);
    cg_buf_free(&w->text);
    cg_buf_free(&w->utf8);
}

static CgStatus cg_writer_open(CgRdfWriter *w, CgRdfLog *log, CgFormat format,
                               const char *base, FILE *stream)
{
    cg_set_base(w, base);
    w->world = cg_rdf_world_new(log);
    if (!w->world) {
        return CG_ERR_INTERNAL;
    }
    w->out = cg_make_terms(w) ? NULL : cg_open_stream(w, format, stream);
    if (!w->out) {
        cg_diag(log->sink, CG_SEV_ERROR, CG_ERR_INTERNAL, NULL, 0, 0,
                "cannot start the %s writer", cg_format_name(format));
        return CG_ERR_INTERNAL;
    }
    return CG_OK;
}

/* Writes one statement.  `subject` and `predicate` are borrowed and
 * `object` is consumed, so that callers can build it in the call. */
static void cg_emit_with(CgRdfWriter *w, raptor_term *subject, raptor_term *predicate,
                         raptor_term *object)
{
    if (!subject || !predicate || !object ||
        cg_rdf_stream_write(w->out, subject, predicate, object)) {
        w->failed = true;
    }
    if (object) {
        raptor_free_term(object);
    }
}

static void cg_emit(CgRdfWriter *w, raptor_term *subject, CgTermId predicate,
                    raptor_term *object)
{
    cg_emit_with(w, subject, w->terms[predicate], object);
}

static raptor_term *cg_term(CgRdfWriter *w, CgTermId id)
{
    return raptor_term_copy(w->terms[id]);
}

static void cg_free_term(raptor_term *term)
{
    if (term) {
        raptor_free_term(term);
    }
}

/* A new term for the IRI head + dir + segment (percent-encoded). */
static raptor_term *cg_iri(CgRdfWriter *w, const char *head, const char *dir,
                           const char *segment)
{
    cg_buf_clear(&w->iri);
    cg_buf_puts(&w->iri, head);
    cg_buf_puts(&w->iri, dir);
    cg_iri_segment_encode(&w->iri, segment);
    return raptor_new_term_from_uri_string(w->world, (const unsigned char *)cg_buf_str(&w->iri));
}

static raptor_term *cg_entity_iri(CgRdfWriter *w, const CgGraph *graph, uint32_t index)
{
    return cg_iri(w, cg_buf_str(&w->base), "entity/", cg_graph_entity(graph, index)->id);
}

/* Raptor's writers drop a literal that is not UTF-8 without a word (a file
 * name can be any bytes), so such bytes become U+FFFD first. */
static raptor_term *cg_literal(CgRdfWriter *w, const char *text, raptor_uri *datatype)
{
    text = cg_utf8_sanitize(&w->utf8, text);
    return raptor_new_term_from_literal(w->world, (const unsigned char *)text, datatype, NULL);
}

static raptor_term *cg_count_literal(CgRdfWriter *w, size_t n)
{
    char digits[24];
    snprintf(digits, sizeof digits, "%zu", n);
    return cg_literal(w, digits, w->xsd_count);
}

/* "12,000" -> "12000.0".  Separators must group digits by three, so that a
 * decimal comma ("1,5") is not misread as 15.  The ".0" keeps the lexical
 * form a decimal's wherever the literal is abbreviated or copied as a bare
 * number ("12000" would read back as an xsd:integer). */
static bool cg_quantity_decimal(const char *q, CgBuf *out)
{
    size_t group = 0;
    bool grouped = false;
    cg_buf_clear(out);
    for (; isdigit((unsigned char)*q) || *q == ','; ++q) {
        if (*q == ',') {
            if (!group || group > 3 || (grouped && group != 3)) {
                return false;
            }
            grouped = true;
            group = 0;
        } else {
            ++group;
            if (*q != '0' || out->len) { /* no leading zeros */
                cg_buf_putc(out, *q);
            }
        }
    }
    if (!group || (grouped && group != 3)) {
        return false;
    }
    if (!out->len) {
        cg_buf_putc(out, '0');
    }
    if (*q != '.') {
        cg_buf_puts(out, ".0");
        return !*q;
    }
    cg_buf_append(out, q, strspn(q, ".0123456789"));
    return q[1] && strspn(q + 1, "0123456789") == strlen(q + 1);
}

static void cg_write_entity(CgRdfWriter *w, const CgGraph *graph, uint32_t index)
{
    const CgGraphEntity *e = cg_graph_entity(graph, index);
    raptor_term *s = cg_entity_iri(w, graph, index);
    cg_emit(w, s, CG_T_TYPE, cg_iri(w, CG_VOCAB, "", e->type));
    cg_emit(w, s, CG_T_LABEL, cg_literal(w, e->label, NULL));
    for (size_t i = 0; i < e->n_same_as; ++i) {
        cg_emit(w, s, CG_T_SAME_AS, raptor_new_term_from_uri_string(
                                        w->world, (const unsigned char *)e->same_as[i]));
    }
    for (size_t i = 0; i < e->n_aliases; ++i) {
        cg_emit(w, s, CG_T_ALIAS, cg_literal(w, e->aliases[i], NULL));
    }
    if (e->mentions) {
        cg_emit(w, s, CG_T_MENTION_COUNT, cg_count_literal(w, e->mentions));
    }
    cg_free_term(s);
}

static void cg_write_relation(CgRdfWriter *w, const CgGraph *graph, const CgGraphRelation *r)
{
    raptor_term *s = cg_entity_iri(w, graph, r->subject);
    raptor_term *p = cg_iri(w, CG_VOCAB, "", r->predicate);
    cg_emit_with(w, s, p, cg_entity_iri(w, graph, r->object));
    cg_free_term(s);
    cg_free_term(p);
}

static int cg_strptr_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Declares each symmetric predicate used, so that a reader (our own
 * cg_import_rdf included) knows that the direction means nothing. */
static void cg_write_symmetric(CgRdfWriter *w, const CgGraph *graph)
{
    const size_t n = cg_graph_relation_count(graph);
    const char **names = calloc(n ? n : 1, sizeof *names);
    size_t k = 0;
    for (size_t i = 0; names && i < n; ++i) {
        if (cg_graph_relation(graph, i)->symmetric) {
            names[k++] = cg_graph_relation(graph, i)->predicate;
        }
    }
    qsort(names, k, sizeof *names, cg_strptr_cmp);
    for (size_t i = 0; i < k; ++i) {
        if (i && !strcmp(names[i], names[i - 1])) {
            continue;
        }
        raptor_term *p = cg_iri(w, CG_VOCAB, "", names[i]);
        cg_emit(w, p, CG_T_TYPE, cg_term(w, CG_T_SYMMETRIC));
        cg_free_term(p);
    }
    w->failed |= !names;
    free(names);
}

/* subject ns+local object, for the properties of claims and metadata. */
static void cg_emit_named(CgRdfWriter *w, raptor_term *s, const char *ns, const char *local,
                          raptor_term *object)
{
    raptor_term *p = cg_iri(w, ns, "", local);
    cg_emit_with(w, s, p, object);
    cg_free_term(p);
}

static void cg_emit_text(CgRdfWriter *w, raptor_term *s, const char *ns, const char *local,
                         const char *text)
{
    if (text) {
        cg_emit_named(w, s, ns, local, cg_literal(w, text, NULL));
    }
}

static raptor_term *cg_document_iri(CgRdfWriter *w, const CgGraphDocument *d)
{
    return cg_iri(w, cg_buf_str(&w->base), "document/", d->key);
}

/* The document's text as NIF sees it: the context every offset is
 * relative to.  The document's IRI and "#context" (the document is the
 * file, with its path and metadata; the context is the string), the same
 * whether or not the length is known, so that a graph that lacked it
 * (written before contexts were) merges with one that has it. */
static raptor_term *cg_context_iri(CgRdfWriter *w, const CgGraphDocument *d)
{
    cg_buf_clear(&w->iri);
    cg_buf_printf(&w->iri, "%sdocument/%s", cg_buf_str(&w->base), d->key);
    cg_buf_puts(&w->iri, cg_context_suffix(cg_buf_str(&w->iri)));
    return raptor_new_term_from_uri_string(w->world, (const unsigned char *)cg_buf_str(&w->iri));
}

/* No nif:isString: it would copy every document into the graph; the
 * offsets and nif:sourceUrl (the document, whose cg:path names the file)
 * say where the text is. */
static void cg_write_context(CgRdfWriter *w, const CgGraphDocument *d)
{
    raptor_term *s = cg_context_iri(w, d);
    cg_emit(w, s, CG_T_TYPE, cg_term(w, CG_T_NIF_CONTEXT));
    cg_emit(w, s, CG_T_BEGIN, cg_count_literal(w, 0));
    if (d->has_chars) {
        cg_emit(w, s, CG_T_END, cg_count_literal(w, d->chars));
    }
    cg_emit(w, s, CG_T_SOURCE_URL, cg_document_iri(w, d));
    cg_free_term(s);
}

static void cg_write_document(CgRdfWriter *w, const CgGraphDocument *d)
{
    raptor_term *s = cg_document_iri(w, d);
    cg_emit(w, s, CG_T_TYPE, cg_term(w, CG_T_DOCUMENT));
    cg_emit(w, s, CG_T_TYPE, cg_term(w, CG_T_FOAF_DOCUMENT));
    cg_emit(w, s, CG_T_PATH, cg_literal(w, d->path, NULL));
    cg_emit_text(w, s, CG_NS_DCTERMS, "title", d->title);
    cg_emit_text(w, s, CG_NS_DCTERMS, "source", d->url);
    cg_emit_text(w, s, CG_NS_DCTERMS, "issued", d->published);
    cg_emit_text(w, s, CG_NS_DCTERMS, "publisher", d->outlet);
    cg_free_term(s);
}

/* "12000" -> "12000.0", one lexical form for decimals (see above). */
static raptor_term *cg_decimal_literal(CgRdfWriter *w, const char *value)
{
    cg_buf_clear(&w->text);
    cg_buf_puts(&w->text, value);
    if (!strpbrk(value, ".eE")) {
        cg_buf_puts(&w->text, ".0");
    }
    return cg_literal(w, cg_buf_str(&w->text), w->xsd_decimal);
}

/* The local names are spelled out whole, as every fixed cg: term here is,
 * so that tests/e2e/vocab.sh finds them in the source and checks that
 * vocab/claimgraph.ttl declares them. */
static void cg_write_reference(CgRdfWriter *w, raptor_term *s, const char *ref_name,
                               const char *index_name, const char *ref, size_t antecedent)
{
    if (!ref) {
        return;
    }
    cg_emit_text(w, s, CG_VOCAB, ref_name, ref);
    cg_emit_named(w, s, CG_VOCAB, index_name, cg_count_literal(w, antecedent));
}

static raptor_term *cg_true_literal(CgRdfWriter *w)
{
    raptor_uri *xsd_bool = raptor_new_uri(w->world, (const unsigned char *)CG_NS_XSD "boolean");
    raptor_term *t = cg_literal(w, "true", xsd_bool);
    if (xsd_bool) {
        raptor_free_uri(xsd_bool);
    }
    return t;
}

/* Who claims it, how sure, negated or not, and what was captured. */
static void cg_write_claim(CgRdfWriter *w, const CgGraph *graph, raptor_term *s,
                           const CgGraphClaim *c)
{
    cg_emit_text(w, s, CG_VOCAB, "certainty", c->certainty ? c->certainty : "asserted");
    if (c->negated) {
        cg_emit_named(w, s, CG_VOCAB, "negated", cg_true_literal(w));
    }
    if (c->claimer != CG_GRAPH_NONE) {
        cg_emit_named(w, s, CG_VOCAB, "claimedBy", cg_entity_iri(w, graph, c->claimer));
        cg_emit_named(w, s, CG_NS_PROV, "wasAttributedTo", cg_entity_iri(w, graph, c->claimer));
    }
    cg_emit_text(w, s, CG_VOCAB, "claimedByName", c->claimer_text);
    cg_emit_text(w, s, CG_VOCAB, "comparator", c->comparator);
    cg_emit_text(w, s, CG_VOCAB, "unit", c->unit);
    cg_write_reference(w, s, "subjectReference", "subjectAntecedentIndex", c->subject_ref,
                       c->subject_antecedent);
    cg_write_reference(w, s, "objectReference", "objectAntecedentIndex", c->object_ref,
                       c->object_antecedent);
    for (size_t i = 0; i < c->n_captures; ++i) {
        cg_emit_text(w, s, CG_VOCAB, c->capture_names[i], c->capture_values[i]);
    }
}

/* A quote cut from a longer sentence says so, and which characters of the
 * document it shows, so that a reader need not take "…" for the text's. */
static void cg_write_quote_cut(CgRdfWriter *w, raptor_term *s, const CgGraphClaim *c)
{
    if (c->quote_cut) {
        cg_emit_named(w, s, CG_VOCAB, "quoteTruncated", cg_true_literal(w));
        cg_emit_named(w, s, CG_VOCAB, "quoteBeginIndex", cg_count_literal(w, c->quote_begin));
        cg_emit_named(w, s, CG_VOCAB, "quoteEndIndex", cg_count_literal(w, c->quote_end));
    }
}

/* What the evidence says and where: quote, offsets, rule, capture. */
static void cg_write_evidence_text(CgRdfWriter *w, raptor_term *s, const CgGraphEvidence *ev,
                                   const CgGraphDocument *doc)
{
    cg_emit(w, s, CG_T_QUOTE, cg_literal(w, ev->quote, NULL));
    cg_write_quote_cut(w, s, &ev->claim);
    cg_emit(w, s, CG_T_BEGIN, cg_count_literal(w, ev->begin));
    cg_emit(w, s, CG_T_END, cg_count_literal(w, ev->end));
    cg_emit(w, s, CG_T_REFERENCE_CONTEXT, cg_context_iri(w, doc));
    cg_emit(w, s, CG_T_RULE, cg_literal(w, ev->rule, NULL));
    if (!ev->quantity) {
        return;
    }
    cg_emit(w, s, CG_T_QUANTITY, cg_literal(w, ev->quantity, NULL));
    if (ev->claim.quantity_value) {
        cg_emit(w, s, CG_T_QUANTITY_VALUE, cg_decimal_literal(w, ev->claim.quantity_value));
    } else if (cg_quantity_decimal(ev->quantity, &w->text)) {
        cg_emit(w, s, CG_T_QUANTITY_VALUE, cg_literal(w, cg_buf_str(&w->text), w->xsd_decimal));
    }
}

static void cg_write_evidence(CgRdfWriter *w, const CgGraph *graph, const CgGraphEvidence *ev)
{
    raptor_term *s = cg_iri(w, cg_buf_str(&w->base), "evidence/", ev->key);
    cg_emit(w, s, CG_T_TYPE, cg_term(w, CG_T_EVIDENCE));
    cg_emit(w, s, CG_T_TYPE, cg_term(w, CG_T_STATEMENT));
    cg_emit(w, s, CG_T_SUBJECT, cg_entity_iri(w, graph, ev->subject));
    cg_emit(w, s, CG_T_PREDICATE, cg_iri(w, CG_VOCAB, "", ev->predicate));
    cg_emit(w, s, CG_T_OBJECT, cg_entity_iri(w, graph, ev->object));
    const CgGraphDocument *doc = cg_graph_document(graph, ev->document);
    cg_emit(w, s, CG_T_DERIVED_FROM, cg_document_iri(w, doc));
    cg_write_evidence_text(w, s, ev, doc);
    cg_write_claim(w, graph, s, &ev->claim);
    cg_free_term(s);
}

static void cg_write_graph(CgRdfWriter *w, const CgGraph *graph)
{
    for (size_t i = 0; i < cg_graph_entity_count(graph); ++i) {
        cg_write_entity(w, graph, (uint32_t)i);
    }
    for (size_t i = 0; i < cg_graph_relation_count(graph); ++i) {
        const CgGraphRelation *r = cg_graph_relation(graph, i);
        if (r->support || !r->negated) { /* never a plain triple only denied */
            cg_write_relation(w, graph, r);
        }
    }
    cg_write_symmetric(w, graph);
    for (size_t i = 0; i < cg_graph_document_count(graph); ++i) {
        cg_write_document(w, cg_graph_document(graph, i));
    }
    /* Then each document's graph (N-Quads, TriG; its IRI is the
     * document's): its NIF context and the evidence derived from it, which
     * the finished graph keeps in document order. */
    const size_t n_evidence = cg_graph_evidence_count(graph);
    size_t e = 0;
    for (size_t i = 0; i < cg_graph_document_count(graph); ++i) {
        const CgGraphDocument *d = cg_graph_document(graph, i);
        raptor_term *g = cg_document_iri(w, d);
        cg_rdf_stream_graph(w->out, g);
        cg_free_term(g);
        cg_write_context(w, d);
        for (; e < n_evidence && cg_graph_evidence(graph, e)->document == i; ++e) {
            cg_write_evidence(w, graph, cg_graph_evidence(graph, e));
        }
    }
    w->failed |= e != n_evidence; /* never silently drop one: graph not finished */
    cg_rdf_stream_graph(w->out, NULL);
}

CgStatus cg_export_rdf(const CgGraph *graph, const char *base, CgFormat format, FILE *stream,
                       CgDiagSink *sink)
{
    if (!cg_format_is_rdf(format)) {
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_USAGE, NULL, 0, 0, "%s is not an RDF format",
                cg_format_name(format));
        return CG_ERR_USAGE;
    }
    CgRdfLog log = {sink, NULL, CG_ERR_INTERNAL, 0};
    CgRdfWriter w = {0};
    CgStatus st = cg_writer_open(&w, &log, format, base, stream);
    if (!st) {
        cg_write_graph(&w, graph);
        if (cg_rdf_stream_end(w.out) || w.failed || log.errors) {
            cg_diag(sink, CG_SEV_ERROR, CG_ERR_INTERNAL, NULL, 0, 0,
                    "Raptor could not write a term of the graph");
            st = CG_ERR_INTERNAL;
        }
    }
    cg_writer_close(&w);
    const CgStatus io = cg_stream_check(stream, "RDF", sink);
    return st ? st : io;
}
