/**
 * One page of a keyset-paginated List operation: decode the NextToken, fetch the rows after its
 * cursor, and issue the next token from the last row returned.
 * @module
 */
import type { NextTokenBinding, NextTokenCodec } from '../tokens/next-token.js';
import type { Page } from '../storage/store.js';
import type { KeysetCursor } from './records.js';

/** What every List operation uses when MaxResults is absent (the contract's default). */
export const DEFAULT_PAGE_SIZE = 100;

/** What a List request asks for, and what its NextTokens are bound to. */
export interface KeysetRequest {
  codec: NextTokenCodec;
  /** What the token is bound to: the operation and its filters. */
  binding: NextTokenBinding;
  nextToken: string | undefined;
  maxResults: number | undefined;
}

/** A listing whose pages are arrays of items. */
export interface KeysetListing<T> extends KeysetRequest {
  fetch(after: KeysetCursor | undefined, limit: number): Promise<Page<T>>;
  cursorOf(item: T): KeysetCursor;
}

/**
 * Runs one page of any form (an array of records, or the list hot path's joined JSON):
 * `lastCursorOf` says where it ends, and `nextToken` is set only when more rows remain.
 */
export async function fetchKeysetPage<P extends { hasMore: boolean }>(
  request: KeysetRequest,
  fetch: (after: KeysetCursor | undefined, limit: number) => Promise<P>,
  lastCursorOf: (page: P) => KeysetCursor | undefined,
): Promise<{ page: P; nextToken: string | undefined }> {
  const { codec, binding } = request;
  const after =
    request.nextToken === undefined ? undefined : codec.decode(request.nextToken, binding);
  const page = await fetch(after, request.maxResults ?? DEFAULT_PAGE_SIZE);
  const last = page.hasMore ? lastCursorOf(page) : undefined;
  return { page, nextToken: last === undefined ? undefined : codec.encode(binding, last) };
}

/** Runs one page of records; `nextToken` is set only when more rows remain. */
export async function listKeysetPage<T>(
  listing: KeysetListing<T>,
): Promise<{ items: T[]; nextToken: string | undefined }> {
  const { page, nextToken } = await fetchKeysetPage(
    listing,
    (after, limit) => listing.fetch(after, limit),
    ({ items }) => (items.length === 0 ? undefined : listing.cursorOf(items[items.length - 1]!)),
  );
  return { items: page.items, nextToken };
}
