import { describe, expect, it } from 'vitest';
import type { LoginSubject } from '../domain/records.js';
import { decideIntrospection, refusalOf } from './decide-introspection.js';

const NOW = 1_800_000_000_000;
const subject = (overrides: Partial<LoginSubject> = {}, expiresAt = NOW + 1000): LoginSubject => ({
  token: {
    id: 'pat-1',
    organizationId: 'm-1',
    userId: 'u-1',
    name: 'n',
    scopes: ['IMAP', 'SMTP'],
    secretHash: 'h',
    createdAt: NOW - 5500,
    expiresAt,
    lastUsedAt: null,
    lastUsedAddress: null,
  },
  userEmail: 'alice@example.org',
  userState: 'ENABLED',
  organizationState: 'Active',
  patStatus: 'ACTIVE',
  ...overrides,
});

describe('decideIntrospection', () => {
  it('answers a live token with username, sub, scope and whole-second exp and iat', () => {
    expect(decideIntrospection(subject(), NOW)).toEqual({
      active: true,
      username: 'alice@example.org',
      sub: 'u-1',
      scope: 'IMAP SMTP',
      exp: 1_800_000_001,
      iat: 1_799_999_994,
    });
  });

  it.each([
    ['an unknown token', undefined],
    ['a token expiring right now', subject({}, NOW)],
    ['a disabled user', subject({ userState: 'DISABLED' })],
    ['a user without an email', subject({ userEmail: null })],
    ['a deleted organization', subject({ organizationState: 'Deleted' })],
    ['an INACTIVE policy', subject({ patStatus: 'INACTIVE' })],
    ['no policy at all', subject({ patStatus: null })],
  ])('refuses %s', (_name, candidate) => {
    expect(decideIntrospection(candidate, NOW)).toBeUndefined();
  });
});

describe('refusalOf', () => {
  it.each([
    ['expired', subject({}, NOW)],
    ['user_not_enabled', subject({ userState: 'DISABLED' })],
    ['user_not_enabled', subject({ userEmail: null })],
    ['organization_not_active', subject({ organizationState: 'Deleted' })],
    ['policy_not_active', subject({ patStatus: 'INACTIVE' })],
    ['policy_not_active', subject({ patStatus: null })],
  ])('names %s as the reason', (reason, candidate) => {
    expect(refusalOf(candidate, NOW)).toBe(reason);
  });

  it('names the first broken rule when several are', () => {
    const everything = subject({ userState: 'DISABLED', patStatus: 'INACTIVE' }, NOW - 1);
    expect(refusalOf(everything, NOW)).toBe('expired');
  });

  it('names no reason for a token that may log in', () => {
    expect(refusalOf(subject(), NOW)).toBeUndefined();
  });
});
