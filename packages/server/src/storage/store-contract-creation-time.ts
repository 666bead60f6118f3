/**
 * The store contract on creation times: stamped by the store, in commit order, never backwards.
 * @module
 */
import { describe, expect, it } from 'vitest';
import { freshStorePerTest } from './test-support/fresh-store-per-test.js';
import type { TokenRecord } from '../domain/records.js';
import { DAY_MS } from '../domain/wire-time.js';
import { aToken, aUser, anAdminEvent, anOrganization } from './store-fixtures.js';
import type { Store } from './store.js';

/** A creation time the store took from a clock: within a minute of this process's. */
const NEAR_NOW_MS = 60_000;

/** Registers the creation-time cases; `makeStore` returns a fresh migrated store. */
export function describeCreationTimeContract(makeStore: () => Promise<Store>): void {
  describe('creation times', () => {
    const store = freshStorePerTest(makeStore);

    const insertToken = (token: TokenRecord) => store.insertToken(token, anAdminEvent(token));
    async function aStoredUser() {
      const org = await store.insertOrganization(anOrganization());
      return store.insertUser(aUser(org.id));
    }

    it("should stamp a token after its organization's latest, whatever time its record carries", async () => {
      const user = await aStoredUser();
      const first = await insertToken(aToken(user, { createdAt: Date.now() }));
      // As an instance whose clock runs ten minutes behind would build it.
      const behind = first.createdAt - 10 * 60_000;
      const record = aToken(user, { createdAt: behind, expiresAt: behind + 3 * DAY_MS });
      const second = await insertToken(record);
      expect(second.createdAt).toBeGreaterThan(first.createdAt);
      expect(second).toEqual({
        ...record,
        createdAt: second.createdAt,
        expiresAt: second.createdAt + 3 * DAY_MS,
      });
      expect(await store.getToken(user.organizationId, second.id)).toEqual(second);
      const events = await store.listTokenEvents(user.organizationId, { limit: 10 });
      expect(events.items.map((event) => event.at)).toEqual([first.createdAt, second.createdAt]);
      const page = await store.listTokenSummaryPage(user.organizationId, { limit: 10 });
      expect(JSON.parse(`[${page.summariesJson}]`)).toMatchObject([
        { PersonalAccessTokenId: first.id },
        { DateCreated: second.createdAt / 1000, ExpiresTime: second.expiresAt / 1000 },
      ]);
    });

    it('should take the time from the shared clock, not from the record', async () => {
      const user = await aStoredUser();
      const createdAt = (at: number) => ({ createdAt: at, expiresAt: at + 90 * DAY_MS });
      const past = await insertToken(aToken(user, createdAt(1_000)));
      const future = await insertToken(aToken(user, createdAt(Date.now() + DAY_MS)));
      for (const token of [past, future]) {
        expect(Math.abs(token.createdAt - Date.now())).toBeLessThan(NEAR_NOW_MS);
        expect(token.expiresAt - token.createdAt).toBe(90 * DAY_MS);
      }
    });

    it('should stamp tokens written at once in the order they commit', async () => {
      const user = await aStoredUser();
      const records = Array.from({ length: 12 }, (_, i) =>
        aToken(user, { createdAt: Date.now() - ((i * 7) % 12) * 60_000 }),
      );
      const stored = await Promise.all(records.map(insertToken));
      const byId = new Map(stored.map((token) => [token.id, token]));
      // Events are numbered in commit order (see beforeAppendingEvents).
      const events = await store.listTokenEvents(user.organizationId, { limit: 100 });
      const times = events.items.map((event) => byId.get(event.tokenId)!.createdAt);
      expect(times).toEqual(events.items.map((event) => event.at));
      for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1]!);
      const listed = await store.listTokens(user.organizationId, { limit: 100 });
      expect(listed.items.map((token) => token.id)).toEqual(events.items.map((e) => e.tokenId));
    });

    it('should stamp users after their organization’s latest and organizations after all others', async () => {
      const first = await store.insertOrganization(anOrganization());
      const second = await store.insertOrganization(
        anOrganization({ createdAt: first.createdAt - 60_000 }),
      );
      expect(second.createdAt).toBeGreaterThan(first.createdAt);
      expect(await store.getOrganization(second.id)).toEqual(second);
      const listed = await store.listOrganizations({ limit: 10 });
      expect(listed.items.map((org) => org.id)).toEqual([first.id, second.id]);

      const ada = await store.insertUser(aUser(first.id, { createdAt: Date.now() }));
      const bob = await store.insertUser(aUser(first.id, { createdAt: ada.createdAt - 60_000 }));
      expect(bob.createdAt).toBeGreaterThan(ada.createdAt);
      expect(Math.abs(bob.createdAt - Date.now())).toBeLessThan(NEAR_NOW_MS);
      expect(await store.getUser(first.id, bob.id)).toEqual(bob);
      const users = await store.listUsers(first.id, { limit: 10 });
      expect(users.items.map((user) => user.id)).toEqual([ada.id, bob.id]);
    });
  });
}
