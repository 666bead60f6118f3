/**
 * What mailpat's log lines look like, and that requests full of secrets leave none of them in
 * the log: JSON lines with their fields, and no password, token, signature, client secret,
 * session or database password, whatever the request got wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfOf, newSecretOf, TestBrowser } from '../support/form-browser.js';
import { createOrgWithUsers, createToken, MP, WM } from '../support/fixtures.js';
import type { OrgFixture } from '../support/fixtures.js';
import { introspect } from '../support/introspect.js';
import { parseLogLines } from '../support/log-lines.js';
import type { LogLine } from '../support/log-lines.js';
import { startMailpat } from '../support/mailpat-process.js';
import type { MailpatProcess } from '../support/mailpat-process.js';
import { attemptServe } from '../support/serve-refusal.js';
import { call, sendSigned, signRequest } from '../support/signed-request.js';

const CLIENT_ID = 'dovecot';
const CLIENT_SECRET = 'log-redaction-client-secret-0123';
const RELAY_PASSWORD = 'log-redaction-relay-password';
const PASSWORD = 'Log-Redaction-Passw0rd!';
const WRONG_PASSWORD = 'Wrong-Log-Redaction-Passw0rd!';
const ENV = {
  MAILPAT_INTROSPECTION_CLIENT_ID: CLIENT_ID,
  MAILPAT_INTROSPECTION_CLIENT_SECRET: CLIENT_SECRET,
  // A relay nobody listens on: its password must stay out of the start line all the same.
  MAILPAT_SMTP_URL: `smtp://mailpat:${RELAY_PASSWORD}@127.0.0.1:1`,
  MAILPAT_MAIL_FROM: 'mailpat@example.org',
  // Debug: the lines of mail logins and health probes must be as clean as the rest.
  MAILPAT_LOG_LEVEL: 'debug',
};

let server: MailpatProcess;
let org: OrgFixture;
/** Every secret the requests below carried, by what it is. */
const secrets = new Map<string, string>();

