import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../domain/wire-time.js';
import {
  renderConfirmPage,
  renderCreateTokenPage,
  renderNewSecretPage,
  renderTokenListPage,
} from './index.js';
import type { CreateTokenPageView, PolicyView, TokenListPageView } from './index.js';
import {
  buttonNames,
  labelFor,
  linkNames,
  openingTag,
  postForms,
  textOf,
} from './test-support/inspect-html.js';
import {
  ACTIVE_POLICY,
  ACTIVITY,
  AWKWARD_NAME,
  CSRF,
  MAIL,
  NOW,
  SECRET,
  TOKENS,
  USER,
  renderFixturePages,
} from './test-support/page-fixtures.js';

const PAGES = Object.entries(renderFixturePages());

const LIST: TokenListPageView = {
  user: USER,
  csrfToken: CSRF,
  now: NOW,
  policy: ACTIVE_POLICY,
  tokens: TOKENS,
  activity: ACTIVITY,
  needsPassword: false,
};

/** The `<tr>` of the token with this name. */
function rowOf(page: string, name: string): string {
  const rows = page.match(/<tr class="token-row[\s\S]*?<\/tr>/g) ?? [];
  const row = rows.find((r) => textOf(r.match(/<th[^>]*>([\s\S]*?)<\/th>/)?.[1] ?? '') === name);
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

function createPage(policy: PolicyView, overrides: Partial<CreateTokenPageView> = {}): string {
  return renderCreateTokenPage({
    user: USER,
    csrfToken: CSRF,
    now: NOW,
    policy,
    values: { name: '', scopes: [], expires: '', customDate: '' },
    errors: {},
    needsPassword: false,
    ...overrides,
  });
}

/** The `<option>` values of the Expires select, and the selected one. */
function expiryOptions(page: string): { values: string[]; selected: string | undefined } {
  const select = page.match(/<select[\s\S]*?<\/select>/)?.[0] ?? '';
  const options = [...select.matchAll(/<option value="([^"]*)"\s*(selected)?/g)];
  return { values: options.map((m) => m[1]!), selected: options.find((m) => m[2])?.[1] };
}

describe('every page', () => {
  it.each(PAGES)('%s is a complete document with the two assets and a skip link', (_, page) => {
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('href="/account/assets/app.css"');
    expect(page).toContain('<script src="/account/assets/app.js" defer></script>');
    expect(page).toMatch(/<a class="skip-link" href="#main">/);
    expect(page).toContain('<main id="main"');
  });

  it.each(PAGES)('%s has no inline style or script', (_, page) => {
    expect(page).not.toMatch(/\sstyle=/i);
    expect(page).not.toMatch(/<style/i);
    expect(page).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/i);
    expect(page).not.toMatch(/\son[a-z]+=/i);
  });

  it.each(PAGES)('%s carries the csrf field in every POST form', (_, page) => {
    for (const form of postForms(page)) {
      expect(form).toContain(`<input type="hidden" name="csrf" value="${CSRF}">`);
    }
  });

  it.each(PAGES.filter(([name]) => name !== 'sign-in'))('%s has Sign out', (_, page) => {
    expect(buttonNames(page)).toContain('Sign out');
    expect(page).toMatch(/<form method="post" action="\/account\/sign-out"/);
  });
});

describe('renderTokenListPage', () => {
  const page = renderTokenListPage(LIST);

  it('has the heading, one row per token and one Create token link', () => {
    expect(page).toMatch(/<h1>Personal access tokens<\/h1>/);
    expect(page.match(/<tr class="token-row/g)).toHaveLength(TOKENS.length);
    expect(linkNames(page).filter((name) => name === 'Create token')).toHaveLength(1);
  });

  it('names Rotate and Revoke after the token, as GET forms to the confirmation pages', () => {
    const names = buttonNames(page);
    for (const token of TOKENS) {
      expect(names).toContain(`Rotate ${token.name}`);
      expect(names).toContain(`Revoke ${token.name}`);
    }
    expect(page).toMatch(/<form\s+method="get"\s+action="\/account\/tokens\/tok-phone\/revoke"/);
  });

  it('escapes a token name everywhere it appears', () => {
    const page = renderTokenListPage({
      ...LIST,
      tokens: [{ ...TOKENS[0]!, name: '<script>alert("x")</script>' }],
      activity: [{ ...ACTIVITY[0]!, tokenName: '<img src=x onerror=alert(1)>' }],
    });
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page).toContain('data-token-name="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"');
  });

  it('keeps quotes and & in names as text', () => {
    expect(page).toContain('Laptop – &quot;Thunderbird&quot; &amp; Co&#39;s');
    expect(textOf(rowOf(page, AWKWARD_NAME))).toContain(AWKWARD_NAME);
  });

  it('marks an expired token with the word Expired, and only that one', () => {
    expect(textOf(rowOf(page, 'Old tablet'))).toMatch(
      /Expired \d+ \w+ \d{4}, \d\d:\d\d UTC \(10 days ago\)/,
    );
    expect(textOf(rowOf(page, 'Phone'))).not.toContain('Expired');
    expect(textOf(rowOf(page, AWKWARD_NAME))).toContain('Expires soon');
  });

  it('shows the last use with its address, or Never used', () => {
    expect(textOf(rowOf(page, 'Phone'))).toContain(
      '2 Jan 2027, 11:05 UTC (3 hours ago) from 203.0.113.42',
    );
    expect(textOf(rowOf(page, AWKWARD_NAME))).toContain('Never used');
    expect(textOf(rowOf(page, 'Phone'))).toContain('(in 29 days)');
  });

  it('lists activity naming the token, or "a revoked token" when the name is unknown', () => {
    const activity = textOf(page.match(/<ol class="activity-list">[\s\S]*?<\/ol>/)?.[0] ?? '');
    expect(activity).toContain('A mail app signed in with “Phone” from 203.0.113.42');
    expect(activity).toContain('Refused a sign-in with “Old tablet” from 198.51.100.7');
    expect(activity).toContain(`Created “${AWKWARD_NAME}”`);
    expect(activity).toContain('Revoked “Work desktop”');
    expect(activity).toContain('Rotated “Phone”');
    expect(activity).toContain('Mailed you that “Phone” expires in 30 days');
    expect(activity).toContain('A mail app signed in with a revoked token');
  });

  it('explains tokens in the empty state without a second Create token', () => {
    const empty = renderTokenListPage({ ...LIST, tokens: [], activity: [] });
    expect(empty).not.toContain('<table');
    expect(textOf(empty)).toMatch(/IMAP, POP3 or SMTP/);
    expect(textOf(empty)).toMatch(/revoke it without changing your password/);
    expect(linkNames(empty).filter((name) => name === 'Create token')).toHaveLength(1);
  });

  it('with the policy off says so and offers Revoke only', () => {
    const off = renderTokenListPage({ ...LIST, policy: { active: false, lifetimeInDays: 90 } });
    expect(textOf(off)).toContain('Personal access tokens are turned off by your administrator.');
    expect(linkNames(off)).not.toContain('Create token');
    expect(buttonNames(off).some((name) => name.startsWith('Rotate'))).toBe(false);
    expect(buttonNames(off)).toContain('Revoke Phone');
    expect(off).not.toContain('id="confirm-rotate"');
  });

  it('puts the password field in the Rotate dialog only when re-authentication is needed', () => {
    const dialog = (p: string) =>
      p.match(/<dialog\s+id="confirm-rotate"[\s\S]*?<\/dialog>/)?.[0] ?? '';
    expect(dialog(renderTokenListPage({ ...LIST, needsPassword: true }))).toContain(
      'name="password"',
    );
    expect(dialog(page)).not.toContain('name="password"');
    expect(buttonNames(dialog(page))).toEqual(['Rotate', 'Cancel']);
  });

  it('links the next page when there is one', () => {
    const more = renderTokenListPage({ ...LIST, nextPageUrl: '/account/?page=abc&x=1' });
    expect(more).toContain('href="/account/?page=abc&amp;x=1"');
  });
});

describe('renderCreateTokenPage', () => {
  it('labels every field by its contract name', () => {
    const page = createPage(ACTIVE_POLICY, { needsPassword: true });
    expect(labelFor(page, 'name')).toBe('Name');
    expect(labelFor(page, 'scope-IMAP')).toBe('IMAP');
    expect(labelFor(page, 'scope-POP3')).toBe('POP3');
    expect(labelFor(page, 'scope-SMTP')).toBe('SMTP');
    expect(labelFor(page, 'expires')).toBe('Expires');
    expect(labelFor(page, 'custom-date')).toBe('Custom date');
    expect(labelFor(page, 'password')).toBe('Password');
    expect(buttonNames(page)).toContain('Create token');
    expect(openingTag(page, 'custom-date')).toContain('name="custom-date"');
    expect(openingTag(page, 'scope-IMAP')).toContain('name="scopes"');
  });

  it("states the model's name rules", () => {
    expect(textOf(createPage(ACTIVE_POLICY))).toContain(
      '1 to 64 characters. Any characters except < > and \\.',
    );
    expect(openingTag(createPage(ACTIVE_POLICY), 'name')).toContain('maxlength="64"');
  });

  it('offers presets up to the cap and defaults to 30 days', () => {
    expect(expiryOptions(createPage(ACTIVE_POLICY))).toEqual({
      values: ['7', '30', '60', '90', 'custom'],
      selected: '30',
    });
    expect(expiryOptions(createPage({ active: true, lifetimeInDays: 45 }))).toEqual({
      values: ['7', '30', 'custom'],
      selected: '30',
    });
  });

  it('defaults to the cap when it is shorter than 30 days', () => {
    const page = createPage({ active: true, lifetimeInDays: 10 });
    expect(expiryOptions(page)).toEqual({ values: ['7', 'custom'], selected: 'custom' });
    expect(openingTag(page, 'custom-date')).toContain('value="2027-01-12"');
    expect(expiryOptions(createPage({ active: true, lifetimeInDays: 7 })).selected).toBe('7');
  });

  it('caps the custom date at the lifetime', () => {
    const tag = openingTag(createPage({ active: true, lifetimeInDays: 365 }), 'custom-date');
    expect(tag).toContain(`max="${new Date(NOW + 365 * DAY_MS).toISOString().slice(0, 10)}"`);
    expect(tag).toContain('min="2027-01-03"');
  });

  it('shows errors inline, tied to their fields, and keeps the values', () => {
    const page = createPage(ACTIVE_POLICY, {
      values: { name: 'Mine "x" & y', scopes: ['SMTP'], expires: '60', customDate: '' },
      errors: { name: 'Too long.', scopes: 'Choose at least one.', expires: 'Too late.' },
    });
    const name = openingTag(page, 'name');
    expect(name).toContain('aria-invalid="true"');
    expect(name).toContain('aria-describedby="name-hint name-error"');
    expect(name).toContain('value="Mine &quot;x&quot; &amp; y"');
    expect(page).toMatch(/<p id="name-error" class="field-error">Too long.<\/p>/);
    expect(page).toMatch(/aria-describedby="scopes-hint scopes-error"/);
    expect(openingTag(page, 'scope-SMTP')).toContain('checked');
    expect(openingTag(page, 'scope-IMAP')).not.toContain('checked');
    expect(openingTag(page, 'expires')).toContain('aria-invalid="true"');
    expect(expiryOptions(page).selected).toBe('60');
    expect(page).toContain('class="error-summary"');
  });

  it('has no error marks when nothing was refused', () => {
    const page = createPage(ACTIVE_POLICY);
    expect(page).not.toContain('aria-invalid');
    expect(page).not.toContain('error-summary');
  });
});

describe('renderNewSecretPage', () => {
  const view = {
    user: USER,
    csrfToken: CSRF,
    now: NOW,
    token: TOKENS[0]!,
    secret: SECRET,
    rotated: false,
    mail: MAIL,
  };
  const page = renderNewSecretPage(view);

  it('shows the secret in a read-only text field named New personal access token', () => {
    const field = openingTag(page, 'new-token') ?? '';
    expect(labelFor(page, 'new-token')).toBe('New personal access token');
    expect(field).toContain('type="text"');
    expect(field).toContain('readonly');
    expect(field).toContain(`value="${SECRET}"`);
  });

  it('renders Copy and Show hidden for the script to enable', () => {
    expect(openingTag(page, 'copy-token')).toMatch(/\bhidden\b/);
    expect(openingTag(page, 'show-token')).toMatch(/\bhidden\b/);
    expect(openingTag(page, 'show-token')).toContain('aria-pressed="false"');
    expect(buttonNames(page)).toEqual(expect.arrayContaining(['Copy', 'Show']));
    expect(openingTag(page, 'copy-status')).toContain('aria-live="polite"');
  });

  it('warns that the token will not be shown again', () => {
    expect(textOf(page)).toContain('Copy your token now. It will not be shown again.');
  });

  it("gives the mail app settings for the token's protocols", () => {
    const text = textOf(page);
    expect(text).toContain(
      'Incoming mail (IMAP) Server mail.example.com Port 993 Security SSL/TLS',
    );
    expect(text).toContain(
      'Outgoing mail (SMTP) Server mail.example.com Port 587 Security STARTTLS',
    );
    expect(text).not.toContain('POP3');
    expect(text).toContain('User name ana@example.com');
    expect(text).toContain('Password this token');
    expect(page).toMatch(/<a class="button button-secondary" href="\/account\/">/);
    const pop3 = textOf(renderNewSecretPage({ ...view, token: TOKENS[2]! }));
    expect(pop3).toContain(
      'Incoming mail (POP3) Server mail.example.com Port 995 Security SSL/TLS',
    );
  });

  it('says when the token was rotated', () => {
    expect(textOf(renderNewSecretPage({ ...view, rotated: true }))).toContain(
      'The previous secret no longer works.',
    );
  });
});

describe('renderConfirmPage', () => {
  const base = { user: USER, csrfToken: CSRF, now: NOW, token: TOKENS[1]! };

  it.each(['rotate', 'revoke'] as const)('%s names the token and posts to its URL', (action) => {
    const page = renderConfirmPage({ ...base, action, needsPassword: false });
    const verb = action === 'rotate' ? 'Rotate' : 'Revoke';
    expect(textOf(page.match(/<h1>[\s\S]*?<\/h1>/)?.[0] ?? '')).toContain(
      `${verb} “${AWKWARD_NAME}”`,
    );
    expect(buttonNames(page)).toContain(verb);
    expect(page).toMatch(
      new RegExp(`<form method="post" action="/account/tokens/tok-laptop/${action}"`),
    );
  });

  it('asks for the password for Rotate when re-authentication is needed, with the error beside it', () => {
    const page = renderConfirmPage({
      ...base,
      action: 'rotate',
      needsPassword: true,
      error: 'Wrong password.',
    });
    expect(labelFor(page, 'password')).toBe('Password');
    expect(openingTag(page, 'password')).toContain('aria-invalid="true"');
    expect(page).toContain('Wrong password.');
    const revoke = renderConfirmPage({ ...base, action: 'revoke', needsPassword: true });
    expect(revoke).not.toContain('name="password"');
  });
});
