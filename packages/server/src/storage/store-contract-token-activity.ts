/**
 * The store contract for what the web app's token page reads: the address of a token's latest
 * use, the token's name in its events, a user's latest events, and the DELETED events that
 * DeleteUser and DeleteOrganization write for the tokens they remove.
 *
 * @module
 */
import { describe, expect, it } from 'vitest';
import { freshStorePerTest } from './test-support/fresh-store-per-test.js';
import { adminEventOf, tokenEventOf } from '../domain/token-events.js';
import type {
  OrganizationRecord,
  TokenEventRecord,
  TokenRecord,
  TokenUse,
  UserRecord,
} from '../domain/records.js';
import { aToken, aUser, anOrganization, secretHashOf } from './store-fixtures.js';
import type { Store } from './store.js';

/** Registers the cases; `makeStore` returns a fresh migrated store. */
export function describeTokenActivityContract(makeStore: () => Promise<Store>): void {
  describe('token activity of the web app', () => {
    const store = freshStorePerTest(makeStore);

    async function anOrganizationWithUser(): Promise<[OrganizationRecord, UserRecord]> {
      const org = await store.insertOrganization(anOrganization());
      const user = await store.insertUser(aUser(org.id));
      return [org, user];
    }
    function aStoredToken(user: UserRecord, name?: string): Promise<TokenRecord> {
      const token = aToken(user, name === undefined ? {} : { name });
      return store.insertToken(token, adminEventOf(token, 'CREATED', token.createdAt));
    }
    const useOf = (token: TokenRecord, usedAt: number, clientAddress: string | null): TokenUse => ({
      organizationId: token.organizationId,
      tokenId: token.id,
      usedAt,
      clientAddress,
    });
    /** [type, tokenId, tokenName] of each event, as listUserTokenEvents returns them. */
    const summarize = (events: TokenEventRecord[]) =>
      events.map((event) => [event.type, event.tokenId, event.tokenName]);

    describe('lastUsedAddress', () => {
      it('should store and read it on every path that reads a token', async () => {
        const [org, user] = await anOrganizationWithUser();
        const record = aToken(user, { lastUsedAt: 77, lastUsedAddress: '2001:db8::7' });
        const token = await store.insertToken(record, adminEventOf(record, 'CREATED', 1));
        expect(await store.getToken(org.id, token.id)).toEqual(token);
        expect(await store.findTokenBySecretHash(token.secretHash)).toEqual(token);
        expect((await store.findLoginSubject(token.secretHash))?.token).toEqual(token);
        expect((await store.listTokens(org.id, { userId: user.id, limit: 10 })).items).toEqual([
          token,
        ]);
        const rotated = await store.replaceTokenSecret(
          org.id,
          token.id,
          secretHashOf('rotated'),
          5,
          adminEventOf(token, 'ROTATED', 2),
        );
        expect(rotated?.lastUsedAddress).toBe('2001:db8::7');
        expect((await store.getToken(org.id, token.id))?.lastUsedAddress).toBe('2001:db8::7');
      });

      it("should keep the latest use's address, whichever flush comes last", async () => {
        const [org, user] = await anOrganizationWithUser();
        const [inOrder, reversed] = [await aStoredToken(user), await aStoredToken(user)];
        await store.recordTokenActivity([useOf(inOrder, 1_000, '10.0.0.1')], []);
        await store.recordTokenActivity([useOf(inOrder, 2_000, '10.0.0.2')], []);
        await store.recordTokenActivity([useOf(reversed, 2_000, '10.0.0.2')], []);
        await store.recordTokenActivity([useOf(reversed, 1_000, '10.0.0.1')], []);
        for (const token of [inOrder, reversed]) {
          expect(await store.getToken(org.id, token.id)).toMatchObject({
            lastUsedAt: 2_000,
            lastUsedAddress: '10.0.0.2',
          });
        }
      });

      it('should agree on one address for uses of the same millisecond, in either order', async () => {
        const [org, user] = await anOrganizationWithUser();
        const [one, other] = [await aStoredToken(user), await aStoredToken(user)];
        await store.recordTokenActivity([useOf(one, 3_000, '10.0.0.9')], []);
        await store.recordTokenActivity([useOf(one, 3_000, '10.0.0.10')], []);
        await store.recordTokenActivity([useOf(other, 3_000, '10.0.0.10')], []);
        await store.recordTokenActivity([useOf(other, 3_000, '10.0.0.9')], []);
        const addresses = [
          (await store.getToken(org.id, one.id))?.lastUsedAddress,
          (await store.getToken(org.id, other.id))?.lastUsedAddress,
        ];
        expect(addresses[0]).toBe(addresses[1]);
        // A use without an address never replaces one of the same millisecond.
        await store.recordTokenActivity([useOf(one, 3_000, null)], []);
        expect((await store.getToken(org.id, one.id))?.lastUsedAddress).toBe(addresses[0]);
      });
    });

    describe('tokenName', () => {
      it('should name the token in every kind of event', async () => {
        const [org, user] = await anOrganizationWithUser();
        const token = await aStoredToken(user, 'Work laptop');
        await store.replaceTokenSecret(
          org.id,
          token.id,
          secretHashOf('rotated'),
          5,
          adminEventOf(token, 'ROTATED', 2),
        );
        await store.recordTokenActivity(
          [],
          [
            tokenEventOf(token, 'USED', 3, '10.0.0.1'),
            tokenEventOf(token, 'USE_REFUSED', 4, '10.0.0.2'),
          ],
        );
        await store.deleteToken(org.id, token.id, adminEventOf(token, 'DELETED', 5));
        const events = (await store.listTokenEvents(org.id, { limit: 10 })).items;
        expect(events.map((event) => [event.type, event.tokenName])).toEqual([
          ['CREATED', 'Work laptop'],
          ['ROTATED', 'Work laptop'],
          ['USED', 'Work laptop'],
          ['USE_REFUSED', 'Work laptop'],
          ['DELETED', 'Work laptop'],
        ]);
      });

      it('should keep an event without a name as null', async () => {
        const [org, user] = await anOrganizationWithUser();
        const token = await aStoredToken(user);
        await store.recordTokenActivity(
          [],
          [{ ...tokenEventOf(token, 'USED', 3), tokenName: null }],
        );
        const events = (await store.listTokenEvents(org.id, { limit: 10 })).items;
        expect(events.at(-1)).toMatchObject({ type: 'USED', tokenName: null });
      });
    });

    describe('listUserTokenEvents', () => {
      it("should list only the user's events of its organization, newest first", async () => {
        const [org, user] = await anOrganizationWithUser();
        const colleague = aUser(org.id);
        await store.insertUser(colleague);
        const [otherOrg, stranger] = await anOrganizationWithUser();
        const mine = await aStoredToken(user, 'mine');
        const theirs = await aStoredToken(colleague, 'theirs');
        const foreign = await aStoredToken(stranger, 'foreign');
        // Another organization's event under the same user ID, and one of another user.
        const impostor = { ...foreign, organizationId: otherOrg.id, userId: user.id };
        await store.recordTokenActivity(
          [],
          [
            tokenEventOf(mine, 'USED', 50, '10.0.0.1'),
            tokenEventOf(impostor, 'USED', 60, '10.0.0.6'),
            tokenEventOf(theirs, 'USED', 70, '10.0.0.7'),
          ],
        );
        // Written later with an earlier time: insertion order decides, as for the listing.
        await store.recordTokenActivity([], [tokenEventOf(mine, 'USE_REFUSED', 40, '10.0.0.4')]);
        expect(summarize(await store.listUserTokenEvents(org.id, user.id, 10))).toEqual([
          ['USE_REFUSED', mine.id, 'mine'],
          ['USED', mine.id, 'mine'],
          ['CREATED', mine.id, 'mine'],
        ]);
        expect(await store.listUserTokenEvents(org.id, 'u-nobody', 10)).toEqual([]);
        expect(summarize(await store.listUserTokenEvents(otherOrg.id, user.id, 10))).toEqual([
          ['USED', foreign.id, 'foreign'],
        ]);
      });

      it('should return the newest `limit` events with every field', async () => {
        const [org, user] = await anOrganizationWithUser();
        const token = await aStoredToken(user);
        const used = Array.from({ length: 7 }, (_, i) =>
          tokenEventOf(token, 'USED', 100 + i, `a${i}`),
        );
        await store.recordTokenActivity([], used);
        const newest = await store.listUserTokenEvents(org.id, user.id, 3);
        expect(newest).toEqual(
          [used[6], used[5], used[4]].map((event) => ({
            ...event,
            sequence: expect.any(Number) as number,
          })),
        );
        expect(newest[0]!.sequence!).toBeGreaterThan(newest[1]!.sequence!);
      });
    });

    describe('DELETED events of removed users and organizations', () => {
      it('should write one per token of a deleted user, at its deletion, and none for others', async () => {
        const [org, user] = await anOrganizationWithUser();
        const colleague = aUser(org.id);
        await store.insertUser(colleague);
        const [phone, laptop] = [
          await aStoredToken(user, 'phone'),
          await aStoredToken(user, 'laptop'),
        ];
        const kept = await aStoredToken(colleague, 'kept');
        await store.deleteUser(org.id, user.id, 8_000);
        const deleted = (await store.listUserTokenEvents(org.id, user.id, 10)).filter(
          (event) => event.type === 'DELETED',
        );
        expect(deleted.map(({ sequence: _, ...event }) => event)).toEqual(
          expect.arrayContaining([
            adminEventOf(phone, 'DELETED', 8_000),
            adminEventOf(laptop, 'DELETED', 8_000),
          ]),
        );
        expect(deleted).toHaveLength(2);
        expect(summarize(await store.listUserTokenEvents(org.id, colleague.id, 10))).toEqual([
          ['CREATED', kept.id, 'kept'],
        ]);
        // Already deleted: nothing left to remove, no event either.
        await store.deleteUser(org.id, user.id, 9_000);
        expect(await store.listUserTokenEvents(org.id, user.id, 10)).toHaveLength(4);
      });

      it('should write one per token of a deleted organization, and none for other organizations', async () => {
        const [org, user] = await anOrganizationWithUser();
        const colleague = aUser(org.id);
        await store.insertUser(colleague);
        const [, stranger] = await anOrganizationWithUser();
        const tokens = [await aStoredToken(user), await aStoredToken(colleague)];
        const kept = await aStoredToken(stranger);
        await store.deleteOrganization(org.id, 12_345);
        const events = (await store.listTokenEvents(org.id, { limit: 10 })).items;
        const deleted = events.filter((event) => event.type === 'DELETED');
        expect(deleted.map(({ sequence: _, ...event }) => event)).toEqual(
          expect.arrayContaining(tokens.map((token) => adminEventOf(token, 'DELETED', 12_345))),
        );
        expect(deleted).toHaveLength(2);
        const elsewhere = await store.listTokenEvents(stranger.organizationId, { limit: 10 });
        expect(elsewhere.items.map((event) => [event.type, event.tokenId])).toEqual([
          ['CREATED', kept.id],
        ]);
      });
    });
  });
}
