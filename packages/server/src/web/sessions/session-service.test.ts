import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SILENT_LOGGER } from '../../logging/test-support/silent-logger.js';
import { openStore } from '../../storage/open-store.js';
import { aUser, anOrganization } from '../../storage/store-fixtures.js';
import type { Store } from '../../storage/store.js';
import type { OrganizationRecord, UserRecord } from '../../domain/records.js';
import { WebSessionCleaner } from './session-cleaner.js';
import { hashSessionSecret } from './session-secrets.js';
import { WebSessionService } from './session-service.js';

const MINUTE = 60_000;
const LIFETIMES = { idleMs: 30 * MINUTE, maxMs: 12 * 60 * MINUTE };
const root = mkdtempSync(join(tmpdir(), 'mailpat-sessions-'));
let files = 0;
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('WebSessionService', () => {
  let store: Store;
  let org: OrganizationRecord;
  let user: UserRecord;
  let now: number;
  let service: WebSessionService;

  beforeEach(async () => {
    store = await openStore(`sqlite:${join(root, `s-${files++}.db`)}`);
    org = anOrganization();
    user = aUser(org.id);
    await store.insertOrganization(org);
    await store.insertUser(user);
    now = 1_800_000_000_000;
    service = new WebSessionService(store, LIFETIMES, () => now);
  });
  afterEach(() => store.close());

  it('stores only the SHA-256 of the cookie secret and resolves the secret to the session', async () => {
    const { secret, session } = await service.create(user, 'password');
    expect(secret).toMatch(/^[\w-]{43}$/);
    expect(session.idHash).toBe(hashSessionSecret(secret));
    expect(await store.getWebSession(secret)).toBeUndefined();
    const resolved = await service.resolve(secret);
    expect(resolved?.user.id).toBe(user.id);
    expect(resolved?.organization.id).toBe(org.id);
    const tampered = `${secret.slice(0, -1)}${secret.endsWith('A') ? 'E' : 'A'}`;
    expect(await service.resolve(tampered)).toBeUndefined();
    expect(await service.resolve(undefined)).toBeUndefined();
  });

  it('ends a session idle for 30 minutes, and deletes it', async () => {
    const { secret, session } = await service.create(user, 'password');
    now += 29 * MINUTE;
    expect(await service.resolve(secret)).toBeDefined();
    now += 30 * MINUTE;
    expect(await service.resolve(secret)).toBeUndefined();
    expect(await store.getWebSession(session.idHash)).toBeUndefined();
  });

  it('ends a busy session 12 hours after sign-in', async () => {
    const { secret } = await service.create(user, 'sso');
    for (let i = 0; i < 12 * 3; i++) {
      now += 20 * MINUTE;
      const resolved = await service.resolve(secret);
      expect(resolved !== undefined).toBe(i < 12 * 3 - 1);
    }
  });

  it('writes lastSeenAt at most once a minute', async () => {
    const { secret, session } = await service.create(user, 'password');
    now += 59_000;
    await service.resolve(secret);
    expect((await store.getWebSession(session.idHash))?.lastSeenAt).toBe(session.lastSeenAt);
    now += 1_000;
    await service.resolve(secret);
    expect((await store.getWebSession(session.idHash))?.lastSeenAt).toBe(now);
  });

  it('refuses the session of a user disabled meanwhile, or of a deleted organization', async () => {
    const { secret } = await service.create(user, 'password');
    await store.updateUser(org.id, user.id, { state: 'DISABLED' });
    expect(await service.resolve(secret)).toBeUndefined();
    await store.updateUser(org.id, user.id, { state: 'ENABLED' });
    expect(await service.resolve(secret)).toBeDefined();
    await store.deleteOrganization(org.id, now);
    expect(await service.resolve(secret)).toBeUndefined();
  });

  it('asks a password session for its password after 15 minutes, never an SSO one', async () => {
    const { session } = await service.create(user, 'password');
    const { session: sso } = await service.create(user, 'sso');
    now += 15 * MINUTE;
    expect(service.needsPassword(session)).toBe(false);
    now += 1;
    expect(service.needsPassword(session)).toBe(true);
    expect(service.needsPassword(sso)).toBe(false);
    await service.reauthenticated(session);
    expect(service.needsPassword(session)).toBe(false);
    expect((await store.getWebSession(session.idHash))?.authenticatedAt).toBe(now);
  });

  it('ends a session at sign-out', async () => {
    const { secret, session } = await service.create(user, 'password');
    await service.end(session);
    expect(await service.resolve(secret)).toBeUndefined();
  });
});

describe('WebSessionCleaner', () => {
  it('deletes expired sessions in batches and keeps the live ones', async () => {
    const store = await openStore(`sqlite:${join(root, `c-${files++}.db`)}`);
    try {
      const org = anOrganization();
      const user = aUser(org.id);
      await store.insertOrganization(org);
      await store.insertUser(user);
      let now = 1_800_000_000_000;
      const service = new WebSessionService(store, LIFETIMES, () => now);
      for (let i = 0; i < 5; i++) await service.create(user, 'password');
      now += 31 * MINUTE;
      const { session: live } = await service.create(user, 'password');
      const cleaner = new WebSessionCleaner(store, {
        ...LIFETIMES,
        log: SILENT_LOGGER,
        now: () => now,
        batchSize: 2,
      });
      expect(await cleaner.cleanOnce()).toBe(5);
      expect(await store.getWebSession(live.idHash)).toEqual(live);
      await cleaner.close();
    } finally {
      await store.close();
    }
  });
});
