#!/usr/bin/env bash
# Runs each fuzz target briefly when cargo-fuzz is installed; otherwise says so.
# The same fuzz functions also run on stable inside `cargo test` (proptest).
set -euo pipefail
cd "$(dirname "$0")/.."
SECS="${FUZZ_SECONDS:-15}"
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "cargo-fuzz not installed: skipping the libFuzzer smoke runs (see README, 'Fuzzing')"
  exit 0
fi
for t in $(cargo fuzz list --fuzz-dir fuzz); do
  echo "fuzz $t for ${SECS}s"
  cargo fuzz run --fuzz-dir fuzz "$t" -- -max_total_time="$SECS" -rss_limit_mb=2048 2>&1 | tail -3
done
