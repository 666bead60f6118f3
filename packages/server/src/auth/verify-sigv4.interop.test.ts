import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ListOrganizationsCommand, WorkMailClient } from '@aws-sdk/client-workmail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAwsError } from '../errors/index.js';
import type { IncomingSignedRequest } from './signed-request.js';
import { TEST_KEY } from './test-support/sign-request.js';
import { verifySigV4 } from './verify-sigv4.js';

const BOTOCORE_SIGN = fileURLToPath(new URL('./test-support/botocore-sign.py', import.meta.url));
const BODY = '{"MaxResults": 5}';

const lookupSecret = async (accessKeyId: string) =>
  accessKeyId === TEST_KEY.accessKeyId
    ? { secretAccessKey: TEST_KEY.secretAccessKey, enabled: true }
    : undefined;

async function runBotocore(args: Record<string, unknown>): Promise<unknown> {
  const { stdout } = await promisify(execFile)('python3', [BOTOCORE_SIGN, JSON.stringify(args)]);
  return JSON.parse(stdout);
}

/** A real HTTP server that verifies every request it receives, as mailpat's pipeline will. */
function startVerifyingServer() {
  const outcomes: Array<{ accessKeyId: string; region: string } | Error> = [];
  const authorizations: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      authorizations.push(req.headers.authorization ?? '');
      const request: IncomingSignedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        rawHeaders: req.rawHeaders,
        body: Buffer.concat(chunks),
      };
      verifySigV4(request, lookupSecret, Date.now()).then(
        (result) => {
          outcomes.push(result);
          res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
          res.end('{"OrganizationSummaries":[]}');
        },
        (error: Error) => {
          outcomes.push(error);
          const code = isAwsError(error) ? error.code : 'InternalFailure';
          res.writeHead(isAwsError(error) ? error.statusCode : 500, {
            'content-type': 'application/x-amz-json-1.1',
            'x-amzn-errortype': code,
          });
          res.end(JSON.stringify({ __type: code, message: error.message }));
        },
      );
    });
  });
  return { server, outcomes, authorizations };
}

describe('verifySigV4 interoperability', () => {
  const { server, outcomes, authorizations } = startVerifyingServer();
  let endpoint = '';

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('accepts a request signed by botocore SigV4Auth', async () => {
    const signed = (await runBotocore({
      ...TEST_KEY,
      region: 'eu-west-1',
      url: 'http://localhost:4566/',
      body: BODY,
    })) as { headers: Array<[string, string]> };
    const request: IncomingSignedRequest = {
      method: 'POST',
      path: '/',
      rawHeaders: signed.headers.flat(),
      body: Buffer.from(BODY),
    };
    await expect(verifySigV4(request, lookupSecret, Date.now())).resolves.toEqual({
      accessKeyId: TEST_KEY.accessKeyId,
      region: 'eu-west-1',
    });
  });

  it('rejects a botocore-signed request whose body was altered', async () => {
    const signed = (await runBotocore({
      ...TEST_KEY,
      region: 'us-east-1',
      url: 'http://localhost:4566/',
      body: BODY,
    })) as { headers: Array<[string, string]> };
    const request = {
      method: 'POST',
      path: '/',
      rawHeaders: signed.headers.flat(),
      body: Buffer.from('{"MaxResults": 6}'),
    };
    await expect(verifySigV4(request, lookupSecret, Date.now())).rejects.toMatchObject({
      code: 'InvalidSignatureException',
    });
  });

  it('accepts botocore requests sent over HTTP by its own session', async () => {
    const before = outcomes.length;
    const sent = await runBotocore({
      ...TEST_KEY,
      region: 'us-west-2',
      url: `${endpoint}/`,
      body: BODY,
      send: true,
    });
    expect(outcomes.slice(before)).toEqual([
      { accessKeyId: TEST_KEY.accessKeyId, region: 'us-west-2' },
    ]);
    expect(sent).toEqual({ status: 200 });
  });

  it('refuses a botocore request signed with the right key plus a session token', async () => {
    const before = outcomes.length;
    const sent = await runBotocore({
      ...TEST_KEY,
      sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE+/=',
      region: 'us-west-2',
      url: `${endpoint}/`,
      body: BODY,
      send: true,
    });
    expect(outcomes.slice(before)).toMatchObject([{ code: 'UnrecognizedClientException' }]);
    expect(authorizations.at(-1)).toMatch(/SignedHeaders=[^,]*x-amz-security-token;x-amz-target,/);
    expect(sent).toEqual({ status: 403 });
  });

  it('accepts @aws-sdk/client-workmail requests sent over HTTP', async () => {
    const before = outcomes.length;
    const client = new WorkMailClient({ endpoint, region: 'us-east-1', credentials: TEST_KEY });
    const output = await client.send(new ListOrganizationsCommand({ MaxResults: 5 }));
    client.destroy();
    expect(outcomes.slice(before)).toEqual([
      { accessKeyId: TEST_KEY.accessKeyId, region: 'us-east-1' },
    ]);
    expect(output.OrganizationSummaries).toEqual([]);
    expect(authorizations.at(-1)).toMatch(
      /SignedHeaders=[^,]*;host;x-amz-content-sha256;x-amz-date;x-amz-target;/,
    );
  });

  it('makes @aws-sdk/client-workmail see UnrecognizedClientException for an unknown key', async () => {
    const client = new WorkMailClient({
      endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIAUNKNOWNKEY234567', secretAccessKey: 'x'.repeat(40) },
      maxAttempts: 1,
    });
    const rejection = client.send(new ListOrganizationsCommand({}));
    await expect(rejection).rejects.toMatchObject({
      name: 'UnrecognizedClientException',
      $metadata: { httpStatusCode: 403 },
    });
    client.destroy();
  });
});
