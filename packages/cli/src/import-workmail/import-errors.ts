/**
 * The failures `mailpat import-workmail` reports itself.
 * @module
 */

/** Exit code of an import that found conflicts or blockers and wrote nothing. */
export const CONFLICT_EXIT_CODE = 3;

/** The plan has blockers or (without `--on-conflict skip`) conflicts; nothing was written. */
export class ImportConflictError extends Error {
  override readonly name = 'ImportConflictError';
  readonly exitCode = CONFLICT_EXIT_CODE;
  constructor(readonly problems: readonly string[]) {
    super(`the import cannot go on:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** A write to the target failed; what was written before it stays, and a rerun goes on from it. */
export class ImportStepError extends Error {
  override readonly name = 'ImportStepError';
  constructor(
    readonly subject: string,
    readonly operation: string,
    options: { cause: unknown },
  ) {
    const cause = options.cause;
    const why = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    super(`${operation} for ${subject} failed (${why})`, options);
  }
}

/** Reading one side failed before anything was written. */
export class ImportReadError extends Error {
  override readonly name = 'ImportReadError';
  constructor(
    readonly side: 'source' | 'target',
    readonly endpointUrl: string,
    options: { cause: unknown },
  ) {
    const cause = options.cause;
    const why = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    super(`reading the ${side} at ${endpointUrl} failed (${why})`, options);
  }
}
