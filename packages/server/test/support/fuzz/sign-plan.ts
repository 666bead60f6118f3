/**
 * Turns a plan into the headers it is sent with: signed with SigV4, then given its signing defect.
 * @module
 */
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { SigningTarget } from '../signed-request.js';
import type { RequestPlan } from './request-plan.js';

/** Header lines in order; a name may repeat. */
export type HeaderLines = [string, string][];

const signers = new Map<string, SignatureV4>();

function signerFor(accessKeyId: string, secretAccessKey: string, service: string): SignatureV4 {
  const key = `${accessKeyId}\n${secretAccessKey}\n${service}`;
  let signer = signers.get(key);
  if (signer === undefined) {
    signer = new SignatureV4({
      service,
      region: 'us-east-1',
      sha256: Hash.bind(null, 'sha256'),
      credentials: { accessKeyId, secretAccessKey },
    });
    signers.set(key, signer);
  }
  return signer;
}

/** The plan's headers (Host first) and the body bytes to send, signing defect applied. */
export async function signPlan(
  server: SigningTarget,
  plan: RequestPlan,
  body: Buffer,
): Promise<{ headers: HeaderLines; body: Buffer; path: string }> {
  const host = new URL(server.url).host;
  const base: Record<string, string> = { host };
  if (plan.contentType !== undefined) base['content-type'] = plan.contentType;
  if (plan.target !== undefined) base['x-amz-target'] = plan.target;
  if (plan.signing === 'session-token') base['x-amz-security-token'] = 'FwoGZXIvYXdzEFUZZ';
  if (plan.signing === 'unsent-signed-header') base['x-fuzz-signed'] = '1';
  if (plan.signing === 'unsigned') return { headers: Object.entries(base), body, path: plan.path };
  const secret =
    plan.signing === 'wrong-secret' ? `${server.secretAccessKey}x` : server.secretAccessKey;
  const keyId = plan.signing === 'unknown-key' ? 'AKIAFUZZUNKNOWN00000' : server.accessKeyId;
  const service = plan.signing === 'other-service' ? 's3' : 'workmail';
  const offset = { expired: -20 * 60_000, future: 20 * 60_000 }[plan.signing as string] ?? 0;
  const [pathOnly] = plan.path.split('?', 1);
  const request = new HttpRequest({
    method: plan.method,
    protocol: 'http:',
    hostname: host,
    path: pathOnly!,
    headers: base,
    body,
  });
  const signed = await signerFor(keyId, secret, service).sign(request, {
    signingDate: new Date(Date.now() + offset),
  });
  return applyDefect(plan, Object.entries(signed.headers), body);
}

function applyDefect(
  plan: RequestPlan,
  headers: HeaderLines,
  body: Buffer,
): { headers: HeaderLines; body: Buffer; path: string } {
  const { tweak } = plan;
  const auth = headers.find(([name]) => name === 'authorization')!;
  let path = plan.path;
  switch (plan.signing) {
    case 'tampered-body':
      // Trailing whitespace keeps the JSON's meaning: only the signature can catch it.
      return { headers, body: Buffer.concat([body, Buffer.from(' ')]), path };
    case 'tampered-target':
      return {
        headers: headers.map(([n, v]) =>
          n === 'x-amz-target'
            ? [
                n,
                `${v.startsWith('Mailpat') ? 'WorkMailService' : 'MailpatService'}.ListOrganizations`,
              ]
            : [n, v],
        ),
        body,
        path,
      };
    case 'truncated-authorization':
      auth[1] = auth[1].slice(0, tweak % auth[1].length);
      break;
    case 'garbled-signature': {
      const i = auth[1].length - 1 - (tweak % 64);
      const digit = auth[1][i]!;
      auth[1] = auth[1].slice(0, i) + (digit === '0' ? '1' : '0') + auth[1].slice(i + 1);
      break;
    }
    case 'dropped-part': {
      const parts = auth[1].split(', ');
      parts.splice(tweak % 3, 1);
      auth[1] = parts.join(', ');
      break;
    }
    case 'repeated-part': {
      const parts = auth[1].split(', ');
      auth[1] = [...parts, parts[tweak % 3]!.replace(/^AWS4-HMAC-SHA256 /, '')].join(', ');
      break;
    }
    case 'duplicate-authorization':
      headers.push([auth[0], auth[1]]);
      break;
    case 'duplicate-date':
      headers.push(headers.find(([name]) => name === 'x-amz-date')!);
      break;
    case 'missing-date':
      headers = headers.filter(([name]) => name !== 'x-amz-date');
      break;
    case 'unsent-signed-header':
      headers = headers.filter(([name]) => name !== 'x-fuzz-signed');
      break;
    case 'presigned-query':
      path = `${plan.path}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=${'0'.repeat(64)}`;
      break;
  }
  return { headers, body, path };
}
