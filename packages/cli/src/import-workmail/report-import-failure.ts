/**
 * Turns a failure of `mailpat import-workmail` into its stderr text and exit code; never a stack
 * trace, never a secret.
 * @module
 */
import { isWorkMailServiceException } from '@mailpat/client';
import { EXIT_CODES } from '../workmail/cli-errors.js';
import type { FailureReport } from '../workmail/report-failure.js';
import { describeFailure } from '../workmail/report-failure.js';
import { ImportConflictError, ImportReadError, ImportStepError } from './import-errors.js';

/** Describes `error`. */
export function reportImportFailure(error: unknown): FailureReport {
  if (error instanceof ImportConflictError) {
    return {
      stderr:
        `mailpat import-workmail: ${error.message}\nNothing was written. Resolve the conflicts, ` +
        'or run again with --on-conflict skip to import everything else.\n',
      exitCode: error.exitCode,
    };
  }
  if (error instanceof ImportStepError) {
    return {
      stderr:
        `mailpat import-workmail: ${error.message}.\nWhat was written before it stays; run the ` +
        'same command again to finish the import.\n',
      exitCode: isWorkMailServiceException(error.cause) ? EXIT_CODES.service : EXIT_CODES.other,
    };
  }
  if (error instanceof ImportReadError) {
    return {
      stderr: `mailpat import-workmail: ${error.message}.\nNothing was written.\n`,
      exitCode: isWorkMailServiceException(error.cause) ? EXIT_CODES.service : EXIT_CODES.other,
    };
  }
  const report = describeFailure(error, {});
  return {
    stderr: `mailpat import-workmail: ${report.stderr.trimStart()}`,
    exitCode: report.exitCode,
  };
}
