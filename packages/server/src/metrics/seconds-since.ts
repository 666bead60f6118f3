/**
 * Request latency in the unit Prometheus expects, from one monotonic clock reading.
 * @module
 */

/**
 * Seconds elapsed since `started`, a `performance.now()` reading: monotonic, so a wall clock
 * step (NTP) never makes a latency negative.
 */
export function secondsSince(started: number): number {
  return (performance.now() - started) / 1000;
}
