/**
 * Rules about users: identifiers, states and WorkMail's state transitions.
 * @module
 */
import { EntityNotFoundException, EntityStateException } from '../errors/index.js';
import type { Store } from '../storage/store.js';
import type { UserRecord } from './records.js';

/**
 * Resolves an EntityIdentifier (user ID, email or user name) to the user, or
 * EntityNotFoundException. DELETED users are returned; callers decide whether that is allowed.
 */
export async function requireUser(
  store: Store,
  organizationId: string,
  identifier: string,
): Promise<UserRecord> {
  const user = await store.findUser(organizationId, identifier);
  if (!user) {
    throw new EntityNotFoundException(`User ${identifier} does not exist in ${organizationId}.`);
  }
  return user;
}

/** As requireUser, but a DELETED user is an EntityStateException. */
export async function requireLiveUser(
  store: Store,
  organizationId: string,
  identifier: string,
): Promise<UserRecord> {
  const user = await requireUser(store, organizationId, identifier);
  if (user.state === 'DELETED') {
    throw new EntityStateException(`User ${identifier} is deleted.`);
  }
  return user;
}

/** As requireUser, but only an ENABLED (registered) user passes. */
export async function requireEnabledUser(
  store: Store,
  organizationId: string,
  identifier: string,
): Promise<UserRecord> {
  const user = await requireLiveUser(store, organizationId, identifier);
  if (user.state !== 'ENABLED') {
    throw new EntityStateException(
      `User ${identifier} is ${user.state}; register it to WorkMail first.`,
    );
  }
  return user;
}
