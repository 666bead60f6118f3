import { describe, expect, it } from 'vitest';
import { generateTokenSecret } from '../tokens/token-secret.js';
import { scrubSecrets } from './scrub-secrets.js';

describe('scrubSecrets', () => {
  it('masks the password of a database URL, keeping user, host and database', () => {
    expect(scrubSecrets('cannot open postgres://mailpat:s3cr3t-pw@db.example:5432/mailpat')).toBe(
      'cannot open postgres://mailpat:***@db.example:5432/mailpat',
    );
  });

  it('masks a password with a raw @ or / whole, not up to its first @', () => {
    const text = 'relay smtp://user:p@ss/w@rd@relay.example:587 refused';
    expect(scrubSecrets(text)).toBe('relay smtp://user:***@relay.example:587 refused');
  });

  it('masks every URL of the text and stops at a quote', () => {
    const text = '{"a":"postgresql://u:one@h/d","b":"smtps://v:two@h"}';
    expect(scrubSecrets(text)).toBe('{"a":"postgresql://u:***@h/d","b":"smtps://v:***@h"}');
  });

  it('masks PAT secrets', () => {
    const secret = generateTokenSecret();
    expect(scrubSecrets(`token ${secret} refused`)).toBe('token mpat_*** refused');
  });

  it('keeps the placeholder of a usage message', () => {
    const text = 'use sqlite:PATH or postgres://user:password@host:port/database';
    expect(scrubSecrets(text)).toBe(text);
  });

  it('leaves text without credentials as it is', () => {
    const text = 'mailpat listening on http://127.0.0.1:8080 (postgres://db.example/mailpat)';
    expect(scrubSecrets(text)).toBe(text);
  });
});
