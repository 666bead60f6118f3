/**
 * Prometheus metrics of a real `mailpat serve --metrics-port`: counters move by exactly what
 * clients did, labels never carry what clients sent, and without the flag nothing more listens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseExposition, valueOf } from '../../src/metrics/test-support/parse-exposition.js';
import type { Sample } from '../../src/metrics/test-support/parse-exposition.js';
import { generateTokenSecret } from '../../src/tokens/token-secret.js';
import { runBoto3 } from '../support/boto3.js';
import { createOrgWithUsers, createToken, WM } from '../support/fixtures.js';
import type { OrgFixture } from '../support/fixtures.js';
import { introspect } from '../support/introspect.js';
import { listeningPorts } from '../support/listening-ports.js';
import { startMailpat } from '../support/mailpat-process.js';
import type { MailpatProcess } from '../support/mailpat-process.js';
import { sendSigned } from '../support/signed-request.js';

/** The announcement's URL, whether the line is plain text or JSON. */
const METRICS_LINE = /metrics on (http:\/\/[^\s"]+)/;
const CLIENT_ID = 'dovecot';
const CLIENT_SECRET = 'metrics-client-secret-0123';
const BASIC = `${CLIENT_ID}:${CLIENT_SECRET}`;
const CLIENT_ENV = {
  MAILPAT_INTROSPECTION_CLIENT_ID: CLIENT_ID,
  MAILPAT_INTROSPECTION_CLIENT_SECRET: CLIENT_SECRET,
};

let server: MailpatProcess;
let metricsUrl: string;
let org: OrgFixture;
let tokens: { id: string; secret: string }[];

beforeAll(async () => {
  server = await startMailpat({ env: CLIENT_ENV, args: ['--metrics-port', '0'] });
  metricsUrl = METRICS_LINE.exec(server.output().stdout)![1]!;
  org = await createOrgWithUsers(server, 2);
  tokens = [
    await createToken(server, org.organizationId, org.users[0]!.id),
    await createToken(server, org.organizationId, org.users[1]!.id),
  ];
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

async function scrape(): Promise<Sample[]> {
  const response = await fetch(metricsUrl);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  return parseExposition(await response.text());
}

/** What moved between two scrapes, for one series (absent counts as 0). */
const delta = (
  before: Sample[],
  after: Sample[],
  name: string,
  labels: Record<string, string> = {},
) => (valueOf(after, name, labels) ?? 0) - (valueOf(before, name, labels) ?? 0);

describe('mailpat serve --metrics-port', () => {
  it('should count exactly the requests clients made, by operation, error code and outcome', async () => {
    const before = await scrape();
    const [listed] = await runBoto3(server, [
      { call: 'list_personal_access_tokens', params: { OrganizationId: org.organizationId } },
    ]);
    expect(listed!.result!.PersonalAccessTokenSummaries).toHaveLength(2);
    const missing = await sendSigned(server, WM('DescribeOrganization'), {
      OrganizationId: 'm-00000000000000000000000000000000',
    });
    expect(missing.status).toBe(400);
    expect((await sendSigned(server, WM('NoSuchOperation'), {})).status).toBe(400);
    const good = await introspect(server, `token=${tokens[0]!.secret}`, { basic: BASIC });
    expect(good.body.active).toBe(true);
    const unknown = generateTokenSecret(); // a well-formed secret no token has
    expect((await introspect(server, `token=${unknown}`, { basic: BASIC })).body.active).toBe(
      false,
    );
    expect((await introspect(server, 'token=x', { basic: `${CLIENT_ID}:wrong` })).status).toBe(401);
    expect((await fetch(new URL('/account/sign-in', server.url))).status).toBe(200);
    const after = await scrape();

    const api = (operation: string, code: string) =>
      delta(before, after, 'mailpat_api_requests_total', { operation, error_code: code });
    expect(api('ListPersonalAccessTokens', '')).toBe(1);
    expect(api('DescribeOrganization', 'OrganizationNotFoundException')).toBe(1);
    expect(api('unknown', 'UnknownOperationException')).toBe(1);
    const allApi = (samples: Sample[]) =>
      samples
        .filter((s) => s.name === 'mailpat_api_requests_total')
        .reduce((sum, s) => sum + s.value, 0);
    expect(allApi(after) - allApi(before)).toBe(3);
    expect(
      delta(before, after, 'mailpat_api_request_duration_seconds_count', {
        operation: 'ListPersonalAccessTokens',
      }),
    ).toBe(1);

    const introspections = (outcome: string) =>
      delta(before, after, 'mailpat_introspection_requests_total', { outcome });
    expect(introspections('active')).toBe(1);
    expect(introspections('inactive')).toBe(1);
    expect(introspections('invalid_client')).toBe(1);
    expect(
      delta(before, after, 'mailpat_introspection_inactive_total', { reason: 'malformed' }),
    ).toBe(0);
    expect(delta(before, after, 'mailpat_introspection_duration_seconds_count')).toBe(3);

    expect(
      delta(before, after, 'mailpat_web_request_duration_seconds_count', {
        method: 'GET',
        status_class: '2xx',
      }),
    ).toBe(1);
  });

  it('should report tokens by state, build info, database and process metrics', async () => {
    const samples = await scrape();
    expect(valueOf(samples, 'mailpat_tokens', { state: 'active' })).toBe(tokens.length);
    expect(valueOf(samples, 'mailpat_tokens', { state: 'expired' })).toBe(0);
    for (const kind of ['unavailable', 'fault', 'other']) {
      expect(valueOf(samples, 'mailpat_database_errors_total', { kind })).toBe(0);
    }
    const info = samples.find((s) => s.name === 'mailpat_build_info');
    expect(info?.labels).toEqual({
      version: expect.any(String),
      node_version: process.versions.node,
    });
    expect(samples.some((s) => s.name === 'process_resident_memory_bytes')).toBe(true);
    const pool = samples.filter((s) => s.name.startsWith('mailpat_database_pool_'));
    // A pool on PostgreSQL only: SQLite has one connection.
    expect(pool.length > 0).toBe(server.databaseUrl !== undefined);
  });

  it('should keep the series count bounded under 1,000 distinct bogus X-Amz-Targets', async () => {
    const series = async () => (await scrape()).filter((s) => s.name.startsWith('mailpat_')).length;
    const bogus = (i: number) =>
      fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `Evil.Op${i}` },
        body: '{}',
      }).then((response) => response.status);
    expect(await bogus(0)).toBe(403);
    const seriesBefore = await series();
    for (let i = 1; i < 1000; i += 50) {
      const batch = Array.from({ length: 50 }, (_, j) => bogus(i + j));
      expect(new Set(await Promise.all(batch))).toEqual(new Set([403]));
    }
    expect(await series()).toBe(seriesBefore);
    const text = await (await fetch(metricsUrl)).text();
    expect(text).not.toContain('Evil');
  });

  it('should put no email, user name, token, secret or key in any label', async () => {
    const labelValues = (await scrape()).flatMap((s) => Object.values(s.labels));
    const forbidden = [
      org.organizationId,
      org.alias,
      ...org.users.flatMap((user) => [user.id, user.email, user.name]),
      ...tokens.flatMap((token) => [token.id, token.secret]),
      server.accessKeyId,
      server.secretAccessKey,
      CLIENT_SECRET,
    ];
    for (const value of labelValues) {
      for (const secret of forbidden) expect(value).not.toContain(secret);
    }
  });

  it('should not serve /metrics on the API port, which answers as it does any unknown route', async () => {
    const response = await fetch(new URL('/metrics', server.url));
    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
  });

  it('should listen on two ports: the API and the metrics', () => {
    const ports = listeningPorts(server.child.pid!);
    const expected = [new URL(server.url).port, new URL(metricsUrl).port].map(Number);
    expect(ports).toEqual(expected.sort((a, b) => a - b));
  });
});

describe('mailpat serve without --metrics-port', () => {
  it('should listen on the API port alone and say nothing about metrics', async () => {
    const plain = await startMailpat();
    try {
      expect(listeningPorts(plain.child.pid!)).toEqual([Number(new URL(plain.url).port)]);
      expect(plain.output().stdout).not.toMatch(/metrics on/);
    } finally {
      await plain.stop();
    }
  });
});

describe('mailpat serve --metrics-port on shutdown', () => {
  it('should close the metrics port with the API', async () => {
    const stopping = await startMailpat({ args: ['--metrics-port', '0'] });
    const url = METRICS_LINE.exec(stopping.output().stdout)![1]!;
    expect((await fetch(url)).status).toBe(200);
    expect(await stopping.stop()).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
  });
});
