#!/usr/bin/env bash
# Runs Playwright on a fresh isolated stack, one run at a time on this machine (runs share the .next build).
#   scripts/e2e.sh [playwright args…]     e.g. scripts/e2e.sh e2e/admin
set -euo pipefail
cd "$(dirname "$0")/.."
port="${E2E_PORT:-3210}"
mkdir -p .data
exec flock .data/e2e.lock bash -c "rm -rf .data/e2e-$port && npx playwright test $*"
