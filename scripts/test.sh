#!/usr/bin/env bash
# Runs the whole test suite. The end-to-end dashboard test drives the real binary in tmux, so tmux
# is installed first where it is missing (Debian's package, as root or through sudo).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v tmux >/dev/null 2>&1; then
  echo "test.sh: installing tmux for the end-to-end test" >&2
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq >/dev/null && apt-get install -y -qq tmux >/dev/null
  else
    sudo apt-get update -qq >/dev/null && sudo apt-get install -y -qq tmux >/dev/null
  fi
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
cargo test --locked "$@" 2>&1 | tee "$log"
# The library's example, run as a user would: the samples in, one line per event out, each with
# a date, a place and a title.
checks_failed=0
events=$(cargo run --locked -q -p ictdip-core --example extract_folder -- seeds | awk -F'\t' 'NF == 5 && $1 != "" && $2 != "" && $5 != ""' | wc -l)
if [ "$events" -lt 5 ]; then
  echo "example extract_folder: $events events from the samples, 5 or more expected" | tee -a "$log"
  echo "test result: FAILED. 0 passed; 1 failed" >> "$log"
  checks_failed=1
else
  echo "test result: ok. 1 passed; 0 failed (example extract_folder: $events events from the samples)" | tee -a "$log"
fi
# The libraries' documentation builds without a warning from any of rustdoc's lints (a broken or
# private link, bare URLs, unescaped backticks, bad HTML all fail it).
if RUSTDOCFLAGS="-D warnings -D rustdoc::all" cargo doc --locked -q --no-deps -p ictdip-core -p ictdip-scan; then
  echo "test result: ok. 1 passed; 0 failed (library documentation)" | tee -a "$log"
else
  echo "test result: FAILED. 0 passed; 1 failed (library documentation)" | tee -a "$log"
  checks_failed=1
fi
# One closing line for the whole run: the sum over every test binary.
awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($i ~ /^passed/) p += $(i-1); if ($i ~ /^failed/) f += $(i-1) } }
     END { printf "%d passed, %d failed\n", p, f }' "$log"
exit "$checks_failed"
