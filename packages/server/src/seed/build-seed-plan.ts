/**
 * What `mailpat seed` writes: an organization with an ACTIVE PAT policy, users, tokens.
 * @module
 */
import { createHash, randomBytes } from 'node:crypto';
import { defaultMailDomainFor } from '../domain/organizations.js';
import { DEFAULT_TOKEN_SCOPES } from '../domain/personal-access-tokens.js';
import { DAY_MS } from '../domain/wire-time.js';
import type { OrganizationRecord, UserRecord } from '../domain/records.js';
import type { SeedPlan } from '../storage/store.js';
import { generateOrganizationId, generateTokenId, generateUserId } from '../tokens/index.js';

export interface SeedOptions {
  tokens: number;
  users: number;
  alias: string;
  /** Epoch ms; the last token is created at this instant, earlier ones 1 ms apart before it. */
  now: number;
}

const SEED_LIFETIME_DAYS = 365;

/** Builds the records; tokens are produced lazily so a million never sit in memory at once. */
export function buildSeedPlan(options: SeedOptions): SeedPlan {
  const { now } = options;
  const random = new RandomPool();
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
        id: generateTokenId(),
        organizationId: organization.id,
        userId: users[i % users.length]!.id,
        name: `seed token ${i}`,
        scopes: [...DEFAULT_TOKEN_SCOPES],
        // Seeded secrets are never shown, so a hash of fresh random bytes is as good as one.
        secretHash: createHash('sha256').update(random.take(32)).digest('hex'),
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

/** Random bytes drawn from one large buffer: a million small randomBytes calls cost seconds. */
class RandomPool {
  private pool = Buffer.alloc(0);
  private offset = 0;

  take(size: number): Buffer {
    if (this.offset + size > this.pool.length) {
      this.pool = randomBytes(1024 * 1024);
      this.offset = 0;
    }
    const bytes = this.pool.subarray(this.offset, this.offset + size);
    this.offset += size;
    return bytes;
  }
}
