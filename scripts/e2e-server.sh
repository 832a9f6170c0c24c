#!/usr/bin/env bash
# Started by Playwright: a fresh database with demo data and content, served by the production build.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/ensure-deps.sh
export DATABASE_URL=file:./.tmp/e2e.db
export SEARCH_SNAPSHOT_PATH=./.tmp/e2e-search-index.json
export SESSION_SECRET=e2e-secret-at-least-16-characters
mkdir -p .tmp
rm -f .tmp/e2e.db .tmp/e2e.db-wal .tmp/e2e.db-shm "$SEARCH_SNAPSHOT_PATH"
prisma_cli migrate deploy >/dev/null
npm run -s db:seed >/dev/null
npm run -s content:sync >/dev/null
ensure_build >/dev/null
export PORT=${E2E_PORT:-3100}
NODE_ENV=production exec npx remix-serve ./build/server/index.js
