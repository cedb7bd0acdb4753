#!/usr/bin/env bash
# Synthetic pages with a Tesseract dump and exact gold, read as the pool's OCR dumps were
# (pdftoppm at 300 dpi, tesseract chi_sim, page segmentation 3).
#   bash tools/ocr_pages.sh SEEDS OUT      e.g.  bash tools/ocr_pages.sh 561-572 /tmp/so561
# Needs ../shared/synth set up (its setup.sh) and Debian's tesseract-ocr and
# tesseract-ocr-chi-sim. Several minutes of CPU a page.
set -euo pipefail
seeds=${1:?seeds, e.g. 561-572}
out=$(realpath -m "${2:?output folder}")
shared=$(realpath "${BAOKAN_SHARED:-../shared}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$shared/synth" && "${SYNTH_VENV:-/tmp/synth-venv}/bin/python" gen.py --seeds "$seeds" \
    --out "$work" --keep-pdf --jobs 1)
for page in "$work"/synth-*; do
    name=$(basename "$page")
    mkdir -p "$out/$name"
    cp "$page/$name.gold.json" "$out/$name/"
    pdftoppm -r 300 -png -singlefile "$page/$name.pdf" "$work/$name"
    tesseract "$work/$name.png" "$out/$name/$name.tesseract" -l chi_sim --psm 3 >/dev/null 2>&1
    echo "$name"
done
