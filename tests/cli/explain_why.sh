# explain shows the shallow syntax it used (clause breaks, lists of names),
# the scope of each claim, the words a short alias could not name yet, and
# why a close pattern did not fire: a name of the wrong type, a constraint.
. "$(dirname "$0")/../lib.sh"
cat >"$TMP/rules.yaml" <<'YAML'
entities:
  - {id: marsh, type: Person, label: Tom Marsh, aliases: [{text: Marsh, short: true}]}
  - {id: ferreira, type: Person, label: Ferreira}
  - {id: lisbon, type: Club, label: Lisbon FC}
  - {id: porto, type: Club, label: Porto FC}
  - {id: braga, type: Club, label: Braga FC}
predicates:
  - {name: metWith, symmetric: true}
  - {name: playsFor}
  - {name: criticizes}
syntax:
  clause_breaks: [",", but]
  coordinators: [and]
relations:
  - id: met
    predicate: metWith
    subject: Person
    object: Person
    patterns: ["{subject} met {object} !(agent|lawyer)"]
  - id: plays
    predicate: playsFor
    subject: Person
    object: Club
    scope: phrase
    patterns: ["{object} striker {subject}"]
  - id: criticised
    predicate: criticizes
    subject: [Person, Club]
    object: [Person, Club]
    patterns: ["{subject} criticised {object}"]
YAML
cat >"$TMP/doc.txt" <<'TXT'
Marsh met Ferreira on Monday.
Lisbon FC striker Tom Marsh met Lisbon FC.
Ferreira met Tom Marsh lawyer, but nobody else.
Porto FC and Braga FC criticised Lisbon FC.
TXT
expect_status 0 "$CG_BIN" explain --rules "$TMP/rules.yaml" "$TMP/doc.txt"
out="$TMP/stdout"
grep -qF 'unnamed  "Marsh"  short alias of marsh: it names nobody until a full alias ("Tom Marsh") has, earlier in the document' \
  "$out" || fail "the short alias waiting for a full name is not explained"
grep -qF 'breaks   "," "but"  (no plain gap crosses them)' "$out" || fail "clause breaks not shown"
grep -qF 'list     porto, braga  "Porto FC and Braga FC"' "$out" || fail "the list of names is not shown"
grep -qF 'fired    criticised           braga criticizes lisbon' "$out" || fail "the list was not spread"
grep -qF 'spread over a list of names' "$out" || fail "a spread claim is not marked"
grep -qF 'scope phrase: a fact of its noun phrase' "$out" || fail "phrase scope not shown"
grep -qF 'negation counted in "Porto FC and Braga FC criticised Lisbon FC"' "$out" ||
  fail "the clause of a claim is not shown"
grep -qF '"Lisbon FC" is lisbon, a Club, but {object} wants a Person' "$out" ||
  fail "a mention of the wrong type is not named"
grep -qF "the constraint '!(agent|lawyer)' (column 24) held it back at \"lawyer\"" "$out" ||
  fail "the constraint that held a pattern back is not named"
