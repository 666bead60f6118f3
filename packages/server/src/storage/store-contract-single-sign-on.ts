/**
 * The store contract for single sign-on: one OpenID Connect provider per organization, and
 * login states that can be taken only once.
 * @module
 */
import { describe, expect, it } from 'vitest';
import { freshStorePerTest } from './test-support/fresh-store-per-test.js';
import type { OidcLoginStateRecord, OidcProviderRecord } from '../domain/records.js';
import { anOrganization } from './store-fixtures.js';
import type { Store } from './store.js';

/** Registers the cases; `makeStore` returns a fresh migrated store. */
export function describeSingleSignOnContract(makeStore: () => Promise<Store>): void {
  describe('single sign-on', () => {
    const store = freshStorePerTest(makeStore);

    async function aProvider(overrides: Partial<OidcProviderRecord> = {}) {
      const org = anOrganization();
      await store.insertOrganization(org);
      return anOidcProvider(org.id, overrides);
    }

    it('should store a provider and replace every field on a second put', async () => {
      const provider = await aProvider();
      await store.putOidcProvider(provider);
      expect(await store.getOidcProvider(provider.organizationId)).toEqual(provider);
      const replaced: OidcProviderRecord = {
        ...provider,
        providerName: 'Other',
        issuerUrl: 'https://other.example/realms/x',
        clientId: 'other-client',
        clientSecret: 'other-secret',
        createdAt: 7,
        updatedAt: 8,
      };
      await store.putOidcProvider(replaced);
      expect(await store.getOidcProvider(provider.organizationId)).toEqual(replaced);
      expect(await store.getOidcProvider(anOrganization().id)).toBeUndefined();
    });

    it('should list providers of live organizations by name, then organization ID', async () => {
      const names = ['beta', 'Acme', 'acme', 'Beta', 'Acme'];
      const providers = [];
      for (const providerName of names) {
        const provider = await aProvider({ providerName });
        await store.putOidcProvider(provider);
        providers.push(provider);
      }
      // Written after the delete (which removes providers), to see the listing's own filter.
      const deleted = await aProvider({ providerName: 'Acme' });
      await store.deleteOrganization(deleted.organizationId, 1);
      await store.putOidcProvider(deleted);
      const byNameThenId = (a: OidcProviderRecord, b: OidcProviderRecord) =>
        compareText(a.providerName, b.providerName) ||
        compareText(a.organizationId, b.organizationId);
      expect(await store.listOidcProviders()).toEqual([...providers].sort(byNameThenId));
    });

    it('should delete a provider once', async () => {
      const provider = await aProvider();
      await store.putOidcProvider(provider);
      expect(await store.deleteOidcProvider(provider.organizationId)).toBe(true);
      expect(await store.deleteOidcProvider(provider.organizationId)).toBe(false);
      expect(await store.getOidcProvider(provider.organizationId)).toBeUndefined();
    });

    it('should hand a login state out once', async () => {
      const provider = await aProvider();
      const state = aLoginState(provider.organizationId, 1_000);
      await store.insertOidcLoginState(state);
      const [first, second] = await Promise.all([
        store.takeOidcLoginState(state.state),
        store.takeOidcLoginState(state.state),
      ]);
      expect([first, second].filter((taken) => taken !== undefined)).toEqual([state]);
      expect(await store.takeOidcLoginState(state.state)).toBeUndefined();
      expect(await store.takeOidcLoginState('never-issued')).toBeUndefined();
    });

    it('should delete old login states in batches, oldest first', async () => {
      const provider = await aProvider();
      const times = [5_000, 1_000, 3_000, 2_000, 9_000];
      const states = times.map((at) => aLoginState(provider.organizationId, at));
      for (const state of states) await store.insertOidcLoginState(state);
      expect(await store.deleteOidcLoginStatesBefore(4_000, 2)).toBe(2);
      expect(await store.takeOidcLoginState(states[1]!.state)).toBeUndefined();
      expect(await store.takeOidcLoginState(states[3]!.state)).toBeUndefined();
      expect(await store.deleteOidcLoginStatesBefore(4_000, 2)).toBe(1);
      expect(await store.deleteOidcLoginStatesBefore(4_000, 2)).toBe(0);
      expect(await store.takeOidcLoginState(states[0]!.state)).toEqual(states[0]);
      expect(await store.takeOidcLoginState(states[4]!.state)).toEqual(states[4]);
    });

    it("should delete an organization's provider and login states with it", async () => {
      const provider = await aProvider();
      const kept = await aProvider();
      await store.putOidcProvider(provider);
      await store.putOidcProvider(kept);
      const state = aLoginState(provider.organizationId, 1_000);
      const keptState = aLoginState(kept.organizationId, 1_000);
      await store.insertOidcLoginState(state);
      await store.insertOidcLoginState(keptState);
      await store.deleteOrganization(provider.organizationId, 2_000);
      expect(await store.getOidcProvider(provider.organizationId)).toBeUndefined();
      expect(await store.takeOidcLoginState(state.state)).toBeUndefined();
      expect(await store.getOidcProvider(kept.organizationId)).toEqual(kept);
      expect(await store.takeOidcLoginState(keptState.state)).toEqual(keptState);
    });
  });
}

function anOidcProvider(
  organizationId: string,
  overrides: Partial<OidcProviderRecord>,
): OidcProviderRecord {
  return {
    organizationId,
    providerName: 'Example SSO',
    issuerUrl: 'https://sso.example.org/realms/mail',
    clientId: `client-${organizationId.slice(2, 10)}`,
    clientSecret: 'client-secret-value',
    createdAt: 1_000,
    updatedAt: 2_000,
    ...overrides,
  };
}

function aLoginState(organizationId: string, createdAt: number): OidcLoginStateRecord {
  return {
    state: `state-${crypto.randomUUID()}`,
    organizationId,
    codeVerifier: `verifier-${crypto.randomUUID()}`,
    nonce: `nonce-${crypto.randomUUID()}`,
    createdAt,
  };
}

/** Byte order, as both backends compare key text. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
