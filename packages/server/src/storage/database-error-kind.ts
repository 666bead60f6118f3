/**
 * Which failures of a store call count as database errors, and of what kind (for metrics).
 * @module
 */
import {
  DatabaseFaultError,
  DatabaseUnavailableError,
  UniqueConstraintError,
  UserNotEnabledError,
} from './storage-errors.js';

/**
 * `unavailable`: unreachable, locked past the deadline, I/O failure (passes by itself);
 * `fault`: disk full, read-only, damaged (needs an operator); `other`: anything the backend did
 * not map, e.g. a failing statement, which is a defect.
 */
export type DatabaseErrorKind = 'unavailable' | 'fault' | 'other';

/** Every kind, in the order metrics list them. */
export const DATABASE_ERROR_KINDS: readonly DatabaseErrorKind[] = ['unavailable', 'fault', 'other'];

/**
 * The kind of a translated store error, or undefined for the outcomes a caller expects and
 * answers (a name taken, a user no longer enabled): those are the request's fault, not the
 * database's.
 */
export function databaseErrorKind(error: unknown): DatabaseErrorKind | undefined {
  if (error instanceof DatabaseFaultError) return 'fault';
  if (error instanceof DatabaseUnavailableError) return 'unavailable';
  if (error instanceof UniqueConstraintError || error instanceof UserNotEnabledError) {
    return undefined;
  }
  return 'other';
}
