#!/usr/bin/env bash
# Installs everything iamsim needs to build, serve and test, idempotently.
# Only package registries are used: crates.io, npm, Debian.
set -euo pipefail
cd "$(dirname "$0")/.."
# cargo-installed tools (trunk, wasm-bindgen) and npm's binaries, whatever PATH we got.
export PATH="$HOME/.cargo/bin:$PATH"

TRUNK_VERSION=0.21.14
BINARYEN_NPM=132.0.0

log() { printf '[setup] %s\n' "$*" >&2; }

# 1. The wasm32 target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. Trunk.
if ! trunk --version 2>/dev/null | grep -q "trunk ${TRUNK_VERSION}"; then
  log "installing trunk ${TRUNK_VERSION} (takes a while once)"
  cargo install --locked trunk --version "${TRUNK_VERSION}"
fi

# 3. wasm-bindgen-cli at the version Cargo.lock pins.
WB_VERSION="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock 2>/dev/null || true)"
WB_VERSION="${WB_VERSION:-0.2.130}"
if ! wasm-bindgen --version 2>/dev/null | grep -q " ${WB_VERSION}"; then
  log "installing wasm-bindgen-cli ${WB_VERSION}"
  cargo install wasm-bindgen-cli --version "${WB_VERSION}"
fi

# 4. Chromium and its driver (browser tests), from Debian.
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  log "installing chromium and chromium-driver"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver brotli >/dev/null
fi
if ! command -v brotli >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq brotli >/dev/null
fi

# 5. npm packages (playwright-core, binaryen for wasm-opt), from the lockfile.
if [ ! -d node_modules/playwright-core ] || [ ! -x node_modules/.bin/wasm-opt ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages from package-lock.json"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts
fi
log "ready"
