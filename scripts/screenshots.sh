#!/usr/bin/env bash
# Takes the screenshots of the README's tour and docs/USER-GUIDE.md (desktop 1280 px and phone
# 390 px) against a fresh test server, into docs/screenshots/. Look at them before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET_DIR=${CARGO_TARGET_DIR:-target}
scripts/ensure-tools.sh
scripts/build-site.sh
cargo build -p server
SERVER_BIN="$(cd "$TARGET_DIR" && pwd)/debug/server"
(cd end2end && ROOTLINE_BIN="$SERVER_BIN" npx playwright test --config screenshots.config.ts)
