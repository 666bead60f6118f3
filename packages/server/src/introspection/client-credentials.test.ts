import { describe, expect, it } from 'vitest';
import { loadIntrospectionClient } from '../config/introspection-client.js';
import { authenticateClient } from './client-credentials.js';

const CLIENT = { id: 'dovecot', secret: 'a+b/c=%' };
const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;
const form = (text: string) => new URLSearchParams(text);

describe('authenticateClient', () => {
  it('accepts Basic with the secret as written or form-encoded (RFC 6749 2.3.1)', () => {
    expect(authenticateClient(basic('dovecot:a+b/c=%'), form(''), CLIENT)).toBe('dovecot');
    expect(authenticateClient(basic('dovecot:a%2Bb%2Fc%3D%25'), form(''), CLIENT)).toBe('dovecot');
  });

  it('accepts form fields, and ignores empty ones next to Basic', () => {
    const fields = form('client_id=dovecot&client_secret=a%2Bb%2Fc%3D%25');
    expect(authenticateClient(undefined, fields, CLIENT)).toBe('dovecot');
    const empty = form('client_id=&client_secret=');
    expect(authenticateClient(basic('dovecot:a+b/c=%'), empty, CLIENT)).toBe('dovecot');
  });

  it.each([
    ['a wrong secret', basic('dovecot:nope'), ''],
    ['a wrong id', basic('imap:a+b/c=%'), ''],
    ['Basic without a colon', basic('dovecot'), ''],
    ['a bearer token', 'Bearer x', ''],
    ['nothing', undefined, ''],
  ])('refuses %s', (_name, header, body) => {
    expect(authenticateClient(header, form(body), CLIENT)).toBeUndefined();
  });

  it('refuses to start with a client id that contains a colon', () => {
    const env = {
      MAILPAT_INTROSPECTION_CLIENT_ID: 'dove:cot',
      MAILPAT_INTROSPECTION_CLIENT_SECRET: 's',
    };
    expect(() => loadIntrospectionClient(env)).toThrow(/must not contain ":"/);
  });

  it('refuses to start with a client secret shorter than 16 characters, even without an id', () => {
    const message = 'MAILPAT_INTROSPECTION_CLIENT_SECRET must be at least 16 characters long.';
    const secret = 'x'.repeat(15);
    expect(() =>
      loadIntrospectionClient({
        MAILPAT_INTROSPECTION_CLIENT_ID: 'dovecot',
        MAILPAT_INTROSPECTION_CLIENT_SECRET: secret,
      }),
    ).toThrow(message);
    expect(() => loadIntrospectionClient({ MAILPAT_INTROSPECTION_CLIENT_SECRET: secret })).toThrow(
      message,
    );
    const sixteen = {
      MAILPAT_INTROSPECTION_CLIENT_ID: 'dovecot',
      MAILPAT_INTROSPECTION_CLIENT_SECRET: 'x'.repeat(16),
    };
    expect(loadIntrospectionClient(sixteen)).toEqual({ id: 'dovecot', secret: 'x'.repeat(16) });
  });

  it('refuses everyone when no client is configured', () => {
    expect(loadIntrospectionClient({ MAILPAT_INTROSPECTION_CLIENT_ID: 'x' })).toBeUndefined();
    expect(authenticateClient(basic('dovecot:a+b/c=%'), form(''), undefined)).toBeUndefined();
  });
});
