#!/usr/bin/env bash
# Makes the two fonts the invoice and credit-note PDFs embed (server/assets/fonts/), from Debian's
# DejaVu Sans (package fonts-dejavu-core; 2.37 at the time of writing). The full files are about
# 1.5 MB together and cover scripts Rootline never prints; cut down to the Latin blocks,
# punctuation and currency signs they are about 64 KB each, which keeps the repository and the
# server binary small. Each PDF then subsets again, at run time, to the glyphs that one document
# uses (server/src/domain/pdf_document.rs).
#
# Needs fonttools (`python3 -m pip install fonttools`; made with 4.68, which writes the same bytes
# on every run). Run from anywhere; rerun after changing the ranges below and commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."

SRC=${DEJAVU_DIR:-/usr/share/fonts/truetype/dejavu}
OUT=server/assets/fonts

# Basic Latin, Latin-1 Supplement, Latin Extended-A and -B (Polish, Czech, Romanian, Turkish …),
# spacing accents, Latin Extended Additional (Vietnamese, Welsh), General Punctuation (dashes,
# quotes, the narrow no-break space some locales group digits with), Currency Symbols (€ ₹ ₽ ₺ …),
# and a few symbols an invoice line may carry (№ ™ −).
UNICODES="U+0020-007E,U+00A0-00FF,U+0100-017F,U+0180-024F,U+02B0-02FF,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,U+2116,U+2122,U+2212"

if ! command -v pyftsubset >/dev/null 2>&1; then
  echo "pyftsubset not found: python3 -m pip install fonttools" >&2
  exit 1
fi

mkdir -p "$OUT"
for face in DejaVuSans DejaVuSans-Bold; do
  # No layout tables and no hinting: the PDF writer places glyphs one by one at their advance
  # widths (no shaping, no kerning) and PDF viewers rasterise without TrueType hints. The name
  # table keeps the copyright and licence records the DejaVu licence asks to travel with the font.
  pyftsubset "$SRC/$face.ttf" \
    --unicodes="$UNICODES" \
    --layout-features='' \
    --drop-tables+=GSUB,GPOS,GDEF,MATH,gasp \
    --no-hinting \
    --notdef-outline \
    --name-IDs=0,1,2,3,4,5,6,13,14 \
    --output-file="$OUT/$face.ttf"
done
cp "${DEJAVU_COPYRIGHT:-/usr/share/doc/fonts-dejavu-core/copyright}" "$OUT/LICENSE-DejaVu.txt"
ls -l "$OUT"
