/**
 * The store contract for mail domains and email addresses: one organization per domain, one
 * user per address, in the whole installation.
 *
 * @module
 */
import { describe, expect, it } from 'vitest';
import { freshStorePerTest } from './test-support/fresh-store-per-test.js';
import { MailDomainTakenError, UniqueConstraintError } from './storage-errors.js';
import { aToken, aUser, anAdminEvent, anOrganization } from './store-fixtures.js';
import type { Store } from './store.js';

/** Registers the cases; `makeStore` returns a fresh migrated store. */
export function describeAddressContract(makeStore: () => Promise<Store>): void {
  describe('mail domains and email addresses', () => {
    const store = freshStorePerTest(makeStore);

    it('should refuse a domain another live organization holds, whatever its case', async () => {
      await store.insertOrganization(anOrganization({ domains: ['shared.example'] }));
      const second = anOrganization({ domains: ['other.example', 'Shared.EXAMPLE'] });
      await expectTaken(store.insertOrganization(second), 'shared.example');
      // Nothing of the refused organization stays: not the row, not its alias, no domain.
      expect(await store.getOrganization(second.id)).toBeUndefined();
      await store.insertOrganization({ ...second, domains: ['other.example'] });
      expect((await store.findActiveOrganizationByAlias(second.alias))?.id).toBe(second.id);
    });

    it("should count an alias's default domain, in either order", async () => {
      await store.insertOrganization(anOrganization({ alias: 'foo' }));
      await expectTaken(
        store.insertOrganization(anOrganization({ domains: ['FOO.awsapps.com'] })),
        'foo.awsapps.com',
      );
      // The store holds what it is given; CreateOrganization refuses such a name before this.
      await store.insertOrganization(anOrganization({ domains: ['bar.awsapps.com'] }));
      await expectTaken(
        store.insertOrganization(anOrganization({ alias: 'bar' })),
        'bar.awsapps.com',
      );
    });

    it('should free the domains and addresses of a deleted organization', async () => {
      const old = anOrganization({ domains: ['reused.example'] });
      await store.insertOrganization(old);
      const user = aUser(old.id, { email: 'ceo@reused.example' });
      await store.insertUser(user);
      const token = aToken(user);
      await store.insertToken(token, anAdminEvent(token));
      const heir = anOrganization({ domains: ['Reused.Example'] });
      await expectTaken(store.insertOrganization(heir), 'reused.example');
      await store.deleteOrganization(old.id, 5_000);
      await store.insertOrganization(heir);
      const successor = await store.insertUser(aUser(heir.id, { email: 'CEO@reused.example' }));
      expect(await store.findUser(heir.id, 'ceo@reused.example')).toEqual(successor);
      expect((await store.getOrganization(old.id))?.state).toBe('Deleted');
    });

    it("should refuse an address another organization's live user holds", async () => {
      const [one, two] = [anOrganization(), anOrganization()];
      await store.insertOrganization(one);
      await store.insertOrganization(two);
      await store.insertUser(aUser(one.id, { email: 'ceo@example.com' }));
      await expectUnique(
        store.insertUser(aUser(two.id, { email: 'CEO@Example.com' })),
        'users_email',
      );
      const other = aUser(two.id, { email: null, state: 'DISABLED' });
      await store.insertUser(other);
      await expectUnique(
        store.updateUser(two.id, other.id, { email: 'ceo@EXAMPLE.com', state: 'ENABLED' }),
        'users_email',
      );
      expect((await store.getUser(two.id, other.id))?.email).toBeNull();
    });

    it('should free an address when its user is deleted or gives it up', async () => {
      const [one, two] = [anOrganization(), anOrganization()];
      await store.insertOrganization(one);
      await store.insertOrganization(two);
      const deleted = aUser(one.id, { email: 'first@example.com' });
      const deregistered = aUser(one.id, { email: 'second@example.com' });
      await store.insertUser(deleted);
      await store.insertUser(deregistered);
      for (const email of ['first@example.com', 'second@example.com']) {
        await expectUnique(store.insertUser(aUser(two.id, { email })), 'users_email');
      }
      await store.deleteUser(one.id, deleted.id, 6_000);
      // DeregisterFromWorkMail's patch.
      await store.updateUser(one.id, deregistered.id, { state: 'DISABLED', email: null });
      await store.insertUser(aUser(two.id, { email: 'first@example.com' }));
      await store.insertUser(aUser(two.id, { email: 'second@example.com' }));
    });

    it("should claim the seeded organization's domain", async () => {
      const seeded = anOrganization({ domains: ['seeded.example'] });
      const user = aUser(seeded.id);
      await store.seed({
        organization: seeded,
        users: [user],
        tokenCount: 3,
        makeToken: (i) => aToken(user, { createdAt: i }),
      });
      await expectTaken(
        store.insertOrganization(anOrganization({ domains: ['seeded.example'] })),
        'seeded.example',
      );
      await expectTaken(
        store.insertOrganization(anOrganization({ domains: [seeded.defaultMailDomain] })),
        seeded.defaultMailDomain,
      );
    });
  });
}

async function expectTaken(write: Promise<unknown>, domain: string): Promise<void> {
  const error = await rejectionOf(write);
  expect(error).toBeInstanceOf(MailDomainTakenError);
  expect(error).toMatchObject({ domain, constraint: 'mail_domains_pkey' });
}

async function expectUnique(write: Promise<unknown>, constraint: string): Promise<void> {
  const error = await rejectionOf(write);
  expect(error).toBeInstanceOf(UniqueConstraintError);
  expect((error as UniqueConstraintError).constraint).toBe(constraint);
}

function rejectionOf(write: Promise<unknown>): Promise<unknown> {
  return write.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
}
