#!/usr/bin/env bash
# Measures ictdip against ripgrep on the same folders, in the same run, and prints a table of
# medians and ratios. Usage: scripts/bench.sh [WORK_DIR] [RUNS]
#
#   cold      ictdip stats --no-cache DIR         (walk, read, decode, extract everything)
#   rg        rg -c -F -f NAMES DIR               (only finds the gazetteer's names)
#   warm      ictdip stats DIR with a warm cache
#   filter    p99 time per keystroke, and frame draw p99 (ictdip bench)
#   RSS       peak resident memory of the cold run, against the corpus size on disk
#
# Runs alternate ictdip and rg so that machine noise hits both alike; ratios, not seconds, are
# the figures to compare across machines.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-${TMPDIR:-/tmp}/ictdip-bench}
runs=${2:-3}
mkdir -p "$work"
need() { command -v "$1" >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq "$2" >/dev/null; }; }
need rg ripgrep
need /usr/bin/time time
cargo build --release --locked -q
bin=target/release/ictdip
export ICTDIP_CACHE_DIR="$work/cache"
"$bin" names > "$work/names.txt"

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
seconds() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1; }

printf '| articles | corpus MB | ictdip cold s | rg s | cold / rg | warm s | warm / cold | keystroke p99 ms | frame p99 ms | peak RSS / corpus |\n'
printf '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
for n in 20000 100000; do
  dir="$work/corpus-$n"
  [ -d "$dir" ] || python3 ../shared/tools/gencorpus.py "$dir" "$n" >/dev/null
  bytes=$(du -sb "$dir" | cut -f1)
  cold=(); rgs=(); rss=()
  # One untimed run of each first: the files come into the page cache for both, and the first
  # run after a large one pays for the memory the system has yet to take back.
  "$bin" stats --no-cache "$dir" >/dev/null; rg -c -F -f "$work/names.txt" "$dir" >/dev/null || true
  for _ in $(seq "$runs"); do
    read -r t m < <(seconds "$bin" stats --no-cache "$dir"); cold+=("$t"); rss+=("$m")
    read -r t _ < <(seconds rg -c -F -f "$work/names.txt" "$dir"); rgs+=("$t")
  done
  rm -rf "$ICTDIP_CACHE_DIR"; "$bin" stats "$dir" >/dev/null
  warm=()
  for _ in $(seq "$runs"); do read -r t _ < <(seconds "$bin" stats "$dir"); warm+=("$t"); done
  c=$(printf '%s\n' "${cold[@]}" | median); r=$(printf '%s\n' "${rgs[@]}" | median)
  w=$(printf '%s\n' "${warm[@]}" | median); kb=$(printf '%s\n' "${rss[@]}" | median)
  b=$("$bin" bench --no-cache "$dir" 2>/dev/null)
  key=$(awk '/^filter keystroke/ { for (i = 1; i <= NF; i++) if ($i == "p99") print $(i + 1) }' <<<"$b")
  frame=$(awk '/^frame draw/ { for (i = 1; i <= NF; i++) if ($i == "p99") print $(i + 1) }' <<<"$b")
  awk -v n="$n" -v bytes="$bytes" -v c="$c" -v r="$r" -v w="$w" -v kb="$kb" -v key="$key" -v frame="$frame" 'BEGIN {
    printf "| %d | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f | %s | %s | %.2f |\n",
      n, bytes / 1e6, c, r, c / r, w, w / c, key, frame, kb * 1024 / bytes }'
done
