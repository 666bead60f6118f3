/**
 * `mailpat workmail` against the real aws CLI on the same server: the same arguments print the
 * same values, and a NextToken printed by either continues in the other.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgWithUsers, createToken } from '../support/fixtures.js';
import type { OrgFixture } from '../support/fixtures.js';
import { cliEnv, runMailpatCli, runRealAwsCli } from '../support/mailpat-cli.js';
import type { CliRun } from '../support/mailpat-cli.js';
import { MAILPAT_BIN, startMailpat } from '../support/mailpat-process.js';
import type { MailpatProcess } from '../support/mailpat-process.js';

const TOKEN_COUNT = 23;
let server: MailpatProcess;
let org: OrgFixture;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  server = await startMailpat();
  org = await createOrgWithUsers(server, 3);
  for (let i = 0; i < TOKEN_COUNT; i++) {
    await createToken(server, org.organizationId, org.users[i % 3]!.id, `token-${i}`);
  }
  // Both CLIs print ISO 8601 in the local zone; a zone off UTC proves the offsets agree too.
  const configFile = join(mkdtempSync(join(tmpdir(), 'mailpat-cli-')), 'config');
  writeFileSync(configFile, '[default]\ncli_timestamp_format = iso8601\n');
  env = cliEnv(server, { AWS_CONFIG_FILE: configFile, TZ: 'America/Los_Angeles', COLUMNS: '160' });
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

/** Runs the same `workmail` arguments through both CLIs. */
async function both(args: string[]): Promise<{ mailpat: CliRun; aws: CliRun }> {
  const full = ['workmail', ...args, '--endpoint-url', server.url];
  const [mailpat, aws] = await Promise.all([runMailpatCli(full, env), runRealAwsCli(full, env)]);
  return { mailpat, aws };
}

type Listing = { PersonalAccessTokenSummaries?: { PersonalAccessTokenId: string }[] } & {
  NextToken?: string;
};
const json = (run: CliRun) => {
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Listing;
};
const ids = (listing: Listing) =>
  (listing.PersonalAccessTokenSummaries ?? []).map((summary) => summary.PersonalAccessTokenId);

/** Resume tokens embed the server's NextToken, which carries its issue time: compare the rest. */
function withoutServerToken(listing: Listing): unknown {
  if (listing.NextToken === undefined) return listing;
  const decoded = JSON.parse(Buffer.from(listing.NextToken, 'base64').toString()) as Record<
    string,
    unknown
  >;
  return { ...listing, NextToken: { ...decoded, NextToken: typeof decoded.NextToken } };
}

describe('mailpat workmail list-personal-access-tokens, next to aws workmail', () => {
  it.each([
    [[]],
    [['--max-items', '7']],
    [['--max-items', '7', '--page-size', '3']],
    [['--page-size', '4']],
    [['--max-items', '10', '--page-size', '10']],
    [['--query', 'PersonalAccessTokenSummaries[].[Name, DateCreated]']],
    [
      [
        '--max-items',
        '5',
        '--query',
        '{names: PersonalAccessTokenSummaries[].Name, next: NextToken}',
      ],
    ],
  ])('prints the same JSON for %j', async (extra) => {
    const args = ['list-personal-access-tokens', '--organization-id', org.organizationId, ...extra];
    const { mailpat, aws } = await both(args);
    const ours = JSON.parse(mailpat.stdout) as Listing & { next?: string };
    const theirs = JSON.parse(aws.stdout) as Listing & { next?: string };
    expect(mailpat.code, mailpat.stderr).toBe(0);
    if (typeof ours.next === 'string') {
      expect(typeof theirs.next).toBe('string');
      ours.next = theirs.next = 'masked';
    }
    expect(withoutServerToken(ours)).toEqual(withoutServerToken(theirs));
  });

  it('prints the same JSON with a user filter given by email', async () => {
    const args = ['list-personal-access-tokens', '--organization-id', org.organizationId];
    const { mailpat, aws } = await both([
      ...args,
      '--user-id',
      org.users[1]!.email,
      '--max-items',
      '3',
    ]);
    expect(withoutServerToken(json(mailpat))).toEqual(withoutServerToken(json(aws)));
    expect(ids(json(mailpat))).toHaveLength(3);
  });

  it('prints the same text and table output', async () => {
    for (const output of ['text', 'table']) {
      const args = ['list-personal-access-tokens', '--organization-id', org.organizationId];
      const { mailpat, aws } = await both([...args, '--output', output]);
      expect(mailpat.code, mailpat.stderr).toBe(0);
      expect(mailpat.stdout).toBe(aws.stdout);
      expect(mailpat.stdout).toContain('token-22');
    }
  });

  it('continues from a NextToken printed by the aws CLI, and the other way round', async () => {
    const base = ['list-personal-access-tokens', '--organization-id', org.organizationId];
    const all = ids(json((await both(base)).mailpat));
    expect(all).toHaveLength(TOKEN_COUNT);
    const firstByAws = json((await both([...base, '--max-items', '7', '--page-size', '3'])).aws);
    expect(firstByAws.NextToken).toBeDefined();
    const { mailpat: rest } = await both([...base, '--starting-token', firstByAws.NextToken!]);
    expect([...ids(firstByAws), ...ids(json(rest))]).toEqual(all);

    const firstByUs = json(
      (await both([...base, '--max-items', '11', '--page-size', '4'])).mailpat,
    );
    const { aws: restByAws } = await both([...base, '--starting-token', firstByUs.NextToken!]);
    expect([...ids(firstByUs), ...ids(json(restByAws))]).toEqual(all);
  });

  it('chains its own NextTokens through the whole list with no duplicate', async () => {
    const base = ['list-personal-access-tokens', '--organization-id', org.organizationId];
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const args = [...base, '--max-items', '6', '--page-size', '4'];
      if (token !== undefined) args.push('--starting-token', token);
      const page = json(
        await runMailpatCli(['workmail', ...args, '--endpoint-url', server.url], env),
      );
      seen.push(...ids(page));
      token = page.NextToken;
    } while (token !== undefined);
    expect(seen).toHaveLength(TOKEN_COUNT);
    expect(new Set(seen).size).toBe(TOKEN_COUNT);
  });

  it('makes one call with --no-paginate and the service paging options, as aws does', async () => {
    const args = ['list-personal-access-tokens', '--organization-id', org.organizationId];
    const { mailpat, aws } = await both([...args, '--no-paginate', '--max-results', '5']);
    const ours = json(mailpat);
    expect(ids(ours)).toEqual(ids(json(aws)));
    expect(ids(ours)).toHaveLength(5);
    // The service's own token, not a resume token: it goes back in with --next-token.
    const next = await runMailpatCli(
      ['workmail', ...args, '--next-token', ours.NextToken!, '--endpoint-url', server.url],
      env,
    );
    expect(ids(json(next))).toHaveLength(TOKEN_COUNT - 5);
  });
});

