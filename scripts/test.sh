#!/usr/bin/env bash
# Runs every check and test Tandem has, from a fresh Debian 12 machine (as root, or with sudo),
# headless and without a terminal:
#
#   bash scripts/test.sh
#
# setup → throwaway PostgreSQL → Rust tests (SQLite) → core tests again on PostgreSQL → bindings
# up to date → clippy → rustfmt → UI type check → UI tests → UI build → app build (embedded UI) →
# end-to-end tests in a virtual X server.
# Stops at the first failure, exits non-zero, and says which step failed. The PostgreSQL server is
# the test command's own (a temporary folder, a free port, an unprivileged user) and is stopped and
# removed at the end, whatever happened.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export CI="${CI:-true}"
# A one-off build gains nothing from incremental caches, which would double the space the
# workspace crates take in target/.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

START=$SECONDS
STEP=""
declare -a DONE=()

section() {
  STEP="$1"
  STEP_START=$SECONDS
  printf '\n======== %s ========\n' "$STEP"
}
finish_step() {
  DONE+=("$STEP ($((SECONDS - STEP_START)) s)")
}
on_exit() {
  local status=$?
  if [ "$status" -ne 0 ]; then
    printf '\nFAILED at step "%s" (exit %d) after %d s\n' "$STEP" "$status" "$((SECONDS - START))" >&2
  fi
}
source scripts/pg-test-server.sh
on_exit_all() {
  on_exit
  pg_test_stop
}
trap on_exit_all EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

df -h . | awk 'NR==2 {print "disk: " $4 " free of " $2}'

section "setup"
bash scripts/setup.sh
finish_step

section "PostgreSQL: throwaway server"
pg_test_start
finish_step

section "cargo test --workspace"
cargo test --workspace
finish_step

section "core tests on PostgreSQL"
# The same store-touching tests, each on a fresh database of the throwaway server.
TANDEM_TEST_ENGINE=postgres cargo test -p tandem-core
finish_step

section "TypeScript bindings up to date"
# `cargo test -p tandem-dto` writes ui/src/api/bindings; it already ran above, run it again on its
# own so this step stands alone.
cargo test -p tandem-dto --quiet
if [ -n "$(git status --porcelain -- ui/src/api/bindings)" ]; then
  git status --porcelain -- ui/src/api/bindings >&2
  echo "bindings are stale: commit them (cargo test -p tandem-dto regenerates ui/src/api/bindings)" >&2
  exit 1
fi
finish_step

section "cargo clippy"
cargo clippy --workspace --all-targets -- -D warnings
finish_step

section "cargo fmt --check"
cargo fmt --all -- --check
finish_step

section "ui: npm run check"
npm --prefix ui run check
finish_step

section "ui: npm test"
npm --prefix ui test
finish_step

section "ui: build"
npm --prefix ui run build
finish_step

section "app: build (debug, embedded UI)"
cargo build -p tandem-app --features custom-protocol
finish_step

section "end-to-end tests"
TANDEM_APP="$PWD/target/debug/tandem" timeout 1200 bash tests/e2e/run.sh
finish_step

printf '\n======== summary ========\n'
for d in "${DONE[@]}"; do printf '  ok  %s\n' "$d"; done
du -sh target 2>/dev/null | awk '{print "target/: " $1}'
printf 'ALL CHECKS PASSED in %d s\n' "$((SECONDS - START))"
