/**
 * A local `node:http` server that answers from a script and records what it received: for the
 * client's retry and timeout tests, and the server's check that it accepts the client's signing.
 * @module
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server saw of one request. */
export interface RecordedRequest {
  method: string;
  path: string;
  rawHeaders: string[];
  body: Buffer;
  receivedAt: number;
}

/** One scripted answer: a response, or `stall` (never answer; the client must time out). */
export type ScriptedAnswer =
  { status: number; body?: unknown; headers?: Record<string, string> } | 'stall' | 'destroy';

export interface ScriptedServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** An AWS JSON error answer, shaped as mailpat writes it. */
export function awsError(status: number, code: string, message = `${code} happened`) {
  return {
    status,
    body: { __type: code, message },
    headers: { 'x-amzn-ErrorType': code },
  } satisfies ScriptedAnswer;
}

/** Serves `answers` in order (the last one repeats); every response has a request ID. */
export async function startScriptedServer(answers: ScriptedAnswer[]): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  const stalled: ServerResponse[] = [];
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        rawHeaders: req.rawHeaders,
        body,
        receivedAt: Date.now(),
      });
      const answer = answers[Math.min(requests.length, answers.length) - 1]!;
      if (answer === 'stall') return void stalled.push(res);
      if (answer === 'destroy') return void res.socket?.destroy();
      const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
      res.writeHead(answer.status, {
        'content-type': 'application/x-amz-json-1.1',
        'x-amzn-RequestId': `req-${requests.length}`,
        ...answer.headers,
      });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      for (const res of stalled) res.socket?.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
