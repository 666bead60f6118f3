/** RFC 7662 introspection against a real `mailpat serve`: client auth, answers, usage, events. */
import { request, Agent } from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/storage/open-store.js';
import { createOrgWithUsers, createToken, IDENTITY_CENTER, MP, WM } from '../support/fixtures.js';
import type { OrgFixture } from '../support/fixtures.js';
import { introspect } from '../support/introspect.js';
import { messagesAt } from '../support/log-lines.js';
import { startMailpat } from '../support/mailpat-process.js';
import type { MailpatProcess } from '../support/mailpat-process.js';
import { call, sendSigned } from '../support/signed-request.js';

const CLIENT_ID = 'dovecot';
// Characters that form encoding changes: the test proves both encodings of them work.
const CLIENT_SECRET = 'pa+ss/word=0123456';
const CLIENT_ENV = {
  MAILPAT_INTROSPECTION_CLIENT_ID: CLIENT_ID,
  MAILPAT_INTROSPECTION_CLIENT_SECRET: CLIENT_SECRET,
  MAILPAT_LAST_USED_FLUSH_MS: '200',
};
const BASIC = `${CLIENT_ID}:${CLIENT_SECRET}`;
const formOf = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

let server: MailpatProcess;
let org: OrgFixture;

beforeAll(async () => {
  server = await startMailpat({ env: CLIENT_ENV });
  org = await createOrgWithUsers(server, 2);
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

describe('introspection client authentication', () => {
  it('accepts HTTP Basic with empty form fields, as Dovecot sends them', async () => {
    const { secret } = await createToken(server, org.organizationId, org.users[0]!.id);
    const answer = await introspect(server, `token=${secret}&client_id=&client_secret=`, {
      basic: BASIC,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ active: true, username: org.users[0]!.email });
  });

  it('accepts client_id and client_secret form fields, percent-encoded', async () => {
    const { secret } = await createToken(server, org.organizationId, org.users[0]!.id);
    const form = `token=${secret}&client_id=${CLIENT_ID}&client_secret=pa%2Bss%2Fword%3D0123456`;
    const answer = await introspect(server, form);
    expect(answer.body.active).toBe(true);
  });

  it.each([
    ['no credentials', {}, 'token=x'],
    ['a wrong secret', { basic: `${CLIENT_ID}:wrong` }, 'token=x'],
    // A raw '+' in a form is a space: the secret no longer matches.
    [
      'an unencoded + in the form',
      {},
      `token=x&client_id=${CLIENT_ID}&client_secret=${CLIENT_SECRET}`,
    ],
  ])('answers 401 invalid_client to %s', async (_name, options, form) => {
    const answer = await introspect(server, form, options);
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ error: 'invalid_client' });
    expect(answer.headers['www-authenticate']).toMatch(/^Basic /);
  });

  it('answers 400 invalid_request without a token or with a non-form body', async () => {
    expect((await introspect(server, 'client_id=x', { basic: BASIC })).status).toBe(400);
    const json = await introspect(server, '{"token":"x"}', {
      basic: BASIC,
      contentType: 'application/json',
    });
    expect(json.status).toBe(400);
  });
});

describe('introspection answers', () => {
  it('answers active with the RFC 7662 members for a good token', async () => {
    const user = org.users[1]!;
    const created = (await call(server, MP('CreatePersonalAccessToken'), {
      OrganizationId: org.organizationId,
      UserId: user.id,
      Name: 'imap',
      Scopes: ['IMAP'],
    })) as { Token: string; DateCreated: number; ExpiresTime: number };
    const answer = await introspect(server, formOf({ token: created.Token }), { basic: BASIC });
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.body).toEqual({
      active: true,
      username: user.email,
      sub: user.id,
      scope: 'IMAP',
      exp: Math.floor(created.ExpiresTime),
      iat: Math.floor(created.DateCreated),
    });
  });

  it.each([
    ['a random string', 'not-a-token'],
    ['a well-formed secret with a bad checksum', `mpat_${'a'.repeat(33)}000000`],
  ])('answers active:false to %s', async (_name, token) => {
    const answer = await introspect(server, formOf({ token }), { basic: BASIC });
    expect(answer).toMatchObject({ status: 200, body: { active: false } });
  });

  it('answers active:false after delete, rotation, deregistration or an INACTIVE policy', async () => {
    const fixture = await createOrgWithUsers(server, 2);
    const [alice, bob] = fixture.users as [OrgFixture['users'][0], OrgFixture['users'][0]];
    const isActive = async (secret: string) =>
      (await introspect(server, formOf({ token: secret }), { basic: BASIC })).body.active;

    const deleted = await createToken(server, fixture.organizationId, alice.id);
    await call(server, WM('DeletePersonalAccessToken'), {
      OrganizationId: fixture.organizationId,
      PersonalAccessTokenId: deleted.id,
    });
    expect(await isActive(deleted.secret)).toBe(false);

    const rotated = await createToken(server, fixture.organizationId, alice.id);
    const { Token: fresh } = (await call(server, MP('RotatePersonalAccessToken'), {
      OrganizationId: fixture.organizationId,
      PersonalAccessTokenId: rotated.id,
    })) as { Token: string };
    expect(await isActive(rotated.secret)).toBe(false);
    expect(await isActive(fresh)).toBe(true);

    const ofBob = await createToken(server, fixture.organizationId, bob.id);
    await call(server, WM('DeregisterFromWorkMail'), {
      OrganizationId: fixture.organizationId,
      EntityId: bob.id,
    });
    expect(await isActive(ofBob.secret)).toBe(false);

    const policy = (Status: string) =>
      call(server, WM('PutIdentityProviderConfiguration'), {
        OrganizationId: fixture.organizationId,
        AuthenticationMode: 'IDENTITY_PROVIDER_AND_DIRECTORY',
        IdentityCenterConfiguration: IDENTITY_CENTER,
        PersonalAccessTokenConfiguration: { Status, LifetimeInDays: 30 },
      });
    await policy('INACTIVE');
    expect(await isActive(fresh)).toBe(false);
    await policy('ACTIVE');
    // A refused token is remembered for a few seconds (REFUSED_TOKEN_TTL_MS), then read again.
    await expect.poll(() => isActive(fresh), { timeout: 10_000, interval: 250 }).toBe(true);
  });
});

