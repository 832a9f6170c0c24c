# Sourced by quickstart.sh and test.sh: installs npm packages when missing or out of date.
ensure_npm_packages() {
	if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
		echo "› Installing npm packages (npm ci; the native SQLite driver compiles, about 2 minutes)"
		npm ci --no-audit --no-fund
	fi
	[ -f app/generated/prisma/client.ts ] || npx prisma generate
	# The PostgreSQL client, from the PostgreSQL copy of the schema (prisma/postgresql.ts).
	[ -f app/generated/prisma-postgresql/client.ts ] || PRISMA_PROVIDER=postgresql npx prisma generate
}

# Prisma's CLI keeps long timers alive after it is done; this preload lets it exit at once.
prisma_cli() {
	NODE_OPTIONS="--require $PWD/scripts/lib/unref-timers.cjs" npx prisma "$@"
}

# Builds the production bundle unless the sources are unchanged since the last build.
ensure_build() {
	local stamp
	# Every source file (tracked or not), by name and content.
	stamp=$(find app server public package-lock.json vite.config.ts -type f -not -path 'app/generated/*' -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
	if [ -f build/server/index.js ] && [ -f build/server.js ] && [ "$(cat build/.source-stamp 2>/dev/null)" = "$stamp" ]; then
		echo "› Build is up to date"
	else
		echo "› Building the portal"
		npm run -s build >/dev/null
		echo "$stamp" > build/.source-stamp
	fi
}
