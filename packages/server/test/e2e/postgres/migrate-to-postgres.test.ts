/**
 * `mailpat migrate` moves a SQLite installation with 100,000 tokens to PostgreSQL: two
 * instances on the copy accept the old root key, list the same tokens to boto3, continue a
 * NextToken issued on SQLite, and let Dovecot log in with a token made before the move. A
 * migrate killed mid-copy leaves the target empty, and the rerun succeeds.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nameUnless, skipNotice } from '../../../../../test-support/skip-notice.js';
import { withConnection } from '../../../src/storage/postgres/test-support/test-databases.js';
import { runBoto3 } from '../../support/boto3.js';
import type { DovecotProcess } from '../../support/dovecot.js';
import { isDovecotUsable, startDovecot } from '../../support/dovecot.js';
import { WM, createToken, listAllTokenIds } from '../../support/fixtures.js';
import { ImapSession } from '../../support/imap-session.js';
import { runMailpatCli } from '../../support/mailpat-cli.js';
import { MAILPAT_BIN, makeDataDir, startMailpat } from '../../support/mailpat-process.js';
import { createSharedDatabase } from '../../support/shared-postgres-database.js';
import { call } from '../../support/signed-request.js';

const TOKENS = 100_000;
const CLIENT_ID = 'dovecot-migrate';
const CLIENT_SECRET = 'introspection-secret-for-migrate';
const CLIENT_ENV = {
  MAILPAT_INTROSPECTION_CLIENT_ID: CLIENT_ID,
  MAILPAT_INTROSPECTION_CLIENT_SECRET: CLIENT_SECRET,
};
/** The test server trusts local connections; a password in the URL must still never show. */
const PASSWORD = 'never-printed-7f3a';

const dovecotUsable = isDovecotUsable();
const running: { stop(): Promise<unknown> }[] = [];
afterAll(async () => {
  for (const process of running.reverse()) await process.stop();
});

interface ListPage {
  PersonalAccessTokenSummaries: { PersonalAccessTokenId: string }[];
  NextToken?: string;
}
const idsOf = (page: ListPage) =>
  page.PersonalAccessTokenSummaries.map((t) => t.PersonalAccessTokenId);

/** With the password in it, as an operator would write it. */
function withPassword(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.password = PASSWORD;
  return url.toString();
}

/** Rows of every mailpat table of the database (the migrations' bookkeeping aside). */
async function rowsInTarget(databaseUrl: string): Promise<number> {
  return withConnection(databaseUrl, async (client) => {
    const { rows } = await client.query<{ name: string }>(
      `select table_name as name from information_schema.tables
        where table_schema = 'public' and table_name not like 'kysely%'`,
    );
    let total = 0;
    for (const { name } of rows) {
      total += Number((await client.query(`select count(*) as n from ${name}`)).rows[0].n);
    }
    return total;
  });
}

/**
 * Starts `mailpat migrate`, waits until PostgreSQL shows it inserting tokens inside its
 * transaction, and kills it there; resolves with the signal it died of.
 */
async function killMidCopy(args: string[], databaseUrl: string): Promise<NodeJS.Signals | null> {
  const child = spawn(process.execPath, [MAILPAT_BIN, ...args], { stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, signal) => resolve(signal)),
  );
  const database = new URL(databaseUrl).pathname.slice(1);
  // One watching connection: a connection per poll would cost a PostgreSQL backend each time.
  await withConnection(databaseUrl, async (client) => {
    const inserting = async () =>
      (
        await client.query(
          `select 1 from pg_stat_activity where datname = $1 and xact_start is not null
             and query like 'insert into "personal_access_tokens"%'`,
          [database],
        )
      ).rowCount;
    await expect.poll(inserting, { timeout: 60_000, interval: 20 }).toBeGreaterThan(0);
  });
  child.kill('SIGKILL');
  return exited;
}

