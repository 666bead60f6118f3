/**
 * The store contract on what metrics read: tokens by state, and which failures count as errors.
 * @module
 */
import { describe, expect, it } from 'vitest';
import type { TokenRecord } from '../domain/records.js';
import { DAY_MS } from '../domain/wire-time.js';
import { UniqueConstraintError } from './storage-errors.js';
import { aToken, aUser, anAdminEvent, anOrganization } from './store-fixtures.js';
import type { Store } from './store.js';
import { freshStorePerTest } from './test-support/fresh-store-per-test.js';

/** Registers the metrics cases; `makeStore` returns a fresh migrated store. */
export function describeMetricsContract(makeStore: () => Promise<Store>): void {
  describe('metrics reads', () => {
    const store = freshStorePerTest(makeStore);

    const insertToken = (token: TokenRecord) => store.insertToken(token, anAdminEvent(token));
    async function tokensExpiringInDays(days: number[]): Promise<TokenRecord[]> {
      const org = await store.insertOrganization(anOrganization());
      const user = await store.insertUser(aUser(org.id));
      const now = Date.now();
      const tokens = [];
      for (const lifetime of days) {
        tokens.push(
          await insertToken(aToken(user, { createdAt: now, expiresAt: now + lifetime * DAY_MS })),
        );
      }
      return tokens;
    }

    it('should count no tokens in an empty database', async () => {
      expect(await store.countTokensByState(Date.now())).toEqual({ active: 0, expired: 0 });
    });

    it('should count a token expired from the millisecond it expires at', async () => {
      const [first, second] = await tokensExpiringInDays([1, 2, 3]);
      expect(await store.countTokensByState(first!.createdAt)).toEqual({ active: 3, expired: 0 });
      expect(await store.countTokensByState(second!.expiresAt - 1)).toEqual({
        active: 2,
        expired: 1,
      });
      expect(await store.countTokensByState(second!.expiresAt)).toEqual({ active: 1, expired: 2 });
    });

    it('should not count deleted tokens', async () => {
      const [first] = await tokensExpiringInDays([1, 2]);
      await store.deleteToken(first!.organizationId, first!.id, anAdminEvent(first!, 'DELETED'));
      expect(await store.countTokensByState(first!.createdAt)).toEqual({ active: 1, expired: 0 });
    });

    it('should count no database error for a uniqueness violation, which the caller answers', async () => {
      const org = await store.insertOrganization(anOrganization());
      await expect(
        store.insertOrganization(anOrganization({ alias: org.alias })),
      ).rejects.toBeInstanceOf(UniqueConstraintError);
      expect(store.readStats().errors).toEqual({ unavailable: 0, fault: 0, other: 0 });
    });
  });
}