describe('mailpat workmail, other commands next to aws workmail', () => {
  it.each([
    ['describe-organization', () => ['--organization-id', org.organizationId]],
    ['list-users', () => ['--organization-id', org.organizationId]],
    [
      'list-organizations',
      () => ['--query', `OrganizationSummaries[?OrganizationId=='${org.organizationId}']`],
    ],
    [
      'describe-user',
      () => ['--organization-id', org.organizationId, '--user-id', org.users[0]!.name],
    ],
    ['describe-identity-provider-configuration', () => ['--organization-id', org.organizationId]],
    ['list-mail-domains', () => ['--organization-id', org.organizationId]],
    [
      'get-mail-domain',
      () => ['--organization-id', org.organizationId, '--domain-name', `${org.alias}.awsapps.com`],
    ],
  ])('%s prints the same json, text and table', async (command, args) => {
    for (const output of ['json', 'text', 'table']) {
      const { mailpat, aws } = await both([command, ...args(), '--output', output]);
      expect(mailpat.code, mailpat.stderr).toBe(0);
      expect(mailpat.stdout).toBe(aws.stdout);
    }
  });

  it.each([
    'list-personal-access-tokens',
    'list-mail-domains',
    'put-identity-provider-configuration',
    'create-organization',
    'update-user',
  ])('%s --generate-cli-skeleton prints what aws prints', async (command) => {
    const [mailpat, aws] = await Promise.all([
      runMailpatCli(['workmail', command, '--generate-cli-skeleton'], env),
      runRealAwsCli(['workmail', command, '--generate-cli-skeleton'], env),
    ]);
    expect(mailpat.code, mailpat.stderr).toBe(0);
    // botocore fills an enum with random.choice(shape.enum); mailpat takes the first value.
    const enumMembers = /"(AuthenticationMode|Role|Status|State)": "[A-Z_]+"/g;
    expect(mailpat.stdout.replace(enumMembers, '"$1": "<enum>"')).toBe(
      aws.stdout.replace(enumMembers, '"$1": "<enum>"'),
    );
  });

  it('reports a service error with the same message as aws, exit code 254', async () => {
    const unknown = 'm-00000000000000000000000000000000';
    const { mailpat, aws } = await both(['describe-organization', '--organization-id', unknown]);
    expect(mailpat.code).toBe(254);
    expect(mailpat.stdout).toBe('');
    expect(mailpat.stderr).toBe(aws.stderr);
    expect(mailpat.stderr).toMatch(
      /An error occurred \(OrganizationNotFoundException\) when calling the DescribeOrganization operation: /,
    );
  });
});

describe('an aws CLI script with aws replaced by mailpat', () => {
  const script = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/token-report.sh');
  const runScript = async (cli: string) => {
    const { stdout } = await promisify(execFile)('bash', [script, org.organizationId], {
      env: { ...env, AWS: cli, AWS_ENDPOINT_URL: server.url },
    });
    return stdout;
  };

  it('prints the same report', async () => {
    const [withAws, withMailpat] = await Promise.all([
      runScript('aws'),
      runScript(`${process.execPath} ${MAILPAT_BIN}`),
    ]);
    expect(withMailpat).toBe(withAws);
    expect(withMailpat).toContain(`${org.users[0]!.id} 8`);
    expect(withMailpat).toContain('not found, as expected');
  });
});
