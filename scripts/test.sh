#!/usr/bin/env bash
# Runs every test: formatting and lints, unit and store tests on SQLite and on PostgreSQL, then
# the Playwright end-to-end tests in Debian's Chromium against a real server and SMTP sink.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET_DIR=${CARGO_TARGET_DIR:-target}
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres

scripts/ensure-tools.sh

# SoftHSM2 tokens for this run live in a folder of their own, gone when the run ends.
SOFTHSM_DIR=$(mktemp -d)
trap 'rm -rf "$SOFTHSM_DIR"' EXIT
mkdir -p "$SOFTHSM_DIR/tokens"
printf 'directories.tokendir = %s/tokens\nobjectstore.backend = file\nlog.level = ERROR\n' "$SOFTHSM_DIR" >"$SOFTHSM_DIR/softhsm2.conf"
export SOFTHSM2_CONF="$SOFTHSM_DIR/softhsm2.conf"

echo "==> $(date -u +%T) rustfmt"
cargo fmt --all --check

echo "==> $(date -u +%T) clippy (server side, then the browser bundle)"
cargo clippy -p app -p server -p migrations -p rootline-fuzz -p rootline-wasm-split --all-targets -- -D warnings
cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings

drop_test_databases() {
  psql -d postgres -Atc "SELECT datname FROM pg_database WHERE datname LIKE 'rootline_test_%'" |
    while read -r db; do dropdb --if-exists "$db"; done
}

echo "==> $(date -u +%T) the build tools' own tests (the bundle splitter)"
cargo test -p rootline-wasm-split

echo "==> $(date -u +%T) unit, store and service tests on SQLite"
cargo test -p app -p server -p migrations

echo "==> $(date -u +%T) store and service tests on PostgreSQL"
drop_test_databases
ROOTLINE_TEST_DATABASE=postgres cargo test -p app -p server -p migrations
drop_test_databases

echo "==> $(date -u +%T) end-to-end tests (Playwright, Chromium)"
scripts/build-site.sh
# The server binary the tests above built (with their features): `cargo build -p server` alone
# unifies features differently and rebuilt half the dependency tree (4 min on a cold machine).
cargo test -p app -p server -p migrations --no-run
SERVER_BIN="$(cd "$TARGET_DIR" && pwd)/debug/server"
(cd end2end && ROOTLINE_BIN="$SERVER_BIN" npx playwright test)
echo "==> $(date -u +%T) every test passed"
