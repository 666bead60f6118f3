/**
 * The store interface: everything the operations need from a database, written so a
 * second backend (PostgreSQL) can be added without touching operations or domain code.
 * @module
 */
import type {
  AccessKeyRecord,
  KeysetCursor,
  LoginSubject,
  OidcLoginStateRecord,
  OidcProviderRecord,
  OrganizationRecord,
  TokenEventRecord,
  TokenRecord,
  TokenUse,
  UserRecord,
  UserState,
  WebSessionRecord,
} from '../domain/records.js';
import type { TokenSummaryPage } from '../tokens/token-summary.js';
import type { DatabaseErrorKind } from './database-error-kind.js';

/** One page of a keyset-paginated listing: rows ordered by (createdAt, id) ascending. */
export interface KeysetPageQuery {
  /** Rows strictly after this position; absent for the first page. */
  after?: KeysetCursor;
  /** At most this many rows. Backends fetch `limit + 1` to learn whether more remain. */
  limit: number;
}

export interface Page<T> {
  items: T[];
  /** True when rows exist after the last item. */
  hasMore: boolean;
}

export interface UserFilters {
  usernamePrefix?: string;
  displayNamePrefix?: string;
  primaryEmailPrefix?: string;
  state?: UserState;
  identityProviderUserIdPrefix?: string;
}

/** Fields of a user that UpdateUser, RegisterToWorkMail and the state transitions may change. */
export type UserPatch = Partial<
  Pick<
    UserRecord,
    | 'email'
    | 'displayName'
    | 'role'
    | 'state'
    | 'hiddenFromGlobalAddressList'
    | 'attributes'
    | 'passwordHash'
    | 'enabledAt'
    | 'disabledAt'
  >
>;

/** Only deleteOrganization deletes: it also frees the organization's mail domains. */
export type OrganizationPatch = Partial<
  Pick<OrganizationRecord, 'patConfiguration' | 'identityCenter'>
>;

/** A page of tokens that expire soon (see Store.listExpiryWarningCandidates). */
export interface ExpiryWarningCandidateQuery {
  /** Expiries strictly after this (epoch ms). */
  expiresAfter: number;
  /** Expiries strictly before this (epoch ms). */
  expiresBefore: number;
  /**
   * Which tokens are read by the warning they were sent: one with `warnedDays` (null: none yet)
   * only when it expires before that entry's `expiresBefore`; a token whose warning is listed
   * in no entry is never read.
   */
  owedIf: readonly { warnedDays: number | null; expiresBefore: number }[];
  /** Tokens strictly after this position in (expiresAt, id) order; absent for the first page. */
  after?: { expiresAt: number; id: string };
  limit: number;
}

/** A token that may be owed an expiry warning, with what the mail needs of its owner. */
export interface ExpiryWarningCandidate {
  token: TokenRecord;
  user: { email: string; displayName: string };
  /** The tightest warning already mailed for the token's current expiry; null for none. */
  warnedDays: number | null;
}

/** One warning an instance means to send: the token as it was read, and the lease on it. */
export interface ExpiryWarningClaim {
  organizationId: string;
  tokenId: string;
  /** The expiry the warning is about; a rotation meanwhile voids the claim. */
  expiresAt: number;
  thresholdDays: number;
  /** Epoch ms: a lease that ended by now is free to take. */
  now: number;
  /** Epoch ms the claim lapses at, so a crashed sender's warning is sent by another. */
  leaseUntil: number;
}

/** Tokens by state at one moment (deleted tokens are gone, so these are all of them). */
export interface TokenStateCounts {
  active: number;
  expired: number;
}

/** A connection pool's sizes at one moment. */
export interface PoolStats {
  /** Connections open, idle or in use. */
  total: number;
  idle: number;
  /** Queries waiting for a connection. */
  waiting: number;
  /** Connections the pool opens at most. */
  max: number;
}

/** What metrics read of a store without a query. */
export interface StoreStats {
  /** Failed store calls since the store was opened, by kind (see database-error-kind.ts). */
  errors: Readonly<Record<DatabaseErrorKind, number>>;
  /** The connection pool; undefined for SQLite, which has one connection and no pool. */
  pool: PoolStats | undefined;
}

/** What `mailpat seed` writes in one go. */
export interface SeedPlan {
  organization: OrganizationRecord;
  users: UserRecord[];
  /** Called for i = 0..count-1; tokens are written in batches inside transactions. */
  tokenCount: number;
  makeToken: (index: number) => TokenRecord;
  onProgress?: (written: number) => void;
}

/**
 * Every method is a single atomic step. Uniqueness violations surface as
 * `UniqueConstraintError` (storage/storage-errors.ts) whatever the backend's error code.
 */
export interface Store {
  /** Creates tables or brings them to the latest version; safe to call on every start. */
  migrate(): Promise<void>;
  /**
   * Resolves when the database answers a trivial query and, after a write met a lasting fault
   * (DatabaseFaultError: disk full, read-only, damaged), when a probe write succeeds again.
   */
  ping(): Promise<void>;
  close(): Promise<void>;

