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
  return deserializeTimestamps(parsed) as Record<string, unknown>;
}

/** Epoch seconds (AWS JSON timestamps, fractional for sub-second precision) to a `Date`; anything else as it is. */
export function parseEpochTimestamp(value: unknown): unknown {
  const seconds = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return value;
  // Rounded: 4226622.606 * 1000 is 4226622605.9999995, which Date would truncate to ...605.
  return new Date(Math.round(seconds * 1000));
}

function deserializeTimestamps(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(deserializeTimestamps);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).map(([key, member]) => [
    key,
    TIMESTAMP_MEMBERS.has(key) ? parseEpochTimestamp(member) : deserializeTimestamps(member),
  ]);
  return Object.fromEntries(entries);
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
