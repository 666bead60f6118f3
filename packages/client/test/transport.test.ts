/**
 * The client's transport (node:http(s) on a keep-alive agent) against local servers: one
 * connection for a whole scan, a connection reset mid-scan or mid-body retried, the timeout
 * covering the body, HTTPS trusting NODE_EXTRA_CA_CERTS, and a process that exits after its last
 * call without `destroy()`. The TLS cases run the built client (`npm run build`) in a child.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as HttpsServer, createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestCertificate } from '../../server/test/support/tls-certificate.js';
import { NetworkError, StandardRetryStrategy, TimeoutError, WorkMailClient } from '../src/index.js';

const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
const ORGANIZATION_ID = `m-${'0'.repeat(32)}`;
const DIST_ENTRY = fileURLToPath(new URL('../dist/index.js', import.meta.url));

/** What one request gets: a JSON body, a reset, a body cut short, or a body that stalls. */
type Answer = { body: object } | 'reset' | 'cut-body' | 'stall-body';

interface LocalServer {
  url: string;
  /** The request bodies, as received. */
  bodies: string[];
  /** TCP connections accepted so far. */
  connections(): number;
}

let servers: Server[] = [];
afterEach(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  servers = [];
});

/** Answers the nth request with `answers[n]` (the last one repeats). */
async function serve(
  answers: Answer[],
  server: Server = createServer(),
  host = '127.0.0.1',
): Promise<LocalServer> {
  const bodies: string[] = [];
  let connections = 0;
  server.on('connection', () => connections++);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      bodies.push(Buffer.concat(chunks).toString());
      answer(res, answers[Math.min(bodies.length, answers.length) - 1]!);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const scheme = server instanceof HttpsServer ? 'https' : 'http';
  const authority = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  return { url: `${scheme}://${authority}`, bodies, connections: () => connections };
}

