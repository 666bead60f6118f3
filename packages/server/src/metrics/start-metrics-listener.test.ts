import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startMetricsListener } from './start-metrics-listener.js';
import type { MetricsListener } from './start-metrics-listener.js';

const listeners: MetricsListener[] = [];
afterEach(async () => {
  await Promise.all(listeners.splice(0).map((listener) => listener.close()));
});

const METRICS = {
  contentType: 'text/plain; version=0.0.4; charset=utf-8',
  render: () => Promise.resolve('mailpat_up 1\n'),
};

async function listen(metrics: typeof METRICS = METRICS) {
  const listener = await startMetricsListener(metrics, { host: '127.0.0.1', port: 0 });
  listeners.push(listener);
  return listener;
}

/** One request to the listener: status, content type and body. */
function send(url: string, method: string, path: string) {
  return new Promise<{ status: number; type: string | undefined; body: string }>(
    (resolve, reject) => {
      const req = request(new URL(path, url), { method }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }),
        );
      });
      req.on('error', reject);
      req.end();
    },
  );
}

describe('startMetricsListener', () => {
  it('should serve GET /metrics with the registry content type, whatever the query', async () => {
    const { url } = await listen();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    for (const path of ['/metrics', '/metrics?name[]=x']) {
      expect(await send(url, 'GET', path)).toEqual({
        status: 200,
        type: METRICS.contentType,
        body: 'mailpat_up 1\n',
      });
    }
  });

  it('should answer HEAD /metrics with the headers only', async () => {
    const { url } = await listen();
    expect(await send(url, 'HEAD', '/metrics')).toEqual({
      status: 200,
      type: METRICS.contentType,
      body: '',
    });
  });

  it.each([
    ['GET', '/'],
    ['GET', '/metrics/'],
    ['GET', '/healthz'],
    ['POST', '/metrics'],
    ['DELETE', '/metrics'],
  ])('should answer %s %s with 404', async (method, path) => {
    const { url } = await listen();
    expect((await send(url, method, path)).status).toBe(404);
  });

  it('should answer 500, without the cause, when reading the metrics fails', async () => {
    const failing = { ...METRICS, render: () => Promise.reject(new Error('collect failed: pg')) };
    const { url } = await listen(failing);
    const answer = await send(url, 'GET', '/metrics');
    expect(answer.status).toBe(500);
    expect(answer.body).not.toContain('pg');
  });

  it('should refuse to start on a port already taken', async () => {
    const { url } = await listen();
    const port = Number(new URL(url).port);
    await expect(startMetricsListener(METRICS, { host: '127.0.0.1', port })).rejects.toThrow(
      /EADDRINUSE/,
    );
  });
});
