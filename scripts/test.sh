#!/usr/bin/env bash
# `npm test`: every test (unit, integration against the real server, browser tests in Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm install --no-audit --no-fund
# The code itself first: types and lint fail the run before any test starts.
npx tsc --noEmit
npx eslint .
bash scripts/ensure-chromium.sh
# Browser tests load the built client from the real server.
npx vite build --logLevel warn
npx vitest run "$@"
