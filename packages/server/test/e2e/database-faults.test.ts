/**
 * A real server whose SQLite disk fills up: writes answer 503, reads keep working, /healthz says
 * 503 with the reason in the log, and everything recovers without a restart once there is room.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MP, WM, createOrgWithUsers, createToken } from '../support/fixtures.js';
import type { MailpatProcess } from '../support/mailpat-process.js';
import { startMailpat } from '../support/mailpat-process.js';
import { sendSigned } from '../support/signed-request.js';
import { mountSmallFileSystem } from '../support/small-file-system.js';

const disk = mountSmallFileSystem(8);
let server: MailpatProcess | undefined;

afterAll(async () => {
  if (server) expect(await server.stop()).toBe(0);
  disk?.unmount();
});

const health = async (s: MailpatProcess, path = '/healthz') =>
  (await fetch(`${s.url}${path}`)).status;

describe.skipIf(disk === undefined)('a server whose disk fills up', () => {
  it('should answer 503 to writes and /healthz, keep reading, and recover without a restart', async () => {
    const dataDir = join(disk!.path, 'data');
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

    disk!.fillUp('filler');
    let refused;
    for (let i = 0; i < 5_000 && refused === undefined; i++) {
      const response = await create(`t${i}`);
      if (response.status !== 200) refused = response;
    }
    expect(refused?.status).toBe(503);
    expect(refused?.body.__type).toBe('ServiceUnavailableException');
    expect(await health(s)).toBe(503);
    expect(await health(s, '/health/ready')).toBe(503);
    expect(await health(s, '/health/live')).toBe(200);
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

    rmSync(join(disk!.path, 'filler'));
    expect(await health(s)).toBe(200);
    // Info lines reach stdout asynchronously (pino), a moment after the answer.
    await expect.poll(() => s.output().stdout).toContain('health check passing again');
    expect((await create('after')).status).toBe(200);
  });
});
