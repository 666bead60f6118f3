/**
 * The behaviour every Store backend must show, as one vitest suite per backend.
 * @module
 */
import { describe, expect, it } from 'vitest';
import { freshStorePerTest } from './test-support/fresh-store-per-test.js';
import type {
  KeysetCursor,
  OrganizationRecord,
  TokenEventRecord,
  TokenRecord,
  UserRecord,
} from '../domain/records.js';
import { UniqueConstraintError, UserNotEnabledError } from './storage-errors.js';
import {
  aToken,
  aUser,
  anAdminEvent,
  anOrganization,
  byCreatedAtThenId,
  secretHashOf,
} from './store-fixtures.js';
import type { Page, Store } from './store.js';
import { describeAddressContract } from './store-contract-addresses.js';
import { describeCreationTimeContract } from './store-contract-creation-time.js';
import { describeExpiryWarningsContract } from './store-contract-expiry-warnings.js';
import { describeMetricsContract } from './store-contract-metrics.js';
import { describeWebSessionContract } from './store-contract-web-sessions.js';
import { describeSingleSignOnContract } from './store-contract-single-sign-on.js';
import { describeTokenActivityContract } from './store-contract-token-activity.js';

/** Registers the contract suite for `backendName`; `makeStore` returns a fresh migrated store. */
export function describeStoreContract(backendName: string, makeStore: () => Promise<Store>): void {
  describe(`Store contract (${backendName})`, () => {
    describeAddressContract(makeStore);
    describeCreationTimeContract(makeStore);
    describeExpiryWarningsContract(makeStore);
    describeMetricsContract(makeStore);
    describeWebSessionContract(makeStore);
    describeSingleSignOnContract(makeStore);
    describeTokenActivityContract(makeStore);

    const store = freshStorePerTest(makeStore);

    /** The admin writes with the event each one takes (see the 'admin events' cases). */
    const insertToken = (token: TokenRecord) => store.insertToken(token, anAdminEvent(token));
    const ofToken = (organizationId: string, id: string) => ({
      organizationId,
      id,
      userId: 'u-any',
      name: 'any token',
      createdAt: 0,
    });
    const deleteToken = (organizationId: string, tokenId: string) =>
      store.deleteToken(
        organizationId,
        tokenId,
        anAdminEvent(ofToken(organizationId, tokenId), 'DELETED', 1),
      );
    const replaceTokenSecret = (
      organizationId: string,
      tokenId: string,
      secretHash: string,
      expiresAt: number,
    ) =>
      store.replaceTokenSecret(
        organizationId,
        tokenId,
        secretHash,
        expiresAt,
        anAdminEvent(ofToken(organizationId, tokenId), 'ROTATED', 1),
      );

    /** A stored organization with one ENABLED user, as the store returned them. */
    async function anOrganizationWithUser(): Promise<[OrganizationRecord, UserRecord]> {
      const org = await store.insertOrganization(anOrganization());
      const user = await store.insertUser(aUser(org.id));
      return [org, user];
    }

    /**
     * Stores `organization` and `users` with the times they carry: only a bulk load (or data
     * written before the store stamped creation times) can hold equal times, which the
     * listings order by ID.
     */
    const seedAsGiven = (organization: OrganizationRecord, users: UserRecord[] = []) =>
      store.seed({
        organization,
        users,
        tokenCount: 0,
        makeToken: () => {
          throw new Error('no tokens');
        },
      });

    describe('migrate and ping', () => {
      it('should treat a second migrate as a no-op that keeps the data', async () => {
        const [org] = await anOrganizationWithUser();
        await store.migrate();
        await store.migrate();
        expect(await store.getOrganization(org.id)).toEqual(org);
      });

      it('should answer ping', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
      });
    });

    describe('settings', () => {
      it('should store the first value and return it without calling create again', async () => {
        expect(await store.getOrCreateSetting('signing-key', () => 'first')).toBe('first');
        let called = false;
        const second = await store.getOrCreateSetting('signing-key', () => {
          called = true;
          return 'second';
        });
        expect(second).toBe('first');
        expect(called).toBe(false);
      });

      it('should give concurrent callers the same value', async () => {
        const values = await Promise.all(
          ['a', 'b', 'c', 'd'].map((value) => store.getOrCreateSetting('race', () => value)),
        );
        expect(new Set(values).size).toBe(1);
        expect(await store.getOrCreateSetting('race', () => 'late')).toBe(values[0]);
      });

      it('should keep settings apart by key', async () => {
        await store.getOrCreateSetting('one', () => '1');
        expect(await store.getOrCreateSetting('two', () => '2')).toBe('2');
      });

      it('should read a setting without creating it', async () => {
        expect(await store.getSetting('absent')).toBeUndefined();
        await store.getOrCreateSetting('present', () => 'value');
        expect(await store.getSetting('present')).toBe('value');
        expect(await store.getSetting('absent')).toBeUndefined();
      });
    });

    describe('access keys', () => {
      const key = {
        accessKeyId: 'AKIAMAILPAT0000001',
        secretAccessKey: 'secret/one',
        enabled: true,
        createdAt: 2_000,
      };

      it('should return a stored key with all fields', async () => {
        await store.putAccessKey(key);
        expect(await store.getAccessKey(key.accessKeyId)).toEqual(key);
        expect(await store.getAccessKey('AKIAUNKNOWN')).toBeUndefined();
      });

      it('should keep the first key when the ID is put again', async () => {
        await store.putAccessKey(key);
        await store.putAccessKey({ ...key, secretAccessKey: 'other', createdAt: 3_000 });
        expect(await store.getAccessKey(key.accessKeyId)).toEqual(key);
      });

      it('should delete one key and keep the others', async () => {
        await store.putAccessKey(key);
        await store.putAccessKey({ ...key, accessKeyId: 'AKIAOTHER' });
        await store.deleteAccessKey('AKIAOTHER');
        await store.deleteAccessKey('AKIANEVERSTORED');
        expect(await store.getAccessKey('AKIAOTHER')).toBeUndefined();
        expect(await store.getAccessKey(key.accessKeyId)).toEqual(key);
      });

      it('should find the oldest enabled key first', async () => {
        expect(await store.findFirstAccessKey()).toBeUndefined();
        await store.putAccessKey({ ...key, accessKeyId: 'AKIAC', createdAt: 3_000 });
        await store.putAccessKey({
          ...key,
          accessKeyId: 'AKIAA',
          createdAt: 1_000,
          enabled: false,
        });
        await store.putAccessKey({ ...key, accessKeyId: 'AKIAB', createdAt: 2_000 });
        expect((await store.findFirstAccessKey())?.accessKeyId).toBe('AKIAB');
      });
    });

    describe('organizations', () => {
      it('should return an inserted organization with every field', async () => {
        const record = anOrganization();
        const org = await store.insertOrganization(record);
        const bare = await store.insertOrganization(
          anOrganization({
            directoryId: null,
            interoperabilityEnabled: false,
            patConfiguration: null,
            identityCenter: null,
            domains: [],
            createdAt: 1,
          }),
        );
        expect(org).toEqual({ ...record, createdAt: org.createdAt });
        expect(await store.getOrganization(org.id)).toEqual(org);
        expect(await store.getOrganization(bare.id)).toEqual(bare);
        expect(await store.getOrganization('m-unknown')).toBeUndefined();
      });

      it('should reject a second organization with the same ID', async () => {
        const org = anOrganization();
        await store.insertOrganization(org);
        await expectUnique(
          store.insertOrganization({ ...org, alias: 'another-alias' }),
          'organizations_pkey',
        );
      });

      it('should reject a live alias that differs only in case', async () => {
        await store.insertOrganization(anOrganization({ alias: 'acme' }));
        await expectUnique(
          store.insertOrganization(anOrganization({ alias: 'ACME' })),
          'organizations_alias',
        );
      });

      it('should free the alias of a deleted organization', async () => {
        const old = anOrganization({ alias: 'acme' });
        await store.insertOrganization(old);
        await store.deleteOrganization(old.id, 5_000);
        const reborn = anOrganization({ alias: 'Acme' });
        await store.insertOrganization(reborn);
        expect((await store.findActiveOrganizationByAlias('ACME'))?.id).toBe(reborn.id);
      });

      it('should find only live organizations by alias, case-insensitively', async () => {
        const org = await store.insertOrganization(anOrganization({ alias: 'Acme-Corp' }));
        expect(await store.findActiveOrganizationByAlias('acme-corp')).toEqual(org);
        await store.deleteOrganization(org.id, 9_000);
        expect(await store.findActiveOrganizationByAlias('acme-corp')).toBeUndefined();
      });

      it('should apply a patch and leave other fields alone', async () => {
        const org = await store.insertOrganization(anOrganization());
        await store.updateOrganization(org.id, {
          patConfiguration: { status: 'INACTIVE', lifetimeInDays: 30 },
          identityCenter: null,
        });
        expect(await store.getOrganization(org.id)).toEqual({
          ...org,
          patConfiguration: { status: 'INACTIVE', lifetimeInDays: 30 },
          identityCenter: null,
        });
        await store.updateOrganization(org.id, { patConfiguration: null });
        await store.updateOrganization(org.id, {});
        expect((await store.getOrganization(org.id))?.patConfiguration).toBeNull();
      });

      it('should list organizations in keyset pages ordered by creation then ID', async () => {
        const orgs = ['c', 'a', 'b', 'e', 'd'].map((letter, i) =>
          anOrganization({ id: `m-${letter}`, alias: `org-${letter}`, createdAt: i < 3 ? 10 : 20 }),
        );
        for (const org of orgs) await seedAsGiven(org);
        const pages = await collectPages((after) => store.listOrganizations({ after, limit: 2 }));
        expect(pages.map((page) => page.items.map((org) => org.id))).toEqual([
          ['m-a', 'm-b'],
          ['m-c', 'm-d'],
          ['m-e'],
        ]);
        expect(pages.map((page) => page.hasMore)).toEqual([true, true, false]);
        expect(pages[0]?.items[0]).toEqual(orgs[1]);
      });
    });

    describe('users', () => {
      it('should return an inserted user with every field', async () => {
        const [org, user] = await anOrganizationWithUser();
        const record = aUser(org.id, {
          email: null,
          state: 'DISABLED',
          hiddenFromGlobalAddressList: true,
          attributes: {},
          passwordHash: null,
          enabledAt: null,
          disabledAt: 7_000,
        });
        const bare = await store.insertUser(record);
        expect(bare).toEqual({ ...record, createdAt: bare.createdAt });
        expect(await store.getUser(org.id, user.id)).toEqual(user);
        expect(await store.getUser(org.id, bare.id)).toEqual(bare);
        expect(await store.getUser('m-other', user.id)).toBeUndefined();
      });

      it('should reject a second user with the same ID', async () => {
        const [org, user] = await anOrganizationWithUser();
        await expectUnique(
          store.insertUser({ ...user, name: 'someone-else', email: null }),
          'users_pkey',
        );
        expect((await store.getUser(org.id, user.id))?.name).toBe(user.name);
      });

      it('should reject a live user name that differs only in case', async () => {
        const org = anOrganization();
        await store.insertOrganization(org);
        await store.insertUser(aUser(org.id, { name: 'jane', email: null }));
        await expectUnique(
          store.insertUser(aUser(org.id, { name: 'JANE', email: null })),
          'users_name',
        );
      });

      it('should reject a live email that differs only in case', async () => {
        const org = anOrganization();
        await store.insertOrganization(org);
        await store.insertUser(aUser(org.id, { name: 'a', email: 'jane@example.org' }));
        await expectUnique(
          store.insertUser(aUser(org.id, { name: 'b', email: 'Jane@Example.org' })),
          'users_email',
        );
        const other = aUser(org.id, { name: 'c', email: null });
        await store.insertUser(other);
        await expectUnique(
          store.updateUser(org.id, other.id, { email: 'JANE@example.org' }),
          'users_email',
        );
      });

      it('should allow the same name in another organization', async () => {
        const [, user] = await anOrganizationWithUser();
        const other = anOrganization();
        await store.insertOrganization(other);
        const twin = await store.insertUser(aUser(other.id, { name: user.name, email: null }));
        expect(await store.findUser(other.id, user.name)).toEqual(twin);
      });

      it('should free the name and email of a deleted user', async () => {
        const [org, user] = await anOrganizationWithUser();
        await store.deleteUser(org.id, user.id, 8_000);
        const again = aUser(org.id, { name: user.name.toUpperCase(), email: user.email });
        await store.insertUser(again);
        expect((await store.getUser(org.id, user.id))?.state).toBe('DELETED');
      });

      it('should find a user by ID, email or name, the last two case-insensitively', async () => {
        const org = anOrganization();
        await store.insertOrganization(org);
        const user = await store.insertUser(
          aUser(org.id, { name: 'Jane.Doe', email: 'Jane.Doe@Example.org' }),
        );
        await store.insertUser(aUser(org.id, { name: 'other', email: 'other@example.org' }));
        expect(await store.findUser(org.id, user.id)).toEqual(user);
        expect(await store.findUser(org.id, 'jane.doe@example.ORG')).toEqual(user);
        expect(await store.findUser(org.id, 'JANE.DOE')).toEqual(user);
        expect(await store.findUser(org.id, 'nobody')).toBeUndefined();
        expect(await store.findUser('m-other', user.id)).toBeUndefined();
      });

      it('should prefer a live user over a deleted one with the same name', async () => {
        const org = anOrganization();
        const jane = { email: 'jane@example.org' };
        // The deleted user is the newer one: being live wins over being newer.
        const old = aUser(org.id, { ...jane, name: 'jane', state: 'DELETED', createdAt: 5 });
        const live = aUser(org.id, { ...jane, name: 'Jane', createdAt: 1 });
        await seedAsGiven(org, [old, live]);
        expect(await store.findUser(org.id, 'jane')).toEqual(live);
        expect(await store.findUser(org.id, 'JANE@example.org')).toEqual(live);
        expect((await store.findUser(org.id, old.id))?.id).toBe(old.id);
        // With no live one left, the newest deleted user.
        await store.deleteUser(org.id, live.id, 6);
        expect((await store.findUser(org.id, 'JANE'))?.id).toBe(old.id);
      });

      it('should apply a patch and keep lookups in step with it', async () => {
        const [org, user] = await anOrganizationWithUser();
        await store.updateUser(org.id, user.id, {
          email: 'New@Example.org',
          displayName: 'New Name',
          role: 'SYSTEM_USER',
          state: 'DISABLED',
          hiddenFromGlobalAddressList: true,
          attributes: { Department: 'R&D' },
          passwordHash: null,
          enabledAt: null,
          disabledAt: 9_000,
        });
        const expected: UserRecord = {
          ...user,
          email: 'New@Example.org',
          displayName: 'New Name',
          role: 'SYSTEM_USER',
          state: 'DISABLED',
          hiddenFromGlobalAddressList: true,
          attributes: { Department: 'R&D' },
          passwordHash: null,
          enabledAt: null,
          disabledAt: 9_000,
        };
        expect(await store.getUser(org.id, user.id)).toEqual(expected);
        expect(await store.findUser(org.id, 'new@example.org')).toEqual(expected);
        expect(await store.findUser(org.id, user.email!)).toBeUndefined();
        await store.updateUser(org.id, user.id, {});
        expect(await store.getUser(org.id, user.id)).toEqual(expected);
      });

      it('should list users in keyset pages with filters', async () => {
        const org = anOrganization();
        const users = [
          aUser(org.id, { id: 'u3', name: 'alice', email: 'alice@a.org', createdAt: 1 }),
          aUser(org.id, {
            id: 'u1',
            name: 'Alan',
            email: null,
            createdAt: 1,
            displayName: 'Alan T',
          }),
          aUser(org.id, { id: 'u2', name: 'bob', email: 'bob@b.org', createdAt: 1 }),
          aUser(org.id, {
            id: 'u0',
            name: 'albert',
            email: 'albert@a.org',
            createdAt: 2,
            state: 'DISABLED',
            attributes: { IdentityProviderUserId: 'idp-777' },
          }),
        ];
        await seedAsGiven(org, users);
        const ids = async (filters: Parameters<Store['listUsers']>[1]['filters']) =>
          (await store.listUsers(org.id, { limit: 10, filters })).items.map((user) => user.id);
        expect(await ids(undefined)).toEqual(['u1', 'u2', 'u3', 'u0']);
        expect(await ids({})).toEqual(['u1', 'u2', 'u3', 'u0']);
        expect(await ids({ usernamePrefix: 'AL' })).toEqual(['u1', 'u3', 'u0']);
        expect(await ids({ primaryEmailPrefix: 'Al' })).toEqual(['u3', 'u0']);
        expect(await ids({ displayNamePrefix: 'Alan' })).toEqual(['u1']);
        expect(await ids({ displayNamePrefix: 'alan' })).toEqual([]);
        expect(await ids({ state: 'DISABLED' })).toEqual(['u0']);
        expect(await ids({ identityProviderUserIdPrefix: 'idp-7' })).toEqual(['u0']);
        expect(await ids({ usernamePrefix: 'al', state: 'ENABLED' })).toEqual(['u1', 'u3']);
        expect(await ids({ usernamePrefix: '%' })).toEqual([]);
        const pages = await collectPages((after) =>
          store.listUsers(org.id, { after, limit: 2, filters: { usernamePrefix: 'a' } }),
        );
        expect(pages.map((page) => page.items.map((user) => user.id))).toEqual([
          ['u1', 'u3'],
          ['u0'],
        ]);
        expect(pages[1]?.items[0]).toEqual(users[3]);
      });

      it('should mark a deleted user DELETED and delete only its tokens', async () => {
        const [org, user] = await anOrganizationWithUser();
        const other = await store.insertUser(aUser(org.id));
        const token = await insertToken(aToken(user));
        const kept = await insertToken(aToken(other));
        await store.deleteUser(org.id, user.id, 8_000);
        expect(await store.getUser(org.id, user.id)).toEqual({ ...user, state: 'DELETED' });
        expect(await store.getToken(org.id, token.id)).toBeUndefined();
        expect(await store.findTokenBySecretHash(token.secretHash)).toBeUndefined();
        expect(await store.getToken(org.id, kept.id)).toEqual(kept);
      });
    });

    describe('deleteOrganization', () => {
      it('should mark it Deleted and remove its users and tokens, not those of others', async () => {
        const [org, user] = await anOrganizationWithUser();
        const [otherOrg, otherUser] = await anOrganizationWithUser();
        const token = await insertToken(aToken(user));
        const kept = await insertToken(aToken(otherUser));
        await store.deleteOrganization(org.id, 12_345);
        expect(await store.getOrganization(org.id)).toEqual({
          ...org,
          state: 'Deleted',
          deletedAt: 12_345,
        });
        expect(await store.getUser(org.id, user.id)).toBeUndefined();
        expect(await store.findUser(org.id, user.name)).toBeUndefined();
        expect(await store.getToken(org.id, token.id)).toBeUndefined();
        expect((await store.listUsers(org.id, { limit: 10 })).items).toEqual([]);
        expect((await store.listTokens(org.id, { limit: 10 })).items).toEqual([]);
        expect(await store.getUser(otherOrg.id, otherUser.id)).toEqual(otherUser);
        expect(await store.getToken(otherOrg.id, kept.id)).toEqual(kept);
      });
    });

    describe('tokens', () => {
      it('should return an inserted token with every field', async () => {
        const [org, user] = await anOrganizationWithUser();
        const record = aToken(user, {
          scopes: ['IMAP', 'EWS', 'a "quoted", scope'],
          lastUsedAt: 77,
        });
        const token = await insertToken(record);
        const bare = await insertToken(aToken(user, { scopes: [] }));
        expect(token).toEqual({
          ...record,
          createdAt: token.createdAt,
          expiresAt: token.expiresAt,
        });
        expect(await store.getToken(org.id, token.id)).toEqual(token);
        expect(await store.getToken(org.id, bare.id)).toEqual(bare);
        expect(await store.getToken('m-other', token.id)).toBeUndefined();
      });

      it('should hand out records the caller may change without affecting the store', async () => {
        const [org, user] = await anOrganizationWithUser();
        const token = aToken(user);
        await insertToken(token);
        const first = await store.getToken(org.id, token.id);
        first?.scopes.push('CHANGED');
        expect((await store.getToken(org.id, token.id))?.scopes).toEqual(['IMAP', 'SMTP']);
      });

      it('should reject a repeated token ID or secret hash', async () => {
        const [, user] = await anOrganizationWithUser();
        const token = aToken(user);
        await insertToken(token);
        await expectUnique(
          insertToken({ ...token, secretHash: secretHashOf('other') }),
          'personal_access_tokens_pkey',
        );
        await expectUnique(
          insertToken(aToken(user, { secretHash: token.secretHash })),
          'tokens_secret_hash',
        );
      });

      it('should page through tokens created in the same millisecond without gaps', async () => {
        const org = anOrganization();
        const user = aUser(org.id);
        const tokens = Array.from({ length: 23 }, (_, i) =>
          aToken(user, { createdAt: 1_000 + Math.floor(i / 5) }),
        );
        const reversed = [...tokens].reverse();
        await store.seed({
          organization: org,
          users: [user],
          tokenCount: 23,
          makeToken: (i) => reversed[i]!,
        });
        const pages = await collectPages((after) => store.listTokens(org.id, { after, limit: 4 }));
        expect(pages.map((page) => page.items.length)).toEqual([4, 4, 4, 4, 4, 3]);
        expect(pages.map((page) => page.hasMore)).toEqual([true, true, true, true, true, false]);
        const listed = pages.flatMap((page) => page.items);
        expect(listed).toEqual([...tokens].sort(byCreatedAtThenId));
      });

      it('should order IDs of one millisecond byte by byte, whatever the collation', async () => {
        const org = anOrganization();
        const user = aUser(org.id);
        // A linguistic collation (en-US) would sort these as a_c, a-b, aa, ab, B.
        const ids = ['pat-B', 'pat-a-b', 'pat-a_c', 'pat-aa', 'pat-ab'];
        const reversed = [...ids].reverse();
        const makeToken = (i: number) => aToken(user, { id: reversed[i]!, createdAt: 7 });
        await store.seed({ organization: org, users: [user], tokenCount: 5, makeToken });
        const pages = await collectPages((after) => store.listTokens(org.id, { after, limit: 2 }));
        expect(pages.flatMap((page) => page.items.map((token) => token.id))).toEqual(ids);
        const summaries = await store.listTokenSummaryPage(org.id, { limit: 10 });
        const listed = JSON.parse(`[${summaries.summariesJson}]`) as {
          PersonalAccessTokenId: string;
        }[];
        expect(listed.map((summary) => summary.PersonalAccessTokenId)).toEqual(ids);
      });

      it('should report no more rows when the last page is exactly full', async () => {
        const [org, user] = await anOrganizationWithUser();
        for (let i = 0; i < 4; i++) await insertToken(aToken(user, { createdAt: i }));
        const first = await store.listTokens(org.id, { limit: 4 });
        expect(first.items).toHaveLength(4);
        expect(first.hasMore).toBe(false);
      });

      it('should list only the given user tokens when userId is set', async () => {
        const [org, user] = await anOrganizationWithUser();
        const other = await store.insertUser(aUser(org.id));
        const first = await insertToken(aToken(user));
        const between = await insertToken(aToken(other));
        const last = await insertToken(aToken(user));
        const pages = await collectPages((after) =>
          store.listTokens(org.id, { after, limit: 1, userId: user.id }),
        );
        expect(pages.flatMap((page) => page.items)).toEqual([first, last]);
        const all = await store.listTokens(org.id, { limit: 10 });
        expect(all.items).toEqual([first, between, last]);
      });

      it('should refuse a token for a user that is not ENABLED', async () => {
        const [org, user] = await anOrganizationWithUser();
        await store.updateUser(org.id, user.id, { state: 'DISABLED' });
        await expect(insertToken(aToken(user))).rejects.toBeInstanceOf(UserNotEnabledError);
        await store.deleteUser(org.id, user.id, 1);
        await expect(insertToken(aToken(user))).rejects.toBeInstanceOf(UserNotEnabledError);
        expect((await store.listTokens(org.id, { limit: 10 })).items).toEqual([]);
      });

      it('should reject a token whose user is not in its organization', async () => {
        const [, user] = await anOrganizationWithUser();
        const [otherOrg] = await anOrganizationWithUser();
        await expect(
          insertToken(aToken({ id: user.id, organizationId: otherOrg.id })),
        ).rejects.toThrow();
      });

      it('should delete a token of the organization once', async () => {
        const [org, user] = await anOrganizationWithUser();
        const token = aToken(user);
        await insertToken(token);
        expect(await deleteToken('m-other', token.id)).toBe(false);
        expect(await deleteToken(org.id, token.id)).toBe(true);
        expect(await deleteToken(org.id, token.id)).toBe(false);
        expect(await store.getToken(org.id, token.id)).toBeUndefined();
      });

      it('should replace the secret hash and expiry of a token', async () => {
        const [org, user] = await anOrganizationWithUser();
        const token = await insertToken(aToken(user));
        const newHash = secretHashOf('rotated');
        const rotated = { ...token, secretHash: newHash, expiresAt: token.expiresAt + 5 };
        expect(await replaceTokenSecret('m-other', token.id, newHash, 1)).toBeUndefined();
        expect(await replaceTokenSecret(org.id, token.id, newHash, rotated.expiresAt)).toEqual(
          rotated,
        );
        expect(await store.getToken(org.id, token.id)).toEqual(rotated);
        expect(await store.findTokenBySecretHash(token.secretHash)).toBeUndefined();
        expect(await store.findTokenBySecretHash(newHash)).toEqual(rotated);
        expect(await replaceTokenSecret(org.id, 'pat-unknown', newHash, 1)).toBeUndefined();
      });

      it('should list summaries as wire JSON that follows inserts, rotations and the filter', async () => {
        const [org, user] = await anOrganizationWithUser();
        const other = await store.insertUser(aUser(org.id));
        const a = await insertToken(aToken(user, { name: 'a "quoted" <name>,{"x"}' }));
        const b = await insertToken(aToken(other, { lastUsedAt: 1_700_000_000_500 }));
        const c = await insertToken(aToken(user));
        await replaceTokenSecret(org.id, a.id, secretHashOf('rotated'), 1_800_000_000_000);

        const first = await store.listTokenSummaryPage(org.id, { limit: 1 });
        expect(first).toMatchObject({ hasMore: true, last: { createdAt: a.createdAt, id: a.id } });
        expect(JSON.parse(`[${first.summariesJson}]`)).toEqual([
          {
            PersonalAccessTokenId: a.id,
            UserId: a.userId,
            Name: a.name,
            DateCreated: a.createdAt / 1000,
            ExpiresTime: 1_800_000_000,
            Scopes: a.scopes,
          },
        ]);
        const rest = await store.listTokenSummaryPage(org.id, { limit: 5, after: first.last });
        expect(rest).toMatchObject({ hasMore: false, last: { createdAt: c.createdAt, id: c.id } });
        const restItems = JSON.parse(`[${rest.summariesJson}]`) as Record<string, unknown>[];
        expect(restItems.map((t) => t.PersonalAccessTokenId)).toEqual([b.id, c.id]);
        expect(restItems[0]).toMatchObject({ DateLastUsed: 1_700_000_000.5 });
        const filtered = await store.listTokenSummaryPage(org.id, { limit: 5, userId: other.id });
        expect(JSON.parse(`[${filtered.summariesJson}]`)).toHaveLength(1);
        expect(filtered.last?.id).toBe(b.id);
        expect(await store.listTokenSummaryPage(org.id, { limit: 5, userId: 'nobody' })).toEqual({
          summariesJson: '',
          hasMore: false,
        });
      });

      it("should read the organization's state with its page, in one statement", async () => {
        const [org, user] = await anOrganizationWithUser();
        await insertToken(aToken(user));
        await insertToken(aToken(user));
        const { organizationState, page } = await store.listOrganizationTokenSummaryPage(org.id, {
          limit: 1,
        });
        expect(organizationState).toBe('Active');
        expect(page).toEqual(await store.listTokenSummaryPage(org.id, { limit: 1 }));
        expect(
          await store.listOrganizationTokenSummaryPage('m-nosuchorganization', { limit: 5 }),
        ).toEqual({ organizationState: undefined, page: { summariesJson: '', hasMore: false } });
        await store.deleteOrganization(org.id, 5);
        expect(await store.listOrganizationTokenSummaryPage(org.id, { limit: 5 })).toEqual({
          organizationState: 'Deleted',
          page: { summariesJson: '', hasMore: false },
        });
      });

      it('should page summaries in the same order as listTokens, ties included', async () => {
        const org = anOrganization();
        const user = aUser(org.id);
        const makeToken = (i: number) => aToken(user, { createdAt: 1_700_000_000_000 + (i % 4) });
        await store.seed({ organization: org, users: [user], tokenCount: 23, makeToken });
        const expected = (await store.listTokens(org.id, { limit: 100 })).items.map((t) => t.id);
        const seen: string[] = [];
        let after: KeysetCursor | undefined;
        for (;;) {
          const page = await store.listTokenSummaryPage(org.id, { limit: 5, after });
          const items = JSON.parse(`[${page.summariesJson}]`) as {
            PersonalAccessTokenId: string;
          }[];
          seen.push(...items.map((t) => t.PersonalAccessTokenId));
          if (!page.hasMore) break;
          after = page.last;
        }
        expect(seen).toEqual(expected);
      });

      it('should reject a rotation to a secret hash another token has', async () => {
        const [org, user] = await anOrganizationWithUser();
        const [a, b] = [aToken(user), aToken(user)];
        await insertToken(a);
        await insertToken(b);
        await expectUnique(replaceTokenSecret(org.id, a.id, b.secretHash, 1), 'tokens_secret_hash');
      });
    });

    describe('token activity', () => {
      it('should find a token by its secret hash with what decides a login', async () => {
        const [org, user] = await anOrganizationWithUser();
        const token = await insertToken(aToken(user));
        expect(await store.findLoginSubject(token.secretHash)).toEqual({
          token,
          userEmail: user.email,
          userState: 'ENABLED',
          organizationState: org.state,
          patStatus: 'ACTIVE',
        });
        expect(await store.findLoginSubject(secretHashOf('nope'))).toBeUndefined();
      });

      it('should never move lastUsedAt back, and show it in the listed summary', async () => {
        const [org, user] = await anOrganizationWithUser();
        const token = aToken(user);
        await insertToken(token);
        const use = (usedAt: number) => ({
          organizationId: org.id,
          tokenId: token.id,
          usedAt,
          clientAddress: null,
        });
        await store.recordTokenActivity([use(2_000_000)], []);
        await store.recordTokenActivity([use(1_000_000)], []);
        expect((await store.getToken(org.id, token.id))?.lastUsedAt).toBe(2_000_000);
        const page = await store.listTokenSummaryPage(org.id, { limit: 10 });
        expect(JSON.parse(`[${page.summariesJson}]`)).toMatchObject([{ DateLastUsed: 2000 }]);
      });

      it('should drop uses of deleted tokens and keep the events', async () => {
        const [org, user] = await anOrganizationWithUser();
        const token = aToken(user);
        await insertToken(token);
        await deleteToken(org.id, token.id);
        const event = {
          organizationId: org.id,
          tokenId: token.id,
          userId: user.id,
          type: 'USED' as const,
          at: 5,
          clientAddress: '127.0.0.1',
          tokenName: token.name,
        };
        await store.recordTokenActivity(
          [{ organizationId: org.id, tokenId: token.id, usedAt: 5, clientAddress: '127.0.0.1' }],
          [event],
        );
        const page = await store.listTokenEvents(org.id, { limit: 10 });
        expect(page.items.map((e) => e.type)).toEqual(['CREATED', 'DELETED', 'USED']);
        expect(page.items[2]).toEqual({ ...event, sequence: expect.any(Number) as number });
      });

      it('should write a batch of events larger than one statement takes', async () => {
        const [org, user] = await anOrganizationWithUser();
        const events = Array.from({ length: 12_345 }, (_, at) => ({
          organizationId: org.id,
          tokenId: 'pat-many',
          userId: user.id,
          type: 'USED' as const,
          at,
          clientAddress: '10.0.0.1',
          tokenName: 'many',
        }));
        await store.recordTokenActivity([], events);
        const last = await store.listTokenEvents(org.id, { limit: 100, afterSequence: 0 });
        expect(last.items[0]?.at).toBe(0);
        expect(last.hasMore).toBe(true);
      });

      it('should list events in insertion order, by token, in pages', async () => {
        const [org, user] = await anOrganizationWithUser();
        const event = (tokenId: string, at: number) => ({
          organizationId: org.id,
          tokenId,
          userId: user.id,
          type: 'CREATED' as const,
          at,
          clientAddress: null,
          tokenName: null,
        });
        // Written out of time order: insertion order is what a pagination must follow.
        await store.recordTokenActivity([], [event('pat-a', 30), event('pat-b', 10)]);
        await store.recordTokenActivity([], [event('pat-a', 20)]);
        const first = await store.listTokenEvents(org.id, { limit: 2 });
        expect(first.items.map((e) => e.at)).toEqual([30, 10]);
        expect(first.hasMore).toBe(true);
        const rest = await store.listTokenEvents(org.id, {
          limit: 2,
          afterSequence: first.items[1]!.sequence,
        });
        expect(rest).toEqual({ items: [expect.objectContaining({ at: 20 })], hasMore: false });
        const ofA = await store.listTokenEvents(org.id, { limit: 10, tokenId: 'pat-a' });
        expect(ofA.items.map((e) => e.at)).toEqual([30, 20]);
      });
    });

    describe('admin events', () => {
      /** An event the database refuses (user_id is NOT NULL): the write fails after the change. */
      const refused = (event: TokenEventRecord) => ({
        ...event,
        userId: null as unknown as string,
      });
      const historyOf = async (organizationId: string, tokenId: string) =>
        (await store.listTokenEvents(organizationId, { limit: 10, tokenId })).items.map((event) => [
          event.type,
          event.userId,
          event.at,
        ]);

      it('should write CREATED, ROTATED and DELETED with their changes, and only then', async () => {
        const [org, user] = await anOrganizationWithUser();
        const record = aToken(user);
        const token = await store.insertToken(record, anAdminEvent(record));
        const rotatedAt = token.createdAt + 1;
        const newHash = secretHashOf('new');
        await store.replaceTokenSecret(
          org.id,
          token.id,
          newHash,
          2,
          anAdminEvent(token, 'ROTATED', rotatedAt),
        );
        expect(await store.deleteToken(org.id, token.id, anAdminEvent(token, 'DELETED', 9))).toBe(
          true,
        );
        // Nothing left to rotate or delete: no event either.
        const late = anAdminEvent(token, 'ROTATED', 10);
        expect(await store.replaceTokenSecret(org.id, token.id, newHash, 2, late)).toBeUndefined();
        expect(await store.deleteToken(org.id, token.id, anAdminEvent(token, 'DELETED', 11))).toBe(
          false,
        );
        expect(await historyOf(org.id, token.id)).toEqual([
          ['CREATED', user.id, token.createdAt],
          ['ROTATED', user.id, rotatedAt],
          ['DELETED', user.id, 9],
        ]);
      });

      it('should not keep a token whose CREATED event could not be written', async () => {
        const [org, user] = await anOrganizationWithUser();
        const token = aToken(user);
        await expect(store.insertToken(token, refused(anAdminEvent(token)))).rejects.toThrow();
        expect(await store.getToken(org.id, token.id)).toBeUndefined();
        expect(await historyOf(org.id, token.id)).toEqual([]);
      });

      it('should keep the old secret when the ROTATED event could not be written', async () => {
        const [org, user] = await anOrganizationWithUser();
        const token = await insertToken(aToken(user));
        const event = refused(anAdminEvent(token, 'ROTATED', 5));
        await expect(
          store.replaceTokenSecret(org.id, token.id, secretHashOf('new'), 2, event),
        ).rejects.toThrow();
        expect(await store.getToken(org.id, token.id)).toEqual(token);
        expect(await historyOf(org.id, token.id)).toEqual([['CREATED', user.id, token.createdAt]]);
      });

      it('should keep the token when the DELETED event could not be written', async () => {
        const [org, user] = await anOrganizationWithUser();
        const token = await insertToken(aToken(user));
        const event = refused(anAdminEvent(token, 'DELETED', 5));
        await expect(store.deleteToken(org.id, token.id, event)).rejects.toThrow();
        expect(await store.getToken(org.id, token.id)).toEqual(token);
        expect(await historyOf(org.id, token.id)).toEqual([['CREATED', user.id, token.createdAt]]);
      });
    });

    describe('event retention', () => {
      it('should delete at most the given number of events older than the cutoff, oldest first', async () => {
        const [org, user] = await anOrganizationWithUser();
        // Written out of time order, as flushed batches are.
        const times = Array.from({ length: 2_500 }, (_, i) => (i * 7919) % 2_500);
        await store.recordTokenActivity(
          [],
          times.map((at) => ({ ...anAdminEvent(aToken(user), 'USED', at), clientAddress: 'x' })),
        );
        expect(await store.deleteTokenEventsBefore(2_000, 1_200)).toBe(1_200);
        expect(await store.deleteTokenEventsBefore(2_000, 1_200)).toBe(800);
        expect(await store.deleteTokenEventsBefore(2_000, 1_200)).toBe(0);
        const left = await store.listTokenEvents(org.id, { limit: 1_000 });
        expect(left.items.map((event) => event.at).sort((a, b) => a - b)).toEqual(
          Array.from({ length: 500 }, (_, i) => 2_000 + i),
        );
      });
    });

    describe('seed', () => {
      it('should seed next to existing tokens and keep every uniqueness rule', async () => {
        const [, user] = await anOrganizationWithUser();
        const existing = await insertToken(aToken(user));
        const org = anOrganization();
        const seeded = aUser(org.id);
        const makeToken = (i: number) => aToken(seeded, { id: `pat-s${i}`, createdAt: 10 + i });
        await store.seed({ organization: org, users: [seeded], tokenCount: 120, makeToken });
        const page = await store.listTokens(org.id, { limit: 200 });
        expect(page.items).toHaveLength(120);
        expect((await store.listTokens(user.organizationId, { limit: 10 })).items).toEqual([
          existing,
        ]);
        await expectUnique(
          insertToken(aToken(seeded, { secretHash: makeToken(3).secretHash })),
          'tokens_secret_hash',
        );
      });

      it('should leave the unique indexes in place after seeding an empty store', async () => {
        const org = anOrganization();
        const user = aUser(org.id);
        const makeToken = (i: number) => aToken(user, { id: `pat-${i}`, createdAt: i });
        await store.seed({ organization: org, users: [user], tokenCount: 10, makeToken });
        await expectUnique(
          insertToken({ ...makeToken(4), secretHash: secretHashOf('fresh') }),
          'personal_access_tokens_pkey',
        );
        await expectUnique(
          insertToken(aToken(user, { secretHash: makeToken(4).secretHash })),
          'tokens_secret_hash',
        );
        const pages = await collectPages((after) => store.listTokens(org.id, { after, limit: 3 }));
        expect(pages.flatMap((p) => p.items.map((t) => t.createdAt))).toEqual([
          0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
        ]);
      });

      it('should write nothing when making a token fails', async () => {
        const org = anOrganization();
        const user = aUser(org.id);
        const failing = store.seed({
          organization: org,
          users: [user],
          tokenCount: 100,
          makeToken: (i) => {
            if (i === 60) throw new Error('generator failed');
            return aToken(user, { createdAt: i });
          },
        });
        await expect(failing).rejects.toThrow('generator failed');
        expect(await store.getOrganization(org.id)).toBeUndefined();
        expect((await store.listTokens(org.id, { limit: 1 })).items).toEqual([]);
      });

      it('should write the organization, its users and exactly tokenCount tokens', async () => {
        const org = anOrganization();
        const users = [aUser(org.id), aUser(org.id)];
        const progress: number[] = [];
        await store.seed({
          organization: org,
          users,
          tokenCount: 1_234,
          makeToken: (i) =>
            aToken(users[i % 2]!, { id: `pat-${String(i).padStart(6, '0')}`, createdAt: i }),
          onProgress: (written) => progress.push(written),
        });
        expect(await store.getOrganization(org.id)).toEqual(org);
        expect(await store.findUser(org.id, users[1]!.name)).toEqual(users[1]);
        expect(progress.at(-1)).toBe(1_234);
        const pages = await collectPages((after) =>
          store.listTokens(org.id, { after, limit: 500 }),
        );
        const ids = pages.flatMap((page) => page.items.map((token) => token.id));
        expect(ids).toHaveLength(1_234);
        expect(new Set(ids).size).toBe(1_234);
        expect(ids[1_233]).toBe('pat-001233');
        expect(await store.getToken(org.id, 'pat-000007')).toEqual(
          aToken(users[1]!, { id: 'pat-000007', createdAt: 7 }),
        );
      });
    });
  });
}

async function expectUnique(write: Promise<unknown>, constraint: string): Promise<void> {
  const error: unknown = await write.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(UniqueConstraintError);
  expect((error as UniqueConstraintError).constraint).toBe(constraint);
}

async function collectPages<T extends { createdAt: number; id: string }>(
  fetchPage: (after: KeysetCursor | undefined) => Promise<Page<T>>,
): Promise<Page<T>[]> {
  const pages: Page<T>[] = [];
  let after: KeysetCursor | undefined;
  for (;;) {
    const page = await fetchPage(after);
    pages.push(page);
    const last = page.items.at(-1);
    if (!page.hasMore || last === undefined || pages.length > 1_000) return pages;
    after = { createdAt: last.createdAt, id: last.id };
  }
}
