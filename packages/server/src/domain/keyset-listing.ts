/**
 * @module One page of a keyset-paginated List operation: decode the NextToken, fetch the rows
 * after its cursor, and issue the next token from the last row returned.
 */
import type { KeysetCursor } from '../storage/records.js';
import type { Page } from '../storage/store.js';
import type { NextTokenBinding, NextTokenCodec } from '../tokens/next-token.js';

/** What every List operation uses when MaxResults is absent (the contract's default). */
export const DEFAULT_PAGE_SIZE = 100;

export interface KeysetListing<T> {
  codec: NextTokenCodec;
  /** What the token is bound to: the operation and its filters. */
  binding: NextTokenBinding;
  nextToken: string | undefined;
  maxResults: number | undefined;
  fetch(after: KeysetCursor | undefined, limit: number): Promise<Page<T>>;
  cursorOf(item: T): KeysetCursor;
}

/** Runs one page; `nextToken` is set only when more rows remain. */
export async function listKeysetPage<T>(
  listing: KeysetListing<T>,
): Promise<{ items: T[]; nextToken: string | undefined }> {
  const after =
    listing.nextToken === undefined
      ? undefined
      : listing.codec.decode(listing.nextToken, listing.binding);
  const page = await listing.fetch(after, listing.maxResults ?? DEFAULT_PAGE_SIZE);
  const last = page.items[page.items.length - 1];
  const nextToken =
    page.hasMore && last
      ? listing.codec.encode(listing.binding, listing.cursorOf(last))
      : undefined;
  return { items: page.items, nextToken };
}
