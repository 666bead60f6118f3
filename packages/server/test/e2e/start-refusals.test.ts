/**
 * What stops `mailpat serve` before it serves anything: secrets too short to be secrets, half a
 * TLS setup, certificate files that cannot be used.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attemptServe } from '../support/serve-refusal.js';
import { makeTestCertificate } from '../support/tls-certificate.js';

const ROOT_KEY_ID = 'AKIASTARTREFUSAL2345';

describe('mailpat serve refuses to start', () => {
  it('with a MAILPAT_ROOT_SECRET_ACCESS_KEY shorter than 16 characters', async () => {
    const attempt = await attemptServe([], {
      MAILPAT_ROOT_ACCESS_KEY_ID: ROOT_KEY_ID,
      MAILPAT_ROOT_SECRET_ACCESS_KEY: 'fifteen-chars-x',
    });
    expect(attempt).toMatchObject({ served: false, code: 1 });
    expect(attempt.stderr).toContain(
      'MAILPAT_ROOT_SECRET_ACCESS_KEY must be at least 16 characters long.',
    );
    expect(attempt.stdout + attempt.stderr).not.toContain('fifteen-chars-x');
    // Refused before the database is opened: nothing is left behind.
    expect(existsSync(join(attempt.dataDir, 'mailpat.db'))).toBe(false);
  });

  it('with a MAILPAT_INTROSPECTION_CLIENT_SECRET shorter than 16 characters', async () => {
    const attempt = await attemptServe([], {
      MAILPAT_INTROSPECTION_CLIENT_ID: 'dovecot',
      MAILPAT_INTROSPECTION_CLIENT_SECRET: 'short-secret',
    });
    expect(attempt).toMatchObject({ served: false, code: 1 });
    expect(attempt.stderr).toContain(
      'MAILPAT_INTROSPECTION_CLIENT_SECRET must be at least 16 characters long.',
    );
  });

  it.each([
    ['--tls-cert', '--tls-key'],
    ['--tls-key', '--tls-cert'],
  ])('with %s but no %s, naming the missing option', async (given, missing) => {
    const attempt = await attemptServe([given, makeTestCertificate().certFile]);
    expect(attempt).toMatchObject({ served: false, code: 2 });
    expect(attempt.stderr).toContain(`needs ${missing} as well`);
  });

  it('with a certificate file that cannot be read, naming it', async () => {
    const { keyFile } = makeTestCertificate();
    const attempt = await attemptServe([
      '--tls-cert',
      '/nonexistent/cert.pem',
      '--tls-key',
      keyFile,
    ]);
    expect(attempt).toMatchObject({ served: false, code: 1 });
    expect(attempt.stderr).toContain('cannot read --tls-cert /nonexistent/cert.pem: ENOENT');
  });

  it('with a key that is not PEM, or that does not belong to the certificate', async () => {
    const first = makeTestCertificate();
    const second = makeTestCertificate();
    const notPem = `${first.keyFile}.txt`;
    writeFileSync(notPem, 'not a key\n');
    for (const keyFile of [notPem, second.keyFile]) {
      const attempt = await attemptServe(['--tls-cert', first.certFile, '--tls-key', keyFile]);
      expect(attempt).toMatchObject({ served: false, code: 1 });
      expect(attempt.stderr).toContain(
        `--tls-cert ${first.certFile} and --tls-key ${keyFile} are not a PEM certificate chain ` +
          'and its private key',
      );
    }
  });
});
