import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAwsError } from '../errors/index.js';
import type { IncomingSignedRequest } from './signed-request.js';
import {
  DIFFERENTIAL_KEYS,
  DIFFERENTIAL_NOW,
  requestPlan,
} from './test-support/differential-plans.js';
import type { RequestPlan } from './test-support/differential-plans.js';
import { mutateRequest, mutation } from './test-support/mutate-request.js';
import type { Mutation } from './test-support/mutate-request.js';
import { signWithBotocore, signWithSmithy } from './test-support/sign-plans.js';
import { verifyWithSmithy } from './test-support/verify-with-smithy.js';
import { verifySigV4 } from './verify-sigv4.js';
import type { AccessKeySecret } from './verify-sigv4.js';

/** Required by issue 15: at least 10,000 generated requests, each signed by both signers. */
const PLANS = 10_000;
const SEED = 15;

const KEYS = new Map<string, AccessKeySecret>(
  (['plain', 'unicode', 'disabled'] as const).map((name) => [
    DIFFERENTIAL_KEYS[name].accessKeyId,
    { secretAccessKey: DIFFERENTIAL_KEYS[name].secretAccessKey, enabled: name !== 'disabled' },
  ]),
);
const lookupSecret = async (accessKeyId: string) => KEYS.get(accessKeyId);

type Outcome =
  | { accepted: { accessKeyId: string; region: string } }
  | { code: string; status: number; message: string }
  | { thrown: string };

async function outcomeOf(
  verdict: Promise<{ accessKeyId: string; region: string }>,
): Promise<Outcome> {
  try {
    return { accepted: await verdict };
  } catch (error) {
    if (isAwsError(error))
      return { code: error.code, status: error.statusCode, message: error.message };
    return { thrown: String(error) };
  }
}

interface Difference {
  signer: string;
  plan: RequestPlan;
  edit: Mutation;
  request: IncomingSignedRequest;
  expected: Outcome;
  actual: Outcome;
}

describe('verifySigV4 against the smithy-based verifier it replaced', () => {
  it('gives the same verdict, error code and message on requests signed by smithy and botocore, mutated or not', async () => {
    const cases = fc.sample(fc.tuple(requestPlan, mutation, mutation), {
      seed: SEED,
      numRuns: PLANS,
    });
    // botocore signs in its own process meanwhile.
    const byBotocore = signWithBotocore(cases.map(([plan]) => plan));
    const tally = new Map<string, number>();
    const differences: Difference[] = [];
    async function compare(
      signer: string,
      plan: RequestPlan,
      original: IncomingSignedRequest,
      edit: Mutation,
    ) {
      const request = mutateRequest(original, edit);
      const expected = await outcomeOf(verifyWithSmithy(request, lookupSecret, DIFFERENTIAL_NOW));
      const actual = await outcomeOf(verifySigV4(request, lookupSecret, DIFFERENTIAL_NOW));
      const verdict =
        'accepted' in expected ? 'accepted' : 'code' in expected ? expected.code : 'thrown';
      const key = `${signer} ${edit.kind === 'none' ? 'as signed' : 'mutated'}: ${verdict}`;
      tally.set(key, (tally.get(key) ?? 0) + 1);
      if (!isDeepStrictEqual(expected, actual)) {
        differences.push({ signer, plan, edit, request, expected, actual });
      }
    }
    for (const [plan, edit] of cases)
      await compare('smithy', plan, await signWithSmithy(plan), edit);
    for (const [index, request] of (await byBotocore).entries()) {
      const [plan, , edit] = cases[index] as (typeof cases)[number];
      if (request !== undefined) await compare('botocore', plan, request, edit);
    }
    if (process.env.DIFFERENTIAL_TALLY) console.log([...tally].sort());
    expect(differences.slice(0, 3)).toEqual([]);
    // The generated requests must reach the signature comparison often, both ways: a test whose
    // requests all fail early (bad header, clock skew) would prove nothing about it.
    const count = (key: string) => tally.get(key) ?? 0;
    expect(count('smithy as signed: accepted'), JSON.stringify([...tally])).toBeGreaterThan(
      PLANS / 10,
    );
    expect(count('botocore as signed: accepted'), JSON.stringify([...tally])).toBeGreaterThan(
      PLANS / 20,
    );
    expect(count('smithy mutated: accepted'), JSON.stringify([...tally])).toBeGreaterThan(
      PLANS / 50,
    );
    expect(count('smithy mutated: InvalidSignatureException')).toBeGreaterThan(PLANS / 10);
    expect(count('botocore as signed: InvalidSignatureException')).toBeGreaterThan(PLANS / 50);
  });
});
