#!/usr/bin/env bash
# What a new visitor downloads per route (wasm + JavaScript, compressed as served) and the
# sign-in page's time to interactive on a slow connection, measured in Debian's Chromium
# against the release server. Prints figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET_DIR=${CARGO_TARGET_DIR:-target}
scripts/ensure-tools.sh >/dev/null
scripts/build-site.sh
cargo build --release -p server
SERVER_BIN="$(cd "$TARGET_DIR" && pwd)/release/server"
(cd end2end && ROOTLINE_BIN="$SERVER_BIN" npx playwright test --config bench.config.ts bench/bundle.bench.ts)
