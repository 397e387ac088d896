#!/usr/bin/env bash
# Decisions per second of the evaluator, native and wasm, on the same work:
# `iamsim eval --repeat N` over crates/cli/tests/data/bench.jsonl (eight
# typical requests), each repetition parsing the request line's JSON and
# evaluating it.
#  1. native: builds `iamsim` in release, runs it BENCH_RUNS times; prints the
#     decisions once, each run's `decisions_per_second: X`, then the best.
#  2. wasm: builds crates/wasm-bench for wasm32-unknown-unknown with the same
#     profile, runs wasm-bindgen (--target nodejs, and --target web for the
#     browser) into target/wasm-bench/, then `node scripts/bench-wasm.mjs`,
#     which prints `wasm decisions_per_second: X` and the ratio native/wasm.
#   BENCH_REPEAT     repetitions of each line (default 20000)
#   BENCH_RUNS       timed runs of each measurement; the best counts (default 3)
#   BENCH_OPT_LEVEL  override the release profile's opt-level for both builds
#                    (the project ships opt-level "s" for a small wasm bundle), e.g. 3
#   BENCH_WASM=0     native only
#   BENCH_BROWSER=1  also measure the wasm build in headless Chromium
# Targets: native >= 500,000 decisions per second; wasm within 2x of native.
set -euo pipefail
cd "$(dirname "$0")/.."
REPEAT="${BENCH_REPEAT:-20000}"
RUNS="${BENCH_RUNS:-3}"
profile=()
if [ -n "${BENCH_OPT_LEVEL:-}" ]; then
  profile+=(--config "profile.release.opt-level=${BENCH_OPT_LEVEL}")
fi
cargo build --release "${profile[@]}" -p iamsim-cli --bin iamsim >&2
target_dir="${CARGO_TARGET_DIR:-$PWD/target}"
echo "iamsim eval --repeat $REPEAT crates/cli/tests/data/bench.jsonl (best of $RUNS)" >&2
best=0
for run in $(seq 1 "$RUNS"); do
  if [ "$run" -eq 1 ]; then out=/dev/stdout; else out=/dev/null; fi
  rate=$("$target_dir/release/iamsim" eval --repeat "$REPEAT" crates/cli/tests/data/bench.jsonl \
    2>&1 >"$out" | sed -n 's/^decisions_per_second: //p')
  echo "decisions_per_second: $rate" >&2
  if [ "${rate:-0}" -gt "$best" ]; then best=$rate; fi
done
echo "native decisions_per_second: $best"

if [ "${BENCH_WASM:-1}" = 0 ]; then exit 0; fi
cargo build --release "${profile[@]}" -p iamsim-wasm-bench --target wasm32-unknown-unknown >&2
wasm="$target_dir/wasm32-unknown-unknown/release/iamsim_wasm_bench.wasm"
wasm-bindgen --target nodejs --out-dir target/wasm-bench/node "$wasm"
wasm-bindgen --target web --out-dir target/wasm-bench/web "$wasm"
browser=()
if [ "${BENCH_BROWSER:-0}" = 1 ]; then browser+=(--browser); fi
node scripts/bench-wasm.mjs --repeat "$REPEAT" --runs "$RUNS" --native "$best" "${browser[@]}"
