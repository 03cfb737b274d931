# Nothing lost, nothing half-written: a build killed while it reads or while
# it writes (SIGINT, SIGTERM, SIGKILL) leaves the previous graph exactly as
# it was.  After SIGINT and SIGTERM no temporary file is left; after SIGKILL
# one may be (nothing can run then): a stale OUTPUT.tmpXXXXXX, safe to
# delete, as the README says.  The corpus is generated here (50 MB in 500
# files), so that the run lasts long enough to be caught.
. "$(dirname "$0")/../lib.sh"
# The suite's ASAN_OPTIONS unwind each allocation the slow way (to match
# library leaks to tests/lsan.supp), which makes a sanitized claimgraph
# 15 times slower; these runs touch no leaky library path, so they unwind fast.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=1"
cd "$TMP"
RULES=$CG_SOURCE_DIR/rules

mkdir big
awk -v dir=big 'BEGIN {
  split("Vladimir Putin|Kim Jong Un|Xi Jinping|Joe Biden|Olaf Scholz|Emmanuel Macron|Choe Son Hui|Sergei Lavrov", who, "|")
  split("Russia|North Korea|China|Ukraine|the United States|Germany|France|South Korea", where, "|")
  for (f = 0; f < 500; f++) {
    file = sprintf("%s/doc%04d.txt", dir, f)
    for (n = 0; n < 100000; n += length(s)) {
      s = sprintf("%s met %s in %s on day %d. %s has sent around %d soldiers to %s.\n",
                  who[1 + (f + n) % 8], who[1 + int(f * 3 + n / 7) % 8], where[1 + int(n / 3 + f) % 8],
                  n, where[1 + (n + f) % 8], 1000 + n % 977, where[1 + (n + 5) % 8])
      printf "%s", s > file
    }
    close(file)
  }
}'
[ "$(du -sm big | cut -f1)" -ge 45 ] || fail "the generated corpus is too small"
mkdir mid
cp big/doc000*.txt mid/   # 10 files: reaches the writing quickly

"$CG_BIN" build -q --rules "$RULES" -o g.ttl "$CG_SOURCE_DIR/examples"
cp g.ttl keep.ttl

tmp_files() { ls -a | grep '^g\.ttl\.tmp' || true; }

# interrupt SIGNAL CORPUS WHEN: starts a build over CORPUS into g.ttl and
# sends SIGNAL once it is reading (WHEN=read) or writing (WHEN=write: the
# temporary file exists).  Sets $st to the exit status; returns 1 when the
# build finished before it could be interrupted.
interrupt() {
  "$CG_BIN" build -q --rules "$RULES" -o g.ttl "$2" 2>stderr &
  pid=$!
  if [ "$3" = read ]; then
    sleep 1
  else
    i=0
    while [ -z "$(tmp_files)" ] && kill -0 "$pid" 2>/dev/null; do
      i=$((i + 1)); [ "$i" -lt 30000 ] || fail "no temporary output after 300 s"
      sleep 0.01
    done
  fi
  kill -s "$1" "$pid" 2>/dev/null || true
  set +e; wait "$pid"; st=$?; set -e
  [ "$st" -ne 0 ] || { cp keep.ttl g.ttl; return 1; }
}

# check_intact WHAT: the old graph is there, byte for byte
check_intact() {
  cmp -s g.ttl keep.ttl || fail "$1: the previous graph was changed"
}

for sig in INT TERM KILL; do
  want=$((128 + $(kill -l "$sig")))
  for when in read write; do
    corpus=big; [ "$when" = write ] && corpus=mid
    tries=0
    until interrupt "$sig" "$corpus" "$when"; do
      tries=$((tries + 1)); [ "$tries" -lt 3 ] || fail "SIG$sig: the build always finished first"
    done
    what="SIG$sig while $([ "$when" = read ] && echo reading || echo writing)"
    [ "$st" -eq "$want" ] || { cat stderr >&2; fail "$what: exit $st, want $want"; }
    check_intact "$what"
    if [ "$sig" = KILL ]; then
      # Nothing runs after SIGKILL: a stale temporary may stay, and may go.
      rm -f g.ttl.tmp*
    else
      grep -q "interrupted; unfinished outputs were removed" stderr ||
        fail "$what: no message"
      [ -z "$(tmp_files)" ] || fail "$what left $(tmp_files)"
    fi
    echo "ok $what: exit $st, previous graph intact"
  done
done

# And a run left alone replaces the graph with a complete one.
expect_status 0 "$CG_BIN" build -q --rules "$RULES" -o g.ttl mid
rapper -q -i turtle -c g.ttl || fail "the finished graph does not parse"
[ -z "$(tmp_files)" ] || fail "a finished run left $(tmp_files)"
