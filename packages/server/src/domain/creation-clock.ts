/**
 * The clock that stamps DateCreated, so keyset order matches creation order.
 * @module
 */

/**
 * Hands out creation times in epoch ms that never go backwards, even if the wall clock does:
 * a token created during a pagination must sort after every token the pagination already saw.
 */
export class CreationClock {
  private last: number;

  constructor(
    floor = 0,
    private readonly wallClock: () => number = Date.now,
  ) {
    this.last = floor;
  }

  /** The current wall-clock time, for checks that are not ordering (expiry, NextToken age). */
  now(): number {
    return this.wallClock();
  }

  /** A creation timestamp >= every one handed out before (equal ones are ordered by ID). */
  nextCreationTime(): number {
    this.last = Math.max(this.last, this.wallClock());
    return this.last;
  }
}
