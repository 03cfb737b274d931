#!/bin/sh
# Generates a claimgraph graph in Turtle, as `build` writes it, for diagram
# benchmarks: N entities (default 500) of five types, with aliases and
# mention counts, and about 3N pieces of evidence over eight predicates (two
# symmetric) from N/10 documents.  Ends are picked with a preference for
# entities already linked, so that a few hubs gather many relations, as
# news graphs do.  The same N and SEED give the same bytes.
#
#   sh bench/gen_graph.sh [N [SEED]] >graph.ttl
#
# Then, e.g.:  time build/claimgraph render graph.ttl -o graph.svg
set -eu
N=${1:-500}
SEED=${2:-7}
export LC_ALL=C
awk -v n="$N" -v seed="$SEED" '
function pick(   r) {
  # half the time an end of an earlier link (hubs grow), else anyone
  if (nends > 0 && rand() < 0.5) return ends[int(rand() * nends)]
  return int(rand() * n)
}
BEGIN {
  srand(seed)
  split("Person Country Organization Place Event", types, " ")
  split("officialOf deploysTroopsTo suppliesArmsTo supports criticizes metWith hasAgreementWith atWarWith", preds, " ")
  sym["metWith"] = 1; sym["hasAgreementWith"] = 1; sym["atWarWith"] = 1
  ndocs = int(n / 10); if (ndocs < 1) ndocs = 1
  print "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> ."
  print "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> ."
  print "@prefix owl: <http://www.w3.org/2002/07/owl#> ."
  print "@prefix prov: <http://www.w3.org/ns/prov#> ."
  print "@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> ."
  print "@prefix cg: <https://w3id.org/claimgraph/ns#> ."
  print "@prefix ent: <https://example.org/claimgraph/entity/> ."
  print "@prefix ev: <https://example.org/claimgraph/evidence/> ."
  print "@prefix doc: <https://example.org/claimgraph/document/> ."
  for (p in sym) printf "cg:%s a owl:SymmetricProperty .\n", p
  for (d = 0; d < ndocs; d++)
    printf "doc:d%04d a cg:Document ; cg:path \"bench/news/article-%04d.txt\" .\n", d, d
  for (i = 0; i < n; i++) {
    t = types[1 + int(rand() * 5)]
    printf "ent:e%04d a cg:%s ; rdfs:label \"%s %d\" ; cg:alias \"%s %d\", \"the %s\" ; cg:mentionCount %d .\n",
      i, t, t, i, t, i, tolower(t), 1 + int(rand() * 40)
  }
  for (k = 0; k < 3 * n; k++) {
    s = pick(); o = pick()
    if (s == o) o = (o + 1) % n
    ends[nends++] = s; ends[nends++] = o
    p = preds[1 + int(rand() * 8)]
    if (p in sym && s > o) { t = s; s = o; o = t }
    b = int(rand() * 5000)
    printf "ent:e%04d cg:%s ent:e%04d .\n", s, p, o
    printf "ev:x%05d a cg:Evidence, rdf:Statement ; rdf:subject ent:e%04d ; rdf:predicate cg:%s ; rdf:object ent:e%04d ;\n", k, s, p, o
    printf "    prov:wasDerivedFrom doc:d%04d ; cg:rule \"bench\" ; nif:beginIndex %d ; nif:endIndex %d ;\n", int(rand() * ndocs), b, b + 80
    printf "    cg:quote \"Sentence %d, in which entity %d is said to %s entity %d, with enough words to read like news.\" .\n", k, s, p, o
  }
}'
