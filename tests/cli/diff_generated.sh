# Properties on generated graphs (several seeds): random triples with blank
# nodes and literals that need escapes.  patch(OLD, diff(OLD, NEW)) == NEW;
# diff(A, A) is empty; renamed blank nodes and shuffled lines change nothing.
. "$(dirname "$0")/../lib.sh"
cd "$TMP"

# gen SEED N BLANKS: N random N-Triples lines
gen() {
  awk -v seed="$1" -v n="$2" -v nb="$3" 'BEGIN {
    srand(seed)
    lit[0] = "\"plain\""; lit[1] = "\"q\\\"uote\""; lit[2] = "\"back\\\\slash\""
    lit[3] = "\"new\\nline\\ttab\""; lit[4] = "\"caf\\u00E9\""; lit[5] = "\"x\"@en-GB"
    lit[6] = "\"7\"^^<http://www.w3.org/2001/XMLSchema#integer>"; lit[7] = "\"\""
    lit[8] = "\"cr\\r and \\\\n\""; lit[9] = "\"caf\303\251\""
    for (i = 0; i < n; i++) {
      s = rand() < 0.4 ? sprintf("_:b%d", int(rand() * nb)) : sprintf("<http://ex.org/r%d>", int(rand() * 30))
      p = sprintf("<http://ex.org/p%d>", int(rand() * 4))
      r = rand()
      o = r < 0.3 ? sprintf("_:b%d", int(rand() * nb)) : r < 0.6 ? sprintf("<http://ex.org/r%d>", int(rand() * 30)) : lit[int(rand() * 10)]
      print s, p, o, "."
    }
  }'
}
# mutate SEED: drop about a tenth of the lines, add new ones with new blank nodes
mutate() {
  awk -v seed="$1" 'BEGIN { srand(seed) } rand() >= 0.1' 
  gen "$(($1 + 1000))" 30 40
}
# rename SEED: other blank-node labels, other line order
rename() {
  awk -v seed="$1" '{ for (i = 1; i <= NF; i++) if ($i ~ /^_:b/) $i = "_:z" ((substr($i, 4) * 7 + seed) % 1009) "x"
                      print (NR * 7919 + seed) % 10007 "\t" $0 }' | sort -n | cut -f2-
}

for seed in 1 2 3 4 5 6; do
  gen "$seed" 300 $((5 + seed * 5)) >old.nt
  mutate "$seed" <old.nt >new.nt
  rename "$seed" <new.nt >renamed.nt
  expect_status 0 "$CG_BIN" diff -f patch old.nt old.nt
  [ -s "$TMP/stdout" ] && fail "seed $seed: diff(A, A) is not empty"
  expect_status 0 "$CG_BIN" diff -f patch new.nt renamed.nt
  [ -s "$TMP/stdout" ] && fail "seed $seed: renaming blank nodes made a difference"
  set +e; "$CG_BIN" diff -f patch old.nt new.nt >p.rdfp; st=$?; set -e
  [ "$st" -eq 1 ] || fail "seed $seed: diff exited $st"
  for ext in nt ttl; do
    expect_status 0 "$CG_BIN" patch old.nt p.rdfp -o "patched.$ext"
    expect_status 0 "$CG_BIN" diff -f patch "patched.$ext" renamed.nt
  done
  rapper -q -i ntriples -o rdfxml new.nt >new.rdf
  expect_status 0 "$CG_BIN" diff new.rdf renamed.nt
done
true
