import { describe, expect, it } from 'vitest';
import { checkCreateTokenForm } from './create-token-form.js';

const NOW = Date.UTC(2025, 5, 10, 15, 0, 0);
const IDS = { organizationId: `m-${'0'.repeat(32)}`, userId: 'user-1' };
const POLICY = { status: 'ACTIVE' as const, lifetimeInDays: 60 };
const check = (fields: Record<string, string | string[]>) => {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) form.append(name, one);
  }
  return checkCreateTokenForm(form, IDS, POLICY, NOW);
};

describe('checkCreateTokenForm', () => {
  it('accepts a name, scopes and a preset, capping the preset by the policy', () => {
    const checked = check({ name: 'Phone', scopes: ['IMAP', 'POP3'], expires: '90' });
    expect(checked.errors).toEqual({});
    expect(checked.expiresInDays).toBe(60);
    expect(checked.values.scopes).toEqual(['IMAP', 'POP3']);
  });

  it("gives the API's message for a bad name", () => {
    const { errors } = check({ name: 'a<b', scopes: 'IMAP', expires: '7' });
    expect(errors.name).toMatch(/^1 validation error detected: Value 'a<b' at 'Name'/);
  });

  it('needs at least one of IMAP, POP3 and SMTP, and nothing else', () => {
    expect(check({ name: 'x', expires: '7' }).errors.scopes).toBeDefined();
    expect(check({ name: 'x', scopes: ['IMAP', 'EWS'], expires: '7' }).errors.scopes).toBeDefined();
  });

  it('turns a custom date into days from today, within the policy', () => {
    const days = (customDate: string) =>
      check({ name: 'x', scopes: 'SMTP', expires: 'custom', 'custom-date': customDate });
    expect(days('2025-06-11').expiresInDays).toBe(1);
    expect(days('2025-08-09').expiresInDays).toBe(60);
    expect(days('2025-08-10').errors.expires).toMatch(/60 days/);
    expect(days('2025-06-10').errors.expires).toMatch(/tomorrow/);
    expect(days('2025-02-30').errors.expires).toBe('Enter the date as YYYY-MM-DD.');
    expect(check({ name: 'x', scopes: 'SMTP', expires: '45' }).errors.expires).toBeDefined();
  });
});
