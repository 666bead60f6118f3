/**
 * Whether a presented token may log in now, and the RFC 7662 §2.2 answer if it may.
 * Dovecot does not check `exp`, so every reason to refuse is decided here.
 * @module
 */
import type { LoginSubject } from '../domain/records.js';
import type { InactiveReason } from './introspection-outcome.js';

/**
 * The JSON of an active answer. No `token_type`: it is optional (RFC 7662 §2.2), and Dovecot
 * 2.3 refuses any value but `Bearer` ("Expected Bearer token"), which a PAT is not.
 */
export interface ActiveIntrospection {
  active: true;
  username: string;
  sub: string;
  scope: string;
  exp: number;
  iat: number;
}

/** The answer for `subject` (undefined: no such token) at `now` (epoch ms). */
export function decideIntrospection(
  subject: LoginSubject | undefined,
  now: number,
): ActiveIntrospection | undefined {
  if (subject === undefined || refusalOf(subject, now) !== undefined) return undefined;
  const { token } = subject;
  return {
    active: true,
    username: subject.userEmail as string,
    sub: token.userId,
    scope: token.scopes.join(' '),
    exp: Math.floor(token.expiresAt / 1000),
    iat: Math.floor(token.createdAt / 1000),
  };
}

/** The first rule `subject` breaks at `now` (epoch ms), or undefined when it may log in. */
export function refusalOf(subject: LoginSubject, now: number): InactiveReason | undefined {
  if (subject.token.expiresAt <= now) return 'expired';
  if (subject.userState !== 'ENABLED' || subject.userEmail === null) return 'user_not_enabled';
  if (subject.organizationState !== 'Active') return 'organization_not_active';
  if (subject.patStatus !== 'ACTIVE') return 'policy_not_active';
  return undefined;
}