beforeAll(async () => {
  server = await startMailpat({ env: ENV });
  org = await createOrgWithUsers(server, 1);
  const user = org.users[0]!;
  await call(server, WM('ResetPassword'), {
    OrganizationId: org.organizationId,
    UserId: user.id,
    Password: PASSWORD,
  });
  const token = await createToken(server, org.organizationId, user.id);
  secrets.set('root secret access key', server.secretAccessKey);
  secrets.set('client secret', CLIENT_SECRET);
  secrets.set('relay password', RELAY_PASSWORD);
  secrets.set('user password', PASSWORD);
  secrets.set('wrong password', WRONG_PASSWORD);
  secrets.set('PAT secret', token.secret);

  // Mail logins: the token as the client's Basic password, then right; a token in the form.
  await introspect(server, `token=${token.secret}`, { basic: `${CLIENT_ID}:${token.secret}` });
  await introspect(server, `token=${token.secret}`, { basic: `${CLIENT_ID}:${CLIENT_SECRET}` });
  await introspect(
    server,
    `token=${token.secret}&client_id=${CLIENT_ID}&client_secret=${CLIENT_SECRET}`,
  );
  // The web app: a wrong password, then the right one, then a token made in the browser.
  const browser = new TestBrowser(server.url);
  const page = await browser.get('/account/sign-in');
  const signIn = { csrf: csrfOf(page.html), email: user.email };
  await browser.post('/account/sign-in', { ...signIn, password: WRONG_PASSWORD });
  await browser.post('/account/sign-in', { ...signIn, password: PASSWORD });
  for (const [name, value] of browser.cookies) secrets.set(`cookie ${name}`, value);
  const form = await browser.get('/account/tokens/new');
  const created = await browser.post('/account/tokens', {
    csrf: csrfOf(form.html),
    name: 'from-the-web',
    scopes: ['IMAP'],
    expires: '30',
  });
  secrets.set('PAT secret (web)', newSecretOf(created.html));
  // The admin API: a wrong signature, a token as an operation name, a token in a path, a
  // single sign-on callback with a code.
  const headers = await signRequest(server, WM('ListOrganizations'), '{}', {
    secretAccessKey: 'wrong-secret-access-key-0123456789',
  });
  secrets.set('Authorization header', headers.authorization!);
  await sendSigned(
    server,
    WM('ListOrganizations'),
    {},
    {
      secretAccessKey: 'wrong-secret-access-key-0123456789',
    },
  );
  await sendSigned(server, `WorkMailService.${token.secret}`, {});
  await fetch(new URL(`/${token.secret}`, server.url));
  await fetch(new URL(`/account/sso/callback?code=${token.secret}&state=x`, server.url));
  await fetch(new URL('/health/ready', server.url));
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

/** Every line the server wrote so far, stdout and stderr. */
function allLines(): LogLine[] {
  const { stdout, stderr } = server.output();
  return [...parseLogLines(stdout), ...parseLogLines(stderr)];
}

describe('log lines', () => {
  it('are JSON objects with level, time and msg, and none holds a secret it was given', () => {
    const lines = allLines();
    expect(lines.length).toBeGreaterThan(10);
    const { stdout, stderr } = server.output();
    for (const [kind, secret] of secrets) {
      expect(stdout.includes(secret), `${kind} in stdout`).toBe(false);
      expect(stderr.includes(secret), `${kind} in stderr`).toBe(false);
    }
  });

  it('log each admin API request with its request ID, operation, status, duration and caller', async () => {
    const answer = await sendSigned(server, WM('DescribeOrganization'), {
      OrganizationId: org.organizationId,
    });
    const requestId = answer.headers.get('x-amzn-requestid');
    await expect
      .poll(() => allLines().find((line) => line.requestId === requestId))
      .toEqual({
        level: 'info',
        time: expect.any(String),
        pid: expect.any(Number),
        msg: 'api request',
        requestId,
        operation: 'WorkMailService.DescribeOrganization',
        status: 200,
        durationMs: expect.any(Number),
        accessKeyId: server.accessKeyId,
      });
  });

  it('log a failed admin API request with its error code', async () => {
    const answer = await sendSigned(server, MP('CreatePersonalAccessToken'), {
      OrganizationId: org.organizationId,
      UserId: 'no-such-user',
      Name: 'x',
    });
    const requestId = answer.headers.get('x-amzn-requestid');
    await expect
      .poll(() => allLines().find((line) => line.requestId === requestId))
      .toMatchObject({
        operation: 'MailpatService.CreatePersonalAccessToken',
        status: 400,
        errorCode: answer.body.__type,
        accessKeyId: server.accessKeyId,
      });
  });

  it('name neither an unknown operation nor the path of a stray request in full', () => {
    const requests = allLines().filter((line) => line.msg === 'api request');
    const unknown = requests.find((line) => line.errorCode === 'UnknownOperationException');
    expect(unknown).toBeDefined();
    expect(unknown).not.toHaveProperty('operation');
    const stray = allLines().find((line) => line.msg === 'http request' && line.status === 404);
    expect(stray).toMatchObject({ method: 'GET', path: '/mpat_***' });
  });

  it('log mail logins and health probes at debug, web pages at info, never a query', () => {
    const http = allLines().filter((line) => line.msg === 'http request');
    expect(http.filter((line) => line.path === '/oauth2/introspect')).toEqual(
      [401, 200, 200].map((status) =>
        expect.objectContaining({ level: 'debug', method: 'POST', status }),
      ),
    );
    expect(http.find((line) => line.path === '/health/ready')).toMatchObject({ level: 'debug' });
    expect(http.find((line) => line.path === '/account/sign-in')).toMatchObject({
      level: 'info',
    });
    expect(http.find((line) => line.path === '/account/sso/callback')).toBeDefined();
  });
});

describe('a start refused', () => {
  it('does not print the password of a database URL it cannot connect to', async () => {
    const password = 'log-redaction-db-password';
    const attempt = await attemptServe([
      '--database',
      `postgres://mailpat:${password}@127.0.0.1:1/mailpat`,
    ]);
    expect(attempt.code).toBe(1);
    expect(attempt.stderr).toMatch(/^mailpat: /);
    expect(attempt.stdout + attempt.stderr).not.toContain(password);
  });

  it('names a bad MAILPAT_LOG_LEVEL', async () => {
    const attempt = await attemptServe([], { MAILPAT_LOG_LEVEL: 'verbose' });
    expect(attempt.code).toBe(1);
    expect(attempt.stderr).toBe(
      'mailpat: MAILPAT_LOG_LEVEL must be one of error, warn, info, debug, not "verbose"\n',
    );
  });
});
