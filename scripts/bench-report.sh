#!/usr/bin/env bash
# npm run bench:report: runs the benchmarks behind docs/benchmarks.md's report one after another
# (each writes bench/results/<name>.json), then renders the report section and its SVG charts.
# PostgreSQL figures need MAILPAT_TEST_POSTGRES_URL (scripts/test-postgres.sh start); the IMAP
# figure needs Dovecot and root. A benchmark that cannot run leaves its row "not measured".
set -uo pipefail
cd "$(dirname "$0")/.."
npm run build >/dev/null || exit 1
bench() { npx vitest run --config bench/vitest.config.ts "$@" || echo "bench:report: $* did not finish" >&2; }
bench bench/list-benchmark.ts
BENCH_TOKENS=1000000 bench bench/list-benchmark.ts
bench bench/page-cost-benchmark.ts
bench bench/introspection-benchmark.ts
bench bench/client-pagination-benchmark.ts
bench bench/seed-benchmark.ts
if [[ $(id -u) == 0 ]] && command -v dovecot >/dev/null; then bench bench/imap-login-benchmark.ts; fi
node bench/report/render-report.mjs
# The written files are committed and checked by `npm run lint`.
npx prettier --write docs/benchmarks.md bench/results >/dev/null
