/**
 * The server's wall clock, one object so tests and handlers read the same one.
 * @module
 */

/**
 * The wall clock of this instance: for checks that are not ordering (expiry, NextToken age) and
 * for the creation time a record is built with, which the store replaces by a time from the
 * clock all instances share (see storage/creation-time.ts).
 */
export class Clock {
  constructor(private readonly wallClock: () => number = Date.now) {}

  /** The current wall-clock time in epoch ms. */
  now(): number {
    return this.wallClock();
  }
}
