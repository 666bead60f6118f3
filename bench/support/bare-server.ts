/**
 * The yardstick of the wrk benchmarks: bench/bare-server.mjs, a bare `node:http` server sending
 * the bytes of one recorded mailpat answer, started as its own process.
 *
 * @module
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BARE_SERVER = fileURLToPath(new URL('../bare-server.mjs', import.meta.url));

/** The answer the bare server sends to every request. */
export interface RecordedAnswer {
  body: string;
  /** Without Content-Length, Date and connection headers: node:http writes its own. */
  headers: Record<string, string>;
}

/** A running bare server. */
export interface BareServer {
  url: string;
  /** SIGTERM; resolves once it exited. */
  stop(): Promise<void>;
}

/** Starts the bare server on a free loopback port; resolves once it listens. */
export async function startBareServer(answer: RecordedAnswer): Promise<BareServer> {
  const answerFile = join(mkdtempSync(join(tmpdir(), 'mailpat-bench-bare-')), 'answer.json');
  writeFileSync(answerFile, JSON.stringify(answer));
  const child = spawn(process.execPath, [BARE_SERVER, answerFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`${BARE_SERVER} exited ${code}`)));
  });
  return {
    url,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
