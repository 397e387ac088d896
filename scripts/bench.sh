#!/usr/bin/env bash
# Decisions per second of the evaluator, native and wasm, on the same work:
# `iamsim eval --repeat N` over crates/cli/tests/data/bench.jsonl (eight
# typical requests), each repetition parsing the request line's JSON and
# evaluating it.
#  - builds `iamsim` (native) and crates/wasm-bench (wasm32-unknown-unknown)
#    with the same profile, runs wasm-bindgen into target/wasm-bench/;
#  - runs BENCH_RUNS rounds, each one native `iamsim eval --repeat` then one
#    `node scripts/bench-wasm.mjs --runs 1` (interleaved, so that the load of a
#    shared machine falls on both alike), and prints the best of each, as
#    wall-clock rates (`native decisions_per_second: X`,
#    `wasm decisions_per_second: X`) and per second of the process's CPU time,
#    then the ratios native/wasm.
# The decisions (stdout of `iamsim eval`) are printed once.
#   BENCH_REPEAT     repetitions of each line (default 20000)
#   BENCH_RUNS       rounds; the best counts (default 3)
#   BENCH_PROFILE    cargo profile of both builds (default release, which has
#                    opt-level 3, like bench-opt3; the app bundle uses
#                    wasm-release at opt-level "z")
#   BENCH_WASM_PROFILE  cargo profile of the wasm build (default BENCH_PROFILE;
#                    wasm-release is the app's, without Trunk's wasm-opt pass)
#   BENCH_OPT_LEVEL  override the profiles' opt-level instead, e.g. 3
#                    (rebuilds everything when changed)
#   BENCH_WASM=0     native only
#   BENCH_BROWSER=1  also measure the wasm build in headless Chromium (after
#                    the rounds, RUNS runs in one page)
# Targets: native >= 500,000 decisions per second; wasm within 2x of native.
set -euo pipefail
cd "$(dirname "$0")/.."
REPEAT="${BENCH_REPEAT:-20000}"
RUNS="${BENCH_RUNS:-3}"
PROFILE="${BENCH_PROFILE:-release}"
WASM_PROFILE="${BENCH_WASM_PROFILE:-$PROFILE}"
WASM="${BENCH_WASM:-1}"
DATA=crates/cli/tests/data/bench.jsonl
# cargo build arguments for a profile; its output directory.
build() {
  echo build --profile "$1"
  if [ -n "${BENCH_OPT_LEVEL:-}" ]; then echo --config "profile.$1.opt-level=${BENCH_OPT_LEVEL}"; fi
}
out_dir() { if [ "$1" = dev ]; then echo debug; else echo "$1"; fi; }
target_dir="${CARGO_TARGET_DIR:-$PWD/target}"

# shellcheck disable=SC2046 # the words of build() are meant to split
cargo $(build "$PROFILE") -p iamsim-cli --bin iamsim >&2
native="$target_dir/$(out_dir "$PROFILE")/iamsim"
if [ "$WASM" != 0 ]; then
  # shellcheck disable=SC2046
  cargo $(build "$WASM_PROFILE") -p iamsim-wasm-bench --target wasm32-unknown-unknown >&2
  wasm="$target_dir/wasm32-unknown-unknown/$(out_dir "$WASM_PROFILE")/iamsim_wasm_bench.wasm"
  wasm-bindgen --target nodejs --out-dir target/wasm-bench/node "$wasm"
  # The nodejs glue is CommonJS; the repository's package.json says "type": "module".
  echo '{"type": "commonjs"}' >target/wasm-bench/node/package.json
  wasm-bindgen --target web --out-dir target/wasm-bench/web "$wasm"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
decisions=$((REPEAT * $(grep -c '[^[:space:]]' "$DATA")))
echo "iamsim eval --repeat $REPEAT $DATA: $decisions decisions a run, profile $PROFILE (wasm: $WASM_PROFILE), $RUNS rounds; $(uptime)" >&2
for run in $(seq 1 "$RUNS"); do
  if [ "$run" -eq 1 ]; then out=/dev/stdout; else out=/dev/null; fi
  /usr/bin/time -f '%U %S' -o "$tmp/time" \
    "$native" eval --repeat "$REPEAT" "$DATA" >"$out" 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
  wall=$(sed -n 's/^decisions_per_second: //p' "$tmp/err")
  cpu=$(awk -v d="$decisions" '{ printf "%.0f", d / ($1 + $2) }' "$tmp/time")
  echo "native run $run: decisions_per_second: $wall (per CPU second: $cpu)" >&2
  echo "native $wall $cpu" >>"$tmp/rates"
  if [ "$WASM" != 0 ]; then
    node scripts/bench-wasm.mjs --repeat "$REPEAT" --runs 1 --machine >"$tmp/wasm"
    read -r wall cpu <"$tmp/wasm"
    echo "wasm   run $run: decisions_per_second: $wall (per CPU second: $cpu)" >&2
    echo "wasm $wall $cpu" >>"$tmp/rates"
  fi
done
awk '
  { if ($2 > wall[$1]) wall[$1] = $2; if ($3 > cpu[$1]) cpu[$1] = $3 }
  END {
    printf "native decisions_per_second: %d (per CPU second: %d)\n", wall["native"], cpu["native"]
    if ("wasm" in wall) {
      printf "wasm decisions_per_second: %d (per CPU second: %d)\n", wall["wasm"], cpu["wasm"]
      printf "ratio native/wasm: %.2f (per CPU second: %.2f)\n",
        wall["native"] / wall["wasm"], cpu["native"] / cpu["wasm"]
    }
  }' "$tmp/rates"
if [ "$WASM" != 0 ] && [ "${BENCH_BROWSER:-0}" = 1 ]; then
  best=$(awk '$1 == "native" && $2 > b { b = $2 } END { print b }' "$tmp/rates")
  best_cpu=$(awk '$1 == "native" && $3 > b { b = $3 } END { print b }' "$tmp/rates")
  node scripts/bench-wasm.mjs --repeat "$REPEAT" --runs "$RUNS" --native "$best" --native-cpu "$best_cpu" --browser-only
fi
