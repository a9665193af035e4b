#!/usr/bin/env bash
# Installs everything Tandem needs to build, run and test on Debian 12, idempotently.
# Safe to run again: each step checks whether its work is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  build-essential pkg-config curl file
  libwebkit2gtk-4.1-dev libssl-dev libxdo-dev libayatana-appindicator3-dev librsvg2-dev
  webkit2gtk-driver xvfb xauth dbus-x11 at-spi2-core
  fonts-dejavu-core fonts-noto-core imagemagick
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> apt: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "cargo not found: install Rust with rustup first (https://rustup.rs)." >&2
  exit 1
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "node/npm not found: install Node.js 20 or later (https://nodejs.org)." >&2
  exit 1
fi

TAURI_DRIVER_VERSION="2.1.0"
if ! command -v tauri-driver >/dev/null 2>&1; then
  echo "==> cargo install tauri-driver ${TAURI_DRIVER_VERSION}"
  cargo install tauri-driver --locked --version "${TAURI_DRIVER_VERSION}"
fi

if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  echo "==> npm ci (ui)"
  (cd ui && npm ci --no-audit --no-fund)
fi
if [ -f tests/e2e/package.json ] && { [ ! -d tests/e2e/node_modules ] || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; }; then
  echo "==> npm ci (tests/e2e)"
  (cd tests/e2e && npm ci --no-audit --no-fund)
fi
