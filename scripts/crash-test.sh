#!/usr/bin/env bash
# Kills a Tandem writer with SIGKILL at random moments, 200 times by default, and checks after
# each kill that every transaction it reported committed is in the file, that the file passes
# SQLite's integrity and foreign-key checks, and that it opens as the app opens it:
#
#   bash scripts/crash-test.sh [KILLS]
#
# The harness is crates/tandem-core/tests/crash.rs; the test command runs it with 20 kills.
# CRASH_SEED=<n> replays a run (the seed is printed at the end and on a failure).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
CRASH_KILLS="${1:-200}" cargo test --release --locked -p tandem-core --test crash -- --nocapture \
  a_writer_killed_at_random_moments_loses_no_committed_transaction
