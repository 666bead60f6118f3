/**
 * The store contract for expiry warnings: which tokens are candidates, a claim that only one
 * caller gets, a sent warning recorded with its event, a failed one given back, and a rotation
 * that starts the warnings over.
 * @module
 */
import { describe, expect, it } from 'vitest';
import { freshStorePerTest } from './test-support/fresh-store-per-test.js';
import { adminEventOf, tokenEventOf } from '../domain/token-events.js';
import type { OrganizationRecord, TokenRecord, UserRecord } from '../domain/records.js';
import { aToken, aUser, anOrganization, secretHashOf } from './store-fixtures.js';
import type { ExpiryWarningClaim, Store } from './store.js';

const DAY_MS = 86_400_000;
const LEASE_MS = 60_000;
/** Read a token whatever its expiry, unless it was sent the day's warning. */
const OWED_IF_ANY = [null, 60, 30, 7].map((warnedDays) => ({
  warnedDays,
  expiresBefore: Number.MAX_SAFE_INTEGER,
}));

/** Registers the cases; `makeStore` returns a fresh migrated store. */
export function describeExpiryWarningsContract(makeStore: () => Promise<Store>): void {
  describe('expiry warnings', () => {
    const store = freshStorePerTest(makeStore);

    async function anOrganizationWithUser(
      orgOverrides: Partial<OrganizationRecord> = {},
      userOverrides: Partial<UserRecord> = {},
    ): Promise<[OrganizationRecord, UserRecord]> {
      const org = await store.insertOrganization(anOrganization(orgOverrides));
      const user = await store.insertUser(aUser(org.id, userOverrides));
      return [org, user];
    }
    function aStoredToken(user: UserRecord, overrides: Partial<TokenRecord> = {}) {
      const token = aToken(user, overrides);
      return store.insertToken(token, adminEventOf(token, 'CREATED', token.createdAt));
    }
    /** The IDs of the candidates over every expiry. */
    async function candidateIds(limit = 100): Promise<string[]> {
      const candidates = await store.listExpiryWarningCandidates({
        expiresAfter: 0,
        expiresBefore: Number.MAX_SAFE_INTEGER,
        owedIf: OWED_IF_ANY,
        limit,
      });
      return candidates.map((candidate) => candidate.token.id);
    }
    function claimOf(token: TokenRecord, thresholdDays: number, now: number): ExpiryWarningClaim {
      return {
        organizationId: token.organizationId,
        tokenId: token.id,
        expiresAt: token.expiresAt,
        thresholdDays,
        now,
        leaseUntil: now + LEASE_MS,
      };
    }
    function sentEventOf(token: TokenRecord, days: number, at: number) {
      return { ...tokenEventOf(token, 'EXPIRY_WARNING_SENT', at), expiryWarningDays: days };
    }

    it('should offer the tokens of enabled users of active organizations, with their owner', async () => {
      const [, user] = await anOrganizationWithUser();
      const token = await aStoredToken(user, { lastUsedAt: 1234 });
      const [candidate] = await store.listExpiryWarningCandidates({
        expiresAfter: token.expiresAt - 1,
        expiresBefore: token.expiresAt + 1,
        owedIf: OWED_IF_ANY,
        limit: 10,
      });
      expect(candidate).toEqual({
        token,
        user: { email: user.email, displayName: user.displayName },
        warnedDays: null,
      });
    });

    it('should leave out tokens whose owner cannot be warned or need not be', async () => {
      const [, enabled] = await anOrganizationWithUser();
      const offered = await aStoredToken(enabled);
      const [, disabled] = await anOrganizationWithUser({}, { state: 'DISABLED' });
      await aStoredToken(enabled).then(async (token) => {
        // Warned on the day already: nothing more is owed.
        const claim = claimOf(token, 0, 10);
        expect(await store.claimExpiryWarning(claim)).toBe(true);
        await store.completeExpiryWarning(claim, sentEventOf(token, 0, 11));
      });
      const [, withoutEmail] = await anOrganizationWithUser({}, { email: null });
      const [, inactivePolicy] = await anOrganizationWithUser({
        patConfiguration: { status: 'INACTIVE', lifetimeInDays: 90 },
      });
      const [deletedOrg, ofDeletedOrg] = await anOrganizationWithUser();
      const [, deletedUser] = await anOrganizationWithUser();
      for (const owner of [withoutEmail, inactivePolicy, ofDeletedOrg, deletedUser]) {
        await aStoredToken(owner);
      }
      // A disabled user's token, inserted while enabled.
      await store.updateUser(disabled.organizationId, disabled.id, { state: 'ENABLED' });
      await aStoredToken(disabled);
      await store.updateUser(disabled.organizationId, disabled.id, { state: 'DISABLED' });
      await store.deleteOrganization(deletedOrg.id, 5);
      await store.deleteUser(deletedUser.organizationId, deletedUser.id, 5);
      expect(await candidateIds()).toEqual([offered.id]);
    });

    it('should read a token only while a warning tighter than the one sent is owed', async () => {
      const [, user] = await anOrganizationWithUser();
      const token = await aStoredToken(user);
      const claim = claimOf(token, 7, 1_000);
      expect(await store.claimExpiryWarning(claim)).toBe(true);
      await store.completeExpiryWarning(claim, sentEventOf(token, 7, 1_001));
      const read = (owedIf: { warnedDays: number | null; expiresBefore: number }[]) =>
        store
          .listExpiryWarningCandidates({
            expiresAfter: 0,
            expiresBefore: Number.MAX_SAFE_INTEGER,
            owedIf,
            limit: 10,
          })
          .then((candidates) => candidates.map((candidate) => candidate.token.id));
      expect(await read([{ warnedDays: 7, expiresBefore: token.expiresAt + 1 }])).toEqual([
        token.id,
      ]);
      expect(await read([{ warnedDays: 7, expiresBefore: token.expiresAt }])).toEqual([]);
      expect(await read([{ warnedDays: null, expiresBefore: token.expiresAt + 1 }])).toEqual([]);
      expect(await read([{ warnedDays: 30, expiresBefore: token.expiresAt + 1 }])).toEqual([]);
    });

    it('should page through the expiry range in (expiresAt, id) order', async () => {
      const [, user] = await anOrganizationWithUser();
      const base = Date.UTC(2030, 0, 1);
      const tokens: TokenRecord[] = [];
      for (const days of [5, 1, 3, 3, 9]) {
        tokens.push(await aStoredToken(user, { expiresAt: base + days * DAY_MS }));
      }
      const inRange = tokens
        .filter((token) => token.expiresAt < base + 9 * DAY_MS)
        .sort((a, b) => a.expiresAt - b.expiresAt || (a.id < b.id ? -1 : 1));
      const seen: string[] = [];
      let after: { expiresAt: number; id: string } | undefined;
      for (;;) {
        const page = await store.listExpiryWarningCandidates({
          expiresAfter: base,
          expiresBefore: base + 9 * DAY_MS,
          owedIf: OWED_IF_ANY,
          ...(after ? { after } : {}),
          limit: 2,
        });
        seen.push(...page.map((candidate) => candidate.token.id));
        const last = page.at(-1);
        if (page.length < 2 || !last) break;
        after = { expiresAt: last.token.expiresAt, id: last.token.id };
      }
      expect(seen).toEqual(inRange.map((token) => token.id));
    });

    it('should give a claim to one caller until it lapses', async () => {
      const [, user] = await anOrganizationWithUser();
      const token = await aStoredToken(user);
      expect(await store.claimExpiryWarning(claimOf(token, 7, 1_000))).toBe(true);
      expect(await store.claimExpiryWarning(claimOf(token, 7, 1_000 + LEASE_MS - 1))).toBe(false);
      // The first claimer crashed: once its lease ends another may send.
      expect(await store.claimExpiryWarning(claimOf(token, 7, 1_000 + LEASE_MS))).toBe(true);
    });

    it('should record a sent warning with its event and owe only tighter ones after it', async () => {
      const [org, user] = await anOrganizationWithUser();
      const token = await aStoredToken(user);
      const claim = claimOf(token, 7, 1_000);
      expect(await store.claimExpiryWarning(claim)).toBe(true);
      await store.completeExpiryWarning(claim, sentEventOf(token, 7, 1_500));
      const [candidate] = await store.listExpiryWarningCandidates({
        expiresAfter: 0,
        expiresBefore: Number.MAX_SAFE_INTEGER,
        owedIf: OWED_IF_ANY,
        limit: 10,
      });
      expect(candidate?.warnedDays).toBe(7);
      expect(await store.claimExpiryWarning(claimOf(token, 7, 2_000))).toBe(false);
      expect(await store.claimExpiryWarning(claimOf(token, 30, 2_000))).toBe(false);
      expect(await store.claimExpiryWarning(claimOf(token, 0, 2_000))).toBe(true);
      const events = await store.listTokenEvents(org.id, { tokenId: token.id, limit: 10 });
      expect(
        events.items.map(({ type, at, expiryWarningDays }) => ({ type, at, expiryWarningDays })),
      ).toEqual([
        { type: 'CREATED', at: token.createdAt, expiryWarningDays: undefined },
        { type: 'EXPIRY_WARNING_SENT', at: 1_500, expiryWarningDays: 7 },
      ]);
    });

    it('should free a released claim at once', async () => {
      const [, user] = await anOrganizationWithUser();
      const token = await aStoredToken(user);
      const claim = claimOf(token, 30, 1_000);
      expect(await store.claimExpiryWarning(claim)).toBe(true);
      await store.releaseExpiryWarning(claim);
      expect(await store.claimExpiryWarning(claimOf(token, 30, 1_001))).toBe(true);
    });

    it('should refuse a claim for a token that is gone, has another expiry or a disabled user', async () => {
      const [org, user] = await anOrganizationWithUser();
      const deleted = await aStoredToken(user);
      await store.deleteToken(org.id, deleted.id, adminEventOf(deleted, 'DELETED', 5));
      expect(await store.claimExpiryWarning(claimOf(deleted, 7, 1_000))).toBe(false);
      const token = await aStoredToken(user);
      expect(
        await store.claimExpiryWarning({
          ...claimOf(token, 7, 1_000),
          expiresAt: token.expiresAt + 1,
        }),
      ).toBe(false);
      await store.updateUser(org.id, user.id, { state: 'DISABLED' });
      expect(await store.claimExpiryWarning(claimOf(token, 7, 1_000))).toBe(false);
    });

    it('should owe every warning again after a rotation gives a new expiry', async () => {
      const [org, user] = await anOrganizationWithUser();
      const token = await aStoredToken(user);
      const claim = claimOf(token, 0, 1_000);
      expect(await store.claimExpiryWarning(claim)).toBe(true);
      await store.completeExpiryWarning(claim, sentEventOf(token, 0, 1_500));
      expect(await candidateIds()).toEqual([]);
      const newExpiry = token.expiresAt + 90 * DAY_MS;
      const rotated = await store.replaceTokenSecret(
        org.id,
        token.id,
        secretHashOf('rotated'),
        newExpiry,
        adminEventOf(token, 'ROTATED', 2_000),
      );
      expect(rotated?.expiresAt).toBe(newExpiry);
      expect(await candidateIds()).toEqual([token.id]);
      expect(await store.claimExpiryWarning(claimOf(rotated!, 60, 3_000))).toBe(true);
    });
  });
}
