import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../storage/open-store.js';
import type { Store } from '../storage/store.js';
import { resolveRootCredentials } from './root-credentials.js';
import type { ResolveRootCredentialsOptions } from './root-credentials.js';

const ENV_KEY = {
  MAILPAT_ROOT_ACCESS_KEY_ID: 'AKIAENVIRONMENT23456',
  MAILPAT_ROOT_SECRET_ACCESS_KEY: 'env/secret+access/key0123456789abcdefghij',
};

describe('resolveRootCredentials', () => {
  let dataDir: string;
  let databasePath: string;
  let store: Store;
  let logged: string[];

  beforeEach(async () => {
    const base = await mkdtemp(join(tmpdir(), 'mailpat-auth-'));
    dataDir = join(base, 'data');
    databasePath = join(base, 'mailpat.db');
    store = await openStore(`sqlite:${databasePath}`);
    logged = [];
  });
  afterEach(async () => {
    await store.close();
    await rm(join(dataDir, '..'), { recursive: true, force: true });
  });

  /** The IDs of every stored access key, read past the store. */
  const storedKeyIds = () => {
    const database = new Database(databasePath, { readonly: true });
    try {
      return database
        .prepare('select access_key_id from access_keys order by access_key_id')
        .pluck()
        .all() as string[];
    } finally {
      database.close();
    }
  };

  const options = (env: Record<string, string> = {}): ResolveRootCredentialsOptions => ({
    env,
    store,
    dataDir,
    log: (message) => logged.push(message),
  });
  const credentialsFile = () => join(dataDir, 'credentials');

  it('generates an AWS-shaped key, stores it and writes it to the credentials file', async () => {
    const root = await resolveRootCredentials(options());
    expect(root.source).toBe('generated');
    expect(root.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(root.secretAccessKey).toMatch(/^[A-Za-z0-9+/]{40}$/);
    expect(await store.getAccessKey(root.accessKeyId)).toMatchObject({
      accessKeyId: root.accessKeyId,
      secretAccessKey: root.secretAccessKey,
      enabled: true,
    });
    expect(await readFile(credentialsFile(), 'utf8')).toBe(
      `[mailpat]\naws_access_key_id = ${root.accessKeyId}\n` +
        `aws_secret_access_key = ${root.secretAccessKey}\n`,
    );
  });

  it('writes the credentials file with mode 0600', async () => {
    await resolveRootCredentials(options());
    expect((await stat(credentialsFile())).mode & 0o777).toBe(0o600);
  });

  it('returns the same stored key on every later start', async () => {
    const first = await resolveRootCredentials(options());
    const second = await resolveRootCredentials(options());
    expect(second).toEqual({ ...first, source: 'stored' });
    expect(storedKeyIds()).toEqual([first.accessKeyId]);
  });

  it('rewrites a missing credentials file from the stored key', async () => {
    const first = await resolveRootCredentials(options());
    await rm(credentialsFile());
    await resolveRootCredentials(options());
    expect(await readFile(credentialsFile(), 'utf8')).toContain(first.secretAccessKey);
    expect((await stat(credentialsFile())).mode & 0o777).toBe(0o600);
  });

  it('elects one key when several instances generate at once, and keeps only that one', async () => {
    const roots = await Promise.all(
      Array.from({ length: 4 }, () => resolveRootCredentials(options())),
    );
    expect(new Set(roots.map((root) => root.accessKeyId)).size).toBe(1);
    expect(roots.filter((root) => root.source === 'generated')).toHaveLength(1);
    expect(storedKeyIds()).toEqual([roots[0]!.accessKeyId]);
    expect(await readFile(credentialsFile(), 'utf8')).toContain(roots[0]!.secretAccessKey);
  });

  it('adopts the first stored key of data written before the root key was recorded', async () => {
    const older = { accessKeyId: 'AKIAOLDERROOTKEY2345', secretAccessKey: 'o'.repeat(40) };
    await store.putAccessKey({ ...older, enabled: true, createdAt: 1 });
    await store.putAccessKey({
      ...older,
      accessKeyId: 'AKIALATERKEY23456789',
      enabled: true,
      createdAt: 2,
    });
    const root = await resolveRootCredentials(options());
    expect(root).toEqual({ ...older, source: 'stored' });
    expect(await store.getSetting('root-access-key-id')).toBe(older.accessKeyId);
  });

  it('refuses to start when the recorded root key is missing', async () => {
    await store.getOrCreateSetting('root-access-key-id', () => 'AKIAGONE234567ABCDEF');
    await expect(resolveRootCredentials(options())).rejects.toThrow(
      'the root access key AKIAGONE234567ABCDEF named in the database',
    );
  });

  it('uses the environment key over a stored one, without storing or writing anything', async () => {
    await resolveRootCredentials(options());
    await rm(credentialsFile());
    const root = await resolveRootCredentials(options(ENV_KEY));
    expect(root).toEqual({
      accessKeyId: ENV_KEY.MAILPAT_ROOT_ACCESS_KEY_ID,
      secretAccessKey: ENV_KEY.MAILPAT_ROOT_SECRET_ACCESS_KEY,
      source: 'env',
    });
    expect(storedKeyIds()).not.toContain(ENV_KEY.MAILPAT_ROOT_ACCESS_KEY_ID);
    await expect(stat(credentialsFile())).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it.each(['MAILPAT_ROOT_ACCESS_KEY_ID', 'MAILPAT_ROOT_SECRET_ACCESS_KEY'] as const)(
    'refuses %s set alone',
    async (name) => {
      await expect(resolveRootCredentials(options({ [name]: ENV_KEY[name] }))).rejects.toThrow(
        'Set both MAILPAT_ROOT_ACCESS_KEY_ID and MAILPAT_ROOT_SECRET_ACCESS_KEY, or neither.',
      );
      expect(storedKeyIds()).toEqual([]);
    },
  );

  it('refuses a MAILPAT_ROOT_SECRET_ACCESS_KEY shorter than 16 characters, storing nothing', async () => {
    const short = { ...ENV_KEY, MAILPAT_ROOT_SECRET_ACCESS_KEY: 'x'.repeat(15) };
    await expect(resolveRootCredentials(options(short))).rejects.toThrow(
      'MAILPAT_ROOT_SECRET_ACCESS_KEY must be at least 16 characters long.',
    );
    expect(storedKeyIds()).toEqual([]);
    const sixteen = { ...ENV_KEY, MAILPAT_ROOT_SECRET_ACCESS_KEY: 'x'.repeat(16) };
    await expect(resolveRootCredentials(options(sixteen))).resolves.toMatchObject({
      source: 'env',
    });
  });

  it('never logs a secret, only the path and the key ID', async () => {
    const generated = await resolveRootCredentials(options());
    await rm(credentialsFile());
    await resolveRootCredentials(options());
    await resolveRootCredentials(options(ENV_KEY));
    const text = logged.join('\n');
    expect(text).toContain(credentialsFile());
    expect(text).toContain(generated.accessKeyId);
    expect(text).not.toContain(generated.secretAccessKey);
    expect(text).not.toContain(ENV_KEY.MAILPAT_ROOT_SECRET_ACCESS_KEY);
  });
});
