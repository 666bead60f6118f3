import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../logging/logger.js';
import { openStore } from '../storage/open-store.js';
import type { LoginSubject } from '../domain/records.js';
import { aToken, aUser, anOrganization } from '../storage/store-fixtures.js';
import type { Store } from '../storage/store.js';
import { DatabaseUnavailableError } from '../storage/storage-errors.js';
import { generateTokenSecret, hashTokenSecret } from '../tokens/token-secret.js';
import {
  CLIENT_AUTH_FAILURES_PER_ADDRESS,
  END_USER_FAILURES,
  REFUSED_TOKEN_TTL_MS,
} from './constants.js';
import { createIntrospectionHandler } from './handle-introspection.js';
import type { IntrospectionDependencies } from './handle-introspection.js';
import type { IntrospectionObserver } from './introspection-outcome.js';

const CLIENT = { id: 'dovecot', secret: 'the-client-secret' };
const GOOD_BASIC = 'dovecot:the-client-secret';
const servers: ReturnType<typeof createServer>[] = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

interface PostOptions {
  basic?: string;
  localAddress?: string;
  headers?: Record<string, string>;
}
interface Answer {
  status: number;
  retryAfter: string | undefined;
  body: Record<string, unknown>;
}

/** A real HTTP server around the handler; `post` sends one introspection from a chosen address. */
async function serve(
  overrides: Partial<IntrospectionDependencies> & Pick<IntrospectionDependencies, 'store'>,
) {
  const handler = createIntrospectionHandler({
    client: CLIENT,
    recorder: { recordUse: () => undefined, recordRefusal: () => undefined },
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    ...overrides,
  });
  const server = createServer((req, res) => void handler(req, res));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return (token: string, options: PostOptions = {}) =>
    new Promise<Answer>((resolve, reject) => {
      const form = new URLSearchParams({ token }).toString();
      const basic = options.basic ?? GOOD_BASIC;
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/oauth2/introspect',
          method: 'POST',
          localAddress: options.localAddress ?? '127.0.0.1',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            authorization: `Basic ${Buffer.from(basic).toString('base64')}`,
            ...options.headers,
          },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              retryAfter: res.headers['retry-after'],
              body: JSON.parse(text) as Record<string, unknown>,
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(form);
    });
}

/** A logger that keeps its warnings. */
function recordingLog(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, info: () => undefined, warn: (m) => warnings.push(m), error: () => undefined };
}

describe('createIntrospectionHandler with a failing store', () => {
  it('answers 503, never active:false, while the database is unreachable', async () => {
    const post = await serve({
      store: { findLoginSubject: () => Promise.reject(new DatabaseUnavailableError('down')) },
    });
    const response = await post(generateTokenSecret());
    expect(response.status).toBe(503);
    expect(response.body).toEqual({ error: 'temporarily_unavailable' });
  });

  it('answers a bad checksum without reading the database', async () => {
    const post = await serve({
      store: { findLoginSubject: () => Promise.reject(new Error('must not be called')) },
    });
    const response = await post(`mpat_${'x'.repeat(33)}zzzzzz`);
    expect(response.body).toEqual({ active: false });
  });

  it('answers 500 server_error, without details, when the lookup fails unexpectedly', async () => {
    const post = await serve({
      store: { findLoginSubject: () => Promise.reject(new Error('secret detail')) },
    });
    const response = await post(generateTokenSecret());
    expect(response.status).toBe(500);
    expect(JSON.stringify(response.body)).not.toContain('secret detail');
  });
});

