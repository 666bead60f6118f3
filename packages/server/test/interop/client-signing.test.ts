/**
 * The requests @mailpat/client builds, as they arrive on the wire: AWS JSON 1.1 headers and body,
 * and a SigV4 signature that mailpat's own verifier (src/auth) accepts.
 */
import { WorkMailClient } from '@mailpat/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScriptedServer, RecordedRequest } from '../../../../test-support/scripted-server.js';
import { startScriptedServer } from '../../../../test-support/scripted-server.js';
import { verifySigV4 } from '../../src/auth/verify-sigv4.js';

const KEY = { accessKeyId: 'AKIDSIGNINGTEST', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCY' };

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function capture(
  call: (client: WorkMailClient) => Promise<unknown>,
  config: { region?: string; credentials?: typeof KEY & { sessionToken?: string } } = {},
  path = '',
): Promise<RecordedRequest> {
  const local = await startScriptedServer([{ status: 200, body: {} }]);
  try {
    const client = new WorkMailClient({
      endpoint: local.url + path,
      credentials: config.credentials ?? KEY,
      region: config.region,
    });
    await call(client);
    return local.requests[0]!;
  } finally {
    await local.close();
  }
}

function header(request: RecordedRequest, name: string): string[] {
  const values: string[] = [];
  for (let i = 0; i < request.rawHeaders.length; i += 2) {
    if (request.rawHeaders[i]!.toLowerCase() === name) values.push(request.rawHeaders[i + 1]!);
  }
  return values;
}

const verify = (request: RecordedRequest, secret = KEY.secretAccessKey) =>
  verifySigV4(request, async () => ({ secretAccessKey: secret, enabled: true }), Date.now());

describe('request building and signing', () => {
  it('sends POST / with the AWS JSON 1.1 content type, target and JSON body', async () => {
    const request = await capture((c) =>
      c.listPersonalAccessTokens({ OrganizationId: 'm-1', MaxResults: 5 }),
    );
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/');
    expect(header(request, 'content-type')).toEqual(['application/x-amz-json-1.1']);
    expect(header(request, 'x-amz-target')).toEqual(['WorkMailService.ListPersonalAccessTokens']);
    expect(JSON.parse(request.body.toString())).toEqual({ OrganizationId: 'm-1', MaxResults: 5 });
  });

  it('targets MailpatService for the token extensions', async () => {
    const create = await capture((c) =>
      c.createPersonalAccessToken({ OrganizationId: 'm-1', UserId: 'u', Name: 'n' }),
    );
    expect(header(create, 'x-amz-target')).toEqual(['MailpatService.CreatePersonalAccessToken']);
    const rotate = await capture((c) =>
      c.rotatePersonalAccessToken({ OrganizationId: 'm-1', PersonalAccessTokenId: 't' }),
    );
    expect(header(rotate, 'x-amz-target')).toEqual(['MailpatService.RotatePersonalAccessToken']);
  });

  it("is signed so that mailpat's verifier accepts it, with the configured region", async () => {
    const request = await capture((c) => c.describeOrganization({ OrganizationId: 'm-1' }), {
      region: 'eu-central-1',
    });
    await expect(verify(request)).resolves.toEqual({
      accessKeyId: KEY.accessKeyId,
      region: 'eu-central-1',
    });
    const [authorization] = header(request, 'authorization');
    expect(authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDSIGNINGTEST\/\d{8}\/eu-central-1\/workmail\/aws4_request, SignedHeaders=\S*host;\S*x-amz-date;\S*x-amz-target/,
    );
  });

  it('is refused by the verifier under another secret', async () => {
    const request = await capture((c) => c.describeOrganization({ OrganizationId: 'm-1' }));
    await expect(verify(request, 'another-secret')).rejects.toMatchObject({
      code: 'InvalidSignatureException',
    });
  });

  it('signs the session token of temporary credentials', async () => {
    const request = await capture((c) => c.listOrganizations(), {
      credentials: { ...KEY, sessionToken: 'session-token-value' },
    });
    expect(header(request, 'x-amz-security-token')).toEqual(['session-token-value']);
    expect(header(request, 'authorization')[0]).toContain('x-amz-security-token');
    // Signed as the AWS SDKs sign it (a real WorkMail takes it); mailpat itself issues no session
    // credentials and refuses any request that carries one.
    await expect(verify(request)).rejects.toMatchObject({ code: 'UnrecognizedClientException' });
  });

  it('keeps an endpoint path prefix and signs it', async () => {
    const request = await capture((c) => c.listOrganizations(), {}, '/workmail/');
    expect(request.path).toBe('/workmail/');
    await expect(verify(request)).resolves.toBeDefined();
  });

  it('fills an omitted idempotency token with a UUID and keeps a given one', async () => {
    const filled = await capture((c) => c.createOrganization({ Alias: 'a' }));
    expect(JSON.parse(filled.body.toString()).ClientToken).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const given = await capture((c) => c.createOrganization({ Alias: 'a', ClientToken: 'mine' }));
    expect(JSON.parse(given.body.toString()).ClientToken).toBe('mine');
  });

  it('reads credentials and region from the environment by default', async () => {
    const names = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION'];
    const saved = names.map((name) => [name, process.env[name]] as const);
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: KEY.accessKeyId,
      AWS_SECRET_ACCESS_KEY: KEY.secretAccessKey,
      AWS_REGION: 'ap-south-1',
    });
    delete process.env.AWS_SESSION_TOKEN;
    try {
      server = await startScriptedServer([{ status: 200, body: {} }]);
      await new WorkMailClient({ endpoint: server.url }).listOrganizations();
      await expect(verify(server.requests[0]!)).resolves.toMatchObject({ region: 'ap-south-1' });
    } finally {
      for (const [name, value] of saved) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});
