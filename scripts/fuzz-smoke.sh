#!/usr/bin/env bash
# Runs each libFuzzer target in fuzz/ for FUZZ_SECONDS (default 15) seconds,
# only when `cargo fuzz` is installed and a nightly toolchain builds the
# targets (libFuzzer instrumentation needs nightly; the project never depends
# on it, and never sets RUSTC_BOOTSTRAP). Otherwise it prints why it skipped
# and exits 0. The same fuzz bodies always run on stable inside `cargo test`
# (crates/engine/tests/fuzz_bodies.rs). See fuzz/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
SECS="${FUZZ_SECONDS:-15}"
unset RUSTC_BOOTSTRAP

skip() {
  echo "fuzz smoke: skipped: $*; the fuzz bodies still ran on stable in cargo test (fuzz_bodies)"
  exit 0
}

cargo fuzz --version >/dev/null 2>&1 || skip "cargo-fuzz is not installed (cargo install cargo-fuzz)"
cargo +nightly --version >/dev/null 2>&1 || skip "no nightly toolchain (rustup toolchain install nightly)"
export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-$PWD/fuzz/target}"
LOGS=fuzz/target/smoke-logs  # ignored by git
mkdir -p "$LOGS"
if ! cargo +nightly fuzz build --fuzz-dir fuzz >$LOGS/build.log 2>&1; then
  tail -5 $LOGS/build.log
  skip "the fuzz targets do not build with this nightly (see $LOGS/build.log)"
fi

status=0
for target in $(cargo +nightly fuzz list --fuzz-dir fuzz); do
  mkdir -p "fuzz/corpus/$target"
  # Seed eval_line with the sample request lines (one file per line).
  if [ "$target" = eval_line ]; then
    i=0
    while IFS= read -r line; do
      [ -n "$line" ] || continue
      i=$((i + 1))
      printf '%s' "$line" >"fuzz/corpus/$target/sample-$i"
    done < <(cat crates/cli/tests/data/*.jsonl)
  fi
  dict=()
  case "$target" in policy_parse | eval_line) dict=(-dict=fuzz/policy.dict) ;; esac
  echo "fuzz smoke: $target for ${SECS}s"
  if cargo +nightly fuzz run --fuzz-dir fuzz "$target" -- "${dict[@]}" \
      -max_total_time="$SECS" -rss_limit_mb=2048 -max_len=8192 >"$LOGS/$target.log" 2>&1; then
    grep -E '^(#[0-9]+ +DONE|Done )' "$LOGS/$target.log" | tail -1 || tail -1 "$LOGS/$target.log"
  else
    status=1
    echo "fuzz smoke: $target FAILED; the last lines of $LOGS/$target.log:"
    tail -30 "$LOGS/$target.log"
  fi
done
exit "$status"
