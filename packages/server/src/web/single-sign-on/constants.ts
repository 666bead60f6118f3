/**
 * The numbers and paths of single sign-on.
 * @module
 */

/** Where the provider sends the browser back, relative to the public URL. */
export const CALLBACK_PATH = 'account/sso/callback';
/** How long a login state is accepted after the redirect to the provider. */
export const LOGIN_STATE_LIFETIME_MS = 10 * 60_000;
/** How long a provider's discovery document is reused before it is fetched again. */
export const DISCOVERY_CACHE_MS = 5 * 60_000;
/**
 * How long one request to a provider may take, in seconds (openid-client's unit): a provider
 * that hangs must not hold the browser much longer than one that is down.
 */
export const PROVIDER_TIMEOUT_SECONDS = 10;
/** What is asked of the provider: an ID token and the email claims. */
export const SCOPE = 'openid email';
/** Login states deleted per pruning statement. */
export const PRUNE_BATCH_SIZE = 500;
