/**
 * Slow, many, pipelined and broken connections against a real server: what the headers alone can
 * refuse is refused before the body, slow clients are cut off, the connection cap holds, and
 * nothing is left open afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WM } from '../support/fixtures.js';
import type { MailpatProcess } from '../support/mailpat-process.js';
import { startMailpat } from '../support/mailpat-process.js';
import {
  countOpenFiles,
  openRawConnection,
  requestHead,
  settlesWithin,
} from '../support/raw-connection.js';
import { signRequest } from '../support/signed-request.js';
import type { SignOptions } from '../support/signed-request.js';

/** Generous: an answer that waits for a body never comes, so any bound proves the point. */
const ANSWER_WITHIN_MS = 5_000;
const HEADERS_TIMEOUT_MS = 1_000;

let server: MailpatProcess;

beforeAll(async () => {
  server = await startMailpat({
    env: { MAILPAT_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS) },
  });
});
afterAll(async () => {
  expect(await server?.stop()).toBe(0);
});

/** The signed head of a ListOrganizations whose `{}` body is declared but never sent. */
async function signedHeadWithoutBody(
  options: SignOptions = {},
  override: Record<string, string> = {},
) {
  const { host, ...headers } = await signRequest(server, WM('ListOrganizations'), '{}', options);
  return requestHead('POST', '/', { host: host!, ...headers, 'content-length': '2', ...override });
}

/** Sends `head` alone and resolves with the answer once the server has closed the connection. */
async function answerWithoutBody(head: string): Promise<string> {
  const connection = await openRawConnection(server.url);
  connection.socket.write(head);
  expect(await settlesWithin(connection.closed, ANSWER_WITHIN_MS)).toBe(true);
  return connection.received();
}

function expectEarlyError(answer: string, status: number, type: string) {
  expect(answer).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
  expect(answer).toMatch(/\r\nconnection: close\r\n/i);
  expect(answer).toContain(`"__type":"${type}"`);
}

describe('refusals before the body', () => {
  it('answers 413 to a Content-Length over 1 MiB without reading the body', async () => {
    const head = await signedHeadWithoutBody({}, { 'content-length': String(2 * 1024 * 1024) });
    expectEarlyError(await answerWithoutBody(head), 413, 'SerializationException');
  });

  it('answers an unknown access key without reading the body', async () => {
    const head = await signedHeadWithoutBody({ accessKeyId: 'AKIANOSUCHKEY0000000' });
    expectEarlyError(await answerWithoutBody(head), 403, 'UnrecognizedClientException');
  });

  it('answers an expired X-Amz-Date without reading the body', async () => {
    const head = await signedHeadWithoutBody({ signingDate: new Date(Date.now() - 20 * 60_000) });
    expectEarlyError(await answerWithoutBody(head), 403, 'InvalidSignatureException');
  });

  it('answers a malformed Authorization header without reading the body', async () => {
    const head = await signedHeadWithoutBody({}, { authorization: 'AWS4-HMAC-SHA256 nonsense' });
    expectEarlyError(await answerWithoutBody(head), 400, 'IncompleteSignatureException');
  });

  it('cuts off a chunked body over the limit instead of draining it', async () => {
    const head = await signedHeadWithoutBody({}, { 'transfer-encoding': 'chunked' });
    const connection = await openRawConnection(server.url);
    connection.socket.write(head.replace(/content-length: 2\r\n/, ''));
    const chunk = 'x'.repeat(64 * 1024);
    for (let i = 0; i < 20 && !connection.socket.destroyed; i++) {
      connection.socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    }
    expect(await settlesWithin(connection.closed, ANSWER_WITHIN_MS)).toBe(true);
    expect(connection.received()).toMatch(/^HTTP\/1.1 413 /);
  });

  it('cuts off a body sent to a route that takes none', async () => {
    const head = requestHead('GET', '/healthz', { host: 'x', 'content-length': '100000' });
    const answer = await answerWithoutBody(head);
    expect(answer).toMatch(/^HTTP\/1.1 200 /);
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
  });
});

describe('slow and broken clients', () => {
  it('closes a connection whose headers take longer than the headers timeout', async () => {
    const connection = await openRawConnection(server.url);
    connection.socket.write('GET /healthz HTTP/1.1\r\nhost: x\r\n');
    const drip = setInterval(() => connection.socket.write('x-slow: y\r\n'), 100);
    const closed = await settlesWithin(connection.closed, HEADERS_TIMEOUT_MS + ANSWER_WITHIN_MS);
    clearInterval(drip);
    expect(closed).toBe(true);
    expect(connection.received()).toMatch(/^HTTP\/1.1 408 |^$/);
  });

  it('answers pipelined requests in order on one connection', async () => {
    const connection = await openRawConnection(server.url);
    const { host, ...headers } = await signRequest(server, WM('ListOrganizations'), '{}');
    connection.socket.write(
      requestHead('GET', '/healthz', { host: 'x' }) +
        requestHead('POST', '/', { host: host!, ...headers, 'content-length': '2' }) +
        '{}' +
        requestHead('GET', '/no-such-route', { host: 'x' }) +
        requestHead('GET', '/healthz', { host: 'x' }),
    );
    const statuses = () => connection.received().match(/HTTP\/1.1 \d+/g) ?? [];
    await expect.poll(() => statuses().length, { timeout: ANSWER_WITHIN_MS }).toBe(4);
    expect(statuses()).toEqual(['HTTP/1.1 200', 'HTTP/1.1 200', 'HTTP/1.1 404', 'HTTP/1.1 200']);
    expect(connection.received()).toContain('{"OrganizationSummaries":[]}');
    connection.socket.destroy();
  });

  it('stays healthy and leaks no socket when clients reset mid-body', async () => {
    const pid = server.child.pid!;
    // fetch keeps its connection open for reuse: counted in both figures.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const before = countOpenFiles(pid);
    const head = await signedHeadWithoutBody({}, { 'content-length': '100000' });
    for (let i = 0; i < 20; i++) {
      const connection = await openRawConnection(server.url);
      connection.socket.write(head + 'x'.repeat(1000));
      await new Promise((resolve) => setTimeout(resolve, 10));
      connection.socket.resetAndDestroy();
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await expect.poll(() => countOpenFiles(pid), { timeout: ANSWER_WITHIN_MS }).toBe(before);
  });
});

describe('the connection cap', () => {
  it('refuses connections over MAILPAT_MAX_CONNECTIONS while open ones keep answering', async () => {
    const capped = await startMailpat({ env: { MAILPAT_MAX_CONNECTIONS: '4' } });
    try {
      const keptAlive = await openRawConnection(capped.url);
      const healthz = requestHead('GET', '/healthz', { host: 'x' });
      keptAlive.socket.write(healthz);
      await keptAlive.waitFor('"status":"ok"}', ANSWER_WITHIN_MS);
      const others = await Promise.all(
        Array.from({ length: 10 }, () => openRawConnection(capped.url)),
      );
      const closed = await Promise.all(others.map((c) => settlesWithin(c.closed, 1_000)));
      expect(closed.filter(Boolean).length).toBe(7);
      keptAlive.socket.write(healthz);
      await expect
        .poll(() => keptAlive.received().match(/"status":"ok"/g)?.length, {
          timeout: ANSWER_WITHIN_MS,
        })
        .toBe(2);
      for (const connection of [keptAlive, ...others]) connection.socket.destroy();
    } finally {
      await capped.stop();
    }
  });
});
