/**
 * Two `mailpat serve` instances on one PostgreSQL database behave, to every client, like one
 * server: one root key, one NextToken key, and every token and use visible from both.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withConnection } from '../../../src/storage/postgres/test-support/test-databases.js';
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
import { createSharedDatabase } from '../../support/shared-postgres-database.js';
import {
  expectEverySurvivorOnce,
  paginateUnderWrites,
} from '../../support/pagination-under-writes.js';
import { call, sendSigned } from '../../support/signed-request.js';

const CLIENT_ENV = {
  MAILPAT_INTROSPECTION_CLIENT_ID: 'dovecot',
  MAILPAT_INTROSPECTION_CLIENT_SECRET: 'introspection-secret',
  MAILPAT_LAST_USED_FLUSH_MS: '200',
};
const BASIC = 'dovecot:introspection-secret';

interface ListPage {
  PersonalAccessTokenSummaries: { PersonalAccessTokenId: string }[];
  NextToken?: string;
}

let a: MailpatProcess;
let b: MailpatProcess;
let org: OrgFixture;

beforeAll(async () => {
  const { databaseUrl } = await createSharedDatabase('several');
  // Started together on an empty database: both migrate, and both race to create the keys.
  [a, b] = await Promise.all([
    startMailpat({ databaseUrl, credentials: null, env: CLIENT_ENV }),
    startMailpat({ databaseUrl, credentials: null, env: CLIENT_ENV }),
  ]);
  org = await createOrgWithUsers(a, 3);
});
afterAll(async () => {
  expect(await a?.stop()).toBe(0);
  expect(await b?.stop()).toBe(0);
});

/** One ListPersonalAccessTokens page from `server`. */
async function listPage(server: MailpatProcess, extra: Record<string, unknown>): Promise<ListPage> {
  return (await call(server, WM('ListPersonalAccessTokens'), {
    OrganizationId: org.organizationId,
    ...extra,
  })) as unknown as ListPage;
}

