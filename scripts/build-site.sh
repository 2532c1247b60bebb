#!/usr/bin/env bash
# Builds the browser half of Rootline into target/site: the hydration wasm + JS glue, the CSS
# and the public assets. Installs the wasm target and the pinned wasm-bindgen CLI when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')
SITE=target/site
PKG=$SITE/pkg
TARGET_DIR=${CARGO_TARGET_DIR:-target}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "==> installing the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
  echo "==> installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  # Not --locked: its lock file names a crate version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

echo "==> building the browser bundle (wasm, release)"
cargo build -p frontend --lib --target wasm32-unknown-unknown --no-default-features --profile wasm-release

mkdir -p "$PKG"
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
  --out-dir "$PKG" --out-name rootline \
  "$TARGET_DIR/wasm32-unknown-unknown/wasm-release/frontend.wasm"
# Leptos loads /pkg/<name>.wasm when LEPTOS_OUTPUT_NAME is set at compile time (.cargo/config.toml).
mv -f "$PKG/rootline_bg.wasm" "$PKG/rootline.wasm"
cp style/rootline.css "$PKG/rootline.css"
cp -R public/. "$SITE/"

raw=$(stat -c %s "$PKG/rootline.wasm")
gz=$(gzip -9 -c "$PKG/rootline.wasm" | wc -c)
echo "==> site ready in $SITE: rootline.wasm $((raw / 1024)) KiB raw, $((gz / 1024)) KiB gzip"
