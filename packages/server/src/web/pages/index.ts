/**
 * The web app's pages: pure functions from a view model to a complete HTML document.
 * @module
 */
export { renderConfirmPage } from './confirm-page.js';
export type { ConfirmPageView } from './confirm-page.js';
export { renderCreateTokenPage } from './create-token-page.js';
export type { CreateTokenPageView } from './create-token-page.js';
export { renderErrorPage } from './error-page.js';
export type { ErrorPageView } from './error-page.js';
export {
  CUSTOM_EXPIRY,
  allowedPresetDays,
  defaultExpiry,
  latestCustomDate,
} from './expiry-choices.js';
export { html, raw, SafeHtml } from './html.js';
export type { HtmlValue } from './html.js';
export { renderNewSecretPage } from './new-secret-page.js';
export type { NewSecretPageView } from './new-secret-page.js';
export { renderSignInPage } from './sign-in-page.js';
export type { SignInPageView } from './sign-in-page.js';
export { formatRelative, formatUtc } from './time.js';
export { renderTokenListPage } from './token-list-page.js';
export type { TokenListPageView } from './token-list-page.js';
export type {
  ActivityType,
  ActivityView,
  CreateTokenErrors,
  CreateTokenValues,
  MailSettingsView,
  PolicyView,
  SignedInUser,
  TokenView,
} from './view-types.js';
