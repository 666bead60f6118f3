/**
 * Test helper for the differential test: signs request plans with smithy's SignatureV4 (in
 * process) and with botocore's SigV4Auth (one python process for the whole batch).
 * @module
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { formatAmzDate } from '../amz-date.js';
import type { IncomingSignedRequest } from '../signed-request.js';
import { DIFFERENTIAL_KEYS, writeQuery } from './differential-plans.js';
import type { RequestPlan } from './differential-plans.js';

const BOTOCORE_SIGN = fileURLToPath(new URL('./botocore-sign.py', import.meta.url));
const URL_BASE = 'http://localhost:4566';

/** The plan's headers, plus `x-amz-content-sha256` when the plan signs it. */
function planHeaders(plan: RequestPlan): [string, string][] {
  if (!plan.contentSha256) return plan.headers;
  const hash = createHash('sha256').update(plan.body).digest('hex');
  return [...plan.headers, ['X-Amz-Content-Sha256', hash]];
}

/** Signs as `@aws-sdk/client-workmail` would; a repeated header is signed as its values joined. */
export async function signWithSmithy(plan: RequestPlan): Promise<IncomingSignedRequest> {
  const lines = planHeaders(plan);
  const headers: Record<string, string> = {};
  for (const [name, value] of lines) {
    const previous = Object.hasOwn(headers, name) ? headers[name] : undefined;
    Object.defineProperty(headers, name, {
      value: previous === undefined ? value : `${previous},${value}`,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of plan.query) {
    const previous = Object.hasOwn(query, name) ? query[name] : undefined;
    const next = previous === undefined ? value : [previous, value].flat();
    Object.defineProperty(query, name, { value: next, enumerable: true, writable: true });
  }
  const signer = new SignatureV4({
    credentials: DIFFERENTIAL_KEYS[plan.key],
    region: plan.region,
    service: 'workmail',
    sha256: Hash.bind(null, 'sha256'),
    applyChecksum: false,
  });
  const request = new HttpRequest({
    method: plan.method,
    path: plan.path,
    query,
    headers,
    body: plan.body,
  });
  const signed = await signer.sign(request, { signingDate: new Date(plan.dateMs) });
  const sent = new Set(lines.map(([name]) => name));
  const added = Object.entries(signed.headers).filter(([name]) => !sent.has(name));
  return {
    method: plan.method,
    path: plan.path + writeQuery(plan),
    rawHeaders: [...lines, ...added].flat(),
    body: Buffer.from(plan.body),
  };
}

/**
 * Signs every plan with botocore in one python process; a plan botocore cannot sign (it
 * happens with odd URLs) comes back undefined.
 */
export async function signWithBotocore(
  plans: readonly RequestPlan[],
): Promise<Array<IncomingSignedRequest | undefined>> {
  const input = plans.map((plan) =>
    JSON.stringify({
      ...DIFFERENTIAL_KEYS[plan.key],
      region: plan.region,
      method: plan.method,
      // botocore reads the path from a URL, which needs the leading '/'.
      url: `${URL_BASE}${plan.path.startsWith('/') ? '' : '/'}${plan.path}${writeQuery(plan)}`,
      headers: planHeaders(plan),
      body: plan.body,
      amzDate: formatAmzDate(plan.dateMs),
    }),
  );
  const output = await runPython(`${input.join('\n')}\n`);
  return output.map((line, index) => {
    const result = JSON.parse(line) as { headers?: [string, string][] };
    const plan = plans[index] as RequestPlan;
    if (result.headers === undefined) return undefined;
    return {
      method: plan.method,
      path: plan.path + writeQuery(plan),
      rawHeaders: result.headers.flat(),
      body: Buffer.from(plan.body),
    };
  });
}

function runPython(stdin: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [BOTOCORE_SIGN, '--batch'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`botocore-sign.py --batch exited with ${code}`));
      else resolve(Buffer.concat(chunks).toString('utf8').trimEnd().split('\n'));
    });
    child.stdin.end(stdin);
  });
}
