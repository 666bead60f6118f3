import { describe, expect, it } from 'vitest';
import { resolveDatabaseUrl } from './database-url.js';
import { loadServerConfig } from './server-config.js';

const ROOT_KEY = {
  MAILPAT_ROOT_ACCESS_KEY_ID: 'AKIAENVIRONMENT23456',
  MAILPAT_ROOT_SECRET_ACCESS_KEY: 'x'.repeat(16),
};

describe('loadServerConfig', () => {
  it('reads the web settings, the mail host from the public URL by default', () => {
    const env = {
      MAILPAT_SESSION_IDLE_MINUTES: '5',
      MAILPAT_SESSION_MAX_HOURS: '2',
      MAILPAT_PUBLIC_URL: 'https://Mail.Example.org:8443/',
    };
    const { web } = loadServerConfig(env);
    expect(web).toMatchObject({ sessionIdleMs: 300_000, sessionMaxMs: 7_200_000 });
    expect(web.publicUrl?.origin).toBe('https://mail.example.org:8443');
    expect(web.mailHost).toBe('mail.example.org');
    const pinned = loadServerConfig({ ...env, MAILPAT_MAIL_HOST: 'imap.example.org' });
    expect(pinned.web.mailHost).toBe('imap.example.org');
  });

  it.each([
    ['MAILPAT_SESSION_IDLE_MINUTES', '0', 'must be a positive integer'],
    ['MAILPAT_SESSION_MAX_HOURS', '12h', 'must be a positive integer'],
    ['MAILPAT_PUBLIC_URL', 'mail.example.org', 'must be an http or https URL'],
    ['MAILPAT_PUBLIC_URL', 'ftp://mail.example.org', 'must be an http or https URL'],
    ['MAILPAT_SMTP_URL', 'http://relay.example', 'must be an smtp://, smtps:// or lmtp:// URL'],
  ])('refuses %s=%j, naming it', (name, value, message) => {
    expect(() => loadServerConfig({ [name]: value })).toThrow(`${name} ${message}`);
  });

  it('answers the defaults for an empty environment', () => {
    expect(loadServerConfig({})).toEqual({
      poolSize: undefined,
      statementTimeoutMs: undefined,
      queryTimeoutMs: undefined,
      flushIntervalMs: 10_000,
      eventRetentionDays: 90,
      introspectionClient: undefined,
      http: { maxConnections: 1024, headersTimeoutMs: 10_000, requestTimeoutMs: 30_000 },
      web: {
        sessionIdleMs: 30 * 60_000,
        sessionMaxMs: 12 * 3_600_000,
        publicUrl: undefined,
        mailHost: undefined,
      },
      mail: undefined,
    });
  });

  it('refuses a headers timeout longer than the request timeout', () => {
    const env = { MAILPAT_HEADERS_TIMEOUT_MS: '40000' };
    expect(() => loadServerConfig(env)).toThrow(
      'MAILPAT_HEADERS_TIMEOUT_MS (40000) must be at most',
    );
  });

  it('treats an empty value as unset', () => {
    const env = {
      MAILPAT_DATABASE_POOL_SIZE: '',
      MAILPAT_LAST_USED_FLUSH_MS: '',
      MAILPAT_EVENT_RETENTION_DAYS: '',
    };
    expect(loadServerConfig(env)).toMatchObject({ poolSize: undefined, flushIntervalMs: 10_000 });
  });

  it('reads every setting that is set', () => {
    const env = {
      MAILPAT_DATABASE_POOL_SIZE: '25',
      MAILPAT_DATABASE_STATEMENT_TIMEOUT_MS: '2000',
      MAILPAT_DATABASE_QUERY_TIMEOUT_MS: '3000',
      MAILPAT_LAST_USED_FLUSH_MS: '250',
      MAILPAT_EVENT_RETENTION_DAYS: '365',
      MAILPAT_INTROSPECTION_CLIENT_ID: 'dovecot',
      MAILPAT_INTROSPECTION_CLIENT_SECRET: 'y'.repeat(16),
      MAILPAT_PUBLIC_URL: 'https://mail.example.org',
      MAILPAT_MAX_CONNECTIONS: '50',
      MAILPAT_HEADERS_TIMEOUT_MS: '2000',
      MAILPAT_REQUEST_TIMEOUT_MS: '5000',
      ...ROOT_KEY,
    };
    expect(loadServerConfig(env)).toEqual({
      poolSize: 25,
      statementTimeoutMs: 2000,
      queryTimeoutMs: 3000,
      flushIntervalMs: 250,
      eventRetentionDays: 365,
      introspectionClient: { id: 'dovecot', secret: 'y'.repeat(16) },
      http: { maxConnections: 50, headersTimeoutMs: 2000, requestTimeoutMs: 5000 },
      web: {
        sessionIdleMs: 30 * 60_000,
        sessionMaxMs: 12 * 3_600_000,
        publicUrl: new URL('https://mail.example.org/'),
        mailHost: 'mail.example.org',
      },
    });
  });

  it.each(['mail.example.org', 'ftp://mail.example.org', 'https://mail.example.org/?a=1'])(
    'refuses MAILPAT_PUBLIC_URL=%j, naming it',
    (value) => {
      expect(() => loadServerConfig({ MAILPAT_PUBLIC_URL: value })).toThrow(
        'MAILPAT_PUBLIC_URL must be an http or https URL without query or fragment',
      );
    },
  );

  it.each(['10x', '0', '-1', '1.5', '1e3', ' 7'])(
    'refuses MAILPAT_DATABASE_POOL_SIZE=%j, naming it',
    (value) => {
      expect(() => loadServerConfig({ MAILPAT_DATABASE_POOL_SIZE: value })).toThrow(
        `MAILPAT_DATABASE_POOL_SIZE must be a positive integer, not ${JSON.stringify(value)}`,
      );
    },
  );

  it.each(['10s', '0', '-5', '2.5', 'ten'])(
    'refuses MAILPAT_LAST_USED_FLUSH_MS=%j instead of falling back to the default',
    (value) => {
      expect(() => loadServerConfig({ MAILPAT_LAST_USED_FLUSH_MS: value })).toThrow(
        `MAILPAT_LAST_USED_FLUSH_MS must be a positive integer, not ${JSON.stringify(value)}`,
      );
    },
  );

  it('refuses a MAILPAT_LAST_USED_FLUSH_MS longer than a timer can wait', () => {
    expect(loadServerConfig({ MAILPAT_LAST_USED_FLUSH_MS: '2147483647' }).flushIntervalMs).toBe(
      2_147_483_647,
    );
    expect(() => loadServerConfig({ MAILPAT_LAST_USED_FLUSH_MS: '2147483648' })).toThrow(
      'MAILPAT_LAST_USED_FLUSH_MS must be at most 2147483647, not "2147483648"',
    );
  });

  it('refuses a MAILPAT_EVENT_RETENTION_DAYS that is not a whole number of days', () => {
    expect(() => loadServerConfig({ MAILPAT_EVENT_RETENTION_DAYS: '7d' })).toThrow(
      /^MAILPAT_EVENT_RETENTION_DAYS must be a whole number of days, at least 1, not "7d"$/,
    );
  });

  it('refuses an introspection client id with a colon or a short secret, naming the variable', () => {
    expect(() => loadServerConfig({ MAILPAT_INTROSPECTION_CLIENT_ID: 'dove:cot' })).toThrow(
      /^MAILPAT_INTROSPECTION_CLIENT_ID must not contain ":"/,
    );
    expect(() => loadServerConfig({ MAILPAT_INTROSPECTION_CLIENT_SECRET: 'short' })).toThrow(
      'MAILPAT_INTROSPECTION_CLIENT_SECRET must be at least 16 characters long.',
    );
  });

  it('refuses half a root key pair, a malformed key ID and a short secret', () => {
    expect(() =>
      loadServerConfig({ MAILPAT_ROOT_ACCESS_KEY_ID: ROOT_KEY.MAILPAT_ROOT_ACCESS_KEY_ID }),
    ).toThrow(
      'Set both MAILPAT_ROOT_ACCESS_KEY_ID and MAILPAT_ROOT_SECRET_ACCESS_KEY, or neither.',
    );
    expect(() => loadServerConfig({ ...ROOT_KEY, MAILPAT_ROOT_ACCESS_KEY_ID: 'AKIA-1' })).toThrow(
      'MAILPAT_ROOT_ACCESS_KEY_ID must consist of letters and digits only.',
    );
    expect(() =>
      loadServerConfig({ ...ROOT_KEY, MAILPAT_ROOT_SECRET_ACCESS_KEY: 'x'.repeat(15) }),
    ).toThrow('MAILPAT_ROOT_SECRET_ACCESS_KEY must be at least 16 characters long.');
  });
});

