/**
 * Sends a plan over real HTTP: Node's client on keep-alive connections, or a raw socket for
 * what Node's client will not write (repeated Host, bytes outside header syntax).
 * @module
 */
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import type { SigningTarget } from '../signed-request.js';
import type { FuzzWorld } from './fuzz-world.js';
import type { RequestPlan } from './request-plan.js';
import { resolvePlaceholders } from './request-plan.js';
import type { HeaderLines } from './sign-plan.js';
import { signPlan } from './sign-plan.js';

/** What came back; status 0 when the server closed the connection without an answer. */
export interface FuzzResponse {
  status: number;
  contentType: string | undefined;
  errorType: string | undefined;
  text: string;
}

const RAW_SILENCE_MS = 1_000;

/** One keep-alive agent per fuzz run, `concurrency` sockets at most. */
export function createFuzzAgent(concurrency: number): Agent {
  return new Agent({ keepAlive: true, maxSockets: concurrency });
}

/** Resolves the plan's placeholders, signs it and sends it. */
export async function sendPlan(
  server: SigningTarget,
  agent: Agent,
  plan: RequestPlan,
  world: FuzzWorld,
): Promise<FuzzResponse> {
  const url = new URL(server.url);
  if (plan.raw !== undefined) return sendRaw(url, plan.raw.replaceAll('⟦host⟧', url.host));
  const text = resolvePlaceholders(plan.body, world);
  const bytes = Buffer.from(text, plan.latin1Body ? 'latin1' : 'utf8');
  const target = plan.target === undefined ? undefined : resolvePlaceholders(plan.target, world);
  const signed = await signPlan(server, { ...plan, target }, bytes);
  if (needsRawSocket(signed.headers)) {
    return sendRaw(url, rawRequest(plan.method, signed.path, signed.headers, signed.body));
  }
  return sendWithNode(url, agent, plan.method, signed);
}

/** Node's client refuses control characters and non-latin1 in header values and names. */
function needsRawSocket(headers: HeaderLines): boolean {
  return headers.some(([, value]) => /[^\t\x20-\x7e\x80-\xff]/.test(value));
}

function sendWithNode(
  url: URL,
  agent: Agent,
  method: string,
  signed: { headers: HeaderLines; body: Buffer; path: string },
): Promise<FuzzResponse> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of signed.headers) {
    const previous = headers[name];
    headers[name] = previous === undefined ? value : [previous, value].flat();
  }
  headers['content-length'] = String(signed.body.length);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method, path: signed.path, headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: res.headers['content-type'],
            errorType: res.headers['x-amzn-errortype'] as string | undefined,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    // A reset after a refusal of an over-long body is an answer the server may give.
    req.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' || error.code === 'EPIPE'
        ? resolve({ status: 0, contentType: undefined, errorType: undefined, text: error.code })
        : reject(error),
    );
    req.end(signed.body);
  });
}

function rawRequest(method: string, path: string, headers: HeaderLines, body: Buffer): string {
  const lines = headers.map(([name, value]) => `${name}: ${value}`);
  lines.push(`content-length: ${body.length}`, 'connection: close');
  return `${method} ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n${body.toString('latin1')}`;
}

/**
 * Writes `raw` (latin1) on a fresh connection and reads the first answer. The connection is not
 * half-closed: Node's server drops a request whose client sent FIN before the answer was ready.
 * A request left incomplete by construction gets no answer: status 0 after a second of silence.
 */
function sendRaw(url: URL, raw: string): Promise<FuzzResponse> {
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname, () =>
      socket.write(Buffer.from(raw, 'latin1')),
    );
    let text = '';
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(parseRawResponse(text));
    };
    const timer = setTimeout(finish, RAW_SILENCE_MS);
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (isCompleteResponse(text)) finish();
    });
    socket.on('error', () => undefined);
    socket.on('close', finish);
  });
}

/** Whether `text` holds a whole response: head plus Content-Length bytes, or a last chunk. */
function isCompleteResponse(text: string): boolean {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return false;
  const head = text.slice(0, end);
  const length = /^content-length: *(\d+)/im.exec(head)?.[1];
  if (length !== undefined) return text.length - end - 4 >= Number(length);
  return /^transfer-encoding: *chunked/im.test(head) && text.endsWith('0\r\n\r\n');
}

function parseRawResponse(text: string): FuzzResponse {
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0);
  const end = text.indexOf('\r\n\r\n');
  const head = end < 0 ? text : text.slice(0, end);
  const header = (name: string) => new RegExp(`^${name}: *(.*)$`, 'im').exec(head)?.[1]?.trim();
  return {
    status,
    contentType: header('content-type'),
    errorType: header('x-amzn-errortype'),
    text: end < 0 ? '' : text.slice(end + 4),
  };
}
