import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveRootCredentials } from './root-credentials.js';
import type { ResolveRootCredentialsOptions } from './root-credentials.js';
import { MemoryAccessKeys } from './test-support/memory-access-keys.js';

const ENV_KEY = {
  MAILPAT_ROOT_ACCESS_KEY_ID: 'AKIAENVIRONMENT23456',
  MAILPAT_ROOT_SECRET_ACCESS_KEY: 'env/secret+access/key0123456789abcdefghij',
};

describe('resolveRootCredentials', () => {
  let dataDir: string;
  let store: MemoryAccessKeys;
  let logged: string[];

  beforeEach(async () => {
    dataDir = join(await mkdtemp(join(tmpdir(), 'mailpat-auth-')), 'data');
    store = new MemoryAccessKeys();
    logged = [];
  });
  afterEach(async () => {
    await rm(join(dataDir, '..'), { recursive: true, force: true });
  });

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
    expect(store.keys.get(root.accessKeyId)).toMatchObject({
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
    expect(store.keys.size).toBe(1);
  });

  it('rewrites a missing credentials file from the stored key', async () => {
    const first = await resolveRootCredentials(options());
    await rm(credentialsFile());
    await resolveRootCredentials(options());
    expect(await readFile(credentialsFile(), 'utf8')).toContain(first.secretAccessKey);
    expect((await stat(credentialsFile())).mode & 0o777).toBe(0o600);
  });

  it('converges on the first stored key when another instance stored one concurrently', async () => {
    const [a, b] = await Promise.all([
      resolveRootCredentials(options()),
      resolveRootCredentials(options()),
    ]);
    expect(a.accessKeyId).toBe(b.accessKeyId);
    expect(await readFile(credentialsFile(), 'utf8')).toContain(a.secretAccessKey);
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
    expect(store.keys.has(ENV_KEY.MAILPAT_ROOT_ACCESS_KEY_ID)).toBe(false);
    await expect(stat(credentialsFile())).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it.each(['MAILPAT_ROOT_ACCESS_KEY_ID', 'MAILPAT_ROOT_SECRET_ACCESS_KEY'] as const)(
    'refuses %s set alone',
    async (name) => {
      await expect(resolveRootCredentials(options({ [name]: ENV_KEY[name] }))).rejects.toThrow(
        'Set both MAILPAT_ROOT_ACCESS_KEY_ID and MAILPAT_ROOT_SECRET_ACCESS_KEY, or neither.',
      );
      expect(store.keys.size).toBe(0);
    },
  );

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