describe('several instances on one PostgreSQL database', () => {
  it('share one root key, though both started at once on an empty database', async () => {
    expect(a.dataDir).not.toBe(b.dataDir);
    // Each read the pair from the credentials file it wrote into its own data directory.
    expect(b.accessKeyId).toBe(a.accessKeyId);
    expect(b.secretAccessKey).toBe(a.secretAccessKey);
    // The loser of the election deleted the key it had stored: one key, nobody else's.
    const keys = await withConnection(
      a.databaseUrl!,
      async (client) =>
        (await client.query<{ id: string }>('select access_key_id as id from access_keys')).rows,
    );
    expect(keys).toEqual([{ id: a.accessKeyId }]);
  });

  it('accept a NextToken issued by the other instance, both ways', async () => {
    const user = org.users[0]!.id;
    for (let i = 0; i < 5; i++) await createToken(a, org.organizationId, user, `next-${i}`);
    const filter = { UserId: user, MaxResults: 2 };
    const first = await listPage(a, filter);
    const second = await listPage(b, { ...filter, NextToken: first.NextToken });
    const third = await listPage(a, { ...filter, NextToken: second.NextToken });
    expect(third.NextToken).toBeUndefined();
    const ids = (page: ListPage) =>
      page.PersonalAccessTokenSummaries.map((t) => t.PersonalAccessTokenId);
    const whole = await listPage(b, { UserId: user });
    expect([...ids(first), ...ids(second), ...ids(third)]).toEqual(ids(whole));
    expect(ids(whole)).toHaveLength(5);
  });

  it('list and introspect a token created on the other instance, and see its revocation', async () => {
    const user = org.users[1]!;
    const token = await createToken(a, org.organizationId, user.id, 'cross');
    const listed = await listPage(b, { UserId: user.id });
    expect(listed.PersonalAccessTokenSummaries.map((t) => t.PersonalAccessTokenId)).toContain(
      token.id,
    );
    const onB = await introspect(b, new URLSearchParams({ token: token.secret }).toString(), {
      basic: BASIC,
    });
    expect(onB.body).toMatchObject({ active: true, username: user.email });

    await call(b, WM('DeletePersonalAccessToken'), {
      OrganizationId: org.organizationId,
      PersonalAccessTokenId: token.id,
    });
    const onA = await introspect(a, new URLSearchParams({ token: token.secret }).toString(), {
      basic: BASIC,
    });
    expect(onA.body).toEqual({ active: false });
  });

  it('record the uses either instance saw: DateLastUsed and the token history', async () => {
    const token = await createToken(a, org.organizationId, org.users[2]!.id, 'used');
    const use = (server: MailpatProcess) =>
      introspect(server, new URLSearchParams({ token: token.secret }).toString(), {
        basic: BASIC,
      });
    const lastUsed = async (server: MailpatProcess) =>
      (
        (await call(server, WM('GetPersonalAccessTokenMetadata'), {
          OrganizationId: org.organizationId,
          PersonalAccessTokenId: token.id,
        })) as { DateLastUsed?: number }
      ).DateLastUsed ?? 0;

    expect((await use(a)).body.active).toBe(true);
    await expect.poll(() => lastUsed(b), { timeout: 10_000 }).toBeGreaterThan(0);
    const afterA = await lastUsed(b);
    // DateLastUsed has millisecond precision: a use on b a moment later moves it forward.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await use(b)).body.active).toBe(true);
    await expect.poll(() => lastUsed(a), { timeout: 10_000 }).toBeGreaterThan(afterA);

    const history = (await call(a, MP('ListPersonalAccessTokenEvents'), {
      OrganizationId: org.organizationId,
      PersonalAccessTokenId: token.id,
    })) as { Events: { EventType: string }[] };
    expect(history.Events.map((event) => event.EventType)).toEqual(['CREATED', 'USED', 'USED']);
  });

  it('page alternately through both instances: every token once while a third client writes', async () => {
    const initial: string[] = [];
    const users = org.users.map((user) => user.id);
    for (let i = 0; i < 150; i++) {
      const server = i % 2 === 0 ? a : b;
      initial.push((await createToken(server, org.organizationId, users[i % 3]!, `p${i}`)).id);
    }
    const existing = new Set(
      (await listAllTokenIds(a, org.organizationId)).filter((id) => !initial.includes(id)), // tokens of the earlier tests
    );
    const outcome = await paginateUnderWrites({
      organizationId: org.organizationId,
      userIds: users,
      initial,
      pageThrough: (page) => (page % 2 === 0 ? a : b),
      writeThrough: (round) => (round % 2 ? { create: a, remove: b } : { create: b, remove: a }),
    });
    expect(outcome.pages).toBeGreaterThan(20);
    expectEverySurvivorOnce(outcome, initial, [...existing]);
  });

  it('give a mail domain to exactly one of two organizations created at once', async () => {
    for (let round = 0; round < 5; round++) {
      const tag = `${randomBytes(4).toString('hex')}-${round}`;
      const domain = `race-${tag}.example.com`;
      const answers = await Promise.all(
        [a, b].map((server, i) =>
          sendSigned(server, WM('CreateOrganization'), {
            Alias: `race-${i}-${tag}`,
            // Opposite orders on the two instances: one waits for the other, neither deadlocks.
            Domains: (i === 0
              ? [domain, `${tag}.other.example`]
              : [`${tag}.other.example`, domain]
            ).map((DomainName) => ({ DomainName })),
          }),
        ),
      );
      const statuses = answers.map((answer) => answer.status).sort();
      expect(statuses).toEqual([200, 400]);
      const loser = answers.find((answer) => answer.status === 400)!;
      expect(loser.body.__type).toBe('MailDomainInUseException');
    }
  });

  it('give an address to exactly one of two users registering it at once', async () => {
    const [first, second] = await Promise.all(
      ['racer-a', 'racer-b'].map(async (Name) => {
        const { UserId } = await call(a, WM('CreateUser'), {
          OrganizationId: org.organizationId,
          Name,
          DisplayName: Name,
        });
        return UserId as string;
      }),
    );
    const email = `racer@${org.alias}.awsapps.com`;
    const answers = await Promise.all(
      [
        [a, first],
        [b, second],
      ].map(([server, EntityId]) =>
        sendSigned(server as MailpatProcess, WM('RegisterToWorkMail'), {
          OrganizationId: org.organizationId,
          EntityId,
          Email: email,
        }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400]);
    expect(answers.find((answer) => answer.status === 400)!.body.__type).toBe(
      'EmailAddressInUseException',
    );
  });
});
