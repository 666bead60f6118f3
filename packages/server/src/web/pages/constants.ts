/**
 * Fixed texts and paths of the web pages: one home for what several pages share.
 * @module
 */
import { SERVICE_MODEL } from '@mailpat/model';

/** Where the web app lives; every link and form action starts here. */
export const ACCOUNT_PATH = '/account/';

/** The static files (served by the routes from packages/server/assets). */
export const STYLESHEET_URL = '/account/assets/app.css';
export const SCRIPT_URL = '/account/assets/app.js';

/** The product name in titles and the header. */
export const APP_NAME = 'mailpat';

/** The scopes a user can pick, with what each lets a mail app do, in plain words. */
export const SCOPE_CHOICES: readonly { scope: string; does: string }[] = [
  { scope: 'IMAP', does: 'Read mail and keep folders in sync (most mail apps).' },
  { scope: 'POP3', does: 'Download mail to one device.' },
  { scope: 'SMTP', does: 'Send mail.' },
];

/** Expiry presets in days, shown only up to the organization's LifetimeInDays. */
export const EXPIRY_PRESET_DAYS: readonly number[] = [7, 30, 60, 90];

/** The preset chosen when the policy allows it; otherwise the longest the policy allows. */
export const DEFAULT_EXPIRY_DAYS = 30;

/** Expiring within this many days earns an "Expires soon" mark in the list. */
export const EXPIRES_SOON_DAYS = 7;

const nameShape = SERVICE_MODEL.shapes.PersonalAccessTokenName;

/** The model's length limits on a token name (CreatePersonalAccessToken's Name). */
export const TOKEN_NAME_MIN_LENGTH = nameShape?.min ?? 1;
export const TOKEN_NAME_MAX_LENGTH = nameShape?.max ?? 64;

/** The model's pattern, in words: it refuses control characters and `<`, `>` and `\`. */
export const TOKEN_NAME_RULES =
  `${TOKEN_NAME_MIN_LENGTH} to ${TOKEN_NAME_MAX_LENGTH} characters. ` +
  'Any characters except < > and \\.';
