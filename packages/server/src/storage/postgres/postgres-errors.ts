/**
 * pg driver errors to the backend-neutral storage errors.
 * @module
 */
import {
  DatabaseFaultError,
  DatabaseUnavailableError,
  UniqueConstraintError,
} from '../storage-errors.js';

/** SQLSTATE unique_violation; pg reports the violated index or constraint by name. */
const UNIQUE_VIOLATION = '23505';

/**
 * SQLSTATEs of a server that cannot serve now: class 08 (connection exception), class 53
 * (insufficient resources, e.g. too many connections), 57P01-57P05 (shutdown, crash, starting
 * up, idle session timeout), 58030 (I/O error); and the timeouts mailpat sets: 57014
 * (statement_timeout, e.g. waiting on a lock held elsewhere), 55P03 (lock_timeout), 25P03
 * (idle_in_transaction_session_timeout).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|53...|57P0[1-5]|58030|57014|55P03|25P03)$/;

/**
 * SQLSTATEs that stay until an operator acts (see DatabaseFaultError): 53100 disk_full, 58030
 * io_error, 25006 read_only_sql_transaction (e.g. connected to a standby after a failover),
 * XX001/XX002 data or index corrupted.
 */
const FAULT_SQLSTATE = /^(53100|58030|25006|XX00[12])$/;

/** Socket errors of a server that is down or unreachable. */
const UNAVAILABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** pg's own messages for a connection lost or never made; they carry no code. */
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Query read timeout)/;

/** The storage error a pg (or socket) error stands for, or the error unchanged. */
export function translatePostgresError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const code = codeOf(error);
  if (code === UNIQUE_VIOLATION) {
    const constraint = (error as Error & { constraint?: unknown }).constraint;
    return new UniqueConstraintError(typeof constraint === 'string' ? constraint : 'unknown', {
      cause: error,
    });
  }
  if (code !== undefined && FAULT_SQLSTATE.test(code)) {
    return new DatabaseFaultError(`PostgreSQL cannot write (${code}): ${error.message}`, {
      cause: error,
    });
  }
  if (isUnavailable(error, code)) {
    return new DatabaseUnavailableError(
      `PostgreSQL unavailable${code === undefined ? '' : ` (${code})`}: ${error.message}`,
      { cause: error },
    );
  }
  return error;
}

function isUnavailable(error: Error, code: string | undefined): boolean {
  if (code !== undefined && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_ERRNO.has(code))) {
    return true;
  }
  if (UNAVAILABLE_MESSAGE.test(error.message)) return true;
  // Node reports a refused dual-stack connect as an AggregateError of one error per address.
  return (
    error instanceof AggregateError &&
    error.errors.some(
      (inner: unknown) => inner instanceof Error && isUnavailable(inner, codeOf(inner)),
    )
  );
}

function codeOf(error: Error): string | undefined {
  const code = (error as Error & { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}
