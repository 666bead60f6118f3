/**
 * Tokens between their record and their row; the row read is on the list hot path.
 * @module
 */
import type { TokenRecord } from '../../domain/records.js';
import type { PersonalAccessTokensTable } from '../schema.js';
import { writeTokenSummaryJson } from '../../tokens/token-summary.js';

/**
 * The columns a token record maps to: the expiry-warning state is the warning check's own
 * (storage/expiry-warning-queries.ts), null on insert.
 */
export type TokenRow = Omit<
  PersonalAccessTokensTable,
  'expiry_warned_days' | 'expiry_warning_lease_until'
>;

/** The row that stores a token. */
export function tokenToRow(token: TokenRecord): TokenRow {
  return {
    id: token.id,
    organization_id: token.organizationId,
    user_id: token.userId,
    name: token.name,
    scopes: JSON.stringify(token.scopes),
    secret_hash: token.secretHash,
    created_at: token.createdAt,
    expires_at: token.expiresAt,
    last_used_at: token.lastUsedAt,
    last_used_address: token.lastUsedAddress,
    summary_json: writeTokenSummaryJson(token),
  };
}

/** A token row without its organization, which a listing already knows. */
export type ListedTokenRow = Omit<TokenRow, 'organization_id' | 'summary_json'>;

/**
 * What listTokens selects: every column but organization_id, which the caller passes in.
 * Each text column costs about a tenth of a 100-row page, and this one is the same on every row.
 */
export const LISTED_TOKEN_COLUMNS = [
  'id',
  'user_id',
  'name',
  'scopes',
  'secret_hash',
  'created_at',
  'expires_at',
  'last_used_at',
  'last_used_address',
] as const satisfies readonly (keyof ListedTokenRow)[];

/** The token a row stores. */
export function tokenFromRow(row: TokenRow): TokenRecord {
  return tokenFromListedRow(row, row.organization_id);
}

/** The token a listed row of `organizationId` stores. */
export function tokenFromListedRow(row: ListedTokenRow, organizationId: string): TokenRecord {
  return {
    id: row.id,
    organizationId,
    userId: row.user_id,
    name: row.name,
    scopes: decodeScopes(row.scopes),
    secretHash: row.secret_hash,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    lastUsedAddress: row.last_used_address,
  };
}

// Tokens share a handful of scope lists; parsing JSON for each of 100 rows per page costs
// more than the rest of the row mapping, so decoded lists are remembered by their text.
const MAX_REMEMBERED_SCOPE_LISTS = 256;
const decodedScopes = new Map<string, readonly string[]>();

function decodeScopes(text: string): string[] {
  let scopes = decodedScopes.get(text);
  if (scopes === undefined) {
    scopes = JSON.parse(text) as string[];
    if (decodedScopes.size >= MAX_REMEMBERED_SCOPE_LISTS) decodedScopes.clear();
    decodedScopes.set(text, scopes);
  }
  // A copy, so a caller that edits its record cannot change the next one.
  return scopes.slice();
}
