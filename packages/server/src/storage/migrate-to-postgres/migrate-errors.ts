/**
 * Why `mailpat migrate` stopped. Both mean the target holds nothing of the source afterwards.
 * @module
 */

/** Refused before copying anything: bad input, a source not ready, a target not empty. */
export class MigrateRefusedError extends Error {
  override readonly name = 'MigrateRefusedError';
}

/**
 * The copy failed or did not match the source (count or checksum of `table`); its transaction
 * was rolled back, so the target is as empty as before.
 */
export class MigrateFailedError extends Error {
  override readonly name = 'MigrateFailedError';

  constructor(
    readonly table: string | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
