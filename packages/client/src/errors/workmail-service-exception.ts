/**
 * The base class of every error the service answers with.
 * @module
 */
import type { ResponseMetadata } from '../types/metadata.js';
import { WorkMailClientError } from './workmail-client-error.js';

/** Who is at fault: the caller (4xx) or the service (5xx). */
export type Fault = 'client' | 'server';

/** What every error class's constructor takes. */
export interface ServiceExceptionOptions {
  message: string;
  $metadata: ResponseMetadata;
  cause?: unknown;
}

/**
 * An error response from the service. `name` is the wire error code (`__type`), so an unknown
 * code still arrives as a `WorkMailServiceException` named after it.
 *
 * `instanceof` also matches on `name` (as smithy's `ServiceException` does), so errors thrown by
 * the CommonJS build are recognised by classes of the ESM build and the other way round.
 */
export class WorkMailServiceException extends WorkMailClientError {
  override readonly name: string;
  readonly $fault: Fault;
  $metadata: ResponseMetadata;

  constructor(options: ServiceExceptionOptions & { name: string; $fault: Fault }) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = options.name;
    this.$fault = options.$fault;
    this.$metadata = options.$metadata;
  }

  /** True for this class's instances and look-alikes from another copy of the package. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (!isServiceExceptionLike(value)) return false;
    if (this === WorkMailServiceException) return true;
    return Object.prototype.isPrototypeOf.call(this.prototype, value) || value.name === this.name;
  }
}

function isServiceExceptionLike(value: unknown): value is WorkMailServiceException {
  if (typeof value !== 'object' || value === null) return false;
  if (Object.prototype.isPrototypeOf.call(WorkMailServiceException.prototype, value)) return true;
  const candidate = value as Partial<WorkMailServiceException>;
  return (
    value instanceof Error &&
    (candidate.$fault === 'client' || candidate.$fault === 'server') &&
    typeof candidate.$metadata === 'object' &&
    candidate.$metadata !== null
  );
}
