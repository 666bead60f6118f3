/**
 * Turns the raw body of an AWS JSON 1.1 request into the input object.
 * @module
 */
import { SerializationException } from '../errors/index.js';

/**
 * Parses the JSON body; an empty body reads as `{}` as AWS services do. Anything that is not a
 * JSON object is a SerializationException (the SDKs never send one).
 */
export function parseRequestBody(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new SerializationException('Request body is not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new SerializationException('Request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}
