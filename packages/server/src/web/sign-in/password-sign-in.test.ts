import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../domain/passwords.js';
import type { OrganizationRecord, UserRecord } from '../../domain/records.js';
import { openStore } from '../../storage/open-store.js';
import { aUser, anOrganization } from '../../storage/store-fixtures.js';
import type { Store } from '../../storage/store.js';
import { signInWithPassword } from './password-sign-in.js';

const root = mkdtempSync(join(tmpdir(), 'mailpat-sign-in-'));
let files = 0;
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('signInWithPassword', () => {
  let store: Store;
  let passwordHash: string;
  beforeEach(async () => {
    store = await openStore(`sqlite:${join(root, `p-${files++}.db`)}`);
    passwordHash ??= await hashPassword('Right-passw0rd');
  });
  afterEach(() => store.close());

  async function aMember(
    orgOverrides: Partial<OrganizationRecord> = {},
    userOverrides: Partial<UserRecord> = {},
  ): Promise<UserRecord> {
    const org = anOrganization(orgOverrides);
    const user = aUser(org.id, { passwordHash, ...userOverrides });
    await store.insertOrganization(org);
    await store.insertUser(user);
    return user;
  }

  it('signs in with the right password, the email in any case', async () => {
    const user = await aMember();
    const result = await signInWithPassword(store, user.email!.toUpperCase(), 'Right-passw0rd');
    expect(result).toMatchObject({ outcome: 'signed-in', user: { id: user.id } });
    expect(await signInWithPassword(store, user.email!, 'wrong')).toEqual({ outcome: 'invalid' });
    expect(await signInWithPassword(store, 'nobody@example.org', 'Right-passw0rd')).toEqual({
      outcome: 'invalid',
    });
  });

  it('allows directory sign-in when the organization has no identity provider configuration', async () => {
    const user = await aMember({ identityCenter: null });
    expect((await signInWithPassword(store, user.email!, 'Right-passw0rd')).outcome).toBe(
      'signed-in',
    );
  });

  it('says single sign-on only after a right password in an IDENTITY_PROVIDER_ONLY organization', async () => {
    const base = anOrganization().identityCenter!;
    const user = await aMember({
      identityCenter: { ...base, authenticationMode: 'IDENTITY_PROVIDER_ONLY' },
    });
    expect((await signInWithPassword(store, user.email!, 'Right-passw0rd')).outcome).toBe(
      'sso-only',
    );
    expect((await signInWithPassword(store, user.email!, 'wrong')).outcome).toBe('invalid');
  });

  it('refuses a disabled user and a user without a password as a wrong password', async () => {
    const disabled = await aMember({}, { state: 'DISABLED' });
    const bare = await aMember({}, { passwordHash: null });
    expect((await signInWithPassword(store, disabled.email!, 'Right-passw0rd')).outcome).toBe(
      'invalid',
    );
    expect((await signInWithPassword(store, bare.email!, '')).outcome).toBe('invalid');
  });
});
