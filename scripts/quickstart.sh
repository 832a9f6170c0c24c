#!/usr/bin/env bash
# npm run quickstart: install, migrate, seed demo data, sync content, build and start the portal.
# A second run reuses what is there: nothing is reinstalled, recompiled or rebuilt without a change.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/ensure-deps.sh

ensure_npm_packages
mkdir -p data
export DATABASE_URL=${DATABASE_URL:-file:./data/portal.db}
if [ -z "${SESSION_SECRET:-}" ]; then
	[ -f data/.session-secret ] || node -e "console.log(require('crypto').randomBytes(32).toString('hex'))" > data/.session-secret
	export SESSION_SECRET=$(cat data/.session-secret)
fi
echo "› Applying database migrations"
prisma_cli migrate deploy >/dev/null
echo "› Seeding demo data"
npm run -s db:seed
echo "› Syncing content (validate, compile, index)"
npm run -s content:sync
ensure_build
export PORT=${PORT:-3000}
echo "› Starting the portal on http://localhost:$PORT (Ctrl-C stops it)"
NODE_ENV=production exec node build/server.js
