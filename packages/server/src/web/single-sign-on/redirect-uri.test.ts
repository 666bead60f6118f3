import { describe, expect, it } from 'vitest';
import { singleSignOnRedirectUri } from './redirect-uri.js';

describe('singleSignOnRedirectUri', () => {
  it.each([
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080/account/sso/callback'],
    ['https://mail.example.org/', 'https://mail.example.org/account/sso/callback'],
    ['https://example.org/mail', 'https://example.org/mail/account/sso/callback'],
  ])('should put the callback under %s', (base, expected) => {
    expect(singleSignOnRedirectUri(base)).toBe(expected);
  });
});
