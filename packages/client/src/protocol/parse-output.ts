/**
 * Reads a successful response's JSON body into an operation output.
 * @module
 */
import { TIMESTAMP_MEMBERS } from '../model/timestamp-members.js';
import { WorkMailServiceException } from '../errors/workmail-service-exception.js';
import type { HttpResponse } from './http-response.js';
import { readResponseMetadata } from './response-metadata.js';

/** The body as an object (empty reads as `{}`), timestamps as `Date`. */
export function parseOutput(response: HttpResponse): Record<string, unknown> {
  let parsed: unknown = {};
  try {
    if (response.body.trim() !== '') parsed = JSON.parse(response.body);
  } catch (error) {
    throw unparsable(response, 'is not JSON', error);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw unparsable(response, 'is not a JSON object');
  }
  deserializeTimestamps(parsed);
  return parsed as Record<string, unknown>;
}

/** Epoch seconds (AWS JSON timestamps, fractional for sub-second precision) to a `Date`; anything else as it is. */
export function parseEpochTimestamp(value: unknown): unknown {
  const seconds = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return value;
  // Rounded: 4226622.606 * 1000 is 4226622605.9999995, which Date would truncate to ...605.
  return new Date(Math.round(seconds * 1000));
}

/**
 * Replaces timestamp members by `Date`s in place: the objects are JSON.parse's own, fresh for this
 * response, so copying each of them (as this did before) only fed the garbage collector.
 */
function deserializeTimestamps(value: object): void {
  if (Array.isArray(value)) {
    for (const item of value)
      if (typeof item === 'object' && item !== null) deserializeTimestamps(item);
    return;
  }
  const record = value as Record<string, unknown>;
  // Object.keys, not for-in: an enumerable property added to Object.prototype is not a member.
  for (const key of Object.keys(record)) {
    const member = record[key];
    if (TIMESTAMP_MEMBERS.has(key)) record[key] = parseEpochTimestamp(member);
    else if (typeof member === 'object' && member !== null) deserializeTimestamps(member);
  }
}

function unparsable(response: HttpResponse, what: string, cause?: unknown) {
  return new WorkMailServiceException({
    name: 'UnknownError',
    $fault: 'server',
    message: `The response body ${what}: ${response.body.slice(0, 200)}`,
    $metadata: readResponseMetadata(response),
    cause,
  });
}
