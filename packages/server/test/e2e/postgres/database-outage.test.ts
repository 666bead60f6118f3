/**
 * PostgreSQL crashes under load and comes back: mailpat answers 503 meanwhile (API, health check,
 * introspection), stays up, recovers by itself, and every write it acknowledged is still there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameUnless, skipNotice } from '../../../../../test-support/skip-notice.js';
import {
  MP,
  WM,
  createOrgWithUsers,
  createToken,
  listAllTokenIds,
} from '../../support/fixtures.js';
import type { OrgFixture } from '../../support/fixtures.js';
import { introspect } from '../../support/introspect.js';
import { startMailpat } from '../../support/mailpat-process.js';
import type { MailpatProcess } from '../../support/mailpat-process.js';
import {
  privatePostgresUnavailable,
  startPrivatePostgres,
} from '../../support/private-postgres.js';
import type { PrivatePostgres } from '../../support/private-postgres.js';
import { call, sendSigned } from '../../support/signed-request.js';

const BASIC = 'dovecot:introspection-secret';
const CLIENT_ENV = {
  MAILPAT_INTROSPECTION_CLIENT_ID: 'dovecot',
  MAILPAT_INTROSPECTION_CLIENT_SECRET: 'introspection-secret',
  // Long enough that a use recorded just before the crash is still in memory when it happens.
  MAILPAT_LAST_USED_FLUSH_MS: '3000',
};
const WRITERS = 4;

const unavailable = privatePostgresUnavailable();

let postgres: PrivatePostgres;
let server: MailpatProcess;
let org: OrgFixture;

const SUITE = nameUnless(
  unavailable === undefined,
  'a PostgreSQL outage under load',
  skipNotice('a private PostgreSQL cluster', unavailable ?? ''),
);

describe.skipIf(unavailable !== undefined)(SUITE, () => {
  beforeAll(async () => {
    postgres = await startPrivatePostgres();
    server = await startMailpat({ databaseUrl: postgres.url, env: CLIENT_ENV });
    org = await createOrgWithUsers(server, 2);
  });
  afterAll(async () => {
    expect(await server?.stop()).toBe(0);
    await postgres?.destroy();
  });

  it('answers 503 while the database is down, recovers by itself, and loses nothing it acknowledged', async () => {
    const used = await createToken(server, org.organizationId, org.users[0]!.id, 'used');
    const statuses = new Map<number, number>();
    const errorTypes = new Set<string>();
    const acknowledged: string[] = [];
    let phase: 'before' | 'down' | 'after' = 'before';
    let successesAfter = 0;
    let running = true;

    const writer = async (n: number) => {
      for (let i = 0; running; i++) {
        const response = await sendSigned(server, MP('CreatePersonalAccessToken'), {
          OrganizationId: org.organizationId,
          UserId: org.users[n % 2]!.id,
          Name: `load-${n}-${i}`,
        });
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status === 200) {
          acknowledged.push(response.body.PersonalAccessTokenId as string);
          if (phase === 'after') successesAfter++;
        } else {
          errorTypes.add(String(response.body.__type));
          // A client backs off on 503; this one only briefly, to keep the load on.
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, n) => writer(n));

    await expect.poll(() => acknowledged.length, { timeout: 20_000 }).toBeGreaterThan(40);
    // A use that is still in memory (flushed every 3 s) when the database goes away.
    const use = await introspect(server, new URLSearchParams({ token: used.secret }).toString(), {
      basic: BASIC,
    });
    expect(use.body.active).toBe(true);
    await postgres.crash();
    phase = 'down';

    await expect.poll(() => statuses.get(503) ?? 0, { timeout: 20_000 }).toBeGreaterThan(20);
    const health = await fetch(new URL('/healthz', server.url));
    expect(health.status).toBe(503);
    const ready = await fetch(new URL('/health/ready', server.url));
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable' });
    // Alive all the same: an orchestrator must not restart a process waiting for its database.
    const live = await fetch(new URL('/health/live', server.url));
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    const login = await introspect(server, new URLSearchParams({ token: used.secret }).toString(), {
      basic: BASIC,
    });
    expect(login.status).toBe(503);
    const read = await sendSigned(server, WM('ListPersonalAccessTokens'), {
      OrganizationId: org.organizationId,
    });
    expect(read.status).toBe(503);
    expect(read.body.__type).toBe('ServiceUnavailableException');

    await postgres.start();
    phase = 'after';
    await expect
      .poll(async () => (await fetch(new URL('/healthz', server.url))).status, { timeout: 30_000 })
      .toBe(200);
    await expect.poll(() => successesAfter, { timeout: 30_000 }).toBeGreaterThan(20);
    running = false;
    await Promise.all(writers);

    expect(server.child.exitCode).toBeNull();
    expect([...statuses.keys()].sort()).toEqual([200, 503]);
    expect([...errorTypes]).toEqual(['ServiceUnavailableException']);

    const listed = new Set(await listAllTokenIds(server, org.organizationId));
    expect(acknowledged.filter((id) => !listed.has(id))).toEqual([]);

    // The use recorded before the crash was written once the database returned.
    await expect
      .poll(
        async () =>
          (
            (await call(server, WM('GetPersonalAccessTokenMetadata'), {
              OrganizationId: org.organizationId,
              PersonalAccessTokenId: used.id,
            })) as { DateLastUsed?: number }
          ).DateLastUsed,
        { timeout: 20_000 },
      )
      .toBeGreaterThan(0);
  });
});
