/**
 * `mailpat backup` while a real server keeps writing, then `mailpat restore` into a fresh data
 * directory and a server started on it: every token acknowledged before the backup began is
 * there, the copies are the owner's alone, and nothing is ever overwritten.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MP, createOrgWithUsers, createToken, listAllTokenIds } from '../support/fixtures.js';
import { runMailpatCli } from '../support/mailpat-cli.js';
import { makeDataDir, startMailpat } from '../support/mailpat-process.js';
import type { MailpatProcess } from '../support/mailpat-process.js';
import { sendSigned } from '../support/signed-request.js';

const servers: MailpatProcess[] = [];
afterAll(async () => {
  for (const server of servers) await server.stop();
});

/** `mailpat <args>` without the developer's database variable. */
async function mailpat(args: string[]) {
  const { MAILPAT_DATABASE_URL: _ignored, ...env } = process.env;
  return runMailpatCli(args, env);
}

describe('mailpat backup and restore', () => {
  it('copies a serving database consistently and restores it for a new server', async () => {
    const credentials = {
      accessKeyId: `AKIATEST${randomBytes(6).toString('hex').toUpperCase()}`,
      secretAccessKey: randomBytes(30).toString('base64'),
    };
    const source = await startMailpat({ databaseUrl: undefined, credentials });
    servers.push(source);
    const org = await createOrgWithUsers(source, 2);
    for (let i = 0; i < 30; i++) {
      await createToken(source, org.organizationId, org.users[i % 2]!.id, `before ${i}`);
    }
    const acknowledged = await listAllTokenIds(source, org.organizationId);

    // Writes go on during the backup: the copy must still be one consistent state.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        const created = await sendSigned(source, MP('CreatePersonalAccessToken'), {
          OrganizationId: org.organizationId,
          UserId: org.users[0]!.id,
          Name: `during ${written}`,
        });
        expect(created.status).toBe(200);
        written += 1;
      }
    })();
    const backupFile = join(makeDataDir(), 'mailpat-backup.db');
    const backup = await mailpat(['backup', '--data-dir', source.dataDir, '--to', backupFile]);
    writing = false;
    await writer;
    expect(backup.code, backup.stderr).toBe(0);
    expect(JSON.parse(backup.stdout.trim())).toEqual({
      Backup: backupFile,
      Bytes: statSync(backupFile).size,
    });
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    expect(written).toBeGreaterThan(0);

    // Never overwritten: a second backup to the same name is refused and changes nothing.
    const before = statSync(backupFile);
    const again = await mailpat(['backup', '--data-dir', source.dataDir, '--to', backupFile]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('exists already');
    expect(statSync(backupFile).mtimeMs).toBe(before.mtimeMs);

    const dataDir = makeDataDir();
    const restored = await mailpat(['restore', '--data-dir', dataDir, '--from', backupFile]);
    expect(restored.code, restored.stderr).toBe(0);
    const restoredFile = join(dataDir, 'mailpat.db');
    expect(statSync(restoredFile).mode & 0o777).toBe(0o600);

    const target = await startMailpat({ dataDir, databaseUrl: undefined, credentials });
    servers.push(target);
    const listed = await listAllTokenIds(target, org.organizationId);
    // Everything acknowledged before the backup began, in order, then some prefix of the rest.
    expect(listed.slice(0, acknowledged.length)).toEqual(acknowledged);
    const all = await listAllTokenIds(source, org.organizationId);
    expect(all.slice(0, listed.length)).toEqual(listed);
    await createToken(target, org.organizationId, org.users[1]!.id, 'after the restore');

    // A restore never replaces a database, the running one least of all.
    const over = await mailpat(['restore', '--data-dir', dataDir, '--from', backupFile]);
    expect(over.code).not.toBe(0);
    expect(over.stderr).toContain('exists');
    expect(await listAllTokenIds(target, org.organizationId)).toHaveLength(listed.length + 1);
  });

  it('refuses a file that is not a mailpat database, and PostgreSQL', async () => {
    const dataDir = makeDataDir();
    const junk = join(dataDir, 'junk.db');
    writeFileSync(junk, 'not a database at all, just some text that is long enough');
    const restored = await mailpat(['restore', '--data-dir', dataDir, '--from', junk]);
    expect(restored.code).not.toBe(0);
    expect(restored.stderr).toMatch(/not a (SQLite|mailpat) database/);
    expect(existsSync(join(dataDir, 'mailpat.db'))).toBe(false);

    const postgres = await mailpat([
      'backup',
      '--database',
      'postgres://mailpat@127.0.0.1:1/mailpat',
      '--to',
      join(dataDir, 'pg.db'),
    ]);
    expect(postgres.code).not.toBe(0);
    expect(postgres.stderr).toContain('pg_dump');
    expect(existsSync(join(dataDir, 'pg.db'))).toBe(false);
  });
});
