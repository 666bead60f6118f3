/**
 * Records for the store contract suite, with every field set to a telling value.
 * @module
 */
import { createHash, randomUUID } from 'node:crypto';
import { tokenEventOf } from '../domain/token-events.js';
import type {
  OrganizationRecord,
  TokenEventRecord,
  TokenEventType,
  TokenRecord,
  UserRecord,
} from '../domain/records.js';

const BASE_TIME = Date.UTC(2025, 0, 15, 12, 0, 0);

/** An Active organization with PAT configuration and identity center settings. */
export function anOrganization(overrides: Partial<OrganizationRecord> = {}): OrganizationRecord {
  const id = overrides.id ?? `m-${randomUUID().replaceAll('-', '')}`;
  const alias = overrides.alias ?? `org-${id.slice(2, 10)}`;
  return {
    id,
    alias,
    state: 'Active',
    defaultMailDomain: `${alias}.awsapps.com`,
    domains: [`${alias}.awsapps.com`, `${alias}.example.org`],
    directoryId: 'd-1234567890',
    interoperabilityEnabled: true,
    createdAt: BASE_TIME,
    deletedAt: null,
    patConfiguration: { status: 'ACTIVE', lifetimeInDays: 90 },
    identityCenter: {
      authenticationMode: 'IDENTITY_PROVIDER_AND_DIRECTORY',
      instanceArn: 'arn:aws:sso:::instance/ssoins-1234',
      applicationArn: 'arn:aws:sso::000000000000:application/ssoins-1234/apl-5678',
    },
    ...overrides,
  };
}

/** An ENABLED user of `organizationId` with attributes, email and password hash. */
export function aUser(organizationId: string, overrides: Partial<UserRecord> = {}): UserRecord {
  const id = overrides.id ?? randomUUID();
  const name = overrides.name ?? `user-${id.slice(0, 8)}`;
  return {
    id,
    organizationId,
    name,
    email: `${name}@example.org`,
    displayName: `User ${name}`,
    role: 'USER',
    state: 'ENABLED',
    hiddenFromGlobalAddressList: false,
    attributes: { FirstName: 'Ada', City: 'London', IdentityProviderUserId: `idp-${name}` },
    passwordHash: 'scrypt$16384$8$1$c2FsdA$aGFzaA',
    createdAt: BASE_TIME,
    enabledAt: BASE_TIME + 1000,
    disabledAt: null,
    ...overrides,
  };
}

/** A token of `user`, with a unique secret hash. */
export function aToken(
  user: Pick<UserRecord, 'id' | 'organizationId'>,
  overrides: Partial<TokenRecord> = {},
): TokenRecord {
  const id = overrides.id ?? `pat-${randomUUID().replaceAll('-', '')}`;
  return {
    id,
    organizationId: user.organizationId,
    userId: user.id,
    name: `token ${id.slice(4, 12)}`,
    scopes: ['IMAP', 'SMTP'],
    secretHash: secretHashOf(id),
    createdAt: BASE_TIME,
    expiresAt: BASE_TIME + 90 * 86_400_000,
    lastUsedAt: null,
    lastUsedAddress: null,
    ...overrides,
  };
}

/** The admin event the store writes with a change of `token` (CREATED at its creation). */
export function anAdminEvent(
  token: Pick<TokenRecord, 'id' | 'organizationId' | 'userId' | 'name' | 'createdAt'>,
  type: TokenEventType = 'CREATED',
  at = token.createdAt,
): TokenEventRecord {
  return tokenEventOf(token, type, at);
}

/** A lowercase hex SHA-256, as the token layer stores secrets. */
export function secretHashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The (createdAt, id) order the store lists in, compared the way SQL compares ASCII text. */
export function byCreatedAtThenId(
  a: { createdAt: number; id: string },
  b: { createdAt: number; id: string },
): number {
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
