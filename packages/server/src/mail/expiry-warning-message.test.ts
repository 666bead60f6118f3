import { describe, expect, it } from 'vitest';
import { buildExpiryWarning } from './expiry-warning-message.js';
import type { ExpiryWarningFacts } from './expiry-warning-message.js';

const DAY_MS = 86_400_000;
/** 2026-12-01 09:30 UTC. */
const NOW = Date.UTC(2026, 11, 1, 9, 30);

function facts(overrides: Partial<ExpiryWarningFacts> = {}): ExpiryWarningFacts {
  return {
    thresholdDays: 7,
    user: { email: 'ada@example.org', displayName: 'Ada Lovelace' },
    token: {
      name: 'Laptop',
      scopes: ['IMAP', 'SMTP'],
      lastUsedAt: Date.UTC(2026, 10, 30, 8, 15),
      expiresAt: NOW + 7 * DAY_MS,
    },
    now: NOW,
    accountUrl: 'https://mail.example.org/account/',
    ...overrides,
  };
}

/** The facts with the token expiring at `expiresAt`. */
function expiringAt(expiresAt: number, thresholdDays: ExpiryWarningFacts['thresholdDays'] = 7) {
  const base = facts();
  return facts({ thresholdDays, token: { ...base.token, expiresAt } });
}

describe('buildExpiryWarning', () => {
  it('writes to the owner, naming the token, its scopes, last use and expiry in both bodies', () => {
    const mail = buildExpiryWarning(facts());
    expect(mail.to).toBe('ada@example.org');
    expect(mail.subject).toBe('Your personal access token "Laptop" expires in 7 days');
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain('Hello Ada Lovelace,');
      expect(body).toContain('Laptop');
      expect(body).toContain('IMAP, SMTP');
      expect(body).toContain('2026-11-30 08:15 UTC');
      expect(body).toContain('2026-12-08 09:30 UTC');
      expect(body).toContain('update your mail app, then revoke the old one.');
      expect(body).not.toContain('mpat_');
    }
    expect(mail.text).toContain(
      'Create a new token at https://mail.example.org/account/, update your mail app, then revoke the old one.',
    );
    expect(mail.html).toContain(
      '<a href="https://mail.example.org/account/">https://mail.example.org/account/</a>',
    );
  });

  it.each([
    ['in 60 days', NOW + 60 * DAY_MS, 60, 'expires in 60 days'],
    ['in 58 days (a late 60-day warning)', NOW + 58 * DAY_MS, 60, 'expires in 58 days'],
    ['in 2 days (a late 7-day warning)', NOW + 2 * DAY_MS, 7, 'expires in 2 days'],
    ['at 23:59 tomorrow', Date.UTC(2026, 11, 2, 23, 59), 7, 'expires tomorrow'],
    ['at 00:00 tomorrow', Date.UTC(2026, 11, 2, 0, 0), 0, 'expires tomorrow'],
    ['at 23:59 today', Date.UTC(2026, 11, 1, 23, 59), 0, 'expires today'],
    ['in a millisecond', NOW + 1, 0, 'expires today'],
    ['now', NOW, 0, 'has expired'],
    ['3 days ago', NOW - 3 * DAY_MS, 7, 'has expired'],
  ] as const)('words an expiry %s (threshold %s) as the truth', (_, at, threshold, wording) => {
    const mail = buildExpiryWarning(expiringAt(at, threshold));
    expect(mail.subject).toBe(`Your personal access token "Laptop" ${wording}`);
    expect(mail.text).toContain(`${wording}.`);
    expect(mail.html).toContain(`${wording}.`);
  });

  it('says an expired token has stopped working', () => {
    const mail = buildExpiryWarning(expiringAt(NOW - DAY_MS, 0));
    expect(mail.text).toContain('Expired:');
    expect(mail.text).toContain('can no longer read or send mail');
    expect(mail.text).not.toContain('When it expires');
    expect(mail.text).toContain('To replace it:\nCreate a new token at');
  });

  it('says "never used" and "none" for an unused token without scopes', () => {
    const base = facts();
    const mail = buildExpiryWarning(
      facts({ token: { ...base.token, lastUsedAt: null, scopes: [] } }),
    );
    for (const body of [mail.text, mail.html]) {
      expect(body).toMatch(/Last used:?\s*(<\/th>\s*<td>)?never used/);
      expect(body).toMatch(/Scopes:?\s*(<\/th>\s*<td>)?none/);
    }
  });

  it('sends to the administrator without a web page', () => {
    const mail = buildExpiryWarning(facts({ accountUrl: undefined }));
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain('ask your mail administrator for a new token');
      expect(body).not.toContain('Create a new token');
      expect(body).not.toContain('http');
    }
  });

  it('escapes the token name and display name in HTML', () => {
    const base = facts();
    const mail = buildExpiryWarning(
      facts({
        user: { email: 'ada@example.org', displayName: `Ada "&'<b>` },
        token: { ...base.token, name: '<script>alert(1)</script>"&\'' },
      }),
    );
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<b>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;&#39;');
    expect(mail.html).toContain('Hello Ada &quot;&amp;&#39;&lt;b&gt;,');
    // Plain text is not HTML: it keeps the name as it is.
    expect(mail.text).toContain('"<script>alert(1)</script>"&\'"');
    expect(mail.subject).toBe(
      'Your personal access token "<script>alert(1)</script>"&\'" expires in 7 days',
    );
  });

  it('turns control characters in names into spaces', () => {
    const base = facts();
    const mail = buildExpiryWarning(
      facts({
        user: { email: 'ada@example.org', displayName: 'Ada\r\nBcc: eve@example.org' },
        token: { ...base.token, name: 'Lap\r\nX-Injected: yes\u0000\u2028top' },
      }),
    );
    expect(mail.subject).toBe(
      'Your personal access token "Lap X-Injected: yes top" expires in 7 days',
    );
    expect(mail.text).toContain('Hello Ada Bcc: eve@example.org,');
    expect(mail.text).not.toMatch(/[\0\r\u2028]/);
    expect(mail.html).not.toMatch(/[\0\r\u2028]/);
  });
});
