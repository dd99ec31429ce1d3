#!/usr/bin/env bash
# Debian packages the service needs, installed only when missing (so a warm machine pays
# nothing). WeasyPrint renders the PDFs with Pango; the fonts are the faces our outputs use;
# fonts-noto-cjk covers Chinese, Japanese and Korean text, fonts-noto-core every other script
# (Devanagari, Bengali, Tamil, Thai, Ethiopic...: 12 MB, 43 MB installed) and
# fonts-noto-color-emoji the emoji (10 MB; Debian has no monochrome Noto Emoji, and Symbola
# stops before Unicode 11): large print must print every character, and PDF/UA forbids the
# empty box (.notdef) drawn for one no face has; poppler-utils gives the benchmarks their reference (pdftotext).
# gcc and libc6-dev build the layout reader's C accelerator (setup.py), which also needs the
# headers of the Python that runs the project: python3-dev, when that is Debian's own Python.
set -euo pipefail

packages=(
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libfontconfig1
  fonts-dejavu-core fonts-liberation fonts-noto-cjk fonts-noto-core fonts-noto-color-emoji
  poppler-utils
  gcc libc6-dev
)
python="${PYTHON:-python3}"
if command -v "$python" >/dev/null \
  && ! "$python" -c 'import os, sysconfig, sys; sys.exit(not os.path.exists(os.path.join(sysconfig.get_path("include"), "Python.h")))'; then
  packages+=(python3-dev)
fi
# `--test` adds what the independent judges and the browser tests need: Chromium for axe-core
# and Playwright (never a downloaded browser), a JDK for the veraPDF-based pdfua-check.
if [ "${1:-}" = "--test" ]; then
  packages+=(chromium openjdk-17-jdk-headless)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null; then
  echo "Please install these packages with your system's package manager: ${missing[*]}" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
