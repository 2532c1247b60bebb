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

echo "==> building the browser bundle (wasm, release, linked with relocations for splitting)"
# --emit-relocs only for the final link of the bundle: the splitter follows the relocations to
# see which function and data each lazy route reaches.
cargo rustc -p frontend --lib --target wasm32-unknown-unknown --no-default-features --profile wasm-release \
  -- -C link-args=--emit-relocs

# A new bundle goes into a folder named after the hash of everything in it (/pkg/<hash>/): the
# loader, the chunks and the main module find each other by relative names, every name in it is
# cacheable for a year, and a page always fetches the chunks of the build that rendered it.
STAGE=$SITE/pkg-next
rm -rf "$STAGE"
mkdir -p "$PKG" "$STAGE"
echo "==> splitting the bundle at its lazy islands and split points"
cargo run --quiet --release -p rootline-wasm-split -- \
  "$TARGET_DIR/wasm32-unknown-unknown/wasm-release/frontend.wasm" "$TARGET_DIR/rootline-split-main.wasm" "$STAGE"
# Each language's pages catalogue as one file: the browser fetches its page's language before
# it hydrates, so the wasm carries no text (app/src/i18n/loaded.rs; its tests read the files
# in this order).
for dir in app/locales/*/; do
  lang=$(basename "$dir")
  find "$dir" -maxdepth 1 -name '*.ftl' | LC_ALL=C sort | while read -r f; do cat "$f"; echo; done \
    >"$STAGE/catalogue-$lang.ftl"
done
# --keep-lld-exports and --no-demangle keep the names the chunks link to in the main module.
wasm-bindgen --target web --no-typescript --keep-lld-exports --no-demangle \
  --remove-name-section --remove-producers-section \
  --out-dir "$STAGE" --out-name rootline "$TARGET_DIR/rootline-split-main.wasm"
# Leptos loads <pkg>/<name>.wasm when LEPTOS_OUTPUT_NAME is set at compile time (.cargo/config.toml).
mv -f "$STAGE/rootline_bg.wasm" "$STAGE/rootline.wasm"

build=$(cd "$STAGE" && find . -type f | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-16)
# The bundle the server links until it restarts: pages it rendered may still be open (or be
# rendered by another node during a rolling restart) and fetch their chunks later, so it stays
# beside the new one. Older bundles, and the flat names of the single-file bundle before
# splitting, go.
previous=$(cat "$SITE/bundle.txt" 2>/dev/null || true)
rm -rf "${PKG:?}/$build"
mv "$STAGE" "$PKG/$build"
find "$PKG" -mindepth 1 -maxdepth 1 -type d -regextype posix-extended -regex '.*/[0-9a-f]{16}' \
  ! -name "$build" ! -name "${previous:-$build}" -exec rm -rf {} +
rm -f "$PKG"/rootline.js* "$PKG"/rootline.wasm* "$PKG"/rootline.????????????????.* "$SITE/hash.txt"
# The server links the bundle named here (startup reads it once).
echo "$build" >"$SITE/bundle.txt"
cp style/rootline.css "$PKG/rootline.css"
cp -R public/. "$SITE/"

# Served pre-compressed: brotli (Node's zlib, quality 11) and gzip beside each asset of the
# new bundle, and the stylesheet. The gzip of the code is zopfli's (Debian's `zopfli`, which
# scripts/ensure-tools.sh installs): what Chromium takes over plain http, 6 % smaller than
# gzip -9 for the same decoder; without it, gzip -9.
ZOPFLI=$(command -v zopfli || true)
[ -n "$ZOPFLI" ] || echo "==> no zopfli on PATH: gzip -9 instead (scripts/ensure-tools.sh installs it)"
ZOPFLI="$ZOPFLI" node -e '
  const fs = require("fs"), zlib = require("zlib"), path = require("path");
  const { execFileSync } = require("child_process");
  const gzip = (f, data) =>
    process.env.ZOPFLI && /\.(js|wasm)$/.test(f)
      ? execFileSync(process.env.ZOPFLI, ["-c", f], { maxBuffer: 1 << 30 })
      : zlib.gzipSync(data, { level: 9 });
  const walk = (f) => {
    if (fs.statSync(f).isDirectory()) { for (const e of fs.readdirSync(f)) walk(path.join(f, e)); return; }
    if (!/\.(js|wasm|css|ftl)$/.test(f)) return;
    const data = fs.readFileSync(f);
    fs.writeFileSync(f + ".br", zlib.brotliCompressSync(data, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }));
    fs.writeFileSync(f + ".gz", gzip(f, data));
  };
  for (const f of process.argv.slice(1)) walk(f);
' "$PKG/$build" "$PKG/rootline.css"

kib_of() { find "$PKG/$build" -name "$1" -printf '%s\n' | awk '{ s += $1 } END { print int(s / 1024) }'; }
main_gz=$(($(stat -c %s "$PKG/$build/rootline.wasm.gz") / 1024))
echo "==> site ready in $SITE (bundle $build): main module $main_gz KiB gzip;" \
  "all $(find "$PKG/$build" -name '*.wasm' | wc -l) wasm files $(kib_of '*.wasm') KiB raw, $(kib_of '*.wasm.gz') KiB gzip, $(kib_of '*.wasm.br') KiB brotli"
