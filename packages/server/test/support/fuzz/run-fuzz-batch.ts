/**
 * Runs one generated batch: reads and requests built to be refused concurrently, then a digest
 * check; mutations one at a time, each refused one checked against the digest.
 * @module
 */
import type { Agent } from 'node:http';
import type { SigningTarget } from '../signed-request.js';
import { checkResponse } from './check-response.js';
import type { DataDigest } from './data-digest.js';
import type { FuzzWorld } from './fuzz-world.js';
import { loadWorld } from './fuzz-world.js';
import type { OutcomeTally } from './outcome-tally.js';
import type { RequestPlan } from './request-plan.js';
import type { FuzzResponse } from './send-plan.js';
import { sendPlan } from './send-plan.js';

/** The state a fuzz run carries from batch to batch. */
export interface FuzzRun {
  server: SigningTarget;
  agent: Agent;
  digest: DataDigest;
  tally: OutcomeTally;
  concurrency: number;
  world: FuzzWorld;
  /** An accepted mutation since the world was read: read it again before the next batch. */
  worldStale: boolean;
}

const accepted = (response: FuzzResponse) => response.status >= 200 && response.status < 300;

function failure(plan: RequestPlan, response: FuzzResponse, problem: string): Error {
  const sent = JSON.stringify({
    ...plan,
    body: plan.body.slice(0, 500),
    raw: plan.raw?.slice(0, 500),
  });
  return new Error(
    `${problem}: ${sent} answered ${response.status} ${response.text.slice(0, 300)}`,
  );
}

async function sendChecked(
  run: FuzzRun,
  plan: RequestPlan,
  serial: boolean,
): Promise<FuzzResponse> {
  const response = await sendPlan(run.server, run.agent, plan, run.world);
  run.tally.add(response, serial);
  const problem = checkResponse(plan, response);
  if (problem !== undefined) throw failure(plan, response, problem);
  return response;
}

/** Sends the plans with `concurrency` in flight; the first failure stops the rest. */
async function sendConcurrently(run: FuzzRun, plans: RequestPlan[]): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < plans.length) {
      const plan = plans[next++]!;
      try {
        await sendChecked(run, plan, false);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: run.concurrency }, worker));
}

/** Runs a batch; throws what went wrong (a 500, a malformed error, a change by a refusal). */
export async function runFuzzBatch(run: FuzzRun, plans: RequestPlan[]): Promise<void> {
  if (run.worldStale) {
    run.world = await loadWorld(run.server);
    run.worldStale = false;
  }
  const before = await run.digest.read();
  await sendConcurrently(
    run,
    plans.filter((plan) => plan.effect !== 'mutation'),
  );
  let current = await run.digest.read();
  if (current !== before) {
    throw new Error('the data changed during a batch of reads and requests that were refused');
  }
  for (const plan of plans.filter((p) => p.effect === 'mutation')) {
    const response = await sendChecked(run, plan, true);
    const after = await run.digest.read();
    if (after !== current && !accepted(response)) {
      throw failure(plan, response, 'a refused request changed the data');
    }
    if (after !== current) run.worldStale = true;
    current = after;
  }
}
