/**
 * `npm run bench:client`: pages through all 100,000 seeded tokens of one organization
 * (ListPersonalAccessTokens, 100 per page, SigV4-signed) with (a) @mailpat/client's botocore-style
 * paginator, `client.getPaginator('list_personal_access_tokens').paginate(...)`, and (b)
 * @aws-sdk/client-workmail's `paginateListPersonalAccessTokens({ client, pageSize: 100 })`, both
 * against the same `mailpat serve`. Runs alternate a, b, a, b, ... (BENCH_ROUNDS rounds, default
 * 3) so drift of the machine hits both alike; each client is reported by its best run. Where the
 * time goes: the client's own cost is its CPU time per page (process.cpuUsage of this process,
 * which runs only the clients; the server is a child process), the rest of the wall time per page
 * is the server and the loopback round trip. Prints a JSON report.
 *
 * BENCH_TOKENS, BENCH_PAGE_SIZE and BENCH_ROUNDS shrink it.
 *
 * @module
 */
import { rmSync } from 'node:fs';
import {
  WorkMailClient as SdkWorkMailClient,
  paginateListPersonalAccessTokens as sdkPaginate,
} from '@aws-sdk/client-workmail';
import { WorkMailClient } from '@mailpat/client';
import { it } from 'vitest';
import { startMailpat } from '../packages/server/test/support/mailpat-process.js';
import { seedOrganization } from './support/seed-organization.js';
import { recordReport } from './support/bench-results.js';

const TOKENS = Number(process.env.BENCH_TOKENS ?? 100_000);
const PAGE_SIZE = Number(process.env.BENCH_PAGE_SIZE ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** What both paginators yield, as far as the benchmark reads it. */
type Pages = AsyncIterable<{ PersonalAccessTokenSummaries?: unknown[] }>;

/** One run of one client. */
interface ClientRun {
  name: string;
  items: number;
  pages: number;
  seconds: number;
  itemsPerSecond: number;
  clientCpuMsPerPage: number;
}

/** Walks every page of `pages`; wall time, client CPU, counts. */
async function measure(name: string, pages: Pages): Promise<ClientRun> {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let items = 0;
  let pageCount = 0;
  for await (const page of pages) {
    items += page.PersonalAccessTokenSummaries?.length ?? 0;
    pageCount++;
  }
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  if (items !== TOKENS) throw new Error(`${name}: ${items} items, expected ${TOKENS}`);
  return {
    name,
    items,
    pages: pageCount,
    seconds: Number(seconds.toFixed(3)),
    itemsPerSecond: Math.round(items / seconds),
    clientCpuMsPerPage: Number(((cpu.user + cpu.system) / 1000 / pageCount).toFixed(3)),
  };
}

/** The best run of one client: most items per second, least CPU per page. */
function best(runs: ClientRun[], prefix: string) {
  const mine = runs.filter((run) => run.name.startsWith(`${prefix}#`));
  return {
    itemsPerSecond: Math.max(...mine.map((run) => run.itemsPerSecond)),
    clientCpuMsPerPage: Math.min(...mine.map((run) => run.clientCpuMsPerPage)),
  };
}

it('@mailpat/client paginator against the AWS SDK v3 paginator', async () => {
  const { dataDir, organizationId, seedSeconds } = await seedOrganization({
    tokens: TOKENS,
    prefix: 'mailpat-bench-client-',
  });
  const server = await startMailpat({ dataDir });
  try {
    const credentials = {
      accessKeyId: server.accessKeyId,
      secretAccessKey: server.secretAccessKey,
    };
    const mailpat = new WorkMailClient({ endpoint: server.url, region: 'us-east-1', credentials });
    const sdk = new SdkWorkMailClient({ endpoint: server.url, region: 'us-east-1', credentials });
    // A fresh input per run: the AWS SDK's paginator writes NextToken and MaxResults into the
    // input it is given, which would make a later run start at the last page.
    const input = () => ({ OrganizationId: organizationId });
    const clients: Record<string, () => Pages> = {
      // (a) botocore semantics: PageSize is sent as MaxResults.
      mailpat: () =>
        mailpat
          .getPaginator('list_personal_access_tokens')
          .paginate({ ...input(), PaginationConfig: { PageSize: PAGE_SIZE } }),
      // (b) AWS SDK v3.
      sdk: () => sdkPaginate({ client: sdk, pageSize: PAGE_SIZE }, input()),
    };
    const runs: ClientRun[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [name, pages] of Object.entries(clients)) {
        runs.push(await measure(`${name}#${round}`, pages()));
      }
    }
    sdk.destroy();
    const [bestMailpat, bestSdk] = [best(runs, 'mailpat'), best(runs, 'sdk')];
    const report = {
      tokens: TOKENS,
      pageSize: PAGE_SIZE,
      rounds: ROUNDS,
      seedSeconds: Number(seedSeconds.toFixed(2)),
      node: process.version,
      runs,
      best: { mailpatClient: bestMailpat, awsSdkV3: bestSdk },
      ratioMailpatOverSdk: Number((bestMailpat.itemsPerSecond / bestSdk.itemsPerSecond).toFixed(3)),
      clientCpuRatioMailpatOverSdk: Number(
        (bestMailpat.clientCpuMsPerPage / bestSdk.clientCpuMsPerPage).toFixed(3),
      ),
    };
    recordReport('client-pagination', report);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
