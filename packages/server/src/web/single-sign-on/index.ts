/**
 * Single sign-on with OpenID Connect for the web app.
 * @module
 */
export { SingleSignOn } from './single-sign-on.js';
export type { SingleSignOnOptions } from './single-sign-on.js';
export { SingleSignOnError, isSingleSignOnError } from './single-sign-on-error.js';
export type { SingleSignOnFailure } from './single-sign-on-error.js';
export { singleSignOnRedirectUri } from './redirect-uri.js';
export { CALLBACK_PATH, LOGIN_STATE_LIFETIME_MS } from './constants.js';
