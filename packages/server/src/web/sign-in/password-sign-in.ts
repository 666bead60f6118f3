/**
 * Checks an email and password for the web app: the one place that decides whether a password
 * sign-in is allowed.
 * @module
 */
import { verifyPassword } from '../../domain/passwords.js';
import type { OrganizationRecord, UserRecord } from '../../domain/records.js';
import type { Store } from '../../storage/store.js';

/** Shown for every failure, so the answer does not tell which part was wrong. */
export const INVALID_SIGN_IN_MESSAGE = 'The email address or password is incorrect.';
/** Shown only after a correct password, to a user whose organization requires single sign-on. */
export const SSO_ONLY_MESSAGE =
  'Password sign-in is turned off for your organization; use single sign-on.';

/** What a password sign-in came to. */
export type PasswordSignInResult =
  | { outcome: 'signed-in'; user: UserRecord; organization: OrganizationRecord }
  /** A wrong password, an unknown email, or an account that may not sign in at all. */
  | { outcome: 'invalid' }
  /** The password was right, but the organization allows single sign-on only. */
  | { outcome: 'sso-only' };

/**
 * Signs in `email` with `password`. The password is checked (scrypt) before anything else is
 * decided, also for an unknown email or a user without a password, so the time taken does not
 * reveal which accounts exist.
 */
export async function signInWithPassword(
  store: Pick<Store, 'findUserByEmail' | 'getOrganization'>,
  email: string,
  password: string,
): Promise<PasswordSignInResult> {
  const user = email === '' ? undefined : await store.findUserByEmail(email);
  const matches = await verifyPassword(password, user?.passwordHash ?? null);
  if (!user || !matches) return { outcome: 'invalid' };
  const organization = await store.getOrganization(user.organizationId);
  if (organization?.state !== 'Active' || user.state !== 'ENABLED') return { outcome: 'invalid' };
  const mode = organization.identityCenter?.authenticationMode;
  if (mode === 'IDENTITY_PROVIDER_ONLY') return { outcome: 'sso-only' };
  // No identity provider configuration at all: the directory (passwords) is the only way in.
  if (mode !== undefined && mode !== 'IDENTITY_PROVIDER_AND_DIRECTORY')
    return { outcome: 'invalid' };
  return { outcome: 'signed-in', user, organization };
}
