/** @module Turns the database's joined summary JSON of `limit + 1` tokens into a TokenSummaryPage. */
import { TOKEN_SUMMARY_START } from '../tokens/token-summary.js';
import type { TokenSummaryPage } from './store.js';

/**
 * `joined` holds up to `limit + 1` summaries: the extra one only says that more remain, so it is
 * cut off, and the keyset cursor is read from the last summary that stays. Every summary starts
 * with TOKEN_SUMMARY_START, which cannot occur inside a JSON string (its quotes would be escaped),
 * so its last occurrence is the start of the last summary.
 */
export function cutTokenSummaryPage(
  joined: string | null,
  fetched: number,
  limit: number,
): TokenSummaryPage {
  if (joined === null || fetched === 0) return { summariesJson: '', hasMore: false };
  const hasMore = fetched > limit;
  const summariesJson = hasMore
    ? joined.slice(0, joined.lastIndexOf(`,${TOKEN_SUMMARY_START}`))
    : joined;
  const last = JSON.parse(summariesJson.slice(summariesJson.lastIndexOf(TOKEN_SUMMARY_START))) as {
    PersonalAccessTokenId: string;
    DateCreated: number;
  };
  // DateCreated is epoch seconds with millisecond precision; rounding recovers the exact ms.
  const cursor = { createdAt: Math.round(last.DateCreated * 1000), id: last.PersonalAccessTokenId };
  return { summariesJson, last: cursor, hasMore };
}
