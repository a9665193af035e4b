#!/usr/bin/env bash
# Runs the benchmarks that need PostgreSQL against a throwaway local server, started here and
# stopped at the end whatever happens:
#
#   bash scripts/bench-postgres.sh progress   # the progress benchmark on SQLite, then PostgreSQL
#   bash scripts/bench-postgres.sh load       # 50 clients logging sessions for 60 s
#   bash scripts/bench-postgres.sh            # both
#
# The server is the one the tests use (scripts/pg-test-server.sh): an unprivileged user, a free
# port on 127.0.0.1, a temporary folder. Its durability settings are relaxed for speed (fsync off),
# as for the tests, so the figures are those of the queries and the client, not of the disk.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/pg-test-server.sh
trap pg_test_stop EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

what="${1:-all}"
pg_test_start
if [ "$what" = progress ] || [ "$what" = all ]; then
  cargo bench -p tandem-core --bench progress
  PROGRESS_BENCH_ENGINE=postgres cargo bench -p tandem-core --bench progress
fi
if [ "$what" = load ] || [ "$what" = all ]; then
  cargo bench -p tandem-core --bench load
fi
