#!/usr/bin/env bash
# npm run db:check-migrations: fails when the SQLite and PostgreSQL migration sets disagree, that is
# when their migration names differ, or when either set, replayed on an empty database (SQLite in
# memory, PostgreSQL in a shadow database Prisma creates and drops), does not give the schema in
# prisma/schema. The fix is nearly always: bash scripts/db-new-migration.sh --postgresql
set -uo pipefail
cd "$(dirname "$0")/.."
export NODE_OPTIONS="--require $PWD/scripts/lib/unref-timers.cjs"
pg_url=${POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/test}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0

names() { for dir in "$1"/*/; do [ -f "$dir/migration.sql" ] && basename "$dir"; done; }
if ! diff <(names prisma/migrations) <(names prisma/migrations-postgresql) >"$work/names.diff"; then
	echo "Migration names differ (< SQLite only, > PostgreSQL only):"
	grep '^[<>]' "$work/names.diff"
	echo "Run: bash scripts/db-new-migration.sh --postgresql"
	failed=1
fi

npx tsx scripts/lib/postgresql-schema.ts prisma/schema "$work/pg-schema" || failed=1
# Both replays at once: each is mostly waiting on Prisma's schema engine.
DATABASE_URL=file:$work/scratch.db npx prisma migrate diff --from-migrations prisma/migrations --to-schema-datamodel prisma/schema --exit-code >"$work/sqlite.out" 2>&1 &
sqlite_job=$!
DATABASE_URL=$pg_url npx prisma migrate diff --from-migrations prisma/migrations-postgresql --to-schema-datamodel "$work/pg-schema" --exit-code >"$work/pg.out" 2>&1 &
pg_job=$!
for set in sqlite pg; do
	job=${set}_job
	wait "${!job}"
	rc=$?
	label=$([ $set = pg ] && echo "PostgreSQL (prisma/migrations-postgresql)" || echo "SQLite (prisma/migrations)")
	case $rc in
		0) echo "$label: the migrations give the schema" ;;
		2) echo "$label: the migrations do not give the schema; still missing:"; grep -v '^Loaded Prisma config\|^$' "$work/$set.out" | sed 's/^/  /'; failed=1 ;;
		*) echo "$label: could not compare (exit $rc):"; sed 's/^/  /' "$work/$set.out"; failed=1 ;;
	esac
done
exit $failed