describe('resolveDatabaseUrl', () => {
  const env = { MAILPAT_DATABASE_URL: 'postgres://mailpat@db/mailpat' };

  it('prefers --database, then MAILPAT_DATABASE_URL, then SQLite in the data directory', () => {
    expect(resolveDatabaseUrl('sqlite:flag.db', env, '/data')).toBe('sqlite:flag.db');
    expect(resolveDatabaseUrl(undefined, env, '/data')).toBe('postgres://mailpat@db/mailpat');
    expect(resolveDatabaseUrl(undefined, {}, '/data')).toBe('sqlite:/data/mailpat.db');
  });

  it('refuses a MAILPAT_DATABASE_URL of an unknown kind, naming it and hiding the password', () => {
    const mysql = { MAILPAT_DATABASE_URL: 'mysql://admin:hunter2@db/mailpat' };
    expect(() => resolveDatabaseUrl(undefined, mysql, '/data')).toThrow(
      /^MAILPAT_DATABASE_URL: unsupported database URL "mysql:\/\/admin:\*\*\*@db\/mailpat"/,
    );
  });

  it('refuses a MAILPAT_DATABASE_URL that is set but names no file', () => {
    for (const url of ['', 'sqlite:']) {
      expect(() => resolveDatabaseUrl(undefined, { MAILPAT_DATABASE_URL: url }, '/data')).toThrow(
        /^MAILPAT_DATABASE_URL: database URL "(sqlite:)?" has no path$/,
      );
    }
  });
});
