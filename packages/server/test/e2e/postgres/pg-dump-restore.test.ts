/**
 * The PostgreSQL backup the docs name: `pg_dump --format=custom` of a database mailpat served,
 * `pg_restore` into an empty one, and a mailpat started on the copy has everything: the root key
 * clients sign with, the tokens, and the NextToken key, so a page token issued before the
 * backup continues on the restored database.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WM, createOrgWithUsers, createToken, listAllTokenIds } from '../../support/fixtures.js';
import { makeDataDir, startMailpat } from '../../support/mailpat-process.js';
import type { MailpatProcess } from '../../support/mailpat-process.js';
import { createSharedDatabase } from '../../support/shared-postgres-database.js';
import { call } from '../../support/signed-request.js';

/** The client programs of the newest installed PostgreSQL, the server the tests run on. */
function postgresProgram(name: string): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b));
  return join('/usr/lib/postgresql', versions.at(-1)!, 'bin', name);
}

function run(program: string, args: string[]): void {
  const result = spawnSync(postgresProgram(program), args, { encoding: 'utf8' });
  expect(result.status, `${program}: ${result.stderr}`).toBe(0);
}

const servers: MailpatProcess[] = [];
afterAll(async () => {
  for (const server of servers) expect(await server.stop()).toBe(0);
});

describe('pg_dump and pg_restore', () => {
  it('carry the root key, the tokens and the NextToken key to a restored database', async () => {
    const source = await createSharedDatabase('dumped');
    const target = await createSharedDatabase('restored');
    const before = await startMailpat({ databaseUrl: source.databaseUrl, credentials: null });
    servers.push(before);
    const org = await createOrgWithUsers(before, 2);
    for (const user of org.users) {
      for (const name of ['laptop', 'phone']) {
        await createToken(before, org.organizationId, user.id, name);
      }
    }
    const everyToken = await listAllTokenIds(before, org.organizationId);
    const firstPage = (await call(before, WM('ListPersonalAccessTokens'), {
      OrganizationId: org.organizationId,
      MaxResults: 1,
    })) as { NextToken: string };
    expect(await before.stop()).toBe(0);
    servers.pop();

    const dump = join(makeDataDir(), 'mailpat.dump');
    run('pg_dump', ['--format=custom', `--file=${dump}`, source.databaseUrl]);
    run('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${target.databaseUrl}`, dump]);

    const after = await startMailpat({ databaseUrl: target.databaseUrl, credentials: null });
    servers.push(after);
    expect(after.accessKeyId).toBe(before.accessKeyId);
    expect(await listAllTokenIds(after, org.organizationId)).toEqual(everyToken);
    const rest = (await call(after, WM('ListPersonalAccessTokens'), {
      OrganizationId: org.organizationId,
      NextToken: firstPage.NextToken,
    })) as { PersonalAccessTokenSummaries: { PersonalAccessTokenId: string }[] };
    expect(rest.PersonalAccessTokenSummaries.map((t) => t.PersonalAccessTokenId)).toEqual(
      everyToken.slice(1),
    );
  });
});
