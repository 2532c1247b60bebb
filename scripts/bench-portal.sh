#!/usr/bin/env bash
# The portal benchmark: SSR time of the order list with 100,000 orders in SQLite (p50/p95), and
# the time Chromium takes to make a key and CSR in the wizard (P-256, RSA 2048). Release server.
# Prints figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET_DIR=${CARGO_TARGET_DIR:-target}
scripts/ensure-tools.sh >/dev/null
scripts/build-site.sh
cargo build --release -p server
SERVER_BIN="$(cd "$TARGET_DIR" && pwd)/release/server"
(cd end2end && ROOTLINE_BIN="$SERVER_BIN" npx playwright test --config bench.config.ts bench/portal.bench.ts)
