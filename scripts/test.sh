#!/usr/bin/env bash
# Runs every test of iamsim: formatting, lints (host and wasm32), the Rust
# tests, fuzz smoke runs (when cargo-fuzz is installed), the release build of
# the app, and the browser end-to-end tests against it in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never

step() { printf '\n==> %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all --check

step "clippy (host)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "clippy (app on wasm32)"
cargo clippy -p iamsim --target wasm32-unknown-unknown --locked -- -D warnings

step "cargo test --workspace"
cargo test --workspace --locked 2>&1 | tee target/cargo-test.log

step "fuzz smoke runs"
scripts/fuzz-smoke.sh

step "trunk build --release"
trunk build --release --skip-version-check --dist dist

step "browser end-to-end tests (Chromium)"
node --test --test-concurrency=1 tests/e2e/ 2>&1 | tee target/e2e.log

step "summary"
awk '/^test result:/ {p+=$4; f+=$6} END {printf "cargo: %d passed, %d failed\n", p, f}' target/cargo-test.log
awk '/^# pass/ {p=$3} /^# fail/ {f=$3} END {printf "e2e: %d passed, %d failed\n", p, f}' target/e2e.log
