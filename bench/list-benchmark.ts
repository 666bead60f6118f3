/**
 * `npm run bench`: ListPersonalAccessTokens (MaxResults=100, SigV4-signed) on an organization of
 * 100,000 seeded tokens, under wrk, against a bare node:http server sending the same bytes; and a
 * page near the end of the 100,000 against the first page. Prints a JSON report.
 *
 * BENCH_TOKENS, BENCH_DURATION (wrk's `-d`), BENCH_CONNECTIONS and BENCH_ROUNDS shrink it.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { WM } from '../packages/server/test/support/fixtures.js';
import { startMailpat } from '../packages/server/test/support/mailpat-process.js';
import type { MailpatProcess } from '../packages/server/test/support/mailpat-process.js';
import { sendSigned } from '../packages/server/test/support/signed-request.js';
import type { RawResponse } from '../packages/server/test/support/signed-request.js';
import { startBareServer } from './support/bare-server.js';
import type { RecordedAnswer } from './support/bare-server.js';
import { seedOrganization } from './support/seed-organization.js';
import { bestOf, replayScript, requireWrk, runWrk, signForReplay } from './support/wrk.js';
import type { WrkRun } from './support/wrk.js';
import { recordReport } from './support/bench-results.js';

const TOKENS = Number(process.env.BENCH_TOKENS ?? 100_000);
const DURATION = process.env.BENCH_DURATION ?? '10s';
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const TARGET = WM('ListPersonalAccessTokens');

/** One page that must come back 200. */
async function listPage(server: MailpatProcess, input: object): Promise<RawResponse> {
  const response = await sendSigned(server, TARGET, input);
  if (response.status !== 200) throw new Error(`${TARGET}: ${response.status} ${response.text}`);
  return response;
}

/** The input of the page that starts 100 tokens before the end: the deep page. */
async function deepPageInput(server: MailpatProcess, firstInput: object, first: RawResponse) {
  let nextToken = first.body.NextToken;
  for (let seen = 100; seen < TOKENS - 200; seen += 100) {
    nextToken = (await listPage(server, { ...firstInput, NextToken: nextToken })).body.NextToken;
  }
  return { ...firstInput, NextToken: nextToken };
}

/** The first page as the bare server is to send it: node:http writes the per-response headers. */
function recordAnswer(first: RawResponse): RecordedAnswer {
  const {
    'content-length': _length,
    date: _date,
    connection: _connection,
    'keep-alive': _keepAlive,
    ...headers
  } = Object.fromEntries(first.headers);
  return { body: first.text, headers };
}

/** The process's peak resident set (VmHWM) in MiB, from /proc. */
function peakRssMiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
  return kib === undefined ? undefined : Math.round(Number(kib) / 1024);
}

const run = (url: string, script: string[], name: string): Promise<WrkRun> =>
  runWrk(url, script, name, { connections: CONNECTIONS, duration: DURATION });

it('ListPersonalAccessTokens under wrk, against bare node:http', async () => {
  requireWrk();
  const { dataDir, organizationId, seedSeconds } = await seedOrganization({ tokens: TOKENS });
  const mailpat = await startMailpat({ dataDir });
  try {
    const firstInput = { OrganizationId: organizationId, MaxResults: 100 };
    const first = await listPage(mailpat, firstInput);
    const deepInput = await deepPageInput(mailpat, firstInput, first);
    const bare = await startBareServer(recordAnswer(first));
    try {
      const firstScript = replayScript(await signForReplay(mailpat, TARGET, firstInput));
      const deepScript = replayScript(await signForReplay(mailpat, TARGET, deepInput));
      // Signed for the bare server's host, so that it receives the same bytes.
      const bareSigned = await signForReplay({ ...mailpat, url: bare.url }, TARGET, firstInput);
      const runs = [await run(mailpat.url, firstScript, 'warmup')];
      // Interleaved and repeated, so drift of the machine (another process, GC state) hits
      // both pages alike; each case is reported by its best run.
      for (let round = 1; round <= ROUNDS; round++) {
        runs.push(await run(bare.url, replayScript(bareSigned), `bare-node-http#${round}`));
        runs.push(await run(mailpat.url, firstScript, `mailpat-first-page#${round}`));
        runs.push(await run(mailpat.url, deepScript, `mailpat-deep-page#${round}`));
      }
      const [bareRps, firstRps, deepRps] = [
        'bare-node-http',
        'mailpat-first-page',
        'mailpat-deep-page',
      ].map((prefix) => bestOf(runs, prefix)) as [number, number, number];
      const report = {
        tokens: TOKENS,
        seedSeconds: Number(seedSeconds.toFixed(2)),
        responseBytes: Buffer.byteLength(first.text),
        wrk: { threads: 1, connections: CONNECTIONS, duration: DURATION, rounds: ROUNDS },
        runs,
        bestRequestsPerSecond: {
          bareNodeHttp: bareRps,
          mailpatFirstPage: firstRps,
          mailpatDeepPage: deepRps,
        },
        ratioToBareNodeHttp: Number((firstRps / bareRps).toFixed(3)),
        firstPageOverDeepPage: Number((firstRps / deepRps).toFixed(3)),
        targets: { ratioToBareNodeHttp: '>= 0.35', firstPageOverDeepPage: '<= 1.2' },
        serverPeakRssMiB: peakRssMiB(mailpat.child.pid),
      };
      recordReport(TOKENS === 100_000 ? 'list' : `list-${TOKENS}`, report);
    } finally {
      await bare.stop();
    }
  } finally {
    await mailpat.stop();
  }
});
