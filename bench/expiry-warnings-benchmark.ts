/**
 * `npm run bench:expiry`: what the hourly expiry-warning check costs.
 *
 * - Scan: an organization seeded with EXPIRY_BENCH_TOKENS tokens (default 1,000,000) that all
 *   expire within the week and were all warned already: the worst hourly pass, which reads every
 *   one of them and mails nothing. Real installations have only the tokens of the next 61 days
 *   in that range.
 * - Mail: EXPIRY_BENCH_MAILS tokens (default 5,000) each owed its 7-day warning, mailed through a
 *   real SMTP server (smtp-server) on loopback: warnings per second, claim and record included.
 *
 * On SQLite, and on PostgreSQL too when MAILPAT_TEST_POSTGRES_URL is set. The check's clock is
 * moved to 5 days before the seeded tokens' expiry.
 * @module
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { it } from 'vitest';
import { Clock } from '../packages/server/src/domain/clock.js';
import { ExpiryWarningCheck } from '../packages/server/src/expiry-warnings/expiry-warning-check.js';
import { SILENT_LOGGER } from '../packages/server/src/logging/test-support/silent-logger.js';
import { createSmtpMailSender } from '../packages/server/src/mail/mail-sender.js';
import { openStore } from '../packages/server/src/storage/open-store.js';
import {
  createTestDatabase,
  testPostgresUrl,
} from '../packages/server/src/storage/postgres/test-support/test-databases.js';
import { startSmtpSink } from '../packages/server/test/support/smtp-sink.js';
import { recordReport } from './support/bench-results.js';
import { seedOrganization } from './support/seed-organization.js';

const DAY_MS = 86_400_000;
const SCAN_TOKENS = Number(process.env.EXPIRY_BENCH_TOKENS ?? 1_000_000);
const MAIL_TOKENS = Number(process.env.EXPIRY_BENCH_MAILS ?? 5_000);
/** `mailpat seed` gives every token 365 days. */
const SEEDED_LIFETIME_MS = 365 * DAY_MS;

interface Backend {
  name: string;
  /** A fresh database for `label`: undefined for SQLite in the seed's data directory. */
  database(label: string): Promise<string | undefined>;
}

const backends: Backend[] = [{ name: 'sqlite', database: () => Promise.resolve(undefined) }];
const postgresUrl = testPostgresUrl();
if (postgresUrl !== undefined) {
  backends.push({
    name: 'postgres',
    database: (label) =>
      createTestDatabase(postgresUrl, {
        name: `mailpat_bench_expiry_${label}_${randomBytes(3).toString('hex')}`,
      }),
  });
}

/** Seeds `tokens` tokens; returns the store's URL and the moment 5 days before they expire. */
async function seeded(backend: Backend, label: string, tokens: number) {
  const databaseUrl = await backend.database(label);
  const seededAt = Date.now();
  const seed = await seedOrganization({
    tokens,
    users: 1_000,
    prefix: `mailpat-bench-expiry-${label}-`,
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
  });
  return {
    url: databaseUrl ?? `sqlite:${join(seed.dataDir, 'mailpat.db')}`,
    checkAt: seededAt + SEEDED_LIFETIME_MS - 5 * DAY_MS,
    seedSeconds: seed.seedSeconds,
  };
}

async function timedPass(url: string, checkAt: number, relayPort: number) {
  const store = await openStore(url);
  const check = new ExpiryWarningCheck({
    store,
    sender: createSmtpMailSender({
      transport: { host: '127.0.0.1', port: relayPort, secure: false, lmtp: false },
      from: 'mailpat@bench.example.org',
      relay: 'smtp://127.0.0.1',
    }),
    clock: new Clock(() => checkAt),
    log: SILENT_LOGGER,
    accountUrl: 'https://mail.example.org/account/',
  });
  try {
    const start = performance.now();
    const sent = await check.runOnce();
    return { sent, seconds: (performance.now() - start) / 1000 };
  } finally {
    await check.close();
    await store.close();
  }
}

it('measures the hourly expiry-warning check', async () => {
  const sink = await startSmtpSink();
  const lines: string[] = [];
  const backendsMeasured: Record<string, object> = {};
  try {
    for (const backend of backends) {
      const scan = await seeded(backend, 'scan', SCAN_TOKENS);
      // Every token was sent its 7-day warning already: the pass reads all, mails none.
      await markAllWarned(scan.url);
      const idle = await timedPass(scan.url, scan.checkAt, sink.port);
      lines.push(
        `${backend.name}: pass over ${SCAN_TOKENS.toLocaleString('en')} tokens in range, all warned: ` +
          `${idle.seconds.toFixed(2)} s (${Math.round(SCAN_TOKENS / idle.seconds).toLocaleString('en')} tokens/s), ${idle.sent} mailed`,
      );
      const mail = await seeded(backend, 'mail', MAIL_TOKENS);
      await runSql(mail.url, undefined);
      const before = sink.messages.length;
      const busy = await timedPass(mail.url, mail.checkAt, sink.port);
      lines.push(
        `${backend.name}: ${busy.sent.toLocaleString('en')} warnings mailed in ${busy.seconds.toFixed(2)} s ` +
          `(${(busy.sent / busy.seconds).toFixed(0)}/s; the sink received ${sink.messages.length - before})`,
      );
      backendsMeasured[backend.name] = {
        scanTokens: SCAN_TOKENS,
        scanSeconds: Number(idle.seconds.toFixed(3)),
        mailed: busy.sent,
        mailSeconds: Number(busy.seconds.toFixed(3)),
      };
      sink.messages.length = 0;
    }
  } finally {
    await sink.close();
  }
  console.log(['expiry-warning check (2 cores):', ...lines].join('\n  '));
  recordReport('expiry-warnings', { backends: backendsMeasured });
});

/** Records the 7-day warning as sent for every token, as if an earlier pass had mailed them. */
function markAllWarned(url: string): Promise<void> {
  return runSql(url, 'update personal_access_tokens set expiry_warned_days = 7');
}

/**
 * Runs `statement` on the seeded database; on PostgreSQL then `vacuum (analyze)`, as autovacuum
 * would after a bulk load (without statistics the planner reads the whole table per page).
 */
async function runSql(url: string, statement: string | undefined): Promise<void> {
  if (url.startsWith('sqlite:')) {
    const db = new BetterSqlite3(url.slice('sqlite:'.length));
    if (statement !== undefined) db.exec(statement);
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (statement !== undefined) await client.query(statement);
    await client.query('vacuum (analyze)');
  } finally {
    await client.end();
  }
}
