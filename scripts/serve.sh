#!/usr/bin/env bash
# Serves iamsim at http://127.0.0.1:8080, installing what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# --no-autoreload: Trunk's reload script is inline, which the page's Content-Security-Policy
# forbids; the served page is byte for byte what `trunk build --release` ships.
exec trunk serve --release --skip-version-check --no-autoreload --address 127.0.0.1 --port 8080 "$@"
