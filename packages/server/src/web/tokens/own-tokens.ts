/**
 * The self-service token operations: only ever on the signed-in user's own tokens, writing the
 * same CREATED / ROTATED / DELETED events as the admin operations.
 * @module
 */
import type { Clock } from '../../domain/clock.js';
import { expiryFor, mintToken } from '../../domain/personal-access-tokens.js';
import type {
  KeysetCursor,
  PatConfiguration,
  TokenRecord,
  UserRecord,
} from '../../domain/records.js';
import { adminEventOf } from '../../domain/token-events.js';
import type { Page, Store } from '../../storage/store.js';
import { generateTokenSecret, hashTokenSecret } from '../../tokens/index.js';
import { TOKEN_PAGE_SIZE } from '../constants.js';
import { BadPageRequestError, PageNotFoundError } from '../http/web-errors.js';

/** The token `tokenId` when it is `user`'s; PageNotFoundError alike for others' and unknown ones. */
export async function requireOwnToken(
  store: Pick<Store, 'getToken'>,
  user: Pick<UserRecord, 'id' | 'organizationId'>,
  tokenId: string,
): Promise<TokenRecord> {
  const token = await store.getToken(user.organizationId, tokenId);
  if (token?.userId !== user.id) throw new PageNotFoundError();
  return token;
}

/** One page of the user's tokens, oldest first, after the `after` query value when given. */
export function listOwnTokens(
  store: Pick<Store, 'listTokens'>,
  user: Pick<UserRecord, 'id' | 'organizationId'>,
  after: string | null,
): Promise<Page<TokenRecord>> {
  return store.listTokens(user.organizationId, {
    userId: user.id,
    limit: TOKEN_PAGE_SIZE,
    ...(after === null ? {} : { after: decodePageCursor(after) }),
  });
}

/**
 * The `after` query value of the page after `last`. Unsigned, unlike the API's NextToken: it
 * only ever selects among the signed-in user's own tokens.
 */
export function encodePageCursor(last: Pick<TokenRecord, 'createdAt' | 'id'>): string {
  return `${last.createdAt}.${last.id}`;
}

function decodePageCursor(text: string): KeysetCursor {
  const match = /^(\d{1,16})\.([A-Za-z0-9_-]{1,128})$/.exec(text);
  if (!match) throw new BadPageRequestError('The page link is damaged; start from the first page.');
  return { createdAt: Number(match[1]), id: match[2]! };
}

/** Creates a token of `user`; the secret is returned once and never stored. */
export async function createOwnToken(
  deps: { store: Pick<Store, 'insertToken'>; clock: Clock },
  user: Pick<UserRecord, 'id' | 'organizationId'>,
  policy: PatConfiguration,
  fields: { name: string; scopes: string[]; expiresInDays: number },
): Promise<{ token: TokenRecord; secret: string }> {
  const minted = mintToken(
    deps.clock,
    {
      organizationId: user.organizationId,
      userId: user.id,
      name: fields.name,
      scopes: fields.scopes,
    },
    policy,
    fields.expiresInDays,
  );
  const token = await deps.store.insertToken(
    minted.token,
    adminEventOf(minted.token, 'CREATED', minted.token.createdAt),
  );
  return { token, secret: minted.secret };
}

/** A new secret for `token` (the policy's full lifetime, as the API's default); 404 if gone. */
export async function rotateOwnToken(
  deps: { store: Pick<Store, 'replaceTokenSecret'>; clock: Clock },
  token: TokenRecord,
  policy: PatConfiguration,
): Promise<{ token: TokenRecord; secret: string }> {
  const secret = generateTokenSecret();
  const now = deps.clock.now();
  const rotated = await deps.store.replaceTokenSecret(
    token.organizationId,
    token.id,
    hashTokenSecret(secret),
    expiryFor(now, policy),
    adminEventOf(token, 'ROTATED', now),
  );
  if (!rotated) throw new PageNotFoundError();
  return { token: rotated, secret };
}

/** Deletes `token` with its DELETED event (nothing when it went meanwhile). */
export async function revokeOwnToken(
  deps: { store: Pick<Store, 'deleteToken'>; clock: Clock },
  token: TokenRecord,
): Promise<void> {
  await deps.store.deleteToken(
    token.organizationId,
    token.id,
    adminEventOf(token, 'DELETED', deps.clock.now()),
  );
}
