// Running wrk against mailpat: one signed request replayed (valid for the 15-minute SigV4
// window), results read from a `done` hook rather than wrk's human-readable report.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** Exits with an install hint when wrk is missing. */
export function requireWrk() {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
  } catch (error) {
    if (error.code === 'ENOENT') {
      console.error('The benchmark needs wrk: apt-get install -y wrk');
      process.exit(1);
    }
  }
}

/**
 * Replays one signed request (from signRequest) with wrk -t1; resolves with requests per second
 * and p99. Any non-2xx answer fails the run: a benchmark of errors measures nothing.
 */
export async function runWrk(url, signed, name, { connections, duration }) {
  const dir = mkdtempSync(join(tmpdir(), 'mailpat-bench-'));
  const script = join(dir, `${name.replace(/\W/g, '_')}.lua`);
  const { host: _host, ...headers } = signed.headers;
  writeFileSync(
    script,
    [
      `wrk.method = "POST"`,
      `wrk.body = ${JSON.stringify(signed.body)}`,
      ...Object.entries(headers).map(
        ([k, v]) => `wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`,
      ),
      `done = function(summary, latency, requests)`,
      `  io.write(string.format("RESULT %d %d %d %d\\n", summary.requests, summary.duration, summary.errors.status, latency:percentile(99)))`,
      `end`,
    ].join('\n'),
  );
  const { stdout } = await promisify(execFile)(
    'wrk',
    ['-t1', `-c${connections}`, `-d${duration}`, '-s', script, url],
    { encoding: 'utf8' },
  );
  const [, requests, durationUs, non2xx, p99Us] = /RESULT (\d+) (\d+) (\d+) (\d+)/
    .exec(stdout)
    .map(Number);
  if (non2xx > 0) throw new Error(`${name}: ${non2xx} non-2xx responses`);
  return {
    name,
    requestsPerSecond: Math.round(requests / (durationUs / 1e6)),
    p99Ms: p99Us / 1000,
  };
}

/** The best requests per second among the runs whose name starts with `prefix`. */
export function bestOf(runs, prefix) {
  return Math.max(...runs.filter((r) => r.name.startsWith(prefix)).map((r) => r.requestsPerSecond));
}
