/**
 * MailpatService.Put/Describe/DeleteOpenIdConnectConfiguration on a real `mailpat serve`, over
 * signed requests and the `mailpat workmail` CLI: the client secret never comes back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MP, WM, createOrgWithUsers } from '../support/fixtures.js';
import { cliEnv, runMailpatCli } from '../support/mailpat-cli.js';
import { startMailpat } from '../support/mailpat-process.js';
import type { MailpatProcess } from '../support/mailpat-process.js';
import { call, sendSigned } from '../support/signed-request.js';
import type { RawResponse } from '../support/signed-request.js';

const SECRET = 'the-client-secret-NEVER-RETURNED';

let server: MailpatProcess;

beforeAll(async () => {
  server = await startMailpat();
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

const put = (input: Record<string, unknown>) =>
  sendSigned(server, MP('PutOpenIdConnectConfiguration'), input);
const describeConfiguration = (OrganizationId: string) =>
  sendSigned(server, MP('DescribeOpenIdConnectConfiguration'), { OrganizationId });
const deleteConfiguration = (OrganizationId: string) =>
  sendSigned(server, MP('DeleteOpenIdConnectConfiguration'), { OrganizationId });

function configurationOf(OrganizationId: string) {
  return {
    OrganizationId,
    ProviderName: 'Example SSO',
    IssuerUrl: 'https://sso.example.org/realms/mail',
    ClientId: 'mailpat-web',
    ClientSecret: SECRET,
  };
}

function expectError(response: RawResponse, type: string, message?: RegExp) {
  expect(response.status).toBe(400);
  expect(response.body.__type).toBe(type);
  if (message) expect(response.body.message).toMatch(message);
  expect(response.text).not.toContain(SECRET);
}

async function anOrganization(): Promise<string> {
  return (await createOrgWithUsers(server, 0)).organizationId;
}

describe('OpenID Connect configuration', () => {
  it('should store, describe without the secret, replace and delete a configuration', async () => {
    const organizationId = await anOrganization();
    expect(
      await call(server, MP('PutOpenIdConnectConfiguration'), configurationOf(organizationId)),
    ).toEqual({});
    const described = await describeConfiguration(organizationId);
    expect(described.status).toBe(200);
    expect(described.body).toEqual({
      ProviderName: 'Example SSO',
      IssuerUrl: 'https://sso.example.org/realms/mail',
      ClientId: 'mailpat-web',
      RedirectUri: `${server.url}/account/sso/callback`,
    });
    expect(described.text).not.toContain(SECRET);

    await call(server, MP('PutOpenIdConnectConfiguration'), {
      ...configurationOf(organizationId),
      ProviderName: 'Dex',
      IssuerUrl: 'http://127.0.0.1:5556/dex',
    });
    expect((await describeConfiguration(organizationId)).body).toMatchObject({
      ProviderName: 'Dex',
      IssuerUrl: 'http://127.0.0.1:5556/dex',
    });

    expect((await deleteConfiguration(organizationId)).body).toEqual({});
    expectError(await describeConfiguration(organizationId), 'ResourceNotFoundException');
    expectError(await deleteConfiguration(organizationId), 'ResourceNotFoundException');
  });

  it.each(['http://sso.example.org', 'sso.example.org', 'https://sso.example.org/?tenant=a'])(
    'should refuse the issuer URL %s',
    async (IssuerUrl) => {
      const organizationId = await anOrganization();
      expectError(
        await put({ ...configurationOf(organizationId), IssuerUrl }),
        'InvalidParameterException',
        /IssuerUrl/,
      );
      expectError(await describeConfiguration(organizationId), 'ResourceNotFoundException');
    },
  );

  it('should validate members by the model, never echoing the secret', async () => {
    const organizationId = await anOrganization();
    const base = configurationOf(organizationId);
    expectError(
      await put({ ...base, ProviderName: 'x'.repeat(65) }),
      'InvalidParameterException',
      /ProviderName/,
    );
    const { ClientSecret: _secret, ...withoutSecret } = base;
    expectError(await put(withoutSecret), 'InvalidParameterException', /ClientSecret/);
    expectError(
      await put({ ...base, ClientSecret: `${SECRET}\n` }),
      'InvalidParameterException',
      /ClientSecret/,
    );
  });

  it('should answer for missing and deleted organizations as the other operations do', async () => {
    const missing = `m-${'0'.repeat(32)}`;
    expectError(await put(configurationOf(missing)), 'OrganizationNotFoundException');
    expectError(await describeConfiguration(missing), 'OrganizationNotFoundException');

    const organizationId = await anOrganization();
    await call(server, MP('PutOpenIdConnectConfiguration'), configurationOf(organizationId));
    await call(server, WM('DeleteOrganization'), {
      OrganizationId: organizationId,
      DeleteDirectory: false,
    });
    expectError(await describeConfiguration(organizationId), 'OrganizationStateException');
    expectError(await put(configurationOf(organizationId)), 'OrganizationStateException');
    expectError(await deleteConfiguration(organizationId), 'OrganizationStateException');
  });

  it('should work from `mailpat workmail`, which never prints the secret', async () => {
    const organizationId = await anOrganization();
    const env = cliEnv(server);
    const workmail = (args: string[]) =>
      runMailpatCli(['workmail', ...args, '--endpoint-url', server.url], env);
    const putRun = await workmail([
      'put-open-id-connect-configuration',
      '--organization-id',
      organizationId,
      '--provider-name',
      'Example SSO',
      '--issuer-url',
      'https://sso.example.org',
      '--client-id',
      'mailpat-web',
      '--client-secret',
      SECRET,
    ]);
    expect(putRun).toMatchObject({ code: 0, stderr: '' });
    const describeRun = await workmail([
      'describe-open-id-connect-configuration',
      '--organization-id',
      organizationId,
    ]);
    expect(describeRun.code).toBe(0);
    expect(JSON.parse(describeRun.stdout)).toEqual({
      ProviderName: 'Example SSO',
      IssuerUrl: 'https://sso.example.org',
      ClientId: 'mailpat-web',
      RedirectUri: `${server.url}/account/sso/callback`,
    });
    const deleteRun = await workmail([
      'delete-open-id-connect-configuration',
      '--organization-id',
      organizationId,
    ]);
    expect(deleteRun.code).toBe(0);
    const help = await runMailpatCli(
      ['workmail', 'put-open-id-connect-configuration', 'help'],
      env,
    );
    expect(help.stdout).toContain('--client-secret');
    for (const run of [putRun, describeRun, deleteRun, help]) {
      expect(run.stdout + run.stderr).not.toContain(SECRET);
    }
    const { stdout, stderr } = server.output();
    expect(stdout + stderr).not.toContain(SECRET);
  });
});
