import { describe, expect, it } from 'vitest';
import { InvalidParameterException } from '../errors/index.js';
import { isLoopbackHttp, requireValidIssuerUrl } from './oidc-issuer-url.js';

describe('requireValidIssuerUrl', () => {
  it.each([
    'https://sso.example.org',
    'https://sso.example.org/realms/mail',
    'http://127.0.0.1:5556/dex',
    'http://[::1]:8080',
    'http://localhost:3000/',
  ])('accepts %s', (text) => {
    expect(requireValidIssuerUrl(text).href.startsWith(text)).toBe(true);
  });

  it.each([
    'sso.example.org',
    'http://sso.example.org',
    'http://127.0.0.2',
    'http://localhost.example.org',
    'ftp://sso.example.org',
    'https://sso.example.org/?tenant=1',
    'https://sso.example.org/#x',
    'https://user:pass@sso.example.org',
  ])('refuses %s', (text) => {
    expect(() => requireValidIssuerUrl(text)).toThrow(InvalidParameterException);
  });
});

describe('isLoopbackHttp', () => {
  it('holds for http on a loopback host only', () => {
    expect(isLoopbackHttp(new URL('http://127.0.0.1:1'))).toBe(true);
    expect(isLoopbackHttp(new URL('http://[::1]:1'))).toBe(true);
    expect(isLoopbackHttp(new URL('https://127.0.0.1:1'))).toBe(false);
    expect(isLoopbackHttp(new URL('http://10.0.0.1'))).toBe(false);
  });
});