  /** The stored value for `key`, if any. */
  getSetting(key: string): Promise<string | undefined>;
  /** Returns the stored value for `key`, or stores `create()` and returns it (first writer wins). */
  getOrCreateSetting(key: string, create: () => string): Promise<string>;
  getAccessKey(accessKeyId: string): Promise<AccessKeyRecord | undefined>;
  /** Inserts the key unless one with the same ID exists. */
  putAccessKey(key: AccessKeyRecord): Promise<void>;
  /** Removes the key, if stored. */
  deleteAccessKey(accessKeyId: string): Promise<void>;
  /** The first enabled access key, by creation time (the generated root key). */
  findFirstAccessKey(): Promise<AccessKeyRecord | undefined>;

  /**
   * Inserts the organization and claims its mail domains (the default one included), atomically.
   * Rejects with MailDomainTakenError when a live organization holds one of them. The store
   * stamps createdAt (see insertToken), strictly after every organization's; returns the stored record.
   */
  insertOrganization(org: OrganizationRecord): Promise<OrganizationRecord>;
  getOrganization(id: string): Promise<OrganizationRecord | undefined>;
  /** Live organizations with this alias (case-insensitive); used for NameAvailabilityException. */
  findActiveOrganizationByAlias(alias: string): Promise<OrganizationRecord | undefined>;
  listOrganizations(query: KeysetPageQuery): Promise<Page<OrganizationRecord>>;
  updateOrganization(id: string, patch: OrganizationPatch): Promise<void>;
  /**
   * Marks the organization Deleted, removes its users and tokens (writing a DELETED event per
   * token), their web sessions, its OpenID Connect provider and login states, and frees its mail
   * domains, atomically.
   */
  deleteOrganization(id: string, deletedAt: number): Promise<void>;

  /**
   * Stores the user with its creation time stamped by the store (see insertToken), strictly
   * after every user of its organization; returns the stored record.
   */
  insertUser(user: UserRecord): Promise<UserRecord>;
  getUser(organizationId: string, userId: string): Promise<UserRecord | undefined>;
  /**
   * Resolves an EntityIdentifier: user ID, email or user name (both case-insensitive).
   * A live user wins over a DELETED one with the same name.
   */
  findUser(organizationId: string, identifier: string): Promise<UserRecord | undefined>;
  /**
   * The live (not DELETED) user holding this email, case-insensitively, in any organization:
   * addresses are unique across the installation (web sign-in starts from one).
   */
  findUserByEmail(email: string): Promise<UserRecord | undefined>;
  listUsers(
    organizationId: string,
    query: KeysetPageQuery & { filters?: UserFilters },
  ): Promise<Page<UserRecord>>;
  /** An email already held by a live user of the installation: UniqueConstraintError users_email. */
  updateUser(organizationId: string, userId: string, patch: UserPatch): Promise<void>;
  /** Marks the user DELETED and deletes its tokens (a DELETED event each) and web sessions, atomically. */
  deleteUser(organizationId: string, userId: string, deletedAt: number): Promise<void>;

  /**
   * Writes the token and its CREATED `event` in one transaction and returns the stored token.
   * Rejects with UserNotEnabledError unless the token's user is ENABLED as it is written.
   * The store stamps createdAt from the clock all instances share, strictly after every token of
   * the organization and in commit order (see creation-time.ts), and moves expiresAt and the
   * event's time by as much as createdAt moved, so the lifetime is the one asked for.
   */
  insertToken(token: TokenRecord, event: TokenEventRecord): Promise<TokenRecord>;
  getToken(organizationId: string, tokenId: string): Promise<TokenRecord | undefined>;
  /** Tokens of the organization (of one user when `userId` is set) in (createdAt, id) order. */
  listTokens(
    organizationId: string,
    query: KeysetPageQuery & { userId?: string },
  ): Promise<Page<TokenRecord>>;
  /**
   * The same page as listTokens, as joined PersonalAccessTokenSummary JSON (see
   * TokenSummaryPage). The list hot path uses this.
   */
  listTokenSummaryPage(
    organizationId: string,
    query: KeysetPageQuery & { userId?: string },
  ): Promise<TokenSummaryPage>;
  /**
   * listTokenSummaryPage of the whole organization, with the organization's state (undefined
   * when there is none) read in the same statement: the list hot path's one round trip.
   */
  listOrganizationTokenSummaryPage(
    organizationId: string,
    query: KeysetPageQuery,
  ): Promise<{ organizationState: string | undefined; page: TokenSummaryPage }>;
  /**
   * Deletes the token and writes its DELETED `event` in one transaction; true when a token was
   * deleted (no event is written otherwise).
   */
  deleteToken(organizationId: string, tokenId: string, event: TokenEventRecord): Promise<boolean>;
  /**
   * Replaces the secret hash and expiry (rotation), forgets the warnings sent for the old expiry,
   * and writes its ROTATED `event` in one transaction; returns the updated token, or undefined (and writes nothing) when there is none.
   */
  replaceTokenSecret(
    organizationId: string,
    tokenId: string,
    secretHash: string,
    expiresAt: number,
    event: TokenEventRecord,
  ): Promise<TokenRecord | undefined>;
  findTokenBySecretHash(secretHash: string): Promise<TokenRecord | undefined>;
  /** The token with this secret hash joined with its user and organization, in one read. */
  findLoginSubject(secretHash: string): Promise<LoginSubject | undefined>;
  /**
   * Folds uses into `lastUsedAt` and `lastUsedAddress` (never moving them back, so two flushes in
   * any order agree: the address is the latest use's; at the same millisecond the greater address)
   * and appends events, in one transaction. Uses of tokens deleted meanwhile are dropped.
   */
  recordTokenActivity(
    uses: readonly TokenUse[],
    events: readonly TokenEventRecord[],
  ): Promise<void>;
  /** Token events of the organization (of one token when `tokenId` is set), oldest first. */
  listTokenEvents(
    organizationId: string,
    query: { afterSequence?: number; limit: number; tokenId?: string },
  ): Promise<Page<TokenEventRecord>>;
  /**
   * The newest `limit` events of one user's tokens, newest first. Newest by insertion (sequence),
   * as the events listing pages: a flushed USED may be up to one flush interval older than an
   * admin event written before it.
   */
  listUserTokenEvents(
    organizationId: string,
    userId: string,
    limit: number,
  ): Promise<TokenEventRecord[]>;
  /**
   * Deletes at most `limit` events older than `before` (epoch ms), oldest first; returns how many
   * went. Callers repeat it in batches, so no one statement holds a long write lock.
   */
  deleteTokenEventsBefore(before: number, limit: number): Promise<number>;

