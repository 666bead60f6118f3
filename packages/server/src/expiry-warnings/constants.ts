/**
 * Fixed values of the expiry-warning check.
 * @module
 */

/** How often the check runs (also once at start): the issue asks for at least hourly. */
export const EXPIRY_CHECK_INTERVAL_MS = 60 * 60_000;
/** Tokens read per query; each one's warning is claimed, mailed and recorded in turn. */
export const EXPIRY_CHECK_BATCH_SIZE = 200;
/**
 * How long a claim on a warning lasts: far longer than one send may take (the sender's
 * timeouts), so another instance takes it over only after the claimer crashed.
 */
export const EXPIRY_WARNING_LEASE_MS = 10 * 60_000;
