import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseUnavailableError } from '../storage/storage-errors.js';
import { generateTokenSecret } from '../tokens/token-secret.js';
import { createIntrospectionHandler } from './handle-introspection.js';

const CLIENT = { id: 'dovecot', secret: 's' };
const servers: ReturnType<typeof createServer>[] = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

/** A real HTTP server around the handler, with a store whose lookup fails as told. */
async function serve(findLoginSubject: () => Promise<never>) {
  const handler = createIntrospectionHandler({
    store: { findLoginSubject },
    client: CLIENT,
    recorder: { recordUse: () => undefined, recordRefusal: () => undefined },
    log: { info: () => undefined, error: () => undefined },
  });
  const server = createServer((req, res) => void handler(req, res));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return (token: string) =>
    fetch(`http://127.0.0.1:${port}/oauth2/introspect`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from('dovecot:s').toString('base64')}` },
      body: new URLSearchParams({ token }),
    });
}

describe('createIntrospectionHandler', () => {
  it('answers 503, never active:false, while the database is unreachable', async () => {
    const post = await serve(() => Promise.reject(new DatabaseUnavailableError('down')));
    const response = await post(generateTokenSecret());
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: 'temporarily_unavailable' });
  });

  it('answers a bad checksum without reading the database', async () => {
    const post = await serve(() => Promise.reject(new Error('must not be called')));
    const response = await post(`mpat_${'x'.repeat(33)}zzzzzz`);
    expect(await response.json()).toEqual({ active: false });
  });

  it('answers 500 server_error, without details, when the lookup fails unexpectedly', async () => {
    const post = await serve(() => Promise.reject(new Error('secret detail')));
    const response = await post(generateTokenSecret());
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('secret detail');
  });
});
