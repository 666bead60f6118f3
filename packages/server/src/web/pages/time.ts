/**
 * Times as a mailbox user reads them: an absolute UTC date (the same for every reader, whatever
 * the server's or browser's zone) with a relative hint ("in 29 days", "3 hours ago").
 * @module
 */
import { html } from './html.js';
import type { SafeHtml } from './html.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Units from largest to smallest; months and years are approximate, which a hint may be. */
const UNITS: readonly [name: string, ms: number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "2 Jan 2027, 14:05 UTC". */
export function formatUtc(at: number): string {
  const d = new Date(at);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${time} UTC`;
}

/** "2 Jan 2027" (no time), for dates where the hour does not help. */
export function formatUtcDate(at: number): string {
  const d = new Date(at);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** The YYYY-MM-DD of a date input (UTC day). */
export function formatDateInputValue(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/**
 * "in 29 days", "3 hours ago", "just now": the largest whole unit, rounded down, so an expiry
 * never reads later than it is (29 days 23 hours is "in 29 days").
 */
export function formatRelative(at: number, now: number): string {
  const diff = at - now;
  const distance = Math.abs(diff);
  for (const [name, ms] of UNITS) {
    const count = Math.floor(distance / ms);
    if (count >= 1) {
      const amount = `${count} ${name}${count === 1 ? '' : 's'}`;
      return diff > 0 ? `in ${amount}` : `${amount} ago`;
    }
  }
  return diff > 0 ? 'in under a minute' : 'just now';
}

/** `<time datetime="…">2 Jan 2027, 14:05 UTC</time>` followed by the relative hint. */
export function renderTime(at: number, now: number): SafeHtml {
  return html`<time datetime="${new Date(at).toISOString()}">${formatUtc(at)}</time>
    <span class="relative">(${formatRelative(at, now)})</span>`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
