# Issue 12, point 6: a pattern's size is bounded, so that the matcher's
# recursion (one level per element on a match's path) cannot exhaust the
# stack.  `check` and `build` refuse a pattern past the limit at its
# FILE:LINE:COLUMN and state the limit; a pattern just under it runs (this
# test runs in the ASan build too, with its default stack); and a run that
# would still go too deep (a {quantity} runs the comparator cues inside it)
# stops like a run out of steps, with a warning, instead of crashing.
. "$(dirname "$0")/../lib.sh"
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=1"
cd "$TMP"

# rules.yaml with one relation pattern: {subject} ELEMS attacked {object}
rules() {
  cat >rules.yaml <<YAML
entities:
  - {id: russia, type: Country, label: Russia}
  - {id: ukraine, type: Country, label: Ukraine}
predicates:
  - name: attacked
relations:
  - id: attacked
    predicate: attacked
    subject: [Country]
    object: [Country]
    patterns:
      - "{subject} $1 attacked {object}"
YAML
  printf '%s\n' "${2:-}" >>rules.yaml
}
words() { # words WORD N: N copies of WORD, space-separated
  awk -v w="$1" -v n="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s%s", (i ? " " : ""), w }'
}
echo "Russia attacked Ukraine." >doc.txt

# The reproduction: 100,000 optional words segfaulted build; check said valid.
rules "$(words 'very?' 100000)"
expect_status 2 "$CG_BIN" check --rules rules.yaml
expect_stderr "rules.yaml:12:6008: a pattern of relation 'attacked' does not parse: too long: a match may run through 100004 elements (lists spelled out), at most 1000 are allowed"
expect_status 2 "$CG_BIN" build --rules rules.yaml -o g.nt doc.txt
expect_stderr "rules.yaml:12:6008: "
expect_stderr "nothing was read"
[ ! -e g.nt ] || fail "build wrote a graph despite the rule error"
echo "ok 100,000 optional words refused by check and build"

# Just under the limit: 997 elements besides the slots and 'attacked' run,
# matched word by word (the deepest a match goes) and skipped as optional.
rules "$(words 'a' 996)"
expect_status 0 "$CG_BIN" check --rules rules.yaml
{ printf 'Russia '; words a 996; printf ' attacked Ukraine.\n'; } >long.txt
expect_status 0 "$CG_BIN" build --rules rules.yaml -o g.nt long.txt
has_triple g.nt russia attacked ukraine
rules "$(words 'very?' 996)"
expect_status 0 "$CG_BIN" build --rules rules.yaml -o g.nt doc.txt
has_triple g.nt russia attacked ukraine
rules "$(words '(a|b c)?' 249)"
expect_status 0 "$CG_BIN" build --rules rules.yaml -o g.nt doc.txt
has_triple g.nt russia attacked ukraine
echo "ok patterns just under the limit run"

# Word lists count spelled out: 100 words a list, the 10th @HUNDRED passes the limit.
rules "@HUNDRED @HUNDRED @HUNDRED @HUNDRED @HUNDRED @HUNDRED @HUNDRED @HUNDRED @HUNDRED @HUNDRED @HUNDRED"
sed -i "1i lists:\n  HUNDRED: [\"$(words x 100)\"]" rules.yaml
expect_status 2 "$CG_BIN" check --rules rules.yaml
expect_stderr "rules.yaml:14:101: a pattern of relation 'attacked' does not parse: too long"
echo "ok word lists count spelled out"

# Within the limits, a {quantity} runs a comparator cue inside the pattern's
# own recursion: 40 of them after cues of 990 words went 40,000 levels deep
# (past 10 MB of stack).  The run stops at the depth limit and says so.
cue=$(words x 990)
rules "$(words '{quantity}' 40)" "claims:
  comparators:
    - {value: approx, cues: [\"$cue\"]}"
{ printf 'Russia'; for i in $(seq 40); do printf ' %s 5' "$cue"; done; printf ' attacked Ukraine.\n'; } >deep.txt
expect_status 0 "$CG_BIN" check --rules rules.yaml
expect_status 1 "$CG_BIN" build --rules rules.yaml -o g.nt deep.txt
expect_stderr "relation 'attacked' gave up after"
echo "ok a run too deep stops with a warning"

# A word list is copied whole into each pattern naming it: one that passes
# 100,000 parts is refused at the phrase that takes it past.
awk 'BEGIN { printf "lists:\n  BIG: ["; for (i = 0; i < 50001; i++) printf "%sw%d", (i ? ", " : ""), i % 7; print "]" }' >big.yaml
expect_status 2 "$CG_BIN" check --rules big.yaml
expect_stderr "big.yaml:2:"
expect_stderr "list 'BIG' grows past 100000 parts (words, alternatives, lists spelled out) with this phrase: split it into several lists"
echo "ok a word list past 100,000 parts is refused"
