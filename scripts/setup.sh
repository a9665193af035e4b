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
  postgresql openssl
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

# Installs a Node package folder at exactly the versions its committed package-lock.json pins.
# `npm install --no-save` rather than `npm ci`: npm 11 writes lock files without some other
# platforms' optional packages (rollup, tauri-cli), which `npm ci` then rejects as out of sync.
# `--no-save` still installs what the lock says and never rewrites it.
npm_install_locked() {
  local dir="$1"
  [ -f "$dir/package.json" ] || return 0
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "==> npm install ($dir)"
    (cd "$dir" && npm install --no-save --no-audit --no-fund)
  fi
}
npm_install_locked ui
npm_install_locked tests/e2e

# The Python package `icalendar` lets scripts/check_ics.py read the calendar exports with a parser
# independent of the Rust one; the calendar tests run it and fail without it. Debian's own python3
# refuses pip installs (PEP 668): PIP_BREAK_SYSTEM_PACKAGES lets this one package in.
ICALENDAR_PY_SPEC='icalendar==7.*'
if ! python3 -c "import icalendar" >/dev/null 2>&1; then
  if ! python3 -m pip --version >/dev/null 2>&1; then
    echo "==> apt: installing python3 python3-pip"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends python3 python3-pip
  fi
  echo "==> pip install ${ICALENDAR_PY_SPEC}"
  PIP_BREAK_SYSTEM_PACKAGES=1 PIP_ROOT_USER_ACTION=ignore \
    python3 -m pip install --quiet --disable-pip-version-check "${ICALENDAR_PY_SPEC}"
fi
