/**
 * Why a single sign-on did not complete, with a message a sign-in page may show as is.
 * @module
 */

/** What went wrong; the message says it to the user, `cause` keeps the detail for the log. */
export type SingleSignOnFailure =
  /** The organization has no provider (any more). */
  | 'not-configured'
  /** The provider's discovery, token or userinfo endpoint did not answer. */
  | 'provider-unavailable'
  /** The callback's state is not the one this browser was given. */
  | 'state-mismatch'
  /** The state was never issued, already used, or pruned. */
  | 'unknown-state'
  /** The state is older than the login state lifetime. */
  | 'expired-state'
  /** The provider answered the authorization with an error (e.g. the user cancelled). */
  | 'provider-refused'
  /** The code exchange or the ID token failed a check (signature, issuer, audience, nonce, PKCE). */
  | 'invalid-response'
  /** No email, or email_verified is not true. */
  | 'email-not-verified';

const MESSAGES: Readonly<Record<SingleSignOnFailure, string>> = {
  'not-configured': 'Single sign-on is not set up for this organization.',
  'provider-unavailable': 'The identity provider could not be reached. Please try again later.',
  'state-mismatch': 'This sign-in was not started in this browser. Please sign in again.',
  'unknown-state': 'This sign-in link was already used or is unknown. Please sign in again.',
  'expired-state': 'This sign-in took too long. Please sign in again.',
  'provider-refused': 'The identity provider did not sign you in.',
  'invalid-response': "The identity provider's answer could not be verified. Please sign in again.",
  'email-not-verified': 'Your identity provider did not confirm a verified email address.',
};

/** A refused single sign-on. `message` is safe to show; it never carries provider text. */
export class SingleSignOnError extends Error {
  override readonly name = 'SingleSignOnError';
  readonly failure: SingleSignOnFailure;

  constructor(failure: SingleSignOnFailure, options?: { cause?: unknown }) {
    super(MESSAGES[failure], options);
    this.failure = failure;
  }
}

/** True for a SingleSignOnError, also across module copies (matched on `name`, as ky does). */
export function isSingleSignOnError(error: unknown): error is SingleSignOnError {
  return (
    error instanceof SingleSignOnError || (error as Error | null)?.name === 'SingleSignOnError'
  );
}