function answer(res: ServerResponse, what: Answer): void {
  if (what === 'reset') return void res.socket?.resetAndDestroy();
  const headers = { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-RequestId': 'r' };
  if (what === 'cut-body' || what === 'stall-body') {
    res.writeHead(200, { ...headers, 'content-length': '1000' });
    res.write('{"PersonalAccessTokenSummaries":[');
    if (what === 'cut-body') setImmediate(() => res.socket?.destroy());
    return;
  }
  res.writeHead(200, headers);
  res.end(JSON.stringify(what.body));
}

/** A page of `count` token summaries, continued by `next` if given. */
function page(first: number, count: number, next?: string): Answer {
  const summaries = Array.from({ length: count }, (_, i) => ({
    PersonalAccessTokenId: `t-${first + i}`,
    DateCreated: 1_700_000_000 + first + i,
  }));
  return { body: { PersonalAccessTokenSummaries: summaries, NextToken: next } };
}

/** A client whose backoff is not waited for. */
function clientFor(url: string, options: { maxAttempts?: number; timeoutMs?: number } = {}) {
  const retryStrategy = new StandardRetryStrategy({
    maxAttempts: options.maxAttempts ?? 3,
    sleep: async () => {},
  });
  return new WorkMailClient({
    endpoint: url,
    credentials: CREDENTIALS,
    retryStrategy,
    timeoutMs: options.timeoutMs,
  });
}

/** Every token ID of a full scan, page by page. */
async function scan(client: WorkMailClient): Promise<string[][]> {
  const pages = client
    .getPaginator('list_personal_access_tokens')
    .paginate({ OrganizationId: ORGANIZATION_ID, PaginationConfig: { PageSize: 2 } });
  const ids: string[][] = [];
  for await (const { PersonalAccessTokenSummaries } of pages) {
    ids.push((PersonalAccessTokenSummaries ?? []).map((s) => s.PersonalAccessTokenId!));
  }
  return ids;
}

describe('WorkMailClient transport', () => {
  it('sends every page of a scan on one kept-alive connection', async () => {
    const server = await serve([page(0, 2, 'a'), page(2, 2, 'b'), page(4, 1)]);
    const client = clientFor(server.url);
    expect(await scan(client)).toEqual([['t-0', 't-1'], ['t-2', 't-3'], ['t-4']]);
    expect(server.bodies).toHaveLength(3);
    expect(server.connections()).toBe(1);
  });

  it('retries a page whose connection is reset mid-scan, on a new connection', async () => {
    const server = await serve([page(0, 2, 'a'), 'reset', page(2, 1)]);
    const client = clientFor(server.url);
    expect(await scan(client)).toEqual([['t-0', 't-1'], ['t-2']]);
    expect(server.bodies.map((body) => JSON.parse(body).NextToken)).toEqual([undefined, 'a', 'a']);
    expect(server.connections()).toBe(2);
  });

  it('retries a response whose connection closes before the body is complete', async () => {
    const server = await serve(['cut-body', page(0, 1)]);
    const output = await clientFor(server.url).listPersonalAccessTokens({
      OrganizationId: ORGANIZATION_ID,
    });
    expect(output.PersonalAccessTokenSummaries?.[0]?.DateCreated).toEqual(
      new Date(1_700_000_000_000),
    );
    expect(output.$metadata.attempts).toBe(2);
  });

  it('fails with a NetworkError, not a parse error, on a cut body without retries', async () => {
    const server = await serve(['cut-body']);
    const error = await clientFor(server.url, { maxAttempts: 1 })
      .listPersonalAccessTokens({ OrganizationId: ORGANIZATION_ID })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ $metadata: { attempts: 1 } });
  });

  it('times out a response whose body stalls after the headers', async () => {
    const server = await serve(['stall-body']);
    const error = await clientFor(server.url, { maxAttempts: 1, timeoutMs: 200 })
      .listPersonalAccessTokens({ OrganizationId: ORGANIZATION_ID })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it('connects to an IPv6 endpoint, whose URL hostname is bracketed', async () => {
    const server = await serve([page(0, 1)], createServer(), '::1');
    expect(server.url).toMatch(/^http:\/\/\[::1\]:\d+$/);
    const output = await clientFor(server.url).listPersonalAccessTokens({
      OrganizationId: ORGANIZATION_ID,
    });
    expect(output.PersonalAccessTokenSummaries).toHaveLength(1);
  });

  it('rejects, with a NetworkError as under fetch, a header node refuses to send', async () => {
    const server = await serve([page(0, 1)]);
    const client = new WorkMailClient({
      endpoint: server.url,
      credentials: CREDENTIALS,
      region: 'us-east-1\n',
      maxAttempts: 1,
    });
    const error = await client.listOrganizations().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(server.bodies).toEqual([]);
  });

  it('opens new connections after destroy()', async () => {
    const server = await serve([page(0, 1)]);
    const client = clientFor(server.url);
    await client.listPersonalAccessTokens({ OrganizationId: ORGANIZATION_ID });
    client.destroy();
    await client.listPersonalAccessTokens({ OrganizationId: ORGANIZATION_ID });
    expect(server.connections()).toBe(2);
  });
});

/** Runs one ListOrganizations with the built client in a fresh node; its outcome as JSON. */
async function callInChild(url: string, env: NodeJS.ProcessEnv) {
  const script = `
    import { WorkMailClient } from ${JSON.stringify(DIST_ENTRY)};
    const client = new WorkMailClient({
      endpoint: ${JSON.stringify(url)},
      credentials: ${JSON.stringify(CREDENTIALS)},
      maxAttempts: 1,
    });
    // No destroy(): the kept-alive connection must not keep this process alive.
    const outcome = await client.listOrganizations().then(
      (output) => ({ ok: output.OrganizationSummaries }),
      (error) => ({ error: error.name, message: error.message }),
    );
    console.log(JSON.stringify(outcome));
  `;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--input-type=module', '-e', script],
    // A guard against a hang, not a measurement.
    { env, timeout: 20_000 },
  );
  return JSON.parse(stdout) as { ok?: unknown; error?: string; message?: string };
}

describe('WorkMailClient over HTTPS', () => {
  const certificate = makeTestCertificate();

  async function serveTls() {
    const server = createHttpsServer({
      cert: readFileSync(certificate.certFile),
      key: readFileSync(certificate.keyFile),
      // Longer than the guard above: only the client's own idle handling lets the child exit.
      keepAliveTimeout: 60_000,
    });
    return serve([{ body: { OrganizationSummaries: [] } }], server);
  }

  it('trusts the CA in NODE_EXTRA_CA_CERTS, and the process exits after its call', async () => {
    const server = await serveTls();
    const outcome = await callInChild(server.url, {
      ...process.env,
      NODE_EXTRA_CA_CERTS: certificate.caFile,
    });
    expect(outcome).toEqual({ ok: [] });
  });

  it('refuses a certificate no trusted CA signed, as a NetworkError', async () => {
    const server = await serveTls();
    const { NODE_EXTRA_CA_CERTS: _ignored, ...env } = process.env;
    const outcome = await callInChild(server.url, env);
    expect(outcome).toMatchObject({ error: 'NetworkError', message: /self[- ]signed/ });
    expect(server.bodies).toEqual([]);
  });
});
