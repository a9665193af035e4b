#!/usr/bin/env bash
# Runs the end-to-end tests against the real Tandem binary, headless.
#
#   bash tests/e2e/run.sh [test files...]      (default: every tests/e2e/specs/*.test.js)
#
# It starts its own X server (Xvfb on a free display), a D-Bus session bus, and tauri-driver
# (which starts WebKitWebDriver, which starts the app). Every test file opens the app on a fresh
# database of its own (`--db`); `TANDEM_DB` points at one more fresh file for tests that start the
# app without arguments. Whatever happens, everything started here is stopped on exit, a screenshot
# of the screen is left in tests/e2e/artifacts/last-run.png, and the exit status is the tests'.
#
# Environment:
#   TANDEM_APP        the app binary (default: target/debug/tandem, built with
#                     `cargo build -p tandem-app --features custom-protocol`)
#   E2E_DRIVER_PORT   tauri-driver's port (default 4444, or the next free one)
#   E2E_SCRIPT        run this node script (relative to tests/e2e) instead of the tests, e.g.
#                     `E2E_SCRIPT=readme-screenshots.js bash tests/e2e/run.sh`
set -euo pipefail

E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$E2E_DIR/../.." && pwd)"

# WebKit wants a session bus; give it a private one that ends with this script.
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && [ -z "${TANDEM_E2E_IN_DBUS:-}" ] && command -v dbus-run-session >/dev/null 2>&1; then
  export TANDEM_E2E_IN_DBUS=1
  exec dbus-run-session -- bash "${BASH_SOURCE[0]}" "$@"
fi

log() { printf '[e2e] %s\n' "$*"; }
fail() { printf '[e2e] error: %s\n' "$*" >&2; exit 2; }

