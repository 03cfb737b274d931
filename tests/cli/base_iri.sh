# --base (build, merge, diff, patch) takes an absolute IRI (RFC 3987) or
# stops with status 2 before reading anything: a base such as 'not an iri'
# used to give a graph that rapper, serdi and claimgraph itself refuse.
. "$(dirname "$0")/../lib.sh"
cd "$CG_SOURCE_DIR"
doc=examples/01-*.txt
"$CG_BIN" build -q --rules rules -o "$TMP/good.ttl" $doc
cp "$TMP/good.ttl" "$TMP/keep.ttl"

for base in 'not an iri' 'https://example.org/a b/' 'http://x/%zz' 'example.org/g/' ''; do
  expect_status 2 "$CG_BIN" build -q --rules rules --base "$base" -o "$TMP/good.ttl" $doc
  expect_stderr "--base needs an absolute IRI (RFC 3987)"
  expect_stderr "'$base' is not one"
  cmp -s "$TMP/good.ttl" "$TMP/keep.ttl" || fail "build --base '$base' replaced the output"
  expect_status 2 "$CG_BIN" merge --base "$base" -o "$TMP/good.ttl" "$TMP/keep.ttl"
  expect_stderr "claimgraph merge: --base needs an absolute IRI"
  cmp -s "$TMP/good.ttl" "$TMP/keep.ttl" || fail "merge --base '$base' replaced the output"
  expect_status 2 "$CG_BIN" diff --base "$base" "$TMP/keep.ttl" "$TMP/keep.ttl"
  expect_stderr "claimgraph diff: --base needs an absolute IRI"
  printf '' >"$TMP/empty.rdfp"
  expect_status 2 "$CG_BIN" patch --base "$base" "$TMP/keep.ttl" "$TMP/empty.rdfp" -o "$TMP/p.ttl"
  expect_stderr "claimgraph patch: --base needs an absolute IRI"
  [ -e "$TMP/p.ttl" ] && fail "patch --base '$base' wrote an output"
done
expect_status 2 "$CG_BIN" build -q --rules rules --base 'not an iri' -o "$TMP/x.ttl" $doc
expect_stderr "at byte 0, it does not start with a scheme such as https:"
expect_status 2 "$CG_BIN" build -q --rules rules --base 'https://example.org/a b/' -o "$TMP/x.ttl" $doc
expect_stderr "at byte 21, a space is not allowed in an IRI: write it as %20"

# Every accepted base gives a graph that rapper and claimgraph read back.
for base in 'urn:claims:' 'https://example.org/graph#' 'http://[::1]:8080/g/' \
            'https://例え.jp/g/' 'http://x.example/g?v=1&w=%41/'; do
  expect_status 0 "$CG_BIN" build -q --rules rules --base "$base" -o "$TMP/b.ttl" -o "$TMP/b.nt" $doc
  rapper -q -i turtle -c "$TMP/b.ttl" 2>/dev/null || fail "rapper refuses the Turtle of --base '$base'"
  rapper -q -i ntriples -c "$TMP/b.nt" 2>/dev/null || fail "rapper refuses the N-Triples of --base '$base'"
  if command -v serdi >/dev/null; then
    serdi -i turtle "$TMP/b.ttl" >/dev/null || fail "serdi refuses --base '$base'"
  fi
  expect_status 0 "$CG_BIN" render "$TMP/b.ttl" -o "$TMP/b.svg"
  expect_status 0 "$CG_BIN" merge --base "$base" -o "$TMP/m.ttl" "$TMP/b.ttl"
  expect_status 0 "$CG_BIN" diff --base "$base" "$TMP/b.ttl" "$TMP/b.nt"
done
true
