#!/usr/bin/env bash
# Sets up a fresh machine for greenbook: the system packages it needs (Debian's Chromium to print,
# poppler-utils to test PDFs, Ghostscript for PDF/A archive copies) when missing, then the npm
# dependencies exactly as locked. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
if [ -z "${GREENBOOK_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then need+=(chromium); fi
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v gs >/dev/null 2>&1 || need+=(ghostscript)

if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]} with apt-get"
  if [ "$(id -u)" = 0 ]; then sudo=""
  elif command -v sudo >/dev/null 2>&1; then sudo="sudo"
  else
    echo "setup: greenbook needs ${need[*]}; install them with apt-get as root, then run this again" >&2
    exit 1
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

echo "setup: npm ci"
npm ci --no-audit --no-fund
