/** The retry policy against a local HTTP server: what is retried, how often, how long it waits. */
import { afterEach, describe, expect, it } from 'vitest';
import {
  InvalidParameterException,
  NetworkError,
  ServiceUnavailableException,
  StandardRetryStrategy,
  ThrottlingException,
  TimeoutError,
  WorkMailClient,
  WorkMailServiceException,
} from '../src/index.js';
import type { ScriptedAnswer, ScriptedServer } from '../../../test-support/scripted-server.js';
import { awsError, startScriptedServer } from '../../../test-support/scripted-server.js';

const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
const OK: ScriptedAnswer = { status: 200, body: { OrganizationSummaries: [] } };

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A client whose backoff sleeps are recorded, not waited (random fixed at 0.5). */
function recordingClient(url: string, options: { maxAttempts?: number; timeoutMs?: number } = {}) {
  const sleeps: number[] = [];
  const retryStrategy = new StandardRetryStrategy({
    maxAttempts: options.maxAttempts ?? 3,
    random: () => 0.5,
    sleep: async (ms) => void sleeps.push(ms),
  });
  const client = new WorkMailClient({
    endpoint: url,
    credentials: CREDENTIALS,
    retryStrategy,
    timeoutMs: options.timeoutMs,
  });
  return { client, sleeps };
}

async function serve(...answers: ScriptedAnswer[]) {
  server = await startScriptedServer(answers);
  return server;
}

describe('WorkMailClient retries', () => {
  it('retries a 503 twice and resolves with the third answer', async () => {
    const unavailable = awsError(503, 'ServiceUnavailableException');
    const { url, requests } = await serve(unavailable, unavailable, OK);
    const { client, sleeps } = recordingClient(url);
    const output = await client.listOrganizations();
    expect(requests).toHaveLength(3);
    expect(output.OrganizationSummaries).toEqual([]);
    expect(output.$metadata).toEqual({
      httpStatusCode: 200,
      requestId: 'req-3',
      attempts: 3,
      totalRetryDelay: 50 + 100,
    });
    // random() = 0.5: half of min(20 s, 100 ms * 2^(n-1)).
    expect(sleeps).toEqual([50, 100]);
  });

  it('gives up after maxAttempts with the last error, attempts and delays recorded', async () => {
    const { url, requests } = await serve(awsError(503, 'ServiceUnavailableException', 'busy'));
    const { client, sleeps } = recordingClient(url, { maxAttempts: 4 });
    const error = await client.listOrganizations().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnavailableException);
    expect(error).toMatchObject({
      name: 'ServiceUnavailableException',
      message: 'busy',
      $fault: 'server',
      $metadata: { httpStatusCode: 503, requestId: 'req-4', attempts: 4, totalRetryDelay: 350 },
    });
    expect(requests).toHaveLength(4);
    expect(sleeps).toEqual([50, 100, 200]);
  });

  it('retries throttling: ThrottlingException and a bare 429', async () => {
    const { url, requests } = await serve(
      awsError(400, 'ThrottlingException'),
      { status: 429 },
      OK,
    );
    const { client } = recordingClient(url);
    const output = await client.listOrganizations();
    expect(requests).toHaveLength(3);
    expect(output.$metadata.attempts).toBe(3);
  });

  it('retries any 5xx, even without an error code or JSON body', async () => {
    const { url, requests } = await serve({ status: 502, body: '<html>bad gateway</html>' }, OK);
    const { client } = recordingClient(url);
    await client.listOrganizations();
    expect(requests).toHaveLength(2);
  });

  it('never retries a client error', async () => {
    const { url, requests } = await serve(awsError(400, 'InvalidParameterException', 'no'));
    const { client, sleeps } = recordingClient(url);
    const error = await client.listOrganizations().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidParameterException);
    expect(error).toMatchObject({ $metadata: { attempts: 1, totalRetryDelay: 0 } });
    expect(requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('does not retry when maxAttempts is 1', async () => {
    const { url, requests } = await serve(awsError(400, 'ThrottlingException'));
    const client = new WorkMailClient({ endpoint: url, credentials: CREDENTIALS, maxAttempts: 1 });
    await expect(client.listOrganizations()).rejects.toBeInstanceOf(ThrottlingException);
    expect(requests).toHaveLength(1);
  });

  it('waits for real between attempts, within the full-jitter bound', async () => {
    const { url, requests } = await serve(awsError(500, 'InternalFailure'), OK);
    const client = new WorkMailClient({ endpoint: url, credentials: CREDENTIALS });
    const output = await client.listOrganizations();
    const waited = requests[1]!.receivedAt - requests[0]!.receivedAt;
    expect(output.$metadata.totalRetryDelay).toBeGreaterThanOrEqual(0);
    expect(output.$metadata.totalRetryDelay).toBeLessThan(100);
    expect(waited).toBeGreaterThanOrEqual(output.$metadata.totalRetryDelay! - 5);
  });

  it('times out a stalled attempt, retries it, then fails with TimeoutError', async () => {
    const { url, requests } = await serve('stall');
    const { client, sleeps } = recordingClient(url, { timeoutMs: 150 });
    const started = Date.now();
    const error = await client.listOrganizations().catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({
      name: 'TimeoutError',
      $metadata: { attempts: 3, totalRetryDelay: 150 },
    });
    expect(error).not.toBeInstanceOf(WorkMailServiceException);
    expect(requests).toHaveLength(3);
    expect(sleeps).toEqual([50, 100]);
    expect(elapsed).toBeGreaterThanOrEqual(3 * 150 - 20);
    expect(elapsed).toBeLessThan(5_000);
  });

  it('recovers when a stalled attempt is followed by an answer', async () => {
    const { url } = await serve('stall', OK);
    const { client } = recordingClient(url, { timeoutMs: 100 });
    const output = await client.listOrganizations();
    expect(output.$metadata.attempts).toBe(2);
  });

  it('retries a dropped connection as a NetworkError', async () => {
    const { url, requests } = await serve('destroy', OK);
    const { client } = recordingClient(url);
    const output = await client.listOrganizations();
    expect(requests).toHaveLength(2);
    expect(output.$metadata.attempts).toBe(2);
  });

  it('fails with a NetworkError when nothing listens', async () => {
    const closed = await startScriptedServer([OK]);
    await closed.close();
    const { client, sleeps } = recordingClient(closed.url);
    const error = await client.listOrganizations().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).message).toMatch(/ECONNREFUSED/);
    expect(error).toMatchObject({ $metadata: { attempts: 3 } });
    expect(sleeps).toHaveLength(2);
  });

  it("stops at once when the caller's signal aborts", async () => {
    const { url, requests } = await serve('stall');
    const { client } = recordingClient(url, { timeoutMs: 10_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('caller gave up')), 100);
    await expect(client.listOrganizations({}, { abortSignal: controller.signal })).rejects.toThrow(
      'caller gave up',
    );
    expect(requests).toHaveLength(1);
  });
});
