# A document that is one sentence of 518 KB (no full stop anywhere): each
# of its evidence quotes only the words around its own match, cut with "…"
# and marked (cg:quoteTruncated, cg:quoteBeginIndex, cg:quoteEndIndex),
# while its offsets still give the whole sentence, so the output stays
# small.  Before, every evidence copied the whole sentence: 100 MB of
# N-Triples.  (2.5 MB of it, in bounded memory and with --max-memory 20:
# tests/bad/doc-one-sentence-2mb.)
. "$(dirname "$0")/../lib.sh"
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=1"
cd "$TMP"
RULES=$CG_SOURCE_DIR/rules

# long.py BYTES: the tuning articles' sentences joined by commas into one,
# repeated to BYTES (not committed: generated here).
cat >long.py <<'PY'
import glob, re, sys
size = int(sys.argv[1])
paths = sorted(glob.glob(sys.argv[2] + "/*.txt"))
text = " ".join(open(p, encoding="utf-8").read() for p in paths)
text = re.sub(r"\s+", " ", re.sub(r"[.!?]+(?=[\s\"'\u201d\u2019]|$)", ",", text))
out = ""
while len(out.encode()) < size:
    out += text + " "
out = out.encode()[:size].decode("utf-8", "ignore").rsplit(" ", 1)[0]
sys.stdout.write("Putin said " + out + ".\n")
PY
python3 long.py 530000 "$CG_SOURCE_DIR/tests/gold/tune" >long.txt

# 518 KB: every evidence is there, its quote at most 1000 characters of the
# sentence around its match, marked where cut.
expect_status 0 "$CG_BIN" build --rules "$RULES" -f ntriples -o long.nt long.txt
n_ev=$(grep -c "> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${VOCAB}Evidence> \.$" long.nt)
[ "$n_ev" -ge 150 ] || fail "only $n_ev evidence in the long sentence"
size=$(wc -c <long.nt)
[ "$size" -lt 2000000 ] || fail "518 KB of one sentence gave $size bytes of N-Triples"
[ "$(grep -c "<${VOCAB}quoteTruncated> \"true\"" long.nt)" -eq "$n_ev" ] ||
  fail "not every quote of the long sentence is marked as cut"
chars=$(python3 -c 'import sys; print(len(open(sys.argv[1], encoding="utf-8").read().rstrip("\n")))' long.txt)
# (the evidence's: the document's NIF context has offsets too)
[ "$(grep -c "^<${BASE}evidence/[^>]*> <[^>]*#beginIndex> \"0\"" long.nt)" -eq "$n_ev" ] &&
  [ "$(grep -c "^<${BASE}evidence/[^>]*> <[^>]*#endIndex> \"$chars\"" long.nt)" -eq "$n_ev" ] ||
  fail "the evidence's offsets are not the whole sentence's (0-$chars)"
longest=$(grep "<${VOCAB}quote> " long.nt | awk '{ if (length($0) > m) m = length($0) } END { print m }')
[ "$longest" -lt 8000 ] || fail "a quote line of $longest bytes"
python3 "$CG_SOURCE_DIR/tests/e2e/provenance.py" long.nt >/dev/null ||
  fail "a cut quote is not the text between its own offsets, with its marks"