describe('usage tracking', () => {
  it('shows DateLastUsed and the token history without a write per login', async () => {
    const user = org.users[0]!;
    const token = await createToken(server, org.organizationId, user.id, 'tracked');
    const before = Date.now() / 1000;
    for (let i = 0; i < 3; i++) {
      expect(
        (await introspect(server, formOf({ token: token.secret }), { basic: BASIC })).body,
      ).toMatchObject({ active: true });
    }
    const metadata = async () =>
      (await call(server, WM('GetPersonalAccessTokenMetadata'), {
        OrganizationId: org.organizationId,
        PersonalAccessTokenId: token.id,
      })) as { DateLastUsed?: number };
    await expect
      .poll(async () => (await metadata()).DateLastUsed, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(Math.floor(before));

    await call(server, WM('DeletePersonalAccessToken'), {
      OrganizationId: org.organizationId,
      PersonalAccessTokenId: token.id,
    });
    const history = async (extra: Record<string, unknown> = {}) =>
      (await call(server, MP('ListPersonalAccessTokenEvents'), {
        OrganizationId: org.organizationId,
        PersonalAccessTokenId: token.id,
        ...extra,
      })) as { Events: { EventType: string; ClientAddress?: string }[]; NextToken?: string };
    const all = await history();
    const types = all.Events.map((event) => event.EventType);
    // USED events are coalesced per flush interval: three logins give one to three of them.
    expect(types[0]).toBe('CREATED');
    expect(types.at(-1)).toBe('DELETED');
    expect(types.slice(1, -1).length).toBeGreaterThanOrEqual(1);
    expect(new Set(types.slice(1, -1))).toEqual(new Set(['USED']));
    expect(all.Events[1]!.ClientAddress).toBe('127.0.0.1');

    const first = await history({ MaxResults: 2 });
    expect(first.Events).toHaveLength(2);
    const rest = await history({ NextToken: first.NextToken });
    expect([...first.Events, ...rest.Events]).toEqual(all.Events);
    const tampered = await sendSigned(server, MP('ListPersonalAccessTokenEvents'), {
      OrganizationId: org.organizationId,
      NextToken: first.NextToken,
    });
    expect(tampered.status).toBe(400);
  });

  it('writes the uses still in memory when it is stopped', async () => {
    const slow = await startMailpat({
      env: { ...CLIENT_ENV, MAILPAT_LAST_USED_FLUSH_MS: '3600000' },
    });
    const fixture = await createOrgWithUsers(slow, 1);
    const token = await createToken(slow, fixture.organizationId, fixture.users[0]!.id);
    await introspect(slow, formOf({ token: token.secret }), { basic: BASIC });
    expect(await slow.stop()).toBe(0);
    const again = await startMailpat({ dataDir: slow.dataDir, credentials: slow });
    try {
      const metadata = (await call(again, WM('GetPersonalAccessTokenMetadata'), {
        OrganizationId: fixture.organizationId,
        PersonalAccessTokenId: token.id,
      })) as { DateLastUsed?: number };
      expect(metadata.DateLastUsed).toBeGreaterThan(0);
    } finally {
      await again.stop();
    }
  });
});

describe('brute-force throttling', () => {
  it('never answers 429 to a token: after 60 bad tokens from one address a valid one is active', async () => {
    const busy = await startMailpat({ env: CLIENT_ENV });
    try {
      const fixture = await createOrgWithUsers(busy, 1);
      const good = await createToken(busy, fixture.organizationId, fixture.users[0]!.id);
      for (let i = 0; i < 60; i++) {
        const guess = await introspect(busy, formOf({ token: `mpat_guess${i}` }), {
          basic: BASIC,
          headers: { 'x-dovecot-auth-remote': '198.51.100.23:50000' },
        });
        expect(guess).toMatchObject({ status: 200, body: { active: false } });
      }
      const answer = await introspect(busy, formOf({ token: good.secret }), { basic: BASIC });
      expect(answer).toMatchObject({ status: 200, body: { active: true } });
      // The mail client behind the failures is named once, in a line fail2ban can match.
      await expect
        .poll(() => messagesAt(busy.output().stderr, 'warn'))
        .toContainEqual(
          expect.stringMatching(
            /^introspection: 10 failed mail logins from 198\.51\.100\.23 within/,
          ),
        );
      expect(busy.output().stderr.match(/failed mail logins/g)).toHaveLength(1);
    } finally {
      await busy.stop();
    }
  });

  it('answers 429 to an address after repeated failed client authentications; others are served', async () => {
    const throttled = await startMailpat({ env: CLIENT_ENV });
    try {
      const fixture = await createOrgWithUsers(throttled, 1);
      const good = await createToken(throttled, fixture.organizationId, fixture.users[0]!.id);
      // 20 failures in a burst, then 1 per second: count the answers before the first 429
      // (more than 20 only if this machine is slow enough for the bucket to refill meanwhile).
      let answered = 0;
      for (; answered < 40; answered++) {
        const wrong = { basic: `${CLIENT_ID}:wrong-${answered}` };
        if ((await introspect(throttled, formOf({ token: good.secret }), wrong)).status === 429) {
          break;
        }
      }
      expect(answered).toBeGreaterThanOrEqual(20);
      expect(answered).toBeLessThan(30);
      // Even the right secret: answering it differently would let a guesser go on.
      const blocked = await introspect(throttled, formOf({ token: good.secret }), { basic: BASIC });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      const elsewhere = await introspect(throttled, formOf({ token: good.secret }), {
        basic: BASIC,
        localAddress: '127.0.0.2',
      });
      expect(elsewhere).toMatchObject({ status: 200, body: { active: true } });
      expect(messagesAt(throttled.output().stderr, 'warn')).toEqual([
        'introspection: too many failed client authentications from 127.0.0.1',
      ]);
    } finally {
      await throttled.stop();
    }
  });
});

describe('event retention', () => {
  it('deletes events older than MAILPAT_EVENT_RETENTION_DAYS when it starts', async () => {
    const first = await startMailpat({ env: CLIENT_ENV });
    const fixture = await createOrgWithUsers(first, 1);
    const token = await createToken(first, fixture.organizationId, fixture.users[0]!.id);
    expect(await first.stop()).toBe(0);
    // Two events from long ago, written straight into the stopped server's database.
    const store = await openStore(
      first.databaseUrl ?? `sqlite:${join(first.dataDir, 'mailpat.db')}`,
    );
    const old = (days: number) => ({
      organizationId: fixture.organizationId,
      tokenId: token.id,
      userId: fixture.users[0]!.id,
      type: 'USED' as const,
      at: Date.now() - days * 86_400_000,
      clientAddress: '192.0.2.1',
      tokenName: null,
    });
    await store.recordTokenActivity([], [old(40), old(10)]);
    await store.close();

    const again = await startMailpat({
      dataDir: first.dataDir,
      credentials: first,
      env: { ...CLIENT_ENV, MAILPAT_EVENT_RETENTION_DAYS: '30' },
    });
    try {
      const types = async () =>
        (
          (await call(again, MP('ListPersonalAccessTokenEvents'), {
            OrganizationId: fixture.organizationId,
            PersonalAccessTokenId: token.id,
          })) as { Events: { EventType: string }[] }
        ).Events.map((event) => event.EventType);
      await expect.poll(types).toEqual(['CREATED', 'USED']);
    } finally {
      await again.stop();
    }
  });
});

describe('keep-alive', () => {
  /** POSTs a bad token on `agent`; resolves with the local port of the socket it went over. */
  function introspectOver(agent: Agent): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = request(
        new URL('/oauth2/introspect', server.url),
        {
          agent,
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            authorization: `Basic ${Buffer.from(BASIC).toString('base64')}`,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(req.socket!.localPort!));
        },
      );
      req.on('error', reject);
      req.end('token=not-a-token');
    });
  }

  // Dovecot keeps idle introspection connections for 60 s and does not retry a request sent on
  // one the server closed meanwhile: Node's 5 s default turned such logins into failures.
  it("keeps an idle connection open past Node's 5 s default", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await introspectOver(agent);
      await sleep(6_000);
      expect(await introspectOver(agent)).toBe(first);
    } finally {
      agent.destroy();
    }
  }, 20_000);
});
