/**
 * The error of an attempt that did not finish within `timeoutMs`.
 * @module
 */
import type { ResponseMetadata } from '../types/metadata.js';
import { WorkMailClientError } from './workmail-client-error.js';

/** No complete response arrived within `timeoutMs` (retried like a network error). */
export class TimeoutError extends WorkMailClientError {
  override readonly name = 'TimeoutError';
  /** Attempts made and time spent waiting between them; no HTTP status. */
  $metadata: ResponseMetadata = {};

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
