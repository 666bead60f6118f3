/**
 * Running wrk against a server: the request part of a wrk Lua script in, requests per second and
 * p99 out, read from a `done` hook rather than wrk's human-readable report.
 *
 * @module
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { signRequest } from '../../packages/server/test/support/signed-request.js';
import type { SigningTarget } from '../../packages/server/test/support/signed-request.js';

/** Connections and run length (wrk's `-d`, e.g. `10s`). */
export interface WrkOptions {
  connections: number;
  duration: string;
}

/** One wrk run; latencies in milliseconds. */
export interface WrkRun {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** One request for wrk to send again and again. */
export interface ReplayedRequest {
  headers: Record<string, string>;
  body: string;
}

/** Throws with an install hint when wrk is missing. */
export function requireWrk(): void {
  const probe = spawnSync('wrk', ['--version'], { stdio: 'ignore' });
  if ((probe.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new Error('The benchmark needs wrk: apt-get install -y wrk');
  }
}

/**
 * A signed `POST /` of `input` to `target` on `server`, for replaying: SigV4 accepts it for 15
 * minutes, longer than any run.
 */
export async function signForReplay(
  server: SigningTarget,
  target: string,
  input: unknown,
): Promise<ReplayedRequest> {
  const body = JSON.stringify(input);
  // wrk sends its own Host header, the same value.
  const { host: _host, ...headers } = await signRequest(server, target, body);
  return { headers, body };
}

/** The Lua lines that make wrk send `request` every time. */
export function replayScript(request: ReplayedRequest): string[] {
  return [
    `wrk.method = "POST"`,
    `wrk.body = ${JSON.stringify(request.body)}`,
    ...Object.entries(request.headers).map(
      ([name, value]) => `wrk.headers[${JSON.stringify(name)}] = ${JSON.stringify(value)}`,
    ),
  ];
}

/**
 * Runs `wrk -t1` with the request part `script` against `url`. Any non-2xx answer fails the
 * run: a benchmark of errors measures nothing.
 */
export async function runWrk(
  url: string,
  script: string[],
  name: string,
  options: WrkOptions,
): Promise<WrkRun> {
  const scriptPath = join(mkdtempSync(join(tmpdir(), 'mailpat-bench-wrk-')), 'script.lua');
  writeFileSync(scriptPath, [...script, ...RESULT_HOOK].join('\n'));
  const args = ['-t1', `-c${options.connections}`, `-d${options.duration}`, '-s', scriptPath, url];
  const { stdout } = await promisify(execFile)('wrk', args, { encoding: 'utf8' });
  const result = /RESULT (\d+) (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)/.exec(stdout);
  if (!result) throw new Error(`${name}: no result from wrk:\n${stdout}`);
  const [requests, durationUs, non2xx, p50Us, p90Us, p99Us, maxUs] = result
    .slice(1)
    .map(Number) as [number, number, number, number, number, number, number];
  if (non2xx > 0) throw new Error(`${name}: ${non2xx} non-2xx responses`);
  return {
    name,
    requestsPerSecond: Math.round(requests / (durationUs / 1e6)),
    p50Ms: p50Us / 1000,
    p90Ms: p90Us / 1000,
    p99Ms: p99Us / 1000,
    maxMs: maxUs / 1000,
  };
}

/**
 * wrk's `done` hook: requests, microseconds, non-2xx answers, then p50, p90, p99 and max latency
 * in microseconds.
 */
const RESULT_HOOK = [
  `done = function(summary, latency, requests)`,
  `  io.write(string.format("RESULT %d %d %d %d %d %d %d\\n", summary.requests, summary.duration, summary.errors.status, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))`,
  `end`,
];

/** The best requests per second among the runs whose name starts with `prefix`. */
export function bestOf(runs: WrkRun[], prefix: string): number {
  return Math.max(...runs.filter((r) => r.name.startsWith(prefix)).map((r) => r.requestsPerSecond));
}
