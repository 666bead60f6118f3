/**
 * What `mailpat seed` writes: an organization with an ACTIVE PAT policy, users, tokens.
 * @module
 */
import { defaultMailDomainFor } from '../domain/organizations.js';
import { DEFAULT_TOKEN_SCOPES } from '../domain/personal-access-tokens.js';
import { DAY_MS } from '../domain/wire-time.js';
import type { OrganizationRecord, UserRecord } from '../domain/records.js';
import type { SeedPlan } from '../storage/store.js';
import { generateOrganizationId, generateUserId } from '../tokens/index.js';
import { RandomPool } from './random-pool.js';
import { SeedTokenIds } from './seed-token-ids.js';

export interface SeedOptions {
  tokens: number;
  users: number;
  alias: string;
  /** Epoch ms; the last token is created at this instant, earlier ones 1 ms apart before it. */
  now: number;
}

const SEED_LIFETIME_DAYS = 365;
/** Bytes of a SHA-256 digest, the secret hash's length. */
const SECRET_HASH_BYTES = 32;

/**
 * Builds the records; tokens are produced lazily so a million never sit in memory at once (only
 * 8 bytes of each one's ID are drawn up front, to hand IDs out in order).
 */
export function buildSeedPlan(options: SeedOptions): SeedPlan {
  const { now } = options;
  const random = new RandomPool();
  const tokenIds = new SeedTokenIds(options.tokens, random);
  const firstTokenAt = now - options.tokens;
  const organization = seedOrganization(options.alias, firstTokenAt - options.users - 1);
  const users = Array.from({ length: options.users }, (_, i) =>
    seedUser(organization, i, firstTokenAt - options.users + i),
  );
  return {
    organization,
    users,
    tokenCount: options.tokens,
    makeToken: (i) => {
      const createdAt = firstTokenAt + i;
      return {
        id: tokenIds.idAt(i),
        organizationId: organization.id,
        userId: users[i % users.length]!.id,
        name: `seed token ${i}`,
        scopes: [...DEFAULT_TOKEN_SCOPES],
        // Seeded secrets are never shown, so no one can tell the SHA-256 of an unknown secret
        // from 32 random bytes; hashing them cost 2 µs a token.
        secretHash: random.hex(SECRET_HASH_BYTES),
        createdAt,
        expiresAt: createdAt + SEED_LIFETIME_DAYS * DAY_MS,
        lastUsedAt: null,
        lastUsedAddress: null,
      };
    },
  };
}

function seedOrganization(alias: string, createdAt: number): OrganizationRecord {
  const defaultMailDomain = defaultMailDomainFor(alias);
  return {
    id: generateOrganizationId(),
    alias,
    state: 'Active',
    defaultMailDomain,
    domains: [defaultMailDomain],
    directoryId: null,
    interoperabilityEnabled: false,
    createdAt,
    deletedAt: null,
    patConfiguration: { status: 'ACTIVE', lifetimeInDays: SEED_LIFETIME_DAYS },
    identityCenter: null,
  };
}

function seedUser(org: OrganizationRecord, index: number, createdAt: number): UserRecord {
  const name = `user${String(index + 1).padStart(4, '0')}`;
  return {
    id: generateUserId(),
    organizationId: org.id,
    name,
    email: `${name}@${org.defaultMailDomain}`,
    displayName: `Seed User ${index + 1}`,
    role: 'USER',
    state: 'ENABLED',
    hiddenFromGlobalAddressList: false,
    attributes: {},
    passwordHash: null,
    createdAt,
    enabledAt: createdAt,
    disabledAt: null,
  };
}
