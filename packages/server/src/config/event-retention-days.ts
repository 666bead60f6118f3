/**
 * Reads MAILPAT_EVENT_RETENTION_DAYS, strictly: a typo stops the start, loudly.
 * @module
 */
import { DEFAULT_EVENT_RETENTION_DAYS, EVENT_RETENTION_DAYS_ENV } from './constants.js';

/** A retention setting that is not a whole number of days, at least 1. */
export class InvalidEventRetentionError extends Error {
  constructor(value: string) {
    super(
      `${EVENT_RETENTION_DAYS_ENV} must be a whole number of days, at least 1, not ` +
        JSON.stringify(value),
    );
    this.name = 'InvalidEventRetentionError';
  }
}

/** The days token events are kept; DEFAULT_EVENT_RETENTION_DAYS when unset or empty. */
export function loadEventRetentionDays(env: NodeJS.ProcessEnv): number {
  const text = env[EVENT_RETENTION_DAYS_ENV];
  if (text === undefined || text === '') return DEFAULT_EVENT_RETENTION_DAYS;
  // Digits only: "1.5", "1e3", " 7", "0x10" and "-1" are refused, not rounded or guessed at.
  if (!/^[1-9][0-9]{0,5}$/.test(text)) throw new InvalidEventRetentionError(text);
  return Number(text);
}
