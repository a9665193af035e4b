#!/usr/bin/env bash
# Installs what Tandem needs, builds it (release, UI embedded) and starts it.
#
#   bash scripts/run.sh                  # database in the app data dir (demo company on first launch)
#   bash scripts/run.sh --db my.sqlite   # any other arguments go to the app
#   bash scripts/run.sh --server postgresql://me@db.example.com/tandem   # a team database
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh

echo "==> building the interface (ui/dist)"
npm --prefix ui run build

echo "==> building the app (release)"
cargo build --release -p tandem-app --features custom-protocol

echo "==> starting Tandem"
exec target/release/tandem "$@"
