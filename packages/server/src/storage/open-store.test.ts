import { describe, expect, it } from 'vitest';
import { isPostgresUrl, sqlitePathOf } from './database-url.js';
import { openStore } from './open-store.js';

describe('sqlitePathOf', () => {
  it.each([
    ['sqlite:data/mailpat.db', 'data/mailpat.db'],
    ['sqlite:./mailpat.db', './mailpat.db'],
    ['sqlite:/var/lib/mailpat.db', '/var/lib/mailpat.db'],
    ['sqlite:///var/lib/mailpat.db', '/var/lib/mailpat.db'],
    ['SQLITE:relative.db', 'relative.db'],
    ['file:///var/lib/mail%20pat.db', '/var/lib/mail pat.db'],
    ['file:relative.db', 'relative.db'],
    ['/var/lib/mailpat.db', '/var/lib/mailpat.db'],
    ['data/mailpat.db', 'data/mailpat.db'],
  ])('should read %s as the path %s', (url, path) => {
    expect(sqlitePathOf(url)).toBe(path);
  });

  it('should reject other schemes without echoing a password', () => {
    expect(() => sqlitePathOf('mysql://admin:hunter2@db:3306/mailpat')).toThrow(
      /^unsupported database URL "mysql:\/\/admin:\*\*\*@db:3306\/mailpat"/,
    );
    expect(() => sqlitePathOf('mysql://db/mailpat')).toThrow(/unsupported database URL/);
  });

  it('should reject a URL without a path', () => {
    expect(() => sqlitePathOf('sqlite:')).toThrow(/has no path/);
  });
});

describe('isPostgresUrl', () => {
  it.each([
    ['postgres://u:p@db:5432/mailpat', true],
    ['postgresql://db/mailpat', true],
    ['POSTGRES://db/mailpat', true],
    ['sqlite:postgres.db', false],
    ['postgres.db', false],
  ])('should read %s as PostgreSQL: %s', (url, expected) => {
    expect(isPostgresUrl(url)).toBe(expected);
  });
});

describe('openStore', () => {
  it('should reject an unsupported URL before touching the disk', async () => {
    await expect(openStore('mysql://db/mailpat')).rejects.toThrow(/unsupported database URL/);
  });
});
