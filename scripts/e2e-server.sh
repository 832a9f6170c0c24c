#!/usr/bin/env bash
# Started by Playwright: a fresh database with demo data and content, served by the production build.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/ensure-deps.sh
export PORT=${E2E_PORT:-3100}
# One database per port, so runs on two ports do not share or delete each other's data.
# E2E_DATABASE=postgresql: a PostgreSQL database e2e_<port> on POSTGRES_URL's server, made afresh.
DB=.tmp/e2e-$PORT.db
if [ "${E2E_DATABASE:-sqlite}" = postgresql ]; then
	admin_url=${POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/test}
	node scripts/lib/pg-admin.mjs "DROP DATABASE IF EXISTS e2e_$PORT WITH (FORCE)" "CREATE DATABASE e2e_$PORT"
	export DATABASE_URL=${admin_url%/*}/e2e_$PORT
else
	export DATABASE_URL=file:./$DB
fi
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
