#!/usr/bin/env bash
# How many portal pages never finish when they are fetched many at once with one signed-in
# session (the debug server the tests use; HAMMER_TOTAL, HAMMER_CONC and HAMMER_PATHS choose the
# load, see end2end/bench/hang.bench.ts). Prints figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET_DIR=${CARGO_TARGET_DIR:-target}
scripts/ensure-tools.sh >/dev/null
scripts/build-site.sh
cargo test -p app -p server -p migrations --no-run
SERVER_BIN="$(cd "$TARGET_DIR" && pwd)/debug/server"
(cd end2end && ROOTLINE_BIN="$SERVER_BIN" npx playwright test --config bench.config.ts bench/hang.bench.ts)
