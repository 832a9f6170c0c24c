#!/usr/bin/env bash
# Writes a new migration: the SQL that takes the schema as committed at a git ref (default HEAD)
# to the schema in the work tree. `prisma migrate dev` needs a shadow-database adapter; this does not.
# Usage: scripts/db-new-migration.sh <name> [git-ref]
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: db-new-migration.sh <name> [git-ref]}
ref=${2:-HEAD}
export NODE_OPTIONS="--require $PWD/scripts/lib/unref-timers.cjs"
if ls prisma/migrations/*/migration.sql >/dev/null 2>&1; then
	old=$(mktemp -d)
	git archive "$ref" prisma/schema | tar -x -C "$old"
	from=(--from-schema-datamodel "$old/prisma/schema")
else
	from=(--from-empty)
fi
sql=$(npx prisma migrate diff "${from[@]}" --to-schema-datamodel prisma/schema --script)
if ! grep -qE '^(CREATE|ALTER|DROP|INSERT|PRAGMA)' <<<"$sql"; then echo "no schema change since $ref: nothing to write"; exit 0; fi
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_$name"
mkdir -p "$dir"
printf '%s\n' "$sql" > "$dir/migration.sql"
[ -f prisma/migrations/migration_lock.toml ] || printf 'provider = "sqlite"\n' > prisma/migrations/migration_lock.toml
echo "wrote $dir/migration.sql"
