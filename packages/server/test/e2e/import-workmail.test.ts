/**
 * `mailpat import-workmail` between two real `mailpat serve` processes with different
 * credentials: the source stands in for WorkMail, the target is the new home.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkMailClient } from '@mailpat/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportSource, readComparable } from '../support/import-source.js';
import type { ImportSource } from '../support/import-source.js';
import { startImportPair } from '../support/import-pair.js';
import type { ImportPair } from '../support/import-pair.js';
import { runMailpatCli } from '../support/mailpat-cli.js';
import { MAILPAT_BIN } from '../support/mailpat-process.js';
import type { MailpatProcess } from '../support/mailpat-process.js';

let pair: ImportPair;
let sourceServer: MailpatProcess;
let targetServer: MailpatProcess;
let source: WorkMailClient;
let target: WorkMailClient;
let env: NodeJS.ProcessEnv;
let scratch: string;
let importArgs: ImportPair['importArgs'];
let targetOrganizationId: ImportPair['targetOrganizationId'];
let targetUserCount: ImportPair['targetUserCount'];
const tag = `${process.pid}-${Date.now().toString(36)}`;

beforeAll(async () => {
  pair = await startImportPair();
  ({ sourceServer, targetServer, source, target, env, scratch, importArgs } = pair);
  ({ targetOrganizationId, targetUserCount } = pair);
});
afterAll(async () => {
  await pair?.stop();
});

describe('mailpat import-workmail', () => {
  let org: ImportSource;
  beforeAll(async () => {
    org = await createImportSource(source, `main-${tag}`);
  });

  it('--dry-run prints the plan and writes nothing', async () => {
    const run = await runMailpatCli(importArgs(org.organizationId, '--dry-run'), env);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `create organization ${org.alias} (domains: ${org.domains.join(', ')})`,
    );
    expect(run.stdout).toContain(`create user ada: CreateUser ada, UpdateUser`);
    expect(run.stdout).toContain('skip user eve: deleted in the source');
    expect(run.stdout).toContain('Dry run: nothing was written.');
    expect(await targetOrganizationId(org.alias)).toBeUndefined();
  });

  it('copies the organization so the target answers like the source, and reports every token', async () => {
    const reportFile = join(scratch, 'report.json');
    const run = await runMailpatCli(importArgs(org.organizationId, '--report', reportFile), env);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.code).toBe(0);
    const newOrg = await targetOrganizationId(org.alias);
    expect(newOrg).toBeDefined();
    const [before, after] = await Promise.all([
      readComparable(source, org.organizationId),
      readComparable(target, newOrg!),
    ]);
    expect(after).toEqual(before);
    expect(after.users.map((u) => [u.Name, u.State])).toEqual([
      ['ada', 'ENABLED'],
      ['bob', 'ENABLED'],
      ['carol', 'DISABLED'],
      ['dave', 'DISABLED'],
    ]);

    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    expect(report.Target.OrganizationId).toBe(newOrg);
    for (const user of report.Users.filter((u: { State: string }) => u.State !== 'DELETED')) {
      const described = await target.describeUser({
        OrganizationId: newOrg!,
        UserId: user.TargetUserId,
      });
      expect(described.Name).toBe(user.Name);
      expect(user.SourceUserId).toBe(org.userIds.get(user.Name));
      expect(user.Password).toMatch(/^not imported/);
    }
    const reported = report.Users.flatMap((u: { Name: string; Tokens: { Name: string }[] }) =>
      u.Tokens.map((t) => ({ user: u.Name, name: t.Name })),
    );
    expect(reported).toEqual(expect.arrayContaining(org.tokens));
    expect(reported).toHaveLength(org.tokens.length);
    expect(report.AccountUrl).toBe(`${targetServer.url}/account/`);
    expect(run.stdout).toContain(`Tokens to re-create at ${targetServer.url}/account/`);
    expect(run.stdout).toMatch(/laptop \(IMAP,SMTP; created \d{4}-\d\d-\d\d, last used never/);
    const text = readFileSync(reportFile, 'utf8') + run.stdout + run.stderr;
    expect(text).not.toContain(sourceServer.secretAccessKey);
    expect(text).not.toContain(targetServer.secretAccessKey);
    expect(text).not.toMatch(/mpat_[0-9A-Za-z]{20,}/);
  });

  it('a second run changes nothing and says so', async () => {
    const newOrg = await targetOrganizationId(org.alias);
    const before = await readComparable(target, newOrg!);
    const run = await runMailpatCli(importArgs(org.organizationId), env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Nothing to import: the target already matches the source.');
    expect(run.stdout).toContain('0 to create, 0 to update, 4 unchanged');
    expect(await readComparable(target, newOrg!)).toEqual(before);
  });
});

describe('mailpat import-workmail conflicts', () => {
  it('stops before writing anything when a user name has another address in the target', async () => {
    const org = await createImportSource(source, `conflict-${tag}`);
    const { OrganizationId } = await target.createOrganization({
      Alias: org.alias,
      Domains: org.domains.map((DomainName) => ({ DomainName })),
    });
    const { UserId } = await target.createUser({
      OrganizationId: OrganizationId!,
      Name: 'ada',
      DisplayName: 'Other Ada',
    });
    await target.registerToWorkMail({
      OrganizationId: OrganizationId!,
      EntityId: UserId!,
      Email: `ada@${org.domains[1]}`,
    });
    const run = await runMailpatCli(importArgs(org.organizationId), env);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(
      `user ada: the target's user ada has the address ada@${org.domains[1]}; the source's has the address ada@${org.domains[0]}`,
    );
    expect(run.stderr).toContain('Nothing was written.');
    expect(await targetUserCount(OrganizationId!)).toBe(1);
    await expect(
      target.describeIdentityProviderConfiguration({ OrganizationId: OrganizationId! }),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });

    const skipped = await runMailpatCli(
      importArgs(org.organizationId, '--on-conflict', 'skip'),
      env,
    );
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toMatch(/ada\s+\S+\s+\S+\s+ENABLED\s+-\s+skipped: conflict/);
    expect(await targetUserCount(OrganizationId!)).toBe(4);
  });
});

describe('mailpat import-workmail interrupted', () => {
  it('a run killed in the middle, run again, converges', async () => {
    const org = await createImportSource(source, `killed-${tag}`, 300);
    const child = spawn(
      process.execPath,
      [MAILPAT_BIN, ...importArgs(org.organizationId, '--concurrency', '1')],
      {
        env,
        stdio: 'ignore',
      },
    );
    let running = true;
    const exited = new Promise((resolve) => child.once('exit', resolve)).finally(() => {
      running = false;
    });
    let newOrg: string | undefined;
    let atKill: number | undefined;
    while (atKill === undefined) {
      // A run that ends before it could be killed would prove nothing.
      if (!running) throw new Error('the import ended before it could be killed');
      newOrg ??= await targetOrganizationId(org.alias);
      const count = newOrg === undefined ? 0 : await targetUserCount(newOrg);
      if (count >= 20) atKill = count;
    }
    child.kill('SIGKILL');
    await exited;
    const total = org.userIds.size - 1; // all but the DELETED one
    expect(atKill).toBeLessThan(total);
    expect(await targetUserCount(newOrg!)).toBeLessThan(total);

    const rerun = await runMailpatCli(importArgs(org.organizationId), env);
    expect(rerun.stderr).not.toMatch(/\n\s+at /);
    expect(rerun.code).toBe(0);
    expect(await readComparable(target, newOrg!)).toEqual(
      await readComparable(source, org.organizationId),
    );
    const again = await runMailpatCli(importArgs(org.organizationId), env);
    expect(again.stdout).toContain('Nothing to import');
  });
});
