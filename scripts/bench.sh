#!/usr/bin/env bash
# The CA benchmark: raw signer rates (software and SoftHSM2), issuance through prepare+issue
# with SQLite, and CRL build times for 100k and 1M entries. Prints figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET_DIR=${CARGO_TARGET_DIR:-target}

scripts/ensure-tools.sh >/dev/null
cargo build --release -p server --bin bench

SOFTHSM_DIR=$(mktemp -d)
trap 'rm -rf "$SOFTHSM_DIR"' EXIT
mkdir -p "$SOFTHSM_DIR/tokens"
printf 'directories.tokendir = %s/tokens\nobjectstore.backend = file\nlog.level = ERROR\n' "$SOFTHSM_DIR" >"$SOFTHSM_DIR/softhsm2.conf"
export SOFTHSM2_CONF="$SOFTHSM_DIR/softhsm2.conf"
softhsm2-util --init-token --free --label rootline-bench --pin 123456 --so-pin 654321 >/dev/null

ROOTLINE_PKCS11_MODULE=/usr/lib/softhsm/libsofthsm2.so \
ROOTLINE_PKCS11_TOKEN_LABEL=rootline-bench \
ROOTLINE_PKCS11_PIN=123456 \
  "$TARGET_DIR/release/bench"
