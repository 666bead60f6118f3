/**
 * The error of an attempt that got no HTTP response at all.
 * @module
 */
import type { ResponseMetadata } from '../types/metadata.js';
import { WorkMailClientError } from './workmail-client-error.js';

/** The connection failed (refused, reset, DNS...); `cause` holds `fetch`'s own error. */
export class NetworkError extends WorkMailClientError {
  override readonly name = 'NetworkError';
  /** Attempts made and time spent waiting between them; no HTTP status. */
  $metadata: ResponseMetadata = {};

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
