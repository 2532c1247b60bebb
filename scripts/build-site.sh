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

# Content-hashed copies of the script and the wasm, which the server caches for a year, and
# their hashes for Leptos (hash.txt) to link them. The unhashed names stay for tools.
rm -f "$PKG"/rootline.????????????????.* "$SITE/hash.txt"
for ext in js wasm; do
  hash=$(sha256sum "$PKG/rootline.$ext" | cut -c1-16)
  cp "$PKG/rootline.$ext" "$PKG/rootline.$hash.$ext"
  echo "$ext: $hash" >>"$SITE/hash.txt"
done

# Served pre-compressed: brotli (Node's zlib, quality 11) and gzip -9 beside each asset.
node -e '
  const fs = require("fs"), zlib = require("zlib"), path = require("path");
  const dir = process.argv[1];
  for (const f of fs.readdirSync(dir)) {
    if (!/\.(js|wasm|css)$/.test(f)) continue;
    const data = fs.readFileSync(path.join(dir, f));
    fs.writeFileSync(path.join(dir, f + ".br"), zlib.brotliCompressSync(data, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }));
    fs.writeFileSync(path.join(dir, f + ".gz"), zlib.gzipSync(data, { level: 9 }));
  }
' "$PKG"

raw=$(stat -c %s "$PKG/rootline.wasm")
gz=$(stat -c %s "$PKG/rootline.wasm.gz")
br=$(stat -c %s "$PKG/rootline.wasm.br")
echo "==> site ready in $SITE: rootline.wasm $((raw / 1024)) KiB raw, $((gz / 1024)) KiB gzip, $((br / 1024)) KiB brotli"
