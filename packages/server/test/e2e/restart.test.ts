/** Data, generated root credentials and issued NextTokens survive a restart of the server. */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WM, createOrgWithUsers, createToken } from '../support/fixtures.js';
import { makeDataDir, startMailpat } from '../support/mailpat-process.js';
import { call } from '../support/signed-request.js';

describe('mailpat serve across restarts', () => {
  it('keeps every token and honours a NextToken issued before the restart', async () => {
    const dataDir = makeDataDir();
    const credentials = {
      accessKeyId: 'AKIARESTARTTEST00001',
      secretAccessKey: 'restart-secret-key-0123456789',
    };
    const first = await startMailpat({ dataDir, credentials });
    const org = await createOrgWithUsers(first, 1);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await createToken(first, org.organizationId, org.users[0]!.id, `t${i}`)).id);
    const page1 = (await call(first, WM('ListPersonalAccessTokens'), {
      OrganizationId: org.organizationId,
      MaxResults: 2,
    })) as { PersonalAccessTokenSummaries: { PersonalAccessTokenId: string }[]; NextToken: string };
    expect(await first.stop()).toBe(0);
    expect(first.output().stdout).toMatch(/received SIGTERM/);

    const second = await startMailpat({ dataDir, credentials });
    try {
      const rest = (await call(second, WM('ListPersonalAccessTokens'), {
        OrganizationId: org.organizationId,
        NextToken: page1.NextToken,
      })) as { PersonalAccessTokenSummaries: { PersonalAccessTokenId: string }[] };
      const all = [...page1.PersonalAccessTokenSummaries, ...rest.PersonalAccessTokenSummaries].map(
        (t) => t.PersonalAccessTokenId,
      );
      expect(all.sort()).toEqual([...ids].sort());
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });

  it('generates root credentials once into <data-dir>/credentials (0600) and never logs the secret', async () => {
    const dataDir = makeDataDir();
    const first = await startMailpat({ dataDir, credentials: null });
    expect(await first.stop()).toBe(0);
    const path = join(dataDir, 'credentials');
    const text = readFileSync(path, 'utf8');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const accessKeyId = /aws_access_key_id\s*=\s*(\S+)/.exec(text)![1]!;
    const secretAccessKey = /aws_secret_access_key\s*=\s*(\S+)/.exec(text)![1]!;
    expect(text).toMatch(/^\[mailpat\]/m);
    expect(first.output().stdout + first.output().stderr).toContain(path);
    expect(first.output().stdout + first.output().stderr).not.toContain(secretAccessKey);

    const second = await startMailpat({ dataDir, credentials: null });
    try {
      expect(readFileSync(path, 'utf8')).toBe(text);
      const signedWithFile = { ...second, accessKeyId, secretAccessKey };
      expect(await call(signedWithFile, WM('ListOrganizations'), {})).toHaveProperty(
        'OrganizationSummaries',
      );
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });
});
