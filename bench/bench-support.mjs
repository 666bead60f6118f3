// What the benchmarks share: seeding an organization with `mailpat seed`, starting a process
// (mailpat serve, or the bare yardstick server) that prints `listening on http://...`, and signed
// admin API calls.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const MAILPAT_BIN = join(BENCH_DIR, '../packages/server/bin/mailpat.js');
export const BENCH_CREDENTIALS = {
  accessKeyId: 'AKIABENCHMARK0000001',
  secretAccessKey: 'bench-secret-access-key-0000000000000000',
};

/**
 * Seeds `tokens` tokens over 100 users into a fresh data dir (SQLite there, or the database at
 * `databaseUrl`); returns where and how long.
 */
export function seedOrganization(tokens, prefix = 'mailpat-bench-', databaseUrl = undefined) {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const start = performance.now();
  const out = execFileSync(
    process.execPath,
    [
      MAILPAT_BIN,
      'seed',
      '--data-dir',
      dataDir,
      ...(databaseUrl ? ['--database', databaseUrl] : []),
      '--tokens',
      String(tokens),
      '--users',
      '100',
    ],
    { encoding: 'utf8' },
  );
  const seedSeconds = (performance.now() - start) / 1000;
  const { OrganizationId } = JSON.parse(out.trim().split('\n').pop());
  return { dataDir, organizationId: OrganizationId, seedSeconds };
}

/** Starts a node script and resolves with the URL of its `listening on` line. */
export function startListening(args, env = {}) {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}`)));
  });
}

/** `mailpat serve --port 0` on the data dir, signed for with BENCH_CREDENTIALS; `env` adds to it. */
export function startMailpat(dataDir, env = {}) {
  return startListening([MAILPAT_BIN, 'serve', '--port', '0', '--data-dir', dataDir], {
    ...env,
    MAILPAT_ROOT_ACCESS_KEY_ID: BENCH_CREDENTIALS.accessKeyId,
    MAILPAT_ROOT_SECRET_ACCESS_KEY: BENCH_CREDENTIALS.secretAccessKey,
  });
}

/** A signed `POST /` of `input` to `target` (SigV4 with BENCH_CREDENTIALS): headers and body. */
export async function signRequest(url, target, input) {
  const { host, hostname, port } = new URL(url);
  const signer = new SignatureV4({
    service: 'workmail',
    region: 'us-east-1',
    sha256: Hash.bind(null, 'sha256'),
    credentials: BENCH_CREDENTIALS,
  });
  const body = JSON.stringify(input);
  const request = new HttpRequest({
    method: 'POST',
    protocol: 'http:',
    hostname,
    port: Number(port),
    path: '/',
    body,
    headers: { host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
  });
  return { headers: (await signer.sign(request)).headers, body };
}

/** One admin API call (AWS JSON 1.1, SigV4 with BENCH_CREDENTIALS) that must succeed. */
export async function callMailpat(url, target, input) {
  const signed = await signRequest(url, target, input);
  const { host: _host, ...headers } = signed.headers;
  const body = signed.body;
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${target}: ${response.status} ${text}`);
  return JSON.parse(text);
}