describe(
  nameUnless(
    dovecotUsable,
    'mailpat migrate from SQLite to PostgreSQL',
    skipNotice('Dovecot, run as root', 'apt-get install -y dovecot-imapd, then npm test as root'),
  ),
  () => {
    // Seeding, listing 100k tokens three times and two migrations: about 35 s on a quiet machine.
    it(
      'moves 100k tokens: same root key, same tokens, a NextToken from before, a Dovecot login',
      { timeout: 240_000 },
      async () => {
        const dataDir = makeDataDir();
        const sqliteUrl = `sqlite:${join(dataDir, 'mailpat.db')}`;
        const seeded = await runMailpatCli(
          ['seed', '--database', sqliteUrl, '--tokens', String(TOKENS), '--users', '10'],
          process.env,
        );
        expect(seeded.code, seeded.stderr).toBe(0);
        const { OrganizationId } = JSON.parse(seeded.stdout.trim().split('\n').pop()!) as {
          OrganizationId: string;
        };

        // Before: the SQLite server generates and stores its root key; a token is made for Dovecot.
        const before = await startMailpat({
          dataDir,
          databaseUrl: sqliteUrl,
          credentials: null,
          env: CLIENT_ENV,
        });
        const { Users } = (await call(before, WM('ListUsers'), { OrganizationId })) as {
          Users: { Id: string; Email: string }[];
        };
        const user = Users[0]!;
        const token = await createToken(before, OrganizationId, user.Id, 'phone');
        const [firstPage] = await runBoto3(before, [
          { call: 'list_personal_access_tokens', params: { OrganizationId, MaxResults: 100 } },
        ]);
        const nextToken = (firstPage!.result as unknown as ListPage).NextToken!;
        const listedBefore = await listAllTokenIds(before, OrganizationId);
        expect(listedBefore).toHaveLength(TOKENS + 1);
        expect(await before.stop()).toBe(0);

        // The move: a first run killed mid-copy leaves nothing; the rerun copies and verifies all.
        const { databaseUrl } = await createSharedDatabase('migrate');
        const target = withPassword(databaseUrl);
        const args = ['migrate', '--from', sqliteUrl, '--to', target];
        expect(await killMidCopy(args, databaseUrl)).toBe('SIGKILL');
        expect(await rowsInTarget(databaseUrl)).toBe(0);
        const migrated = await runMailpatCli(args, process.env);
        expect(migrated.code, migrated.stderr).toBe(0);
        expect(`${migrated.stdout}${migrated.stderr}`).not.toContain(PASSWORD);
        const summary = JSON.parse(migrated.stdout.trim().split('\n').pop()!) as {
          Tables: Record<string, number>;
        };
        expect(summary.Tables).toMatchObject({
          personal_access_tokens: TOKENS + 1,
          users: 10,
          access_keys: 1,
        });
        expect(migrated.stdout).toMatch(
          /^ {2}personal_access_tokens +100001 +sha256 [0-9a-f]{64}$/m,
        );

        // After: two instances with fresh data directories, no key given: they find the old one.
        const [a, b] = await Promise.all(
          [0, 1].map(() =>
            startMailpat({ databaseUrl: target, credentials: null, env: CLIENT_ENV }),
          ),
        );
        running.push(a!, b!);
        expect([a!.accessKeyId, b!.accessKeyId]).toEqual([before.accessKeyId, before.accessKeyId]);

        const [continued] = await runBoto3(b!, [
          {
            call: 'list_personal_access_tokens',
            params: { OrganizationId, MaxResults: 100, NextToken: nextToken },
          },
        ]);
        expect(idsOf(continued!.result as unknown as ListPage)).toEqual(
          listedBefore.slice(100, 200),
        );
        const [all] = await runBoto3(a!, [
          {
            paginate: 'list_personal_access_tokens',
            params: { OrganizationId },
            PaginationConfig: { PageSize: 100 },
          },
        ]);
        const listedAfter = (all!.pages as unknown as ListPage[]).flatMap(idsOf);
        expect(listedAfter).toEqual(listedBefore);

        const dovecot: DovecotProcess = await startDovecot({
          mailpatPort: Number(new URL(a!.url).port),
          clientId: CLIENT_ID,
          clientSecret: CLIENT_SECRET,
        });
        running.push(dovecot);
        const session = await ImapSession.connect(dovecot.imapPort, '127.0.0.1', 30_000);
        try {
          const response = await session.login(user.Email, token.secret);
          expect(response.status, dovecot.log()).toBe('OK');
        } finally {
          session.close();
        }
      },
    );
  },
);
