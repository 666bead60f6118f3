/**
 * View models for the page tests (unit and browser): a user with a few tokens in every state the
 * list shows (used, never used, expiring soon, expired, a name with quotes and `&`), activity of
 * every type, and one rendered document per page the web app has.
 * @module
 */
import { DAY_MS } from '../../../domain/wire-time.js';
import {
  renderConfirmPage,
  renderCreateTokenPage,
  renderErrorPage,
  renderNewSecretPage,
  renderSignInPage,
  renderTokenListPage,
} from '../index.js';
import type {
  ActivityView,
  MailSettingsView,
  PolicyView,
  SignedInUser,
  TokenView,
} from '../index.js';

/** 2 Jan 2027, 14:05 UTC: every fixture time counts from here. */
export const NOW = Date.UTC(2027, 0, 2, 14, 5);
export const HOUR_MS = 3_600_000;

export const CSRF = 'csrf-token-value';
export const USER: SignedInUser = { email: 'ana@example.com', displayName: 'Ana Lima' };
export const ACTIVE_POLICY: PolicyView = { active: true, lifetimeInDays: 90 };
export const MAIL: MailSettingsView = {
  host: 'mail.example.com',
  email: USER.email,
  imapPort: 993,
  pop3Port: 995,
  smtpPort: 587,
};
/** Looks like a real secret; only the browser test reads it back. */
export const SECRET = 'mpat_Zk3x9QeR7vLw2NcY8hTbA4sDgU6jPmK1_0aB9cD';

/** A name a user may really type: quotes, an ampersand and a dash (the model forbids < > \). */
export const AWKWARD_NAME = 'Laptop – "Thunderbird" & Co\'s';

export const TOKENS: TokenView[] = [
  {
    id: 'tok-phone',
    name: 'Phone',
    scopes: ['IMAP', 'SMTP'],
    createdAt: NOW - 40 * DAY_MS,
    expiresAt: NOW + 29 * DAY_MS + 3 * HOUR_MS,
    lastUsedAt: NOW - 3 * HOUR_MS,
    lastUsedAddress: '203.0.113.42',
  },
  {
    id: 'tok-laptop',
    name: AWKWARD_NAME,
    scopes: ['IMAP', 'POP3', 'SMTP'],
    createdAt: NOW - 2 * DAY_MS,
    expiresAt: NOW + 5 * DAY_MS,
    lastUsedAt: null,
    lastUsedAddress: null,
  },
  {
    id: 'tok-old-tablet',
    name: 'Old tablet',
    scopes: ['POP3'],
    createdAt: NOW - 100 * DAY_MS,
    expiresAt: NOW - 10 * DAY_MS,
    lastUsedAt: NOW - 12 * DAY_MS,
    lastUsedAddress: '2001:db8::17',
  },
];

export const ACTIVITY: ActivityView[] = [
  {
    at: NOW - 3 * HOUR_MS,
    type: 'USED',
    tokenId: 'tok-phone',
    tokenName: 'Phone',
    clientAddress: '203.0.113.42',
  },
  {
    at: NOW - 5 * HOUR_MS,
    type: 'USE_REFUSED',
    tokenId: 'tok-old-tablet',
    tokenName: 'Old tablet',
    clientAddress: '198.51.100.7',
  },
  {
    at: NOW - DAY_MS,
    type: 'EXPIRY_WARNING_SENT',
    tokenId: 'tok-phone',
    tokenName: 'Phone',
    clientAddress: null,
    expiryWarningDays: 30,
  },
  {
    at: NOW - 2 * DAY_MS,
    type: 'CREATED',
    tokenId: 'tok-laptop',
    tokenName: AWKWARD_NAME,
    clientAddress: null,
  },
  {
    at: NOW - 3 * DAY_MS,
    type: 'DELETED',
    tokenId: 'tok-gone',
    tokenName: 'Work desktop',
    clientAddress: null,
  },
  {
    at: NOW - 4 * DAY_MS,
    type: 'ROTATED',
    tokenId: 'tok-phone',
    tokenName: 'Phone',
    clientAddress: null,
  },
  {
    at: NOW - 50 * DAY_MS,
    type: 'USED',
    tokenId: 'tok-ancient',
    tokenName: null,
    clientAddress: null,
  },
];

/** Every page the web app has, by a short name, rendered from the fixtures. */
export function renderFixturePages(): Record<string, string> {
  const base = { user: USER, csrfToken: CSRF, now: NOW };
  const list = {
    ...base,
    policy: ACTIVE_POLICY,
    tokens: TOKENS,
    activity: ACTIVITY,
    needsPassword: true,
  };
  return {
    'sign-in': renderSignInPage({
      csrfToken: CSRF,
      email: 'ana@example.com',
      error: 'The email address or password is not right.',
      providers: [{ id: 'm-1', name: 'Example SSO' }],
    }),
    'token-list': renderTokenListPage({ ...list, notice: 'Token “Desk” revoked.' }),
    'token-list-empty': renderTokenListPage({ ...list, tokens: [], activity: [] }),
    'token-list-off': renderTokenListPage({
      ...list,
      policy: { active: false, lifetimeInDays: 90 },
    }),
    'create-token': renderCreateTokenPage({
      ...base,
      policy: ACTIVE_POLICY,
      values: { name: '', scopes: ['IMAP'], expires: '', customDate: '' },
      errors: {},
      needsPassword: false,
    }),
    'create-token-errors': renderCreateTokenPage({
      ...base,
      policy: { active: true, lifetimeInDays: 45 },
      values: { name: 'Bad <name>', scopes: [], expires: 'custom', customDate: '2028-01-01' },
      errors: {
        name: 'The name cannot contain < > or \\.',
        scopes: 'Choose at least one.',
        expires: 'Choose a date no later than 16 Feb 2027.',
        password: 'That password is not right.',
      },
      needsPassword: true,
    }),
    'new-token': renderNewSecretPage({
      ...base,
      token: TOKENS[0]!,
      secret: SECRET,
      rotated: false,
      mail: MAIL,
    }),
    'rotated-token': renderNewSecretPage({
      ...base,
      token: TOKENS[1]!,
      secret: SECRET,
      rotated: true,
      mail: MAIL,
    }),
    'confirm-rotate': renderConfirmPage({
      ...base,
      action: 'rotate',
      token: TOKENS[1]!,
      needsPassword: true,
    }),
    'confirm-revoke': renderConfirmPage({
      ...base,
      action: 'revoke',
      token: TOKENS[0]!,
      needsPassword: false,
    }),
    error: renderErrorPage({
      status: 404,
      title: 'Token not found',
      message: 'This token does not exist, or it is not yours.',
      user: USER,
      csrfToken: CSRF,
    }),
  };
}