  /**
   * Tokens expiring in the range whose owner may be warned: user ENABLED with an email,
   * organization Active with an ACTIVE token policy, the day's warning not yet sent. In
   * (expiresAt, id) order, at most `limit`.
   */
  listExpiryWarningCandidates(
    query: ExpiryWarningCandidateQuery,
  ): Promise<ExpiryWarningCandidate[]>;
  /**
   * Takes the lease to send the warning; true when it is this caller's to send. False when the
   * token is gone or has another expiry, a warning as tight was sent, another lease is live, or
   * the user is no longer ENABLED.
   */
  claimExpiryWarning(claim: ExpiryWarningClaim): Promise<boolean>;
  /** Records the claimed warning as sent and appends its EXPIRY_WARNING_SENT `event`, atomically. */
  completeExpiryWarning(claim: ExpiryWarningClaim, event: TokenEventRecord): Promise<void>;
  /** Ends the lease without recording anything, so a later check sends the warning. */
  releaseExpiryWarning(claim: ExpiryWarningClaim): Promise<void>;

  /** Stores a new web session (see WebSessionRecord). */
  insertWebSession(session: WebSessionRecord): Promise<void>;
  getWebSession(idHash: string): Promise<WebSessionRecord | undefined>;
  /** Moves lastSeenAt (and authenticatedAt when given); no-op when the session is gone. */
  touchWebSession(
    idHash: string,
    patch: { lastSeenAt: number; authenticatedAt?: number },
  ): Promise<void>;
  deleteWebSession(idHash: string): Promise<void>;
  /** Deletes at most `limit` sessions idle since before `idleBefore` or created before `createdBefore`. */
  deleteExpiredWebSessions(
    idleBefore: number,
    createdBefore: number,
    limit: number,
  ): Promise<number>;
  /** Inserts the organization's OpenID Connect provider, or replaces it (every field). */
  putOidcProvider(provider: OidcProviderRecord): Promise<void>;
  getOidcProvider(organizationId: string): Promise<OidcProviderRecord | undefined>;
  /** Providers of live organizations, by providerName then organizationId (sign-in page buttons). */
  listOidcProviders(): Promise<OidcProviderRecord[]>;
  /** True when a provider was deleted. */
  deleteOidcProvider(organizationId: string): Promise<boolean>;
  insertOidcLoginState(state: OidcLoginStateRecord): Promise<void>;
  /** Deletes and returns the state (single use), or undefined. */
  takeOidcLoginState(state: string): Promise<OidcLoginStateRecord | undefined>;
  /** Deletes at most `limit` states created before `before` (epoch ms); returns how many went. */
  deleteOidcLoginStatesBefore(before: number, limit: number): Promise<number>;

  /** Bulk load for `mailpat seed`: one organization, its users and many tokens. */
  seed(plan: SeedPlan): Promise<void>;

  /** Failure counts and pool sizes, from memory (never a query): what a metrics scrape reads. */
  readStats(): StoreStats;
  /**
   * Tokens unexpired and expired at `now` (epoch ms). Linear in the number of tokens, though
   * index-only: metrics cache it (see metrics/token-count-cache.ts).
   */
  countTokensByState(now: number): Promise<TokenStateCounts>;
}