describe('createIntrospectionHandler on a SQLite store', () => {
  const root = mkdtempSync(join(tmpdir(), 'mailpat-introspection-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let files = 0;
  let store: Store;
  let reads: number;
  /** The store as the handler sees it, counting the login lookups. */
  let counted: Pick<Store, 'findLoginSubject'>;
  let clock: number;
  const now = () => clock;
  const org = anOrganization();
  const user = aUser(org.id);
  const secret = generateTokenSecret();
  const token = aToken(user, { secretHash: hashTokenSecret(secret), expiresAt: 4e12 });

  beforeEach(async () => {
    store = await openStore(`sqlite:${join(root, `case-${++files}.db`)}`);
    await store.insertOrganization(org);
    await store.insertUser(user);
    await store.insertToken(token, {
      organizationId: org.id,
      tokenId: token.id,
      userId: user.id,
      type: 'CREATED',
      at: token.createdAt,
      clientAddress: null,
      tokenName: token.name,
    });
    reads = 0;
    counted = { findLoginSubject: (hash) => (reads++, store.findLoginSubject(hash)) };
    clock = 1_800_000_000_000;
  });
  afterEach(() => store.close());

  it('never answers 429 to a token: after 100 bad ones from one address, a good one is active', async () => {
    const post = await serve({ store: counted, now });
    for (let i = 0; i < 100; i++) {
      expect(await post(i % 2 ? generateTokenSecret() : `mpat_guess${i}`)).toMatchObject({
        status: 200,
        body: { active: false },
      });
    }
    expect(await post(secret)).toMatchObject({ status: 200, body: { active: true } });
  });

  it('throttles failed client authentication per source address, before any credential check', async () => {
    const log = recordingLog();
    const post = await serve({ store: counted, now, log });
    const { capacity } = CLIENT_AUTH_FAILURES_PER_ADDRESS;
    for (let i = 0; i < capacity; i++) {
      // The end-user header of an unauthenticated caller must not move the key.
      const headers = { 'x-dovecot-auth-remote': `192.0.2.${i}:1000` };
      const wrong = await post(secret, { basic: `dovecot:guess-${i}`, headers });
      expect(wrong.status).toBe(401);
    }
    const right = await post(secret);
    expect(right.status).toBe(429);
    expect(Number(right.retryAfter)).toBeGreaterThanOrEqual(1);
    expect((await post(secret, { basic: 'dovecot:guess-x' })).status).toBe(429);
    expect(await post(secret, { localAddress: '127.0.0.2' })).toMatchObject({
      status: 200,
      body: { active: true },
    });
    expect(reads).toBe(1);
    // One warning for the episode, naming the address and none of the guesses.
    expect(log.warnings).toHaveLength(1);
    expect(log.warnings[0]).toContain('127.0.0.1');
    expect(log.warnings[0]).not.toMatch(/guess|secret/);
    clock += 2_000;
    expect(await post(secret)).toMatchObject({ status: 200, body: { active: true } });
  });

  it('reports each answer and each inactive reason to metrics, from memory or not', async () => {
    const outcomes: string[] = [];
    const reasons: string[] = [];
    const metrics: IntrospectionObserver = {
      observeIntrospection: (outcome, seconds) => {
        expect(seconds).toBeGreaterThanOrEqual(0);
        outcomes.push(outcome);
      },
      countInactiveIntrospection: (reason) => void reasons.push(reason),
    };
    const post = await serve({ store: counted, now, metrics });
    const unknown = generateTokenSecret();
    await post(secret);
    await post(unknown);
    await post(unknown);
    await post('mpat_not-even-a-checksum');
    await post(secret, { basic: 'dovecot:wrong' });
    clock = 5e12; // past the stored expiry (4e12, moved by the store stamping createdAt)
    await post(secret);
    await post(secret);
    expect(outcomes).toEqual([
      'active',
      'inactive',
      'inactive',
      'inactive',
      'invalid_client',
      'inactive',
      'inactive',
    ]);
    expect(reasons).toEqual(['unknown', 'unknown', 'malformed', 'expired', 'expired']);
    expect(reads).toBe(3);
  });

  it('answers a repeated unknown token from memory, without a database read', async () => {
    const post = await serve({ store: counted, now });
    const unknown = generateTokenSecret();
    for (let i = 0; i < 50; i++) expect((await post(unknown)).body).toEqual({ active: false });
    expect(reads).toBe(1);
    expect((await post(secret)).body).toMatchObject({ active: true });
    expect(reads).toBe(2);
  });

  it('remembers a refused token only briefly: re-enabling its policy lets it in again', async () => {
    const refusals: LoginSubject[] = [];
    const post = await serve({
      store: counted,
      now,
      recorder: { recordUse: () => undefined, recordRefusal: (s) => void refusals.push(s) },
    });
    const inactive = { status: 'INACTIVE' as const, lifetimeInDays: 90 };
    await store.updateOrganization(org.id, { patConfiguration: inactive });
    expect((await post(secret)).body).toEqual({ active: false });
    await store.updateOrganization(org.id, { patConfiguration: { ...inactive, status: 'ACTIVE' } });
    clock += REFUSED_TOKEN_TTL_MS - 1;
    expect((await post(secret)).body).toEqual({ active: false });
    expect(reads).toBe(1);
    // Refusals answered from memory still reach the token's history.
    expect(refusals.map((s) => s.token.id)).toEqual([token.id, token.id]);
    clock += 1;
    expect((await post(secret)).body).toMatchObject({ active: true });
    expect(reads).toBe(2);
  });

  it("records the mail client's address from X-Dovecot-Auth-Remote, and ignores a malformed one", async () => {
    const addresses: (string | null)[] = [];
    const post = await serve({
      store: counted,
      now,
      recorder: {
        recordUse: (_s, address) => void addresses.push(address),
        recordRefusal: () => undefined,
      },
    });
    for (const remote of ['203.0.113.9:51234', '[2001:db8::7]:993', 'evil', '203.0.113.9']) {
      await post(secret, { headers: { 'x-dovecot-auth-remote': remote } });
    }
    await post(secret);
    expect(addresses).toEqual([
      '203.0.113.9',
      '2001:db8::7',
      '127.0.0.1',
      '127.0.0.1',
      '127.0.0.1',
    ]);
  });

  it('warns once per window about a mail client address with many failed logins, still answering', async () => {
    const log = recordingLog();
    const post = await serve({ store: counted, now, log });
    const fail = async (remote: string, times: number) => {
      for (let i = 0; i < times; i++) {
        const answer = await post(`mpat_guess${i}`, {
          headers: { 'x-dovecot-auth-remote': remote },
        });
        expect(answer).toMatchObject({ status: 200, body: { active: false } });
      }
    };
    const { threshold, windowMs } = END_USER_FAILURES;
    await fail('198.51.100.7:40000', threshold * 3);
    await fail('198.51.100.8:40000', threshold - 1);
    expect(log.warnings).toEqual([
      `introspection: ${threshold} failed mail logins from 198.51.100.7 within ${windowMs / 1000} s`,
    ]);
    clock += windowMs;
    await fail('198.51.100.7:40001', threshold);
    expect(log.warnings).toHaveLength(2);
    // Without the header, the line names the introspection client in other words, so a
    // fail2ban filter on the line above can never ban Dovecot itself.
    await fail('not-an-address', threshold);
    expect(log.warnings[2]).toMatch(
      /through introspection client 127\.0\.0\.1 \(no x-dovecot-auth-remote/,
    );
    expect(log.warnings[2]).not.toMatch(/ from /);
    expect((await post(secret)).body).toMatchObject({ active: true });
  });
});
