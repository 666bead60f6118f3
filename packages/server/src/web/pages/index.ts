/**
 * PLACEHOLDER pages with the signatures of the shared design (webapp-spec.md), so the web core
 * can be built and tested: the pages helper's real module replaces this file at merge.
 * @module
 */

export interface SignedInUser {
  email: string;
  displayName: string;
}
export interface TokenView {
  id: string;
  name: string;
  scopes: string[];
  createdAt: number;
  expiresAt: number;
  lastUsedAt: number | null;
  lastUsedAddress: string | null;
}
export type ActivityType = 'CREATED' | 'ROTATED' | 'DELETED' | 'USED' | 'USE_REFUSED';
export interface ActivityView {
  at: number;
  type: ActivityType;
  tokenId: string;
  tokenName: string | null;
  clientAddress: string | null;
}
export interface PolicyView {
  active: boolean;
  lifetimeInDays: number;
}
export interface MailSettingsView {
  host: string;
  email: string;
  imapPort: number;
  pop3Port: number;
  smtpPort: number;
}
export interface CreateTokenValues {
  name: string;
  scopes: string[];
  expires: string;
  customDate: string;
}
export interface CreateTokenErrors {
  name?: string;
  scopes?: string;
  expires?: string;
  password?: string;
  form?: string;
}

