/**
 * Rules about personal access tokens: policy, expiry, creation and rotation.
 * @module
 */
import { OrganizationStateException, ResourceNotFoundException } from '../errors/index.js';
import type { OrganizationRecord, PatConfiguration, TokenRecord } from './records.js';
import type { Store } from '../storage/store.js';
import { generateTokenId, generateTokenSecret, hashTokenSecret } from '../tokens/index.js';
import type { Clock } from './clock.js';
import { DAY_MS } from './wire-time.js';

/** Scopes a token gets when CreatePersonalAccessToken names none: the mail protocols. */
export const DEFAULT_TOKEN_SCOPES: readonly string[] = ['IMAP', 'SMTP'];

/** The organization's PAT configuration when it is ACTIVE; otherwise tokens cannot be made. */
export function requireActivePatPolicy(organization: OrganizationRecord): PatConfiguration {
  const policy = organization.patConfiguration;
  if (!policy || policy.status !== 'ACTIVE') {
    throw new OrganizationStateException(
      `Personal access tokens are not enabled for organization ${organization.id}: ` +
        `its PersonalAccessTokenConfiguration is ${policy ? policy.status : 'missing'}.`,
    );
  }
  return policy;
}

/** Creation time plus the requested days, capped by the organization's LifetimeInDays. */
export function expiryFor(from: number, policy: PatConfiguration, requestedDays?: number): number {
  const days = Math.min(requestedDays ?? policy.lifetimeInDays, policy.lifetimeInDays);
  return from + days * DAY_MS;
}

/**
 * A new token and its secret; only the secret's hash goes into the record. Its times are this
 * instance's: the store stamps the stored ones (see Store.insertToken), keeping the lifetime.
 */
export function mintToken(
  clock: Clock,
  fields: Pick<TokenRecord, 'organizationId' | 'userId' | 'name' | 'scopes'>,
  policy: PatConfiguration,
  expiresInDays?: number,
): { token: TokenRecord; secret: string } {
  const secret = generateTokenSecret();
  const createdAt = clock.now();
  const token: TokenRecord = {
    ...fields,
    id: generateTokenId(),
    secretHash: hashTokenSecret(secret),
    createdAt,
    expiresAt: expiryFor(createdAt, policy, expiresInDays),
    lastUsedAt: null,
    lastUsedAddress: null,
  };
  return { token, secret };
}

/** The token of this organization, or ResourceNotFoundException. */
export async function requireToken(
  store: Store,
  organizationId: string,
  tokenId: string,
): Promise<TokenRecord> {
  const token = await store.getToken(organizationId, tokenId);
  if (!token) {
    throw new ResourceNotFoundException(`Personal access token ${tokenId} does not exist.`);
  }
  return token;
}
