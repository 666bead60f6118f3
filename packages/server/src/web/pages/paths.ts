/**
 * The URLs the pages link and post to (the routes table of the web app spec).
 * @module
 */
import { ACCOUNT_PATH } from './constants.js';

/** The two actions that need a confirmation. */
export type ConfirmAction = 'rotate' | 'revoke';

/** The token list. */
export const TOKEN_LIST_URL = ACCOUNT_PATH;
/** The create form (GET) and where it posts (POST). */
export const NEW_TOKEN_URL = `${ACCOUNT_PATH}tokens/new`;
export const CREATE_TOKEN_URL = `${ACCOUNT_PATH}tokens`;
/** Password sign-in and single sign-on. */
export const SIGN_IN_URL = `${ACCOUNT_PATH}sign-in`;
export const SSO_SIGN_IN_URL = `${ACCOUNT_PATH}sign-in/sso`;

/** `/account/tokens/<id>/rotate`: the confirmation page (GET) and the action (POST). */
export function tokenActionUrl(tokenId: string, action: ConfirmAction): string {
  return `${ACCOUNT_PATH}tokens/${encodeURIComponent(tokenId)}/${action}`;
}
