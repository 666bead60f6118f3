import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { openStore } from '../storage/open-store.js';
import { run } from './run.js';
import { captureIo } from './test-support/capture-io.js';

describe('mailpat run()', () => {
  it('prints help and exits 0', async () => {
    const io = captureIo();
    expect(await run(['--help'], io)).toBe(0);
    expect(io.out()).toMatch(/serve/);
    expect(io.out()).toMatch(/seed/);
  });

  it('prints the package version for --version and -V, and exits 0', async () => {
    const packageJson = join(import.meta.dirname, '../../package.json');
    const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const io = captureIo();
      expect(await run([flag], io)).toBe(0);
      expect(io.out()).toBe(`mailpat ${version}\n`);
    }
  });

  it('seeds an organization with an ACTIVE policy and ends with a JSON summary line', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mailpat-seed-'));
    const io = captureIo();
    const code = await run(['seed', '--data-dir', dataDir, '--tokens', '250', '--users', '3'], io);
    expect(code, io.err()).toBe(0);
    const summary = JSON.parse(io.out().trim().split('\n').pop()!) as Record<string, unknown>;
    expect(summary).toMatchObject({ Users: 3, Tokens: 250 });
    const store = await openStore(`sqlite:${join(dataDir, 'mailpat.db')}`);
    try {
      const orgId = summary.OrganizationId as string;
      const org = await store.getOrganization(orgId);
      expect(org?.patConfiguration).toEqual({ status: 'ACTIVE', lifetimeInDays: 365 });
      const users = await store.listUsers(orgId, { limit: 10 });
      expect(users.items.map((u) => u.state)).toEqual(['ENABLED', 'ENABLED', 'ENABLED']);
      const tokens = await store.listTokens(orgId, { limit: 100 });
      expect(tokens.hasMore).toBe(true);
      const perUser = await store.listTokens(orgId, { limit: 100, userId: users.items[0]!.id });
      expect(perUser.items).toHaveLength(84);
    } finally {
      await store.close();
    }
  });

  it('refuses an alias CreateOrganization would refuse, naming the field', async () => {
    const io = captureIo();
    const dataDir = mkdtempSync(join(tmpdir(), 'mailpat-seed-'));
    expect(
      await run(['seed', '--data-dir', dataDir, '--tokens', '1', '--alias', 'no spaces'], io),
    ).toBe(1);
    expect(io.err()).toMatch(/Alias/);
  });

  it('refuses to serve with a MAILPAT_DATABASE_POOL_SIZE that is not a positive integer', async () => {
    const io = { ...captureIo(), env: { MAILPAT_DATABASE_POOL_SIZE: '10x' } };
    const dataDir = mkdtempSync(join(tmpdir(), 'mailpat-serve-'));
    expect(await run(['serve', '--port', '0', '--data-dir', dataDir], io)).toBe(1);
    expect(io.err()).toMatch(/MAILPAT_DATABASE_POOL_SIZE must be a positive integer, not "10x"/);
  });

  it('refuses to serve with a MAILPAT_EVENT_RETENTION_DAYS below one day', async () => {
    const io = { ...captureIo(), env: { MAILPAT_EVENT_RETENTION_DAYS: '0' } };
    const dataDir = mkdtempSync(join(tmpdir(), 'mailpat-serve-'));
    expect(await run(['serve', '--port', '0', '--data-dir', dataDir], io)).toBe(1);
    expect(io.err()).toMatch(/MAILPAT_EVENT_RETENTION_DAYS must be a whole number of days.*"0"/);
  });

  it('refuses to serve with a MAILPAT_LAST_USED_FLUSH_MS typo instead of falling back', async () => {
    const io = { ...captureIo(), env: { MAILPAT_LAST_USED_FLUSH_MS: '10s' } };
    const dataDir = mkdtempSync(join(tmpdir(), 'mailpat-serve-'));
    expect(await run(['serve', '--port', '0', '--data-dir', dataDir], io)).toBe(1);
    expect(io.err()).toMatch(/MAILPAT_LAST_USED_FLUSH_MS must be a positive integer, not "10s"/);
  });

  it('refuses to seed into a MAILPAT_DATABASE_URL of an unknown kind, naming it', async () => {
    const io = { ...captureIo(), env: { MAILPAT_DATABASE_URL: 'mysql://db/mailpat' } };
    const dataDir = mkdtempSync(join(tmpdir(), 'mailpat-seed-'));
    expect(await run(['seed', '--data-dir', dataDir, '--tokens', '1'], io)).toBe(1);
    expect(io.err()).toMatch(/MAILPAT_DATABASE_URL: unsupported database URL/);
  });

  it('answers a missing required option with a usage error', async () => {
    const io = captureIo();
    expect(await run(['seed'], io)).toBe(2);
    expect(io.err()).toMatch(/--tokens/);
  });

  it.each([
    [['--metrics-host', '0.0.0.0'], /--metrics-host needs --metrics-port/],
    [['--metrics-port', '9090', '--port', '9090'], /--metrics-port must differ from --port/],
    [['--metrics-port', 'ninety'], /--metrics-port.*whole number/],
  ])('refuses to serve with %j as a usage error', async (args, message) => {
    const io = captureIo();
    const dataDir = mkdtempSync(join(tmpdir(), 'mailpat-serve-'));
    expect(await run(['serve', '--data-dir', dataDir, ...args], io)).toBe(2);
    expect(io.err()).toMatch(message);
  });

  it('serves metrics on a port of their own, announced before listening on, and stops', async () => {
    const io = captureIo();
    const dataDir = mkdtempSync(join(tmpdir(), 'mailpat-serve-'));
    const args = ['serve', '--port', '0', '--metrics-port', '0', '--data-dir', dataDir];
    expect(await run(args, io)).toBe(0);
    expect(io.out()).toMatch(/metrics on http:\/\/127\.0\.0\.1:\d+\/metrics[^]*listening on/);
  });

  it('refuses to serve when the metrics port is taken, and exits', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const io = captureIo();
      const dataDir = mkdtempSync(join(tmpdir(), 'mailpat-serve-'));
      const args = ['serve', '--port', '0', '--metrics-port', String(port), '--data-dir', dataDir];
      expect(await run(args, io)).toBe(1);
      expect(io.err()).toMatch(/EADDRINUSE/);
      expect(io.out()).not.toMatch(/listening on/);
    } finally {
      taken.close();
    }
  });
});
