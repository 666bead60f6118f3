/**
 * The store contract for web sessions and the sign-in lookup by email.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { freshStorePerTest } from './test-support/fresh-store-per-test.js';
import type { UserRecord, WebSessionRecord } from '../domain/records.js';
import { aUser, anOrganization, secretHashOf } from './store-fixtures.js';
import type { Store } from './store.js';

/** A password session of `user`, created at `at`, with a unique id hash. */
function aSession(
  user: Pick<UserRecord, 'id' | 'organizationId'>,
  at = 1_000,
  overrides: Partial<WebSessionRecord> = {},
): WebSessionRecord {
  return {
    idHash: secretHashOf(randomUUID()),
    organizationId: user.organizationId,
    userId: user.id,
    method: 'password',
    csrfToken: `csrf-${randomUUID()}`,
    createdAt: at,
    authenticatedAt: at,
    lastSeenAt: at,
    ...overrides,
  };
}

/** Registers the cases; `makeStore` returns a fresh migrated store. */
export function describeWebSessionContract(makeStore: () => Promise<Store>): void {
  describe('web sessions', () => {
    const store = freshStorePerTest(makeStore);

    async function aStoredUser(): Promise<UserRecord> {
      const org = anOrganization();
      const user = aUser(org.id);
      await store.insertOrganization(org);
      await store.insertUser(user);
      return user;
    }

    it('should return an inserted session with every field', async () => {
      const user = await aStoredUser();
      const session = aSession(user, 5_000, { method: 'sso', authenticatedAt: 4_000 });
      await store.insertWebSession(session);
      expect(await store.getWebSession(session.idHash)).toEqual(session);
      expect(await store.getWebSession(secretHashOf('unknown'))).toBeUndefined();
    });

    it('should move lastSeenAt, and authenticatedAt only when given', async () => {
      const user = await aStoredUser();
      const session = aSession(user);
      await store.insertWebSession(session);
      await store.touchWebSession(session.idHash, { lastSeenAt: 2_000 });
      expect(await store.getWebSession(session.idHash)).toEqual({ ...session, lastSeenAt: 2_000 });
      await store.touchWebSession(session.idHash, { lastSeenAt: 3_000, authenticatedAt: 2_500 });
      expect(await store.getWebSession(session.idHash)).toEqual({
        ...session,
        lastSeenAt: 3_000,
        authenticatedAt: 2_500,
      });
    });

    it('should not bring back a deleted session when touched', async () => {
      const user = await aStoredUser();
      const session = aSession(user);
      await store.insertWebSession(session);
      await store.deleteWebSession(session.idHash);
      await store.touchWebSession(session.idHash, { lastSeenAt: 9_000 });
      expect(await store.getWebSession(session.idHash)).toBeUndefined();
      await store.deleteWebSession(session.idHash);
    });

    it('should delete idle and too old sessions in bounded batches, keeping live ones', async () => {
      const user = await aStoredUser();
      const idle = [1, 2, 3].map((i) => aSession(user, 100, { lastSeenAt: 100 + i }));
      const old = aSession(user, 50, { lastSeenAt: 9_000 });
      const live = aSession(user, 500, { lastSeenAt: 9_000 });
      for (const session of [...idle, old, live]) await store.insertWebSession(session);
      expect(await store.deleteExpiredWebSessions(1_000, 100, 2)).toBe(2);
      expect(await store.deleteExpiredWebSessions(1_000, 100, 10)).toBe(2);
      expect(await store.deleteExpiredWebSessions(1_000, 100, 10)).toBe(0);
      for (const gone of [...idle, old]) {
        expect(await store.getWebSession(gone.idHash)).toBeUndefined();
      }
      expect(await store.getWebSession(live.idHash)).toEqual(live);
    });

    it('should end the sessions of a deleted user, not those of others', async () => {
      const user = await aStoredUser();
      const colleague = aUser(user.organizationId);
      await store.insertUser(colleague);
      const ended = aSession(user);
      const kept = aSession(colleague);
      await store.insertWebSession(ended);
      await store.insertWebSession(kept);
      await store.deleteUser(user.organizationId, user.id, 7_000);
      expect(await store.getWebSession(ended.idHash)).toBeUndefined();
      expect(await store.getWebSession(kept.idHash)).toEqual(kept);
    });

    it("should end every session of a deleted organization's users only", async () => {
      const user = await aStoredUser();
      const outsider = await aStoredUser();
      const ended = aSession(user);
      const kept = aSession(outsider);
      await store.insertWebSession(ended);
      await store.insertWebSession(kept);
      await store.deleteOrganization(user.organizationId, 7_000);
      expect(await store.getWebSession(ended.idHash)).toBeUndefined();
      expect(await store.getWebSession(kept.idHash)).toEqual(kept);
    });
  });

  describe('findUserByEmail', () => {
    const store = freshStorePerTest(makeStore);

    it('should find the live holder of an address in any organization, whatever its case', async () => {
      await store.insertOrganization(anOrganization());
      const org = anOrganization();
      await store.insertOrganization(org);
      const user = await store.insertUser(aUser(org.id, { email: 'Ada.Lovelace@Example.org' }));
      expect(await store.findUserByEmail('ada.lovelace@EXAMPLE.org')).toEqual(user);
      expect(await store.findUserByEmail('nobody@example.org')).toBeUndefined();
    });

    it('should skip a DELETED user and find the new holder of the address', async () => {
      const org = anOrganization();
      await store.insertOrganization(org);
      const gone = aUser(org.id, { email: 'shared@example.org' });
      await store.insertUser(gone);
      await store.deleteUser(org.id, gone.id, 2_000);
      expect(await store.findUserByEmail('shared@example.org')).toBeUndefined();
      const heir = await store.insertUser(aUser(org.id, { email: 'shared@example.org' }));
      expect(await store.findUserByEmail('shared@example.org')).toEqual(heir);
    });

    it('should find no one of a deleted organization', async () => {
      const org = anOrganization();
      await store.insertOrganization(org);
      await store.insertUser(aUser(org.id, { email: 'left@example.org' }));
      await store.deleteOrganization(org.id, 3_000);
      expect(await store.findUserByEmail('left@example.org')).toBeUndefined();
    });
  });
}
