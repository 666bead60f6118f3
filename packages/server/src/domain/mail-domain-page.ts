/**
 * One page of an organization's mail domains, in domain name order.
 * @module
 */
import type { Page } from '../storage/store.js';
import type { KeysetCursor } from './records.js';

/**
 * The domains after `after.id` (a domain name), at most `limit`, by name. The organization
 * record already holds its few domains (six at most: five requested and the default one), so
 * the page is cut from that list rather than read again; the cursor is still the last name
 * returned, never a position, as for every other listing.
 */
export function pageOfMailDomains(
  domains: readonly string[],
  after: KeysetCursor | undefined,
  limit: number,
): Page<string> {
  const sorted = [...new Set(domains)].sort();
  const rest = after === undefined ? sorted : sorted.filter((domain) => domain > after.id);
  return { items: rest.slice(0, limit), hasMore: rest.length > limit };
}

/** Where a page ending with `domain` stops (mail domains have no creation time of their own). */
export function mailDomainCursor(domain: string): KeysetCursor {
  return { createdAt: 0, id: domain };
}
