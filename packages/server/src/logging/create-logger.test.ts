import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import type { LogSettings } from '../config/log-settings.js';
import { createLogger } from './create-logger.js';

/** A stream that keeps what is written to it. */
function sink() {
  const chunks: string[] = [];
  const stream = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      chunks.push(chunk.toString());
      done();
    },
  });
  return {
    stream,
    text: () => chunks.join(''),
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

async function logTo(settings: Partial<LogSettings> = {}) {
  const stdout = sink();
  const stderr = sink();
  const log = await createLogger(
    { format: 'json', level: 'info', ...settings },
    { stdout: stdout.stream, stderr: stderr.stream },
  );
  return { log, stdout, stderr };
}

describe('createLogger', () => {
  it('writes one JSON object per line with level, time, msg and the given fields', async () => {
    const { log, stdout } = await logTo();
    log.info('api request', { requestId: 'r-1', status: 200 });
    expect(stdout.lines()).toEqual([
      {
        level: 'info',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        pid: process.pid,
        msg: 'api request',
        requestId: 'r-1',
        status: 200,
      },
    ]);
  });

  it('writes info to stdout, warnings and errors to stderr only', async () => {
    const { log, stdout, stderr } = await logTo();
    log.info('one');
    log.warn('two');
    log.error('three', new Error('boom'));
    expect(stdout.lines().map((line) => line.msg)).toEqual(['one']);
    expect(stderr.lines().map((line) => [line.level, line.msg])).toEqual([
      ['warn', 'two'],
      ['error', 'three'],
    ]);
    expect(stderr.lines()[1]!.err).toMatchObject({ type: 'Error', message: 'boom' });
  });

  it('leaves debug out at level info (the method is absent), writes it at level debug', async () => {
    const quiet = await logTo();
    expect(quiet.log.debug).toBeUndefined();
    const verbose = await logTo({ level: 'debug' });
    verbose.log.debug?.('mail login', { status: 200 });
    expect(verbose.stdout.lines()).toMatchObject([{ level: 'debug', msg: 'mail login' }]);
  });

  it('writes only errors at level error', async () => {
    const { log, stdout, stderr } = await logTo({ level: 'error' });
    log.info('hidden');
    log.warn('hidden too');
    log.error('shown');
    expect(stdout.text()).toBe('');
    expect(stderr.lines().map((line) => line.msg)).toEqual(['shown']);
  });

  it('redacts secret-carrying fields, at the top level and one level down', async () => {
    const { log, stdout } = await logTo();
    log.info('fields', {
      password: 'pw-top-level-1',
      Token: 'mpat-like-token',
      user: { Password: 'pw-nested-1', name: 'ann' },
      client: { clientSecret: 'cs-nested-1', client_secret: 'cs-form-1' },
      req: { headers: { authorization: 'AWS4-HMAC-SHA256 Signature=abc', cookie: 's=1' } },
      credentials: { SecretAccessKey: 'sak-nested-1' },
    });
    const text = stdout.text();
    for (const secret of ['pw-top-level-1', 'mpat-like-token', 'pw-nested-1', 'cs-nested-1']) {
      expect(text).not.toContain(secret);
    }
    for (const secret of ['cs-form-1', 'Signature=abc', 's=1', 'sak-nested-1']) {
      expect(text).not.toContain(secret);
    }
    expect(stdout.lines()[0]).toMatchObject({
      password: '[Redacted]',
      user: { Password: '[Redacted]', name: 'ann' },
    });
  });

  it('masks URL passwords and PATs in messages, error messages, stacks and causes', async () => {
    const { log, stderr } = await logTo();
    const url = 'postgres://mailpat:db-pw-in-url@db.example/mailpat';
    const cause = new Error(`connect ${url} refused`);
    log.error(`cannot use ${url}`, new Error(`wrapped ${url}`, { cause }));
    log.warn('token mpat_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789 seen');
    const text = stderr.text();
    expect(text).not.toContain('db-pw-in-url');
    expect(text).not.toContain('AbCdEfGhIjKlMnOpQrStUvWxYz');
    expect(stderr.lines()[0]!.msg).toBe('cannot use postgres://mailpat:***@db.example/mailpat');
    expect(text).toContain('mpat_***');
  });

  it('logs an error whose properties JSON cannot write, its message still masked', async () => {
    const { log, stderr } = await logTo();
    const error = Object.assign(new Error('down: postgres://u:cyclic-pw-1@db/x'), {
      size: 10n,
    });
    log.error('query failed', error);
    expect(stderr.lines()[0]!.err).toMatchObject({
      type: 'Error',
      message: 'down: postgres://u:***@db/x',
    });
    expect(stderr.text()).not.toContain('cyclic-pw-1');
  });

  it('logs a non-Error cause as a masked detail', async () => {
    const { log, stderr } = await logTo();
    log.error('relay refused', 'smtp://u:relay-pw-1@relay.example');
    expect(stderr.lines()[0]).toMatchObject({ detail: 'smtp://u:***@relay.example' });
  });

  it('writes human-readable lines in the pretty format', async () => {
    const { log, stdout } = await logTo({ format: 'pretty' });
    log.info('mailpat listening on http://127.0.0.1:8080');
    // pino-pretty writes through a stream pipeline: the line arrives a few ticks later.
    await vi.waitFor(() => expect(stdout.text()).toContain('listening on'));
    expect(stdout.text()).toMatch(/INFO.*mailpat listening on http:\/\/127\.0\.0\.1:8080\n/);
    expect(stdout.text()).not.toContain('{"level"');
  });
});
