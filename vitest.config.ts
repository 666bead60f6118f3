import { configDefaults, defineConfig } from 'vitest/config';
import type { TestProjectInlineConfiguration } from 'vitest/config';
import { SkippedSummaryReporter } from './test-support/skipped-summary-reporter.js';

/**
 * The end-to-end API suite: what a client sees (SDKs, the aws CLI, Dovecot logging in), whatever
 * the database behind the server.
 */
const API_SUITE = [
  'aws-cli',
  'aws-sdk-v3',
  'bad-input',
  'boto3',
  'concurrent-pagination',
  'crash-durability',
  'dovecot-login',
  'dovecot-mail-protocols',
  'expiry-warnings',
  'import-workmail',
  'introspection',
  'log-redaction',
  'mail-domains',
  'metrics',
  'request-fuzz',
  'restart',
  'web-account',
].map((name) => `packages/server/test/e2e/${name}.test.ts`);

/** Tests that only make sense on a shared database: several instances, database outages. */
const POSTGRES_ONLY = 'packages/server/test/e2e/postgres/**/*.test.ts';

const postgresUrl = process.env.MAILPAT_TEST_POSTGRES_URL;

/** Every project: at the end of the run, no server log may hold a secret the tests created. */
const LOG_AUDIT_SETUP = 'packages/server/test/support/log-audit-global-setup.ts';

/**
 * One suite, two backends: everything runs on SQLite; with MAILPAT_TEST_POSTGRES_URL the API suite
 * runs again with every server on PostgreSQL, plus the PostgreSQL-only tests.
 */
const projects: TestProjectInlineConfiguration[] = [
  {
    extends: true,
    test: {
      name: 'sqlite',
      include: [
        'packages/*/src/**/*.test.ts',
        'packages/*/test/**/*.test.ts',
        'test-support/**/*.test.ts',
      ],
      exclude: [...configDefaults.exclude, POSTGRES_ONLY],
      globalSetup: [LOG_AUDIT_SETUP],
    },
  },
];
if (postgresUrl) {
  projects.push({
    extends: true,
    test: {
      name: 'postgresql',
      include: [...API_SUITE, POSTGRES_ONLY],
      env: { MAILPAT_E2E_BACKEND: 'postgres' },
      globalSetup: ['packages/server/test/support/postgres-global-setup.ts', LOG_AUDIT_SETUP],
    },
  });
}

/** The PostgreSQL project is not configured at all without a server: say so after the run. */
function unconfiguredProjects(): string[] {
  if (postgresUrl) return [];
  const how = 'MAILPAT_TEST_POSTGRES_URL=$(scripts/test-postgres.sh start) npm test';
  return [`the end-to-end suite on PostgreSQL: needs a PostgreSQL server; ${how}`];
}

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects,
    reporters: ['default', new SkippedSummaryReporter(unconfiguredProjects)],
  },
});
