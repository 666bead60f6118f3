/** End to end with the real aws CLI (v1 here): `aws workmail ...` pointed at mailpat. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAwsCli } from '../support/aws-cli.js';
import { createToken } from '../support/fixtures.js';
import type { MailpatProcess } from '../support/mailpat-process.js';
import { startMailpat } from '../support/mailpat-process.js';

let server: MailpatProcess;

beforeAll(async () => {
  server = await startMailpat();
});
afterAll(async () => {
  expect(await server?.stop()).toBe(0);
});

describe('aws workmail against mailpat', () => {
  it('drives the organization, policy, user and token operations', async () => {
    const alias = `cli-${Date.now().toString(36)}`;
    const created = await runAwsCli(server, ['create-organization', '--alias', alias]);
    expect(created.code, created.stderr).toBe(0);
    const orgId = created.json!.OrganizationId as string;
    const org = ['--organization-id', orgId];

    const put = await runAwsCli(server, [
      'put-identity-provider-configuration',
      ...org,
      '--authentication-mode',
      'IDENTITY_PROVIDER_AND_DIRECTORY',
      '--identity-center-configuration',
      'InstanceArn=arn:aws:sso:::instance/ssoins-1111111111111111,ApplicationArn=arn:aws:sso::111122223333:application/ssoins-1111111111111111/apl-1111111111111111',
      '--personal-access-token-configuration',
      'Status=ACTIVE,LifetimeInDays=30',
    ]);
    expect(put.code, put.stderr).toBe(0);
    const idp = await runAwsCli(server, ['describe-identity-provider-configuration', ...org]);
    expect(idp.json!.PersonalAccessTokenConfiguration).toEqual({
      Status: 'ACTIVE',
      LifetimeInDays: 30,
    });

    const user = await runAwsCli(server, [
      'create-user',
      ...org,
      '--name',
      'dave',
      '--display-name',
      'Dave',
    ]);
    expect(user.code, user.stderr).toBe(0);
    const reg = await runAwsCli(server, [
      'register-to-work-mail',
      ...org,
      '--entity-id',
      'dave',
      '--email',
      `dave@${alias}.awsapps.com`,
    ]);
    expect(reg.code, reg.stderr).toBe(0);
    for (let i = 0; i < 5; i++) await createToken(server, orgId, 'dave', `cli-${i}`);

    const all = await runAwsCli(server, ['list-personal-access-tokens', ...org]);
    expect(all.code, all.stderr).toBe(0);
    const allIds = (
      all.json!.PersonalAccessTokenSummaries as { PersonalAccessTokenId: string }[]
    ).map((t) => t.PersonalAccessTokenId);
    expect(allIds).toHaveLength(5);

    const first = await runAwsCli(server, [
      'list-personal-access-tokens',
      ...org,
      '--max-items',
      '2',
      '--page-size',
      '1',
    ]);
    expect(first.code, first.stderr).toBe(0);
    const rest = await runAwsCli(server, [
      'list-personal-access-tokens',
      ...org,
      '--starting-token',
      first.json!.NextToken as string,
    ]);
    expect(rest.code, rest.stderr).toBe(0);
    const resumed = [first, rest].flatMap((r) =>
      (r.json!.PersonalAccessTokenSummaries as { PersonalAccessTokenId: string }[]).map(
        (t) => t.PersonalAccessTokenId,
      ),
    );
    expect(resumed).toEqual(allIds);

    const get = await runAwsCli(server, [
      'get-personal-access-token-metadata',
      ...org,
      '--personal-access-token-id',
      allIds[0]!,
    ]);
    expect(get.json!.PersonalAccessTokenId).toBe(allIds[0]);
    const del = await runAwsCli(server, [
      'delete-personal-access-token',
      ...org,
      '--personal-access-token-id',
      allIds[0]!,
    ]);
    expect(del.code, del.stderr).toBe(0);
    const missing = await runAwsCli(server, [
      'get-personal-access-token-metadata',
      ...org,
      '--personal-access-token-id',
      allIds[0]!,
    ]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/ResourceNotFoundException/);

    // The rest of the listed operations, in the order an admin would retire a user and the org.
    const steps: [string[], (r: Awaited<ReturnType<typeof runAwsCli>>) => void][] = [
      [
        ['describe-organization', ...org],
        (r) => expect(r.json).toMatchObject({ Alias: alias, State: 'Active' }),
      ],
      [['list-organizations'], (r) => expect(JSON.stringify(r.json)).toContain(orgId)],
      [
        ['describe-user', ...org, '--user-id', `dave@${alias}.awsapps.com`],
        (r) => expect(r.json).toMatchObject({ Name: 'dave', State: 'ENABLED' }),
      ],
      [
        ['list-users', ...org, '--filters', 'UsernamePrefix=da'],
        (r) => expect((r.json!.Users as unknown[]).length).toBe(1),
      ],
      [
        ['update-user', ...org, '--user-id', 'dave', '--job-title', 'Postmaster'],
        (r) => expect(r.code).toBe(0),
      ],
      [
        [
          'reset-password',
          ...org,
          '--user-id',
          user.json!.UserId as string,
          '--password',
          'Sturdy-Passw0rd',
        ],
        (r) => expect(r.code).toBe(0),
      ],
      [['deregister-from-work-mail', ...org, '--entity-id', 'dave'], (r) => expect(r.code).toBe(0)],
      [['delete-user', ...org, '--user-id', 'dave'], (r) => expect(r.code).toBe(0)],
      [
        ['list-personal-access-tokens', ...org],
        (r) => expect(r.json!.PersonalAccessTokenSummaries).toEqual([]),
      ],
      [['delete-identity-provider-configuration', ...org], (r) => expect(r.code).toBe(0)],
      [
        ['delete-organization', ...org, '--delete-directory'],
        (r) => expect(r.json).toMatchObject({ State: 'Deleted' }),
      ],
    ];
    for (const [args, check] of steps) {
      const result = await runAwsCli(server, args);
      expect(result.code, `${args[0]}: ${result.stderr}`).toBe(0);
      check(result);
    }
  });
});
