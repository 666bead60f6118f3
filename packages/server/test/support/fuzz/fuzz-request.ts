/**
 * The fuzzer's generator: valid signed calls of every operation mixed with hostile requests.
 * @module
 */
import fc from 'fast-check';
import { hostileMutation, hostileRead, refusedRequest } from './hostile-requests.js';
import { planOf } from './operation-call.js';
import { malformedHttp, randomRoute } from './protocol-noise.js';
import type { RequestPlan } from './request-plan.js';
import { validMutationCall, validReadCall } from './valid-calls.js';

/** A body of random bytes (invalid UTF-8 included) on a read operation. */
function randomBytesBody(): fc.Arbitrary<RequestPlan> {
  return fc.tuple(validReadCall(), fc.uint8Array({ maxLength: 300 })).map(([call, bytes]) => ({
    ...planOf(call, 'random-bytes'),
    body: Buffer.from(bytes).toString('latin1'),
    latin1Body: true,
  }));
}

/** One request of the mix (weights in percent, roughly). */
export function fuzzRequest(): fc.Arbitrary<RequestPlan> {
  return fc.oneof(
    { weight: 25, arbitrary: validReadCall().map((call) => planOf(call, 'valid-read')) },
    { weight: 4, arbitrary: validMutationCall().map((call) => planOf(call, 'valid-mutation')) },
    { weight: 30, arbitrary: refusedRequest() },
    { weight: 20, arbitrary: hostileRead() },
    { weight: 2, arbitrary: hostileMutation() },
    { weight: 2, arbitrary: randomBytesBody() },
    { weight: 10, arbitrary: randomRoute() },
    { weight: 3, arbitrary: malformedHttp() },
  );
}
