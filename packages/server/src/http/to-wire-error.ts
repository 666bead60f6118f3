/**
 * The one place where any thrown value becomes an error the wire can carry.
 * @module
 */
import { isAwsError, InternalFailure, ServiceUnavailableException } from '../errors/index.js';
import type { AwsError } from '../errors/index.js';
import type { Logger } from '../logging/logger.js';
import { DatabaseUnavailableError } from '../storage/storage-errors.js';

/**
 * AwsErrors pass through; an unreachable database is a 503; anything else is logged with its
 * cause and answered as an InternalFailure that reveals nothing.
 */
export function toWireError(error: unknown, log: Logger, requestId: string): AwsError {
  if (isAwsError(error)) return error;
  if (error instanceof DatabaseUnavailableError) {
    // One line, no stack: during an outage every request lands here, and the driver's message
    // (refused, reset, shutting down) is what an operator needs.
    log.error(`request ${requestId}: database unavailable: ${error.message}`, undefined, {
      requestId,
    });
    return new ServiceUnavailableException('The service is temporarily unavailable.');
  }
  log.error(`request ${requestId}: internal failure`, error, { requestId });
  return new InternalFailure('We encountered an internal error. Please try again.');
}
