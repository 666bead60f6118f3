/** `mailpat seed --database postgres://...` loads an organization that a server then serves. */
import { afterAll, describe, expect, it } from 'vitest';
import { WM, listAllTokenIds } from '../../support/fixtures.js';
import { runMailpatCli } from '../../support/mailpat-cli.js';
import { defaultDatabaseUrl, makeDataDir, startMailpat } from '../../support/mailpat-process.js';
import type { MailpatProcess } from '../../support/mailpat-process.js';
import { call } from '../../support/signed-request.js';

let server: MailpatProcess | undefined;
afterAll(async () => {
  expect(await server?.stop()).toBe(0);
});

describe('mailpat seed on PostgreSQL', () => {
  it('writes users and tokens that every API call then sees', async () => {
    const dataDir = makeDataDir();
    const databaseUrl = (await defaultDatabaseUrl(dataDir))!;
    const seeded = await runMailpatCli(
      ['seed', '--database', databaseUrl, '--tokens', '2500', '--users', '3'],
      process.env,
    );
    expect(seeded.code, seeded.stderr).toBe(0);
    const summary = JSON.parse(seeded.stdout.trim().split('\n').pop()!) as {
      OrganizationId: string;
    };
    expect(summary).toMatchObject({ Users: 3, Tokens: 2500 });

    server = await startMailpat({ dataDir, databaseUrl });
    const users = (await call(server, WM('ListUsers'), {
      OrganizationId: summary.OrganizationId,
    })) as { Users: { Id: string; State: string }[] };
    expect(users.Users.map((user) => user.State)).toEqual(['ENABLED', 'ENABLED', 'ENABLED']);

    const ids = new Set(await listAllTokenIds(server, summary.OrganizationId));
    expect(ids.size).toBe(2500);
  });
});
