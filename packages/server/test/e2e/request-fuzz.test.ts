/**
 * The request fuzz run: generated requests (valid signed calls of every operation mixed with
 * hostile ones) against a real `mailpat serve`. No answer is a 500 or outside the AWS JSON error
 * format, the process survives, and no refused request changes a row of the database.
 * `npm test` runs a short version; `npm run test:soak` sends 100,000 (FUZZ_REQUESTS), and
 * FUZZ_SEED replays a run.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgWithUsers, createToken } from '../support/fixtures.js';
import { openDataDigest } from '../support/fuzz/data-digest.js';
import type { DataDigest } from '../support/fuzz/data-digest.js';
import { readFuzzSettings } from '../support/fuzz/fuzz-settings.js';
import { fuzzRequest } from '../support/fuzz/fuzz-request.js';
import { loadWorld } from '../support/fuzz/fuzz-world.js';
import { OutcomeTally } from '../support/fuzz/outcome-tally.js';
import { createFuzzAgent } from '../support/fuzz/send-plan.js';
import type { FuzzRun } from '../support/fuzz/run-fuzz-batch.js';
import { runFuzzBatch } from '../support/fuzz/run-fuzz-batch.js';
import type { MailpatProcess } from '../support/mailpat-process.js';
import { startMailpat } from '../support/mailpat-process.js';

const settings = readFuzzSettings(3_000);
const backend = process.env.MAILPAT_E2E_BACKEND === 'postgres' ? 'postgresql' : 'sqlite';

let server: MailpatProcess;
let digest: DataDigest;
let run: FuzzRun;

beforeAll(async () => {
  server = await startMailpat();
  for (const userCount of [3, 2, 1]) {
    const org = await createOrgWithUsers(server, userCount);
    for (const [i, user] of org.users.entries()) {
      await createToken(server, org.organizationId, user.id, `t${i}`);
    }
  }
  digest = await openDataDigest(server);
  run = {
    server,
    agent: createFuzzAgent(settings.concurrency),
    digest,
    tally: new OutcomeTally(10_000),
    concurrency: settings.concurrency,
    world: await loadWorld(server),
    worldStale: false,
  };
});

afterAll(async () => {
  run?.agent.destroy();
  await digest?.close();
  expect(await server?.stop()).toBe(0);
});

const TEST_TIMEOUT_MS = 60_000 + settings.requests * 20;

describe('request fuzz', () => {
  it(
    'answers every generated request without a 500, and no refused request changes data',
    async () => {
      console.log(`fuzz seed ${settings.seed} (FUZZ_SEED=${settings.seed} replays this run)`);
      const batch = fc.array(fuzzRequest(), {
        minLength: 1,
        maxLength: settings.batchSize,
        size: 'max',
      });
      // Shrinking replays batches against a server whose data has moved on, so it can run long:
      // the first failure is printed at once, and shrinking stops in time to report what it has.
      let firstFailure = true;
      const property = fc.asyncProperty(batch, (plans) =>
        runFuzzBatch(run, plans).catch((error: unknown) => {
          if (firstFailure) console.error(`first failure (seed ${settings.seed}):`, error);
          firstFailure = false;
          throw error;
        }),
      );
      const deadline = Date.now() + TEST_TIMEOUT_MS - 15_000;
      // fast-check draws batch lengths; rounds continue (seed + round) until enough were sent.
      for (let round = 0; run.tally.total < settings.requests; round++) {
        const remaining = settings.requests - run.tally.total;
        await fc.assert(property, {
          seed: settings.seed + round,
          numRuns: Math.max(1, Math.ceil(remaining / (settings.batchSize / 2))),
          interruptAfterTimeLimit: Math.max(1_000, deadline - Date.now()),
          markInterruptAsFailure: true,
        });
      }
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      console.log(run.tally.summary(backend));
      expect(run.tally.total).toBeGreaterThanOrEqual(settings.requests);
    },
    TEST_TIMEOUT_MS,
  );
});
