#!/usr/bin/env bash
# The portal benchmark: SSR time of the order list with 100,000 orders (p50/p95), and the time
# Chromium takes to make a key and CSR in the wizard (P-256, RSA 2048). Release server.
# Prints figures; asserts nothing.
#   ROOTLINE_BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres  the server uses a
#     fresh PostgreSQL database (rootline_bench_portal, made through that URL) instead of SQLite
#   ROOTLINE_BENCH_LISTS_ONLY=1  only the order list figures
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET_DIR=${CARGO_TARGET_DIR:-target}
scripts/ensure-tools.sh >/dev/null
scripts/build-site.sh
cargo build --release -p server
SERVER_BIN="$(cd "$TARGET_DIR" && pwd)/release/server"
if [ -n "${ROOTLINE_BENCH_POSTGRES_URL:-}" ]; then
  psql "$ROOTLINE_BENCH_POSTGRES_URL" -qX -v ON_ERROR_STOP=1 \
    -c "DROP DATABASE IF EXISTS rootline_bench_portal WITH (FORCE)" \
    -c "CREATE DATABASE rootline_bench_portal"
  export ROOTLINE_BENCH_DATABASE_URL="${ROOTLINE_BENCH_POSTGRES_URL%/*}/rootline_bench_portal"
fi
(cd end2end && ROOTLINE_BIN="$SERVER_BIN" npx playwright test --config bench.config.ts bench/portal.bench.ts)
