/**
 * A logger that discards everything, for tests that do not read the log.
 * @module
 */
import type { Logger } from '../logger.js';

/** Discards everything; for tests that do not read the log. */
export const SILENT_LOGGER: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};
