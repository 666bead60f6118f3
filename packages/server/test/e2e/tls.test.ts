/**
 * `mailpat serve --tls-cert --tls-key` end to end: real boto3 and the aws CLI v1 trusting a test
 * CA, token introspection over HTTPS, and no answer to plain HTTP on the TLS port.
 */
import { X509Certificate } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAwsCli } from '../support/aws-cli.js';
import { runBoto3 } from '../support/boto3.js';
import { IDENTITY_CENTER, MP } from '../support/fixtures.js';
import { sendSignedOverHttps } from '../support/https-request.js';
import { introspect } from '../support/introspect.js';
import { startMailpat } from '../support/mailpat-process.js';
import type { MailpatProcess } from '../support/mailpat-process.js';
import { signRequest } from '../support/signed-request.js';
import { makeTestCertificate } from '../support/tls-certificate.js';
import type { TestCertificate } from '../support/tls-certificate.js';

const CLIENT = { id: 'dovecot', secret: 'introspection-secret-over-tls' };

let server: MailpatProcess;
let certificate: TestCertificate;
let organizationId: string;
let userId: string;

/** Resolves once the server has written `text` to `stream`. */
function waitForOutput(stream: 'stdout' | 'stderr', text: string): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!server.output()[stream].includes(text)) return;
      server.child[stream]!.off('data', check);
      resolve();
    };
    server.child[stream]!.on('data', check);
    check();
  });
}

/** The SHA-256 fingerprint of the certificate the server presents to a new connection. */
function presentedFingerprint(): Promise<string> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect({
      host: hostname,
      port: Number(port),
      ca: readFileSync(server.caFile!),
    });
    socket.once('secureConnect', () => {
      resolve(socket.getPeerX509Certificate()!.fingerprint256);
      socket.end();
    });
    socket.once('error', reject);
  });
}

beforeAll(async () => {
  certificate = makeTestCertificate();
  server = await startMailpat({
    tls: certificate,
    env: {
      MAILPAT_INTROSPECTION_CLIENT_ID: CLIENT.id,
      MAILPAT_INTROSPECTION_CLIENT_SECRET: CLIENT.secret,
    },
  });
});
afterAll(async () => {
  expect(await server?.stop()).toBe(0);
});

describe('mailpat serve with TLS', () => {
  it('says https:// in its listening line', () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(server.output().stdout).toContain(`listening on ${server.url}`);
  });

  it('serves boto3 verifying the certificate: create an organization, a user, list tokens', async () => {
    const alias = `tls-${Date.now().toString(36)}`;
    const [created] = await runBoto3(server, [
      { call: 'create_organization', params: { Alias: alias } },
    ]);
    organizationId = created!.result!.OrganizationId as string;
    expect(organizationId).toMatch(/^m-/);
    const [, user] = await runBoto3(server, [
      {
        call: 'put_identity_provider_configuration',
        params: {
          OrganizationId: organizationId,
          AuthenticationMode: 'IDENTITY_PROVIDER_AND_DIRECTORY',
          IdentityCenterConfiguration: IDENTITY_CENTER,
          PersonalAccessTokenConfiguration: { Status: 'ACTIVE', LifetimeInDays: 30 },
        },
      },
      {
        call: 'create_user',
        params: { OrganizationId: organizationId, Name: 'alice', DisplayName: 'Alice' },
      },
    ]);
    userId = user!.result!.UserId as string;
    const outcomes = await runBoto3(server, [
      {
        call: 'register_to_work_mail',
        params: {
          OrganizationId: organizationId,
          EntityId: userId,
          Email: `alice@${alias}.awsapps.com`,
        },
      },
      { call: 'list_personal_access_tokens', params: { OrganizationId: organizationId } },
    ]);
    expect(outcomes.map((o) => o.error)).toEqual([undefined, undefined]);
    expect(outcomes[1]!.result).toEqual({ PersonalAccessTokenSummaries: [] });
  });

  it('serves the aws CLI v1 with --ca-bundle, and answers introspection over HTTPS', async () => {
    const created = await sendSignedOverHttps(server, MP('CreatePersonalAccessToken'), {
      OrganizationId: organizationId,
      UserId: userId,
      Name: 'over-tls',
    });
    expect(created.status).toBe(200);
    const listed = await runAwsCli(server, [
      'list-personal-access-tokens',
      '--organization-id',
      organizationId,
    ]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.json).toMatchObject({
      PersonalAccessTokenSummaries: [
        { PersonalAccessTokenId: created.body.PersonalAccessTokenId, Name: 'over-tls' },
      ],
    });
    const answer = await introspect(server, `token=${String(created.body.Token)}`, {
      basic: `${CLIENT.id}:${CLIENT.secret}`,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ active: true, sub: userId });
  });

  it('gives a plain-HTTP request to the TLS port no answer at all', async () => {
    const port = Number(new URL(server.url).port);
    const body = '{}';
    const headers = await signRequest(server, 'WorkMailService.ListOrganizations', body);
    const outcome = await new Promise<string>((resolve) => {
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers }, (res) =>
        resolve(`answered ${res.statusCode}`),
      );
      req.on('error', (error: NodeJS.ErrnoException) => resolve(`failed ${error.code}`));
      req.end(body);
    });
    expect(outcome).toMatch(/^failed /);
    // ...and keeps serving HTTPS.
    const [listed] = await runBoto3(server, [{ call: 'list_organizations' }]);
    expect(listed!.error).toBeUndefined();
  });

  it('reloads the certificate and key on SIGHUP, for new connections', async () => {
    const renewed = makeTestCertificate();
    const fingerprintOf = (file: string) => new X509Certificate(readFileSync(file)).fingerprint256;
    expect(await presentedFingerprint()).toBe(fingerprintOf(certificate.certFile));
    copyFileSync(renewed.keyFile, certificate.keyFile);
    copyFileSync(renewed.certFile, certificate.certFile); // also the file clients trust
    const reloaded = waitForOutput(
      'stdout',
      `reloaded the TLS certificate from ${certificate.certFile}`,
    );
    server.child.kill('SIGHUP');
    await reloaded;
    expect(await presentedFingerprint()).toBe(fingerprintOf(renewed.certFile));
    const [listed] = await runBoto3(server, [{ call: 'list_organizations' }]);
    expect(listed!.error).toBeUndefined();
  });

  it('keeps serving its current certificate when a SIGHUP finds unusable files', async () => {
    const before = await presentedFingerprint();
    const kept = waitForOutput('stderr', 'kept the current TLS certificate');
    writeFileSync(certificate.keyFile, 'not a key\n');
    server.child.kill('SIGHUP');
    await kept;
    expect(await presentedFingerprint()).toBe(before);
    expect(server.output().stderr).not.toContain('not a key');
  });
});
