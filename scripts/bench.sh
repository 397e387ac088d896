#!/usr/bin/env bash
# Decisions per second of the native evaluator: builds `iamsim` in release and
# runs `iamsim eval --repeat N` over crates/cli/tests/data/bench.jsonl (eight
# typical requests), each repetition parsing the request line's JSON and
# evaluating it. Prints the decisions once, then `decisions_per_second: X`.
#   BENCH_REPEAT   repetitions of each line (default 20000)
#   BENCH_OPT_LEVEL  override the release profile's opt-level (the project
#                    ships opt-level "s" for a small wasm bundle), e.g. 3
# The target for the native build is >= 500,000 decisions per second.
set -euo pipefail
cd "$(dirname "$0")/.."
REPEAT="${BENCH_REPEAT:-20000}"
args=(build --release -p iamsim-cli --bin iamsim)
if [ -n "${BENCH_OPT_LEVEL:-}" ]; then
  args+=(--config "profile.release.opt-level=${BENCH_OPT_LEVEL}")
fi
cargo "${args[@]}" >&2
target_dir="${CARGO_TARGET_DIR:-$PWD/target}"
echo "iamsim eval --repeat $REPEAT crates/cli/tests/data/bench.jsonl" >&2
"$target_dir/release/iamsim" eval --repeat "$REPEAT" crates/cli/tests/data/bench.jsonl
