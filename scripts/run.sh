#!/usr/bin/env bash
# Builds and runs Rootline with its embedded defaults: SQLite in ./data, mail into
# ./data/outbox, listening on 127.0.0.1:3000 (see docs/OPERATIONS.md for the settings).
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET_DIR=${CARGO_TARGET_DIR:-target}

scripts/build-site.sh
echo "==> building the server (release)"
cargo build -p server --release
export ROOTLINE_SITE_ROOT=${ROOTLINE_SITE_ROOT:-target/site}
exec "$TARGET_DIR/release/server" serve
