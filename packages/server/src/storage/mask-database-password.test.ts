import { describe, expect, it } from 'vitest';
import { maskDatabasePassword, maskDatabaseUrl } from './mask-database-password.js';

describe('maskDatabaseUrl', () => {
  it('replaces the password and keeps user, host and database', () => {
    expect(maskDatabaseUrl('postgres://mailpat:s3cret@db.internal:5432/mailpat')).toBe(
      'postgres://mailpat:***@db.internal:5432/mailpat',
    );
  });

  it('leaves a URL without a password as it is', () => {
    expect(maskDatabaseUrl('postgres://postgres@127.0.0.1:55432/postgres')).toBe(
      'postgres://postgres@127.0.0.1:55432/postgres',
    );
    expect(maskDatabaseUrl('sqlite:/var/lib/mailpat/mailpat.db')).toBe(
      'sqlite:/var/lib/mailpat/mailpat.db',
    );
  });
});

describe('maskDatabasePassword', () => {
  const url = 'postgresql://mailpat:p%40ss%2Fw0rd@db:5432/mailpat';

  it('masks the URL, the password as written and as decoded', () => {
    const text = `cannot connect to ${url}: password "p@ss/w0rd" (p%40ss%2Fw0rd) refused`;
    const masked = maskDatabasePassword(text, url);
    expect(masked).toBe(
      'cannot connect to postgresql://mailpat:***@db:5432/mailpat: password "***" (***) refused',
    );
  });

  it('changes nothing when the URL has no password', () => {
    const text = 'connect ECONNREFUSED 127.0.0.1:5432';
    expect(maskDatabasePassword(text, 'postgres://u@h/db')).toBe(text);
  });
});
