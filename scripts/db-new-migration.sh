#!/usr/bin/env bash
# Writes a new migration in both sets: prisma/migrations (SQLite, the SQL that takes the schema as
# committed at a git ref, default HEAD, to the schema in the work tree) and its PostgreSQL counterpart
# of the same name in prisma/migrations-postgresql. `prisma migrate dev` needs a shadow-database
# adapter; this does not for SQLite. The PostgreSQL side needs the server (POSTGRES_URL, default
# postgresql://postgres@127.0.0.1:5432/test): Prisma diffs through it, in a shadow database it drops.
# Usage: scripts/db-new-migration.sh <name> [git-ref]
#        scripts/db-new-migration.sh --postgresql   # PostgreSQL counterpart of every SQLite migration that lacks one
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_OPTIONS="--require $PWD/scripts/lib/unref-timers.cjs"
pg_url=${POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/test}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The PostgreSQL migration of SQLite migration $1: from the state the PostgreSQL migrations written so
# far produce (replayed in a shadow database) to the schema as it was when the SQLite migration was
# written: at the commit that added it, or the work tree when it is not committed yet.
write_postgresql_counterpart() {
	local name=$1 commit schema from sql
	commit=$(git log --diff-filter=A --format=%H -1 -- "prisma/migrations/$name/migration.sql" 2>/dev/null || true)
	if [ -n "$commit" ]; then
		rm -rf "$work/at-commit" && mkdir -p "$work/at-commit"
		git archive "$commit" prisma/schema | tar -x -C "$work/at-commit"
		schema=$work/at-commit/prisma/schema
	else
		schema=prisma/schema
	fi
	rm -rf "$work/pg-schema"
	npx tsx scripts/lib/postgresql-schema.ts "$schema" "$work/pg-schema"
	mkdir -p prisma/migrations-postgresql
	[ -f prisma/migrations-postgresql/migration_lock.toml ] || printf 'provider = "postgresql"\n' > prisma/migrations-postgresql/migration_lock.toml
	if ls prisma/migrations-postgresql/*/migration.sql >/dev/null 2>&1; then from=(--from-migrations prisma/migrations-postgresql); else from=(--from-empty); fi
	sql=$(DATABASE_URL=$pg_url npx prisma migrate diff "${from[@]}" --to-schema-datamodel "$work/pg-schema" --script)
	mkdir -p "prisma/migrations-postgresql/$name"
	if grep -qE '^(CREATE|ALTER|DROP|INSERT)' <<<"$sql"; then
		printf '%s\n' "$sql" > "prisma/migrations-postgresql/$name/migration.sql"
	else
		printf -- '-- No schema change on PostgreSQL (the SQLite migration of this name changes data or SQLite only).\nSELECT 1;\n' > "prisma/migrations-postgresql/$name/migration.sql"
	fi
	echo "wrote prisma/migrations-postgresql/$name/migration.sql"
	if grep -iE '^\s*(UPDATE|INSERT|DELETE)' "prisma/migrations/$name/migration.sql" | grep -qv '^INSERT INTO "new_'; then
		echo "  the SQLite migration also changes data: port those statements by hand"
	fi
}

if [ "${1:-}" = "--postgresql" ]; then
	missing=0
	for dir in prisma/migrations/*/; do
		name=$(basename "$dir")
		[ -f "$dir/migration.sql" ] && [ ! -f "prisma/migrations-postgresql/$name/migration.sql" ] || continue
		write_postgresql_counterpart "$name"
		missing=$((missing + 1))
	done
	[ $missing -gt 0 ] || echo "every SQLite migration has its PostgreSQL counterpart"
	exit 0
fi

name=${1:?usage: db-new-migration.sh <name> [git-ref] | --postgresql}
ref=${2:-HEAD}
if ls prisma/migrations/*/migration.sql >/dev/null 2>&1; then
	git archive "$ref" prisma/schema | tar -x -C "$work"
	from=(--from-schema-datamodel "$work/prisma/schema")
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
write_postgresql_counterpart "$(basename "$dir")"
