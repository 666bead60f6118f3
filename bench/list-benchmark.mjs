// `npm run bench`: ListPersonalAccessTokens (MaxResults=100, SigV4-signed) on an organization of
// 100,000 seeded tokens, under wrk, against a bare node:http server sending the same bytes; and a
// page near the end of the 100,000 against the first page. Prints a JSON report.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BENCH_DIR,
  seedOrganization,
  signRequest,
  startListening,
  startMailpat,
} from './bench-support.mjs';

const TOKENS = Number(process.env.BENCH_TOKENS ?? 100_000);
const DURATION = process.env.BENCH_DURATION ?? '10s';
const CONNECTIONS = process.env.BENCH_CONNECTIONS ?? '32';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

function requireWrk() {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
  } catch (error) {
    if (error.code === 'ENOENT') {
      console.error('The benchmark needs wrk: apt-get install -y wrk');
      process.exit(1);
    }
  }
}

const sign = signRequest;

async function send(url, target, input) {
  const { headers, body } = await sign(url, target, input);
  const { host: _host, ...sendable } = headers;
  const response = await fetch(url, { method: 'POST', headers: sendable, body });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${target}: ${response.status} ${text}`);
  return { text, headers: Object.fromEntries(response.headers) };
}

/** Runs wrk replaying one signed request (valid for the 15-minute SigV4 window). */
function runWrk(url, signed, name) {
  const dir = mkdtempSync(join(tmpdir(), 'mailpat-bench-'));
  const script = join(dir, `${name}.lua`);
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
  const out = execFileSync('wrk', ['-t1', `-c${CONNECTIONS}`, `-d${DURATION}`, '-s', script, url], {
    encoding: 'utf8',
  });
  const [, requests, durationUs, non2xx, p99Us] = /RESULT (\d+) (\d+) (\d+) (\d+)/
    .exec(out)
    .map(Number);
  if (non2xx > 0) throw new Error(`${name}: ${non2xx} non-2xx responses`);
  return {
    name,
    requestsPerSecond: Math.round(requests / (durationUs / 1e6)),
    p99Ms: p99Us / 1000,
  };
}

async function main() {
  requireWrk();
  const { dataDir, organizationId: OrganizationId, seedSeconds } = seedOrganization(TOKENS);
  const mailpat = await startMailpat(dataDir);
  try {
    const target = 'WorkMailService.ListPersonalAccessTokens';
    const firstInput = { OrganizationId, MaxResults: 100 };
    const first = await send(mailpat.url, target, firstInput);
    // Walk to the page that starts 100 tokens before the end: the deep page.
    let nextToken = JSON.parse(first.text).NextToken;
    for (let seen = 100; seen < TOKENS - 200; seen += 100) {
      nextToken = JSON.parse(
        (await send(mailpat.url, target, { ...firstInput, NextToken: nextToken })).text,
      ).NextToken;
    }
    const deepInput = { ...firstInput, NextToken: nextToken };

    const responseFile = join(dataDir, 'first-page.json');
    const {
      'content-length': _len,
      date: _date,
      connection: _c,
      'keep-alive': _k,
      ...headers
    } = first.headers;
    writeFileSync(responseFile, JSON.stringify({ body: first.text, headers }));
    const bare = await startListening([join(BENCH_DIR, 'bare-server.mjs'), responseFile]);
    try {
      const firstSigned = await sign(mailpat.url, target, firstInput);
      const deepSigned = await sign(mailpat.url, target, deepInput);
      const runs = [runWrk(mailpat.url, firstSigned, 'warmup')];
      // Interleaved and repeated, so drift of the machine (another process, GC state) hits
      // both pages alike; each case is reported by its best run.
      for (let round = 1; round <= ROUNDS; round++) {
        runs.push(
          runWrk(bare.url, await sign(bare.url, target, firstInput), `bare-node-http#${round}`),
        );
        runs.push(runWrk(mailpat.url, firstSigned, `mailpat-first-page#${round}`));
        runs.push(runWrk(mailpat.url, deepSigned, `mailpat-deep-page#${round}`));
      }
      const best = (prefix) =>
        Math.max(...runs.filter((r) => r.name.startsWith(prefix)).map((r) => r.requestsPerSecond));
      const [bareRps, firstRps, deepRps] = [
        'bare-node-http',
        'mailpat-first-page',
        'mailpat-deep-page',
      ].map(best);
      const report = {
        tokens: TOKENS,
        seedSeconds: Number(seedSeconds.toFixed(2)),
        responseBytes: Buffer.byteLength(first.text),
        wrk: { threads: 1, connections: Number(CONNECTIONS), duration: DURATION, rounds: ROUNDS },
        runs,
        bestRequestsPerSecond: {
          bareNodeHttp: bareRps,
          mailpatFirstPage: firstRps,
          mailpatDeepPage: deepRps,
        },
        ratioToBareNodeHttp: Number((firstRps / bareRps).toFixed(3)),
        firstPageOverDeepPage: Number((firstRps / deepRps).toFixed(3)),
        targets: { ratioToBareNodeHttp: '>= 0.35', firstPageOverDeepPage: '<= 1.2' },
      };
      console.log(JSON.stringify(report, null, 2));
    } finally {
      bare.child.kill('SIGTERM');
    }
  } finally {
    mailpat.child.kill('SIGTERM');
  }
}

await main();
