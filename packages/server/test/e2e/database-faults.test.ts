/**
 * A real server whose SQLite disk fills up: writes answer 503, reads keep working, /healthz says
 * 503 with the reason in the log, and everything recovers without a restart once there is room.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MP, WM, createOrgWithUsers, createToken } from '../support/fixtures.js';
import type { MailpatProcess } from '../support/mailpat-process.js';
import { startMailpat } from '../support/mailpat-process.js';
import { sendSigned } from '../support/signed-request.js';

const mountPoint = mkdtempSync(join(tmpdir(), 'mailpat-e2e-disk-'));

/** An 8 MiB tmpfs to fill up; needs root (skipped otherwise). */
function mountSmallFileSystem(): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint], {
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
}

/** Appends to a file until the file system is full. */
function fillUp(path: string): void {
  const chunk = Buffer.alloc(64 * 1024, 1);
  for (let size = 0; size <= 64 * 1024 * 1024; size += chunk.length) {
    try {
      writeFileSync(path, chunk, { flag: 'a' });
    } catch {
      return;
    }
  }
  throw new Error('the file system never filled up');
}

const mounted = mountSmallFileSystem();
let server: MailpatProcess | undefined;

afterAll(async () => {
  if (server) expect(await server.stop()).toBe(0);
  if (mounted) execFileSync('umount', [mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

const health = async (s: MailpatProcess) => (await fetch(`${s.url}/healthz`)).status;

describe.skipIf(!mounted)('a server whose disk fills up', () => {
  it('should answer 503 to writes and /healthz, keep reading, and recover without a restart', async () => {
    const dataDir = join(mountPoint, 'data');
    mkdirSync(dataDir, { mode: 0o700 });
    const s = (server = await startMailpat({ dataDir, databaseUrl: undefined }));
    const org = await createOrgWithUsers(s, 1);
    const create = (name: string) =>
      sendSigned(s, MP('CreatePersonalAccessToken'), {
        OrganizationId: org.organizationId,
        UserId: org.users[0]!.id,
        Name: name,
      });
    const first = await createToken(s, org.organizationId, org.users[0]!.id, 'before');
    expect(await health(s)).toBe(200);

    const filler = join(mountPoint, 'filler');
    fillUp(filler);
    let refused;
    for (let i = 0; i < 5_000 && refused === undefined; i++) {
      const response = await create(`t${i}`);
      if (response.status !== 200) refused = response;
    }
    expect(refused?.status).toBe(503);
    expect(refused?.body.__type).toBe('ServiceUnavailableException');
    expect(await health(s)).toBe(503);
    expect(await health(s)).toBe(503);
    // One line per change of state, naming the cause.
    const failing = s.output().stderr.match(/health check failing: .*/g) ?? [];
    expect(failing).toHaveLength(1);
    expect(failing[0]).toMatch(/SQLITE_(FULL|IOERR)/);

    const listed = await sendSigned(s, WM('ListPersonalAccessTokens'), {
      OrganizationId: org.organizationId,
      MaxResults: 1,
    });
    expect(listed.status).toBe(200);
    expect(listed.body.PersonalAccessTokenSummaries).toEqual([
      expect.objectContaining({ PersonalAccessTokenId: first.id }),
    ]);

    rmSync(filler);
    expect(await health(s)).toBe(200);
    expect(s.output().stdout).toContain('health check passing again');
    expect((await create('after')).status).toBe(200);
  });
});
