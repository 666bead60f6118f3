/**
 * The web app's fixed names and limits.
 * @module
 */

/** Where every page of the web app lives. */
export const ACCOUNT_PATH = '/account/';
export const SIGN_IN_PATH = '/account/sign-in';

/** The session cookie; `__Host-` and Secure when served over HTTPS (see cookie-names.ts). */
export const SESSION_COOKIE = 'mailpat_session';
/** The pre-session cookie the sign-in form echoes (double-submit CSRF protection). */
export const SIGN_IN_COOKIE = 'mailpat_signin';
/** The signed "this browser signed in to this account before" cookie (OWASP device cookies). */
export const DEVICE_COOKIE = 'mailpat_device';
/** The pending single sign-on's state, so only the browser that started it can complete it. */
export const SSO_STATE_COOKIE = 'mailpat_sso';

/** The largest form body read; larger ones are answered 413. */
export const MAX_FORM_BYTES = 16 * 1024;
/** Bytes of randomness in a session cookie, a CSRF token and a sign-in cookie. */
export const SECRET_BYTES = 32;

/** A password session older than this must enter the password again to create or rotate. */
export const REAUTHENTICATE_AFTER_MS = 15 * 60_000;
/** lastSeenAt is written at most this often per session. */
export const TOUCH_INTERVAL_MS = 60_000;
/** How often expired sessions are deleted, and how many per statement. */
export const SESSION_CLEANUP_INTERVAL_MS = 10 * 60_000;
export const SESSION_CLEANUP_BATCH_SIZE = 1000;

/** How long a known-device cookie is honoured. */
export const DEVICE_COOKIE_MAX_AGE_MS = 180 * 86_400_000;
/** The settings key of the known-device cookies' HMAC key (shared by every instance). */
export const DEVICE_KEY_SETTING = 'web-device-cookie-hmac-key';

/** Tokens per page of the token list. */
export const TOKEN_PAGE_SIZE = 50;
/** The mail ports shown with a new token: IMAPS, POP3S and SMTP submission. */
export const MAIL_PORTS = { imap: 993, pop3: 995, smtp: 587 } as const;
