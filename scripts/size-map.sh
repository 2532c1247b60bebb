#!/usr/bin/env bash
# What each crate costs in the browser bundle, per part a visitor downloads: the main module
# and, for each lazy island or split point, its chunk with the chunks it shares. Splits the wasm
# that `scripts/build-site.sh` built, keeping function names, and sums `twiggy top` by crate.
# Sizes are raw bytes of code and data (before compression); names are attributed to the first
# crate path in them, so generic code counts for the crate that defines the generic.
#   scripts/size-map.sh [TOP]      (TOP crates per part, 10 by default)
set -euo pipefail
cd "$(dirname "$0")/.."

TOP=${1:-10}
TARGET_DIR=${CARGO_TARGET_DIR:-target}
INPUT="$TARGET_DIR/wasm32-unknown-unknown/wasm-release/frontend.wasm"
if [ ! -f "$INPUT" ]; then
  echo "no $INPUT: run scripts/build-site.sh (make site) first" >&2
  exit 1
fi
if ! command -v twiggy >/dev/null 2>&1; then
  echo "==> installing twiggy (the size profiler, once)"
  cargo install --locked twiggy
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cargo run --quiet --release -p rootline-wasm-split -- "$INPUT" "$WORK/main.wasm" "$WORK/pkg" --keep-names >/dev/null

for f in "$WORK/main.wasm" "$WORK"/pkg/*.wasm; do
  twiggy top -n 1000000 -f csv "$f" >"${f%.wasm}.csv"
done

python3 - "$WORK" "$TOP" <<'EOF'
import collections, csv, json, pathlib, re, sys

work, top = pathlib.Path(sys.argv[1]), int(sys.argv[2])
# Sections the browser never gets (the build strips names; the rest is the splitter's and
# wasm-bindgen's bookkeeping, removed before the bundle is served).
skipped = re.compile(r'custom section|"function names"|subsection|^export "__wbindgen_describe')

def crates(csv_path):
    sizes = collections.Counter()
    for row in csv.DictReader(open(csv_path)):
        name, size = row["Name"], int(row["ShallowSize"])
        if skipped.search(name):
            continue
        found = re.search(r"([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::", name)
        sizes[found.group(1) if found else ("data" if name.startswith("data") else "other")] += size
    return sizes

def show(title, sizes):
    total = sum(sizes.values())
    print(f"\n{title}: {total / 1024:,.0f} KiB of code and data")
    for crate, size in sizes.most_common(top):
        print(f"  {size / 1024:9,.1f} KiB  {100 * size / total:5.1f} %  {crate}")

main = crates(work / "main.csv")
show("main module (every page)", main)
manifest = json.load(open(work / "pkg" / "__wasm_split_manifest.json"))
for group, chunks in sorted(manifest.items()):
    sizes = collections.Counter()
    for chunk in chunks:
        sizes.update(crates(work / "pkg" / f"{chunk}.csv"))
    show(f"{group.rsplit('_', 1)[0]} (its chunk and {len(chunks) - 1} shared chunks)", sizes)
EOF
