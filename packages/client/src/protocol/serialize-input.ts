/**
 * Serialises an operation's input to the JSON body of its request.
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { OperationDescriptor } from '../model/operations.js';

/**
 * JSON of the input, with omitted idempotency tokens filled with a random UUID (as the AWS SDKs
 * do) so that every retry of the call carries the same token. Undefined members are dropped.
 */
export function serializeInput(operation: OperationDescriptor, input: object): string {
  const tokens = operation.idempotencyTokens.filter(
    (member) => (input as Record<string, unknown>)[member] === undefined,
  );
  if (tokens.length === 0) return JSON.stringify(input);
  return JSON.stringify({
    ...input,
    ...Object.fromEntries(tokens.map((member) => [member, randomUUID()])),
  });
}
