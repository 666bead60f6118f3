/**
 * Hostile and malformed requests against a real server: each gets the contract's error in the
 * AWS JSON format and changes nothing; none yields a 500 or stops the process. The generated
 * requests (fast-check) are in request-fuzz.test.ts.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MP, WM, createOrgWithUsers, createToken } from '../support/fixtures.js';
import type { OrgFixture } from '../support/fixtures.js';
import type { MailpatProcess } from '../support/mailpat-process.js';
import { startMailpat } from '../support/mailpat-process.js';
import type { RawResponse } from '../support/signed-request.js';
import { call, sendSigned, signRequest } from '../support/signed-request.js';

let server: MailpatProcess;
let org: OrgFixture;
let otherOrg: OrgFixture;
let nextToken: string;

beforeAll(async () => {
  server = await startMailpat();
  org = await createOrgWithUsers(server, 2);
  otherOrg = await createOrgWithUsers(server, 1);
  for (let i = 0; i < 4; i++)
    await createToken(server, org.organizationId, org.users[i % 2]!.id, `t${i}`);
  await createToken(server, otherOrg.organizationId, otherOrg.users[0]!.id);
  const page = await call(server, WM('ListPersonalAccessTokens'), {
    OrganizationId: org.organizationId,
    MaxResults: 1,
  });
  nextToken = page.NextToken as string;
});
afterAll(async () => {
  expect(await server?.stop()).toBe(0);
});

function expectAwsError(response: RawResponse, code: string, status: number, message?: RegExp) {
  expect({ status: response.status, type: response.body.__type }).toEqual({ status, type: code });
  expect(response.headers.get('x-amzn-errortype')).toBe(code);
  expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
  expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  expect(Math.abs(Date.parse(response.headers.get('date')!) - Date.now())).toBeLessThan(5000);
  expect(Object.keys(response.body).sort()).toEqual(['__type', 'message']);
  if (message) expect(response.body.message).toMatch(message);
}

const listTokens = (input: Record<string, unknown>) =>
  sendSigned(server, WM('ListPersonalAccessTokens'), {
    OrganizationId: org.organizationId,
    ...input,
  });

describe('protocol errors', () => {
  it('answers a body that is not JSON with SerializationException', async () => {
    expectAwsError(
      await sendSigned(server, WM('ListOrganizations'), null, { body: '{"a":' }),
      'SerializationException',
      400,
    );
  });
  it('answers a JSON array body with SerializationException', async () => {
    expectAwsError(
      await sendSigned(server, WM('ListOrganizations'), null, { body: '[]' }),
      'SerializationException',
      400,
    );
  });
  it('reads an empty body as {}', async () => {
    const response = await sendSigned(server, WM('ListOrganizations'), null, { body: '' });
    expect(response.status).toBe(200);
  });
  it('answers a wrongly typed member with SerializationException naming it', async () => {
    expectAwsError(
      await listTokens({ MaxResults: '10' }),
      'SerializationException',
      400,
      /MaxResults/,
    );
    expectAwsError(await listTokens({ UserId: 7 }), 'SerializationException', 400, /UserId/);
  });
  it('answers an unknown or missing X-Amz-Target with UnknownOperationException', async () => {
    expectAwsError(
      await sendSigned(server, WM('DropAllTables'), {}),
      'UnknownOperationException',
      400,
    );
    expectAwsError(
      await sendSigned(server, 'MailpatService.ListOrganizations', {}),
      'UnknownOperationException',
      400,
    );
  });
  it('answers an unknown path with a 404 in the same format', async () => {
    const response = await fetch(`${server.url}/nope`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { __type: string }).__type).toBe(
      'UnknownOperationException',
    );
  });
});

describe('validation errors', () => {
  it.each([0, 101, -1])('rejects MaxResults %s naming the field', async (MaxResults) => {
    expectAwsError(
      await listTokens({ MaxResults }),
      'InvalidParameterException',
      400,
      /MaxResults/,
    );
  });
  it('rejects a missing required member', async () => {
    expectAwsError(
      await sendSigned(server, WM('ListPersonalAccessTokens'), {}),
      'InvalidParameterException',
      400,
      /OrganizationId/,
    );
  });
  it('rejects an OrganizationId of the wrong pattern', async () => {
    expectAwsError(
      await sendSigned(server, WM('ListPersonalAccessTokens'), { OrganizationId: 'm-XYZ' }),
      'InvalidParameterException',
      400,
      /OrganizationId/,
    );
  });
  it('rejects a token name that is too long or has forbidden characters', async () => {
    const base = { OrganizationId: org.organizationId, UserId: org.users[0]!.id };
    expectAwsError(
      await sendSigned(server, MP('CreatePersonalAccessToken'), { ...base, Name: 'x'.repeat(65) }),
      'InvalidParameterException',
      400,
      /Name/,
    );
    expectAwsError(
      await sendSigned(server, MP('CreatePersonalAccessToken'), { ...base, Name: 'a<b' }),
      'InvalidParameterException',
      400,
      /Name/,
    );
  });
});

describe('NextToken errors', () => {
  it('accepts the NextToken it issued', async () => {
    expect((await listTokens({ NextToken: nextToken })).status).toBe(200);
  });
  it('rejects a tampered NextToken', async () => {
    const i = Math.floor(nextToken.length / 2);
    const tampered =
      nextToken.slice(0, i) + (nextToken[i] === 'A' ? 'B' : 'A') + nextToken.slice(i + 1);
    expectAwsError(
      await listTokens({ NextToken: tampered }),
      'InvalidParameterException',
      400,
      /NextToken/,
    );
  });
  it('rejects a NextToken of another organization', async () => {
    const response = await sendSigned(server, WM('ListPersonalAccessTokens'), {
      OrganizationId: otherOrg.organizationId,
      NextToken: nextToken,
    });
    expectAwsError(response, 'InvalidParameterException', 400, /NextToken/);
  });
  it('rejects a NextToken issued for another user filter', async () => {
    expectAwsError(
      await listTokens({ UserId: org.users[0]!.id, NextToken: nextToken }),
      'InvalidParameterException',
      400,
    );
  });
  it('rejects garbage and oversized NextTokens', async () => {
    expectAwsError(
      await listTokens({ NextToken: 'not a token!' }),
      'InvalidParameterException',
      400,
    );
    expectAwsError(
      await listTokens({ NextToken: 'A'.repeat(1025) }),
      'InvalidParameterException',
      400,
    );
  });
});

describe('domain errors', () => {
  it('answers an unknown organization with OrganizationNotFoundException', async () => {
    const response = await sendSigned(server, WM('ListPersonalAccessTokens'), {
      OrganizationId: `m-${'0'.repeat(32)}`,
    });
    expectAwsError(response, 'OrganizationNotFoundException', 400);
  });
  it('names the unknown organization before a NextToken it cannot have issued', async () => {
    const response = await sendSigned(server, WM('ListPersonalAccessTokens'), {
      OrganizationId: `m-${'0'.repeat(32)}`,
      NextToken: nextToken,
    });
    expectAwsError(response, 'OrganizationNotFoundException', 400);
  });
  it('answers a deleted organization with OrganizationStateException, with or without a NextToken', async () => {
    const doomed = await createOrgWithUsers(server, 1);
    await call(server, WM('DeleteOrganization'), {
      OrganizationId: doomed.organizationId,
      DeleteDirectory: true,
    });
    for (const extra of [{}, { NextToken: nextToken }]) {
      const response = await sendSigned(server, WM('ListPersonalAccessTokens'), {
        OrganizationId: doomed.organizationId,
        ...extra,
      });
      expectAwsError(response, 'OrganizationStateException', 400);
    }
  });
  it('answers an unknown user with EntityNotFoundException', async () => {
    expectAwsError(await listTokens({ UserId: 'nobody' }), 'EntityNotFoundException', 400);
  });
});

describe('SigV4 errors', () => {
  it('answers an unsigned request with MissingAuthenticationTokenException', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': WM('ListOrganizations'),
      },
      body: '{}',
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { __type: string }).__type).toBe(
      'MissingAuthenticationTokenException',
    );
  });
  it('answers a wrong secret with InvalidSignatureException', async () => {
    const response = await sendSigned(
      server,
      WM('ListOrganizations'),
      {},
      { secretAccessKey: 'wrong' },
    );
    expectAwsError(response, 'InvalidSignatureException', 403);
  });
  it('answers an unknown access key with UnrecognizedClientException', async () => {
    const response = await sendSigned(
      server,
      WM('ListOrganizations'),
      {},
      { accessKeyId: 'AKIAUNKNOWN000000000' },
    );
    expectAwsError(response, 'UnrecognizedClientException', 403);
  });
  it('answers a request signed 20 minutes ago with Signature expired', async () => {
    const signingDate = new Date(Date.now() - 20 * 60 * 1000);
    const response = await sendSigned(server, WM('ListOrganizations'), {}, { signingDate });
    expectAwsError(response, 'InvalidSignatureException', 403, /^Signature expired/);
  });
  it('answers a signature scoped to another service with InvalidSignatureException', async () => {
    const response = await sendSigned(server, WM('ListOrganizations'), {}, { service: 's3' });
    expectAwsError(response, 'InvalidSignatureException', 403);
  });
  it('refuses a duplicated X-Amz-Target header instead of taking the first', async () => {
    const raw = await sendRawWithDuplicate('x-amz-target', WM('DeleteOrganization'));
    expect(raw).toMatch(/^HTTP\/1\.1 400/);
    expect(raw).toMatch(/"__type":"IncompleteSignatureException"/);
  });
});

describe('robustness', () => {
  it('treats null optional members as absent instead of failing', async () => {
    // Found by a random-body test (now request-fuzz.test.ts): a null UserId once reached the
    // user lookup.
    const response = await sendSigned(server, WM('ListPersonalAccessTokens'), {
      OrganizationId: org.organizationId,
      UserId: null,
      MaxResults: null,
    });
    expect(response.status).toBe(200);
    expect(response.body).toHaveProperty('PersonalAccessTokenSummaries');
  });
});

/** Sends a correctly signed request plus a second copy of one header, over a raw socket. */
async function sendRawWithDuplicate(header: string, value: string): Promise<string> {
  const body = '{}';
  const headers = await signRequest(server, WM('ListOrganizations'), body);
  const url = new URL(server.url);
  const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
  lines.push(`${header}: ${value}`, `content-length: ${body.length}`, 'connection: close');
  const request = `POST / HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.end(request));
    let response = '';
    socket.on('data', (chunk) => (response += chunk.toString()));
    socket.on('end', () => resolve(response));
    socket.on('error', reject);
  });
}
