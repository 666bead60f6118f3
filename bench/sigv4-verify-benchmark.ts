/**
 * `npm run bench:sigv4`: the CPU cost of verifying one SigV4 request, the hand-written verifier
 * against the smithy-based one it replaced (kept as the test oracle), in interleaved rounds.
 * Prints a JSON report: median and best microseconds per request over the rounds.
 *
 * BENCH_ROUNDS and BENCH_ITERATIONS (requests per round) shrink it.
 *
 * @module
 */
import { it } from 'vitest';
import { computeSignature } from '../packages/server/src/auth/compute-signature.js';
import type { SigningInput } from '../packages/server/src/auth/compute-signature.js';
import { signRequest, TEST_KEY } from '../packages/server/src/auth/test-support/sign-request.js';
import { computeSignatureWithSmithy } from '../packages/server/src/auth/test-support/smithy-compute-signature.js';
import { verifyWithSmithy } from '../packages/server/src/auth/test-support/verify-with-smithy.js';
import { verifySigV4, verifySigV4Headers } from '../packages/server/src/auth/verify-sigv4.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 5000);
const NOW = Date.UTC(2026, 10, 27, 20, 46, 0);
const lookupSecret = async () => ({ secretAccessKey: TEST_KEY.secretAccessKey, enabled: true });

/** Microseconds per call of `run`, over one round. */
async function timeRound(run: () => Promise<unknown> | unknown): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < ITERATIONS; i++) await run();
  return Number(process.hrtime.bigint() - start) / 1000 / ITERATIONS;
}

function summarise(samples: number[]): { medianUs: number; bestUs: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (us: number) => Math.round(us * 10) / 10;
  return {
    medianUs: round(sorted[Math.floor(sorted.length / 2)] as number),
    bestUs: round(sorted[0] as number),
  };
}

it('microseconds per SigV4 verification, hand-written against smithy', async () => {
  // A ListOrganizations call signed as @aws-sdk/client-workmail signs it.
  const request = await signRequest({ signingDate: new Date(NOW), body: '{"MaxResults":100}' });
  const { parts, key } = await verifySigV4Headers(request, lookupSecret, NOW);
  const input: SigningInput = {
    ...parts,
    service: 'workmail',
    secretAccessKey: key.secretAccessKey,
    method: request.method,
    body: request.body,
  };
  const cases: Record<string, () => Promise<unknown> | unknown> = {
    'verifySigV4 (hand-written)': () => verifySigV4(request, lookupSecret, NOW),
    'verifySigV4 (smithy, before)': () => verifyWithSmithy(request, lookupSecret, NOW),
    'computeSignature (hand-written)': () => computeSignature(input),
    'computeSignature (smithy, before)': () => computeSignatureWithSmithy(input),
  };
  const samples = Object.fromEntries(Object.keys(cases).map((name) => [name, [] as number[]]));
  for (const run of Object.values(cases)) await timeRound(run); // warm up every path first
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, run] of Object.entries(cases)) samples[name]?.push(await timeRound(run));
  }
  const report = Object.fromEntries(
    Object.entries(samples).map(([name, values]) => [name, summarise(values)]),
  );
  console.log(JSON.stringify({ rounds: ROUNDS, iterations: ITERATIONS, report }, null, 2));
});
