#!/bin/sh
# Scale benchmark, printed in one run: gazetteer load+compile, build MB/s
# with the default rules and with the gazetteer beside grep -F and rg -F
# over the same corpus, peak RSS by corpus size, bytes per evidence
# resource, and the --jobs 2 speed-up.
# Usage: bench/run.sh [CLAIMGRAPH] [SIZES_MB (default "10 100 300")] [MAIN_MB (default 100)]
# Corpora and the gazetteer are cached in $BENCH_DIR (default /tmp/cg-bench).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cg=${1:-$here/../build/claimgraph}
sizes=${2:-10 100 300}
main=${3:-100}
W=${BENCH_DIR:-/tmp/cg-bench}
mkdir -p "$W"
rules=$here/../rules

# measure OUT CMD...: wall seconds and peak RSS (KiB) into OUT.
measure() {
  out=$1; shift
  /usr/bin/time -f "%e %M" -o "$out" "$@" >/dev/null 2>"$out.err" ||
    [ $? -eq 1 ] || { cat "$out.err" >&2; exit 1; }
}
secs() { cut -d' ' -f1 "$1"; }
rss_mb() { awk '{printf "%.0f", $2 / 1024}' "$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}'; }
mbps() { awk -v mb="$1" -v s="$2" 'BEGIN {printf "%.1f", (s > 0 ? mb / s : 0)}'; }

for mb in $sizes $main; do
  [ -d "$W/c$mb" ] || python3 "$here/gen_corpus.py" "$mb" "$W/c$mb" >/dev/null
done
if [ ! -d "$W/gazrules" ]; then
  mkdir -p "$W/gazrules"
  cp "$rules"/*.yaml "$W/gazrules/"
  sh "$here/gazetteer.sh" "$W/gazrules/zz-gazetteer.yaml" 2>/dev/null
fi
# Every text the rules name an entity by, for grep and rg.
grep -hoE '"[^"]+"' "$W/gazrules/zz-gazetteer.yaml" | tr -d '"' >"$W/aliases"
grep -hoE '(label|text): *"?[^",}]+' "$rules"/*.yaml | sed 's/^[a-z]*: *"\{0,1\}//' >>"$W/aliases"
n_alias=$(wc -l <"$W/aliases")
n_city=$(grep -c '^  - {id: city-' "$W/gazrules/zz-gazetteer.yaml")

: >"$W/empty.txt"
measure "$W/t.gaz" "$cg" build -q -r "$W/gazrules" -o "$W/empty.ttl" "$W/empty.txt"
echo "gazetteer: $n_city cities, $n_alias alias texts in all"
echo "  load+compile: $(secs "$W/t.gaz") s, peak RSS $(rss_mb "$W/t.gaz") MB"

C=$W/c$main
measure "$W/t.def" "$cg" build -q -r "$rules" -o "$W/def.ttl" "$C"
measure "$W/t.gzb" "$cg" build -q -r "$W/gazrules" -o "$W/gaz.ttl" "$C"
measure "$W/t.grep" grep -r -F -o -w -f "$W/aliases" "$C"
echo "build on $main MB ($(find "$C" -name '*.txt' | wc -l) documents):"
echo "  default rules:  $(secs "$W/t.def") s, $(mbps "$main" "$(secs "$W/t.def")") MB/s"
echo "  with gazetteer: $(secs "$W/t.gzb") s, $(mbps "$main" "$(secs "$W/t.gzb")") MB/s"
echo "  grep -F -o -w -f ALIASES: $(secs "$W/t.grep") s, $(mbps "$main" "$(secs "$W/t.grep")") MB/s;" \
     "claimgraph+gazetteer / grep = $(ratio "$(secs "$W/t.gzb")" "$(secs "$W/t.grep")")x the time"
if command -v rg >/dev/null; then
  measure "$W/t.rg" rg -F -o -f "$W/aliases" "$C"
  echo "  rg -F -o -f ALIASES:      $(secs "$W/t.rg") s, $(mbps "$main" "$(secs "$W/t.rg")") MB/s;" \
       "claimgraph+gazetteer / rg = $(ratio "$(secs "$W/t.gzb")" "$(secs "$W/t.rg")")x the time"
else
  echo "  rg: not installed (apt-get install ripgrep); skipped"
fi

echo "peak RSS by corpus size (default rules):"
for mb in $sizes; do
  measure "$W/t.s$mb" "$cg" build -q -r "$rules" -o "$W/s$mb.ttl" "$W/c$mb"
  ev=$(grep -c 'cg:quote' "$W/s$mb.ttl" || true)
  awk -v mb="$mb" -v s="$(secs "$W/t.s$mb")" -v kb="$(cut -d' ' -f2 "$W/t.s$mb")" \
      -v ev="$ev" -v ttl="$(wc -c <"$W/s$mb.ttl")" 'BEGIN {
    printf "  %4d MB: %7.1f s, peak RSS %6.0f MB, %d evidence, %.0f bytes of RSS and %.0f bytes of Turtle per evidence\n",
           mb, s, kb / 1024, ev, ev ? kb * 1024 / ev : 0, ev ? ttl / ev : 0 }'
done

measure "$W/t.j2" "$cg" build -q -j 2 -r "$rules" -o "$W/j2.ttl" "$C"
cmp -s "$W/def.ttl" "$W/j2.ttl" && same="same bytes" || same="OUTPUT DIFFERS"
echo "--jobs 2 on $main MB: $(secs "$W/t.j2") s against $(secs "$W/t.def") s:" \
     "speed-up $(ratio "$(secs "$W/t.def")" "$(secs "$W/t.j2")")x ($same)"
