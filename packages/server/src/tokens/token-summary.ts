/** @module A token's PersonalAccessTokenSummary, the wire shape of List and GetMetadata. */
import type { TokenRecord } from '../storage/records.js';

/**
 * How every serialised summary begins: PersonalAccessTokenId is its first member, a fact the
 * list hot path relies on to find summaries in a joined page (storage/token-summary-page.ts).
 */
export const TOKEN_SUMMARY_START = '{"PersonalAccessTokenId":';

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
