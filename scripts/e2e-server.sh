#!/usr/bin/env bash
# Started by Playwright: a fresh database with demo data and content, served by the production build.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/ensure-deps.sh
export PORT=${E2E_PORT:-3100}
# One database per port, so runs on two ports do not share or delete each other's data.
DB=.tmp/e2e-$PORT.db
export DATABASE_URL=file:./$DB
export SEARCH_SNAPSHOT_PATH=./.tmp/e2e-$PORT-search-index.json
export SESSION_SECRET=e2e-secret-at-least-16-characters
# No SMTP: each email is a JSON file here, which the browser tests read (test/e2e/outbox.ts).
export MAIL_OUTBOX_DIR=./.tmp/e2e-$PORT-outbox
mkdir -p .tmp
rm -f "$DB" "$DB-wal" "$DB-shm" "$SEARCH_SNAPSHOT_PATH"
rm -rf "$MAIL_OUTBOX_DIR"
prisma_cli migrate deploy >/dev/null
npm run -s db:seed >/dev/null
npm run -s content:sync >/dev/null
ensure_build >/dev/null
NODE_ENV=production exec node build/server.js