APP="${TANDEM_APP:-$ROOT/target/debug/tandem}"
case "$APP" in /*) ;; *) APP="$PWD/$APP" ;; esac
[ -x "$APP" ] || fail "no app binary at $APP: build it with 'npm --prefix ui run build && cargo build -p tandem-app --features custom-protocol' (or set TANDEM_APP)"
for tool in Xvfb tauri-driver WebKitWebDriver node curl; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool not found: run 'bash scripts/setup.sh' first"
done
if [ ! -d "$E2E_DIR/node_modules/selenium-webdriver" ]; then
  log "npm ci (tests/e2e)"
  (cd "$E2E_DIR" && npm ci --no-audit --no-fund)
fi

ARTIFACTS="$E2E_DIR/artifacts"
mkdir -p "$ARTIFACTS"
rm -f "$ARTIFACTS"/*.png "$ARTIFACTS"/*.log
WORK="$(mktemp -d "${TMPDIR:-/tmp}/tandem-e2e.XXXXXX")"

XVFB_PID=""
DRIVER_PID=""
NODE_PID=""
SHOT_TAKEN=""

stop_group() {
  # Each helper runs in its own process group (setsid), so its children go with it.
  local pid="$1"
  [ -n "$pid" ] || return 0
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ -n "$XVFB_PID" ] && [ -z "$SHOT_TAKEN" ] && command -v import >/dev/null 2>&1; then
    import -window root "$ARTIFACTS/last-run.png" 2>/dev/null || true
  fi
  [ -n "$NODE_PID" ] && kill -TERM "$NODE_PID" 2>/dev/null
  stop_group "$DRIVER_PID"
  stop_group "$XVFB_PID"
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- X server on a free display ---------------------------------------------------------------
# -displayfd makes Xvfb choose a free display itself and report it, so parallel runs never race.
setsid Xvfb -displayfd 3 -screen 0 1280x820x24 -nolisten tcp 3>"$WORK/display" >"$ARTIFACTS/xvfb.log" 2>&1 &
XVFB_PID=$!
DISPLAY_NUM=""
for _ in $(seq 1 100); do
  # Xvfb writes the number and a newline once it accepts connections.
  if [ "$(wc -l <"$WORK/display" 2>/dev/null || echo 0)" -ge 1 ]; then
    DISPLAY_NUM="$(tr -dc '0-9' <"$WORK/display")"
    break
  fi
  kill -0 "$XVFB_PID" 2>/dev/null || break
  sleep 0.1
done
[ -n "$DISPLAY_NUM" ] || fail "Xvfb did not start (see $ARTIFACTS/xvfb.log)"
export DISPLAY=":$DISPLAY_NUM"
log "Xvfb on $DISPLAY"

export WEBKIT_DISABLE_DMABUF_RENDERER=1
export WEBKIT_DISABLE_COMPOSITING_MODE=1
export LIBGL_ALWAYS_SOFTWARE=1
export NO_AT_BRIDGE=1
export TANDEM_DB="$WORK/default/tandem.sqlite"
# The app remembers the last database in its config folder: keep the tests' choices out of the
# machine's own.
export XDG_CONFIG_HOME="$WORK/config"
export XDG_DATA_HOME="$WORK/data"
export TANDEM_APP="$APP"
export TANDEM_E2E_TMP="$WORK"
# Exports land here instead of behind a save dialog, so the tests can read them.
export TANDEM_EXPORT_DIR="${TANDEM_EXPORT_DIR:-$WORK/exports}"
mkdir -p "$TANDEM_EXPORT_DIR"
export TANDEM_E2E_ARTIFACTS="$ARTIFACTS"
export TANDEM_E2E_ROOT="$ROOT"

# --- tauri-driver ------------------------------------------------------------------------------
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORT="${E2E_DRIVER_PORT:-4444}"
while port_in_use "$PORT" || port_in_use "$((PORT + 1))"; do PORT=$((PORT + 2)); done
NATIVE_PORT=$((PORT + 1))
setsid tauri-driver --port "$PORT" --native-port "$NATIVE_PORT" >"$ARTIFACTS/tauri-driver.log" 2>&1 &
DRIVER_PID=$!
export TANDEM_E2E_WEBDRIVER="http://127.0.0.1:$PORT"
for _ in $(seq 1 100); do
  if curl -fsS -m 2 "$TANDEM_E2E_WEBDRIVER/status" >/dev/null 2>&1; then break; fi
  kill -0 "$DRIVER_PID" 2>/dev/null || fail "tauri-driver exited (see $ARTIFACTS/tauri-driver.log)"
  sleep 0.2
done
curl -fsS -m 2 "$TANDEM_E2E_WEBDRIVER/status" >/dev/null 2>&1 || fail "tauri-driver does not answer on port $PORT"
log "tauri-driver on port $PORT (WebKitWebDriver on $NATIVE_PORT), app $APP"

# --- tests -------------------------------------------------------------------------------------
# Test files may be given relative to the current directory or to tests/e2e.
FILES=()
for f in "$@"; do
  if [ -e "$f" ]; then FILES+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")")
  elif [ -e "$E2E_DIR/$f" ]; then FILES+=("$E2E_DIR/$f")
  else fail "no test file $f"
  fi
done
cd "$E2E_DIR"
[ ${#FILES[@]} -gt 0 ] || FILES=(specs/*.test.js)
# One app at a time: WebKitWebDriver drives a single session.
# In the background, so that a TERM or INT reaches the trap at once instead of after the tests.
if [ -n "${E2E_SCRIPT:-}" ]; then
  # Not a test run: a script driving the app in the same harness (e.g. readme-screenshots.js).
  node "$E2E_SCRIPT" &
else
  node --test --test-concurrency=1 --test-reporter=spec "${FILES[@]}" &
fi
NODE_PID=$!
STATUS=0
wait "$NODE_PID" || STATUS=$?
NODE_PID=""

# The last picture: the app as a user first sees it (TANDEM_DB, demo company), taken by
# ImageMagick from the X server so it shows the real window.
if timeout 90 node screenshot.js "$ARTIFACTS/last-run.png"; then
  SHOT_TAKEN=1
  log "screenshot: tests/e2e/artifacts/last-run.png"
else
  log "could not open the app for the final screenshot; the trap takes the bare screen instead"
fi

if [ "$STATUS" -eq 0 ]; then log "all end-to-end tests passed"; else log "end-to-end tests FAILED (status $STATUS)"; fi
exit "$STATUS"
