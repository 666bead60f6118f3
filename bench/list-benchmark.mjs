// `npm run bench`: ListPersonalAccessTokens (MaxResults=100, SigV4-signed) on an organization of
// 100,000 seeded tokens, under wrk, against a bare node:http server sending the same bytes; and a
// page near the end of the 100,000 against the first page. Prints a JSON report.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BENCH_DIR,
  seedOrganization,
  signRequest,
  startListening,
  startMailpat,
} from './bench-support.mjs';
import { bestOf, requireWrk, runWrk as runWrkWith } from './wrk-support.mjs';

const TOKENS = Number(process.env.BENCH_TOKENS ?? 100_000);
const DURATION = process.env.BENCH_DURATION ?? '10s';
const CONNECTIONS = process.env.BENCH_CONNECTIONS ?? '32';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

const sign = signRequest;

async function send(url, target, input) {
  const { headers, body } = await sign(url, target, input);
  const { host: _host, ...sendable } = headers;
  const response = await fetch(url, { method: 'POST', headers: sendable, body });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${target}: ${response.status} ${text}`);
  return { text, headers: Object.fromEntries(response.headers) };
}

const runWrk = (url, signed, name) =>
  runWrkWith(url, signed, name, { connections: CONNECTIONS, duration: DURATION });

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
      const runs = [await runWrk(mailpat.url, firstSigned, 'warmup')];
      // Interleaved and repeated, so drift of the machine (another process, GC state) hits
      // both pages alike; each case is reported by its best run.
      for (let round = 1; round <= ROUNDS; round++) {
        runs.push(
          await runWrk(
            bare.url,
            await sign(bare.url, target, firstInput),
            `bare-node-http#${round}`,
          ),
        );
        runs.push(await runWrk(mailpat.url, firstSigned, `mailpat-first-page#${round}`));
        runs.push(await runWrk(mailpat.url, deepSigned, `mailpat-deep-page#${round}`));
      }
      const [bareRps, firstRps, deepRps] = [
        'bare-node-http',
        'mailpat-first-page',
        'mailpat-deep-page',
      ].map((prefix) => bestOf(runs, prefix));
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
