/**
 * What an introspection request came to, in a fixed set of words (metrics label values).
 * @module
 */

/** Every answer the endpoint gives, by what decided it. */
export const INTROSPECTION_OUTCOMES = [
  'active',
  'inactive',
  'invalid_client',
  'invalid_request',
  'throttled',
  'unavailable',
  'error',
] as const;

/** `active`/`inactive`: a 200 answer; the rest: 401, 400, 429, 503, 500. */
export type IntrospectionOutcome = (typeof INTROSPECTION_OUTCOMES)[number];

/**
 * Why a token was answered `active:false`: `malformed` (bad checksum: a typo or a guess, no read),
 * `unknown` (no such token: deleted, rotated away, never issued), or the first rule the token's
 * subject broke (see refusalOf).
 */
export const INACTIVE_REASONS = [
  'malformed',
  'unknown',
  'expired',
  'user_not_enabled',
  'organization_not_active',
  'policy_not_active',
] as const;

/** One of INACTIVE_REASONS. */
export type InactiveReason = (typeof INACTIVE_REASONS)[number];

/** What the endpoint reports to metrics; none of it names a user, a token or an address. */
export interface IntrospectionObserver {
  /** One request answered, and how long it took. */
  observeIntrospection(outcome: IntrospectionOutcome, seconds: number): void;
  /** One `active:false` answer, and why. */
  countInactiveIntrospection(reason: InactiveReason): void;
}
