# Every edge keeps its source: on the development corpus, each quote is
# exactly the document text between its character offsets, and each edge has
# evidence.  Also checks a few relations a reader of those articles expects.
. "$(dirname "$0")/../lib.sh"
need_shared
cd "$CG_SOURCE_DIR"
"$CG_BIN" build -q --rules rules -f ntriples -o "$TMP/g.nt" "$CG_SHARED_DIR/corpus"
python3 "$(dirname "$0")/provenance.py" "$TMP/g.nt" || fail "provenance check"
has_triple "$TMP/g.nt" north-korea deploysTroopsTo russia
has_triple "$TMP/g.nt" vladimir-putin officialOf russia
has_triple "$TMP/g.nt" olaf-scholz officialOf germany
