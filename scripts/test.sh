#!/usr/bin/env bash
# npm test: installs what the tests need (npm packages, Debian's chromium) and runs every suite:
# typecheck and lint, the migration-drift check, unit, integration and contract tests (Vitest), the
# integration tests again on PostgreSQL, then end-to-end tests in Chromium (Playwright).
# Ends with one line "N passed, N failed, N skipped" over all suites.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/ensure-deps.sh
set -e
ensure_npm_packages
if [ ! -x /usr/bin/chromium ]; then
	echo "› Installing Debian's chromium for the browser tests"
	SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
	$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
set +e
mkdir -p .tmp
rm -f .tmp/vitest-results.json .tmp/playwright-results.json .tmp/vitest-postgresql-results.json

failed_checks=()
echo "› Typecheck"
npx tsc || failed_checks+=(typecheck)

echo "› Lint (ESLint)"
npm run -s lint || failed_checks+=(lint)

echo "› Migrations: the SQLite and PostgreSQL sets agree with the schema"
npm run -s db:check-migrations || failed_checks+=(migration-check)

echo "› Unit, integration and contract tests (Vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest-results.json
vitest=$?

# The integration tests again on PostgreSQL (docs/deploy.md): a database per test file, made from a
# template and dropped after. POSTGRES_URL names the server (default postgresql://postgres@127.0.0.1:5432/test).
echo "› Integration tests again on PostgreSQL (Vitest)"
pg_started=$SECONDS
PRISMA_PROVIDER=postgresql prisma_cli generate >/dev/null
TEST_DATABASE=postgresql npx vitest run test/integration --reporter=default --reporter=json --outputFile.json=.tmp/vitest-postgresql-results.json
vitest_pg=$?
echo "(PostgreSQL pass: $((SECONDS - pg_started)) s)"

echo "› End-to-end tests (Playwright, Chromium)"
npx playwright test
e2e=$?

FAILED_CHECKS="${failed_checks[*]}" node scripts/lib/summarize-tests.mjs .tmp/vitest-results.json .tmp/playwright-results.json .tmp/vitest-postgresql-results.json
summary=$?
if [ $vitest -ne 0 ] || [ $vitest_pg -ne 0 ] || [ $e2e -ne 0 ] || [ $summary -ne 0 ]; then exit 1; fi