const escape = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const page = (title: string, body: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>` +
  `<link rel="stylesheet" href="/account/assets/app.css"></head><body>${body}` +
  `<script src="/account/assets/app.js"></script></body></html>`;

const csrfInput = (token: string): string =>
  `<input type="hidden" name="csrf" value="${escape(token)}">`;

const message = (kind: string, text: string | undefined): string =>
  text === undefined ? '' : `<p role="alert" class="${kind}">${escape(text)}</p>`;

const signOut = (csrfToken: string): string =>
  `<form method="post" action="/account/sign-out">${csrfInput(csrfToken)}<button>Sign out</button></form>`;

const passwordField = (needed: boolean, error?: string): string =>
  needed
    ? `<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>${message('error', error)}`
    : '';

export function renderSignInPage(v: {
  csrfToken: string;
  email?: string;
  error?: string;
  notice?: string;
  providers: { id: string; name: string }[];
}): string {
  const providers = v.providers
    .map(
      (p) =>
        `<form method="post" action="/account/sign-in/sso">${csrfInput(v.csrfToken)}` +
        `<input type="hidden" name="provider" value="${escape(p.id)}"><button>Sign in with ${escape(p.name)}</button></form>`,
    )
    .join('');
  return page(
    'Sign in',
    `<h1>Sign in</h1>${message('error', v.error)}${message('notice', v.notice)}` +
      `<form method="post" action="/account/sign-in">${csrfInput(v.csrfToken)}` +
      `<label for="email">Email</label><input id="email" name="email" type="email" value="${escape(v.email ?? '')}" required>` +
      `<label for="password">Password</label><input id="password" name="password" type="password" required>` +
      `<button>Sign in</button></form>${providers}`,
  );
}

export function renderTokenListPage(v: {
  user: SignedInUser;
  csrfToken: string;
  now: number;
  policy: PolicyView;
  tokens: TokenView[];
  nextPageUrl?: string;
  activity: ActivityView[];
  notice?: string;
  needsPassword: boolean;
}): string {
  const rows = v.tokens
    .map(
      (t) =>
        `<tr data-token-id="${escape(t.id)}"><td>${escape(t.name)}</td><td>${escape(t.scopes.join(', '))}</td>` +
        `<td>${new Date(t.expiresAt).toISOString()}</td><td>` +
        `<form method="get" action="/account/tokens/${escape(t.id)}/rotate"><button aria-label="Rotate ${escape(t.name)}">Rotate</button></form>` +
        `<form method="get" action="/account/tokens/${escape(t.id)}/revoke"><button aria-label="Revoke ${escape(t.name)}">Revoke</button></form></td></tr>`,
    )
    .join('');
  const off = v.policy.active
    ? '<a href="/account/tokens/new">Create token</a>'
    : '<p class="notice">Personal access tokens are turned off for your organization.</p>';
  const next = v.nextPageUrl ? `<a href="${escape(v.nextPageUrl)}" rel="next">Next page</a>` : '';
  return page(
    'Personal access tokens',
    `${signOut(v.csrfToken)}<h1>Personal access tokens</h1>${message('notice', v.notice)}${off}` +
      `<table><thead><tr><th>Name</th><th>Scopes</th><th>Expires</th><th>Actions</th></tr></thead><tbody>${rows}</tbody></table>${next}`,
  );
}

export function renderCreateTokenPage(v: {
  user: SignedInUser;
  csrfToken: string;
  now: number;
  policy: PolicyView;
  values: CreateTokenValues;
  errors: CreateTokenErrors;
  needsPassword: boolean;
}): string {
  const scope = (s: string) =>
    `<input type="checkbox" id="scope-${s}" name="scopes" value="${s}"${v.values.scopes.includes(s) ? ' checked' : ''}><label for="scope-${s}">${s}</label>`;
  const options = ['7', '30', '60', '90']
    .filter((d) => Number(d) <= v.policy.lifetimeInDays)
    .concat('custom')
    .map(
      (d) =>
        `<option value="${d}"${v.values.expires === d ? ' selected' : ''}>${d === 'custom' ? 'Custom date' : `${d} days`}</option>`,
    )
    .join('');
  return page(
    'Create token',
    `${signOut(v.csrfToken)}<h1>Create token</h1>${message('error', v.errors.form)}` +
      `<form method="post" action="/account/tokens">${csrfInput(v.csrfToken)}` +
      `<label for="name">Name</label><input id="name" name="name" value="${escape(v.values.name)}">${message('error', v.errors.name)}` +
      `<fieldset>${['IMAP', 'POP3', 'SMTP'].map(scope).join('')}</fieldset>${message('error', v.errors.scopes)}` +
      `<label for="expires">Expires</label><select id="expires" name="expires">${options}</select>` +
      `<label for="custom-date">Custom date</label><input id="custom-date" name="custom-date" type="date" value="${escape(v.values.customDate)}">${message('error', v.errors.expires)}` +
      `${passwordField(v.needsPassword, v.errors.password)}<button>Create token</button></form>`,
  );
}

export function renderNewSecretPage(v: {
  user: SignedInUser;
  csrfToken: string;
  now: number;
  token: TokenView;
  secret: string;
  rotated: boolean;
  mail: MailSettingsView;
}): string {
  return page(
    'New personal access token',
    `${signOut(v.csrfToken)}<h1>${v.rotated ? 'Token rotated' : 'Token created'}: ${escape(v.token.name)}</h1>` +
      `<label for="new-token">New personal access token</label><input id="new-token" type="password" readonly value="${escape(v.secret)}">` +
      `<button type="button">Copy</button><button type="button">Show</button>` +
      `<dl><dt>Server</dt><dd>${escape(v.mail.host)}</dd><dt>User name</dt><dd>${escape(v.mail.email)}</dd>` +
      `<dt>IMAP</dt><dd>${v.mail.imapPort}</dd><dt>POP3</dt><dd>${v.mail.pop3Port}</dd><dt>SMTP</dt><dd>${v.mail.smtpPort}</dd></dl>` +
      `<a href="/account/">Back to your tokens</a>`,
  );
}

export function renderConfirmPage(v: {
  user: SignedInUser;
  csrfToken: string;
  now: number;
  action: 'rotate' | 'revoke';
  token: TokenView;
  needsPassword: boolean;
  error?: string;
}): string {
  const verb = v.action === 'rotate' ? 'Rotate' : 'Revoke';
  return page(
    `${verb} ${v.token.name}`,
    `${signOut(v.csrfToken)}<h1>${verb} ${escape(v.token.name)}?</h1>${message('error', v.error)}` +
      `<form method="post" action="/account/tokens/${escape(v.token.id)}/${v.action}">${csrfInput(v.csrfToken)}` +
      `${v.action === 'rotate' ? passwordField(v.needsPassword) : ''}<button>${verb}</button></form>` +
      `<a href="/account/">Cancel</a>`,
  );
}

export function renderErrorPage(v: {
  status: number;
  title: string;
  message: string;
  user?: SignedInUser;
  csrfToken?: string;
}): string {
  return page(
    v.title,
    `${v.csrfToken === undefined ? '' : signOut(v.csrfToken)}<h1>${escape(v.title)}</h1><p>${escape(v.message)}</p>` +
      `<a href="/account/">Back</a>`,
  );
}
