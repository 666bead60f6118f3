/**
 * The Store written once over Kysely, in dialect-neutral queries. One method per Store
 * method, in the interface's order: longer than most files here, but one interface in one place.
 * @module
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { stampCreationTime } from './creation-time.js';
import { isAfterCursor, toPage } from './keyset.js';
import { migrateToLatest } from './migrations/migrations.js';
import { accessKeyFromRow, accessKeyToRow } from './rows/access-key-rows.js';
import { mailDomainRows } from './rows/mail-domain-rows.js';
import {
  organizationFromRow,
  organizationPatchToRow,
  organizationToRow,
} from './rows/organization-rows.js';
import {
  LISTED_TOKEN_COLUMNS,
  tokenFromListedRow,
  tokenFromRow,
  tokenToRow,
} from './rows/token-rows.js';
import { userFromRow, userPatchToRow, userToRow } from './rows/user-rows.js';
import type {
  AccessKeyRecord,
  LoginSubject,
  OidcLoginStateRecord,
  OidcProviderRecord,
  OrganizationRecord,
  TokenEventRecord,
  TokenRecord,
  TokenUse,
  UserRecord,
  WebSessionRecord,
} from '../domain/records.js';
import type { Database, OrganizationsTable } from './schema.js';
import type { StoreAdapter } from './store-adapter.js';
import { SummaryPageStatements } from './summary-page-queries.js';
import {
  DatabaseFaultError,
  MailDomainTakenError,
  UniqueConstraintError,
  UserNotEnabledError,
} from './storage-errors.js';
import {
  appendTokenEvents,
  compileLoginSubjectSql,
  deleteTokenEventsBefore,
  findLoginSubject,
  listTokenEvents,
  listUserTokenEvents,
  recordTokenActivity,
} from './token-activity-queries.js';
import {
  deleteOidcLoginStatesBefore,
  deleteOidcProvider,
  getOidcProvider,
  insertOidcLoginState,
  listOidcProviders,
  putOidcProvider,
  takeOidcLoginState,
} from './single-sign-on-queries.js';
import { deleteTokensWithEvents } from './token-deletion-queries.js';
import {
  claimExpiryWarning,
  completeExpiryWarning,
  listExpiryWarningCandidates,
  releaseExpiryWarning,
} from './expiry-warning-queries.js';
import { userFilterConditions } from './user-filters.js';
import {
  deleteExpiredWebSessions,
  deleteSessionsOf,
  deleteWebSession,
  getWebSession,
  insertWebSession,
  touchWebSession,
} from './web-session-queries.js';
import type {
  ExpiryWarningCandidate,
  ExpiryWarningCandidateQuery,
  ExpiryWarningClaim,
  KeysetPageQuery,
  OrganizationPatch,
  Page,
  SeedPlan,
  Store,
  StoreStats,
  TokenStateCounts,
  UserFilters,
  UserPatch,
} from './store.js';
import { cutTokenSummaryPage } from '../tokens/token-summary.js';
import type { TokenSummaryPage } from '../tokens/token-summary.js';
import { databaseErrorKind } from './database-error-kind.js';
import type { DatabaseErrorKind } from './database-error-kind.js';
import { countTokensByState } from './token-count-queries.js';

/** The settings row the health check rewrites to learn that a fault has passed. */
const HEALTH_PROBE_SETTING = 'health-probe';

/**
 * A Store over any Kysely dialect. A backend brings the dialect and a StoreAdapter (error
 * mapping, bulk load); every driver error passes through the adapter's translateError.
 */
export class KyselyStore implements Store {
  /** The login lookup in the dialect's SQL, compiled on first use (see findLoginSubject). */
  #loginSubjectSql: string | undefined;
  /** The last lasting fault a query met; ping() clears it once a probe write succeeds. */
  #fault: DatabaseFaultError | undefined;

  /** Failed calls by kind, counted in guard() and read by metrics (readStats). */
  readonly #errors: Record<DatabaseErrorKind, number> = { unavailable: 0, fault: 0, other: 0 };

  /** The list hot path's statements, compiled once (see summary-page-queries.ts). */
  readonly #summaryPages: SummaryPageStatements;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly adapter: StoreAdapter,
  ) {
    this.#summaryPages = new SummaryPageStatements(db, adapter);
  }

  migrate(): Promise<void> {
    return this.guard(() => this.adapter.withMigrationLock(this.db, migrateToLatest));
  }

  ping(): Promise<void> {
    return this.guard(async () => {
      await sql`select 1`.execute(this.db);
      // Reads keep working on a full disk: only a write shows that the fault has passed.
      if (this.#fault === undefined) return;
      const value = new Date().toISOString();
      await this.db
        .insertInto('settings')
        .values({ key: HEALTH_PROBE_SETTING, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
      this.#fault = undefined;
    });
  }

  async close(): Promise<void> {
    try {
      await this.db.destroy();
    } finally {
      await this.adapter.close();
    }
  }

  getSetting(key: string): Promise<string | undefined> {
    return this.guard(() => this.readSetting(key));
  }

  getOrCreateSetting(key: string, create: () => string): Promise<string> {
    return this.guard(async () => {
      const existing = await this.readSetting(key);
      if (existing !== undefined) return existing;
      // Insert-or-ignore then read: when two processes race, both return the first value.
      await this.db
        .insertInto('settings')
        .values({ key, value: create() })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      const stored = await this.readSetting(key);
      if (stored === undefined) throw new Error(`setting ${key} vanished after insert`);
      return stored;
    });
  }

  getAccessKey(accessKeyId: string): Promise<AccessKeyRecord | undefined> {
    return this.guard(async () => {
      const row = await this.db
        .selectFrom('access_keys')
        .selectAll()
        .where('access_key_id', '=', accessKeyId)
        .executeTakeFirst();
      return row && accessKeyFromRow(row);
    });
  }

  putAccessKey(key: AccessKeyRecord): Promise<void> {
    return this.guard(async () => {
      await this.db
        .insertInto('access_keys')
        .values(accessKeyToRow(key))
        .onConflict((oc) => oc.column('access_key_id').doNothing())
        .execute();
    });
  }

  deleteAccessKey(accessKeyId: string): Promise<void> {
    return this.guard(async () => {
      await this.db.deleteFrom('access_keys').where('access_key_id', '=', accessKeyId).execute();
    });
  }

  findFirstAccessKey(): Promise<AccessKeyRecord | undefined> {
    return this.guard(async () => {
      const row = await this.db
        .selectFrom('access_keys')
        .selectAll()
        .where('enabled', '=', 1)
        .orderBy('created_at')
        .orderBy('access_key_id')
        .limit(1)
        .executeTakeFirst();
      return row && accessKeyFromRow(row);
    });
  }

  insertOrganization(org: OrganizationRecord): Promise<OrganizationRecord> {
    return this.guard(() =>
      this.db.transaction().execute(async (trx) => {
        const createdAt = await stampCreationTime(trx, this.adapter, { table: 'organizations' });
        const stamped: OrganizationRecord = { ...org, createdAt };
        await trx.insertInto('organizations').values(organizationToRow(stamped)).execute();
        // One row per statement, so a violation names the domain it was about.
        for (const row of mailDomainRows(stamped)) {
          try {
            await trx.insertInto('mail_domains').values(row).execute();
          } catch (error) {
            const translated = this.adapter.translateError(error);
            if (
              translated instanceof UniqueConstraintError &&
              translated.constraint === 'mail_domains_pkey'
            ) {
              throw new MailDomainTakenError(row.domain_lower, { cause: translated });
            }
            throw error;
          }
        }
        return stamped;
      }),
    );
  }

  getOrganization(id: string): Promise<OrganizationRecord | undefined> {
    return this.guard(async () => {
      // On every request's path: a sql template skips the query builder, whose build and
      // compile cost more than the query itself (measured 72 µs against 15 µs).
      const { rows } = await sql<OrganizationsTable>`
        select * from organizations where id = ${id}`.execute(this.db);
      return rows[0] && organizationFromRow(rows[0]);
    });
  }

  findActiveOrganizationByAlias(alias: string): Promise<OrganizationRecord | undefined> {
    return this.guard(async () => {
      const row = await this.db
        .selectFrom('organizations')
        .selectAll()
        .where('alias_lower', '=', alias.toLowerCase())
        // A literal, not a parameter, so the partial index organizations_alias applies.
        .where('state', '<>', sql.lit('Deleted'))
        .executeTakeFirst();
      return row && organizationFromRow(row);
    });
  }

  listOrganizations(query: KeysetPageQuery): Promise<Page<OrganizationRecord>> {
    return this.guard(async () => {
      const { after, limit } = query;
      const rows = await this.db
        .selectFrom('organizations')
        .selectAll()
        .$if(after !== undefined, (qb) => qb.where(isAfterCursor(after!)))
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit + 1)
        .execute();
      return toPage(rows, limit, organizationFromRow);
    });
  }

  updateOrganization(id: string, patch: OrganizationPatch): Promise<void> {
    return this.guard(async () => {
      const row = organizationPatchToRow(patch);
      if (Object.keys(row).length === 0) return;
      await this.db.updateTable('organizations').set(row).where('id', '=', id).execute();
    });
  }

  deleteOrganization(id: string, deletedAt: number): Promise<void> {
    return this.guard(() =>
      this.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('organizations')
          .set({ state: 'Deleted', deleted_at: deletedAt })
          .where('id', '=', id)
          .execute();
        if (this.adapter.locksRows) {
          // Locked before the tokens go: an insertToken waiting on one of these users then
          // finds it gone, instead of adding a token that would block the users' delete.
          await trx
            .selectFrom('users')
            .select('id')
            .where('organization_id', '=', id)
            .forUpdate()
            .execute();
        }
        // Tokens first: they reference the users.
        await deleteTokensWithEvents(trx, this.adapter, { organizationId: id }, deletedAt);
        await deleteSessionsOf(trx, id);
        await trx.deleteFrom('users').where('organization_id', '=', id).execute();
        await trx.deleteFrom('mail_domains').where('organization_id', '=', id).execute();
        await trx.deleteFrom('oidc_login_states').where('organization_id', '=', id).execute();
        await trx.deleteFrom('oidc_providers').where('organization_id', '=', id).execute();
      }),
    );
  }

  insertUser(user: UserRecord): Promise<UserRecord> {
    return this.guard(() =>
      this.db.transaction().execute(async (trx) => {
        const createdAt = await stampCreationTime(trx, this.adapter, {
          table: 'users',
          organizationId: user.organizationId,
        });
        const stamped: UserRecord = { ...user, createdAt };
        await trx.insertInto('users').values(userToRow(stamped)).execute();
        return stamped;
      }),
    );
  }

  getUser(organizationId: string, userId: string): Promise<UserRecord | undefined> {
    return this.guard(async () => {
      const row = await this.db
        .selectFrom('users')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('id', '=', userId)
        .executeTakeFirst();
      return row && userFromRow(row);
    });
  }

  findUser(organizationId: string, identifier: string): Promise<UserRecord | undefined> {
    return this.guard(async () => {
      const lowered = identifier.toLowerCase();
      const row = await this.db
        .selectFrom('users')
        .selectAll()
        // The organization inside each branch lets every branch seek its own index.
        .where((eb) =>
          eb.or(
            (['id', 'email_lower', 'name_lower'] as const).map((column) =>
              eb.and([
                eb('organization_id', '=', organizationId),
                eb(column, '=', column === 'id' ? identifier : lowered),
              ]),
            ),
          ),
        )
        // An exact ID first, then a live user over DELETED ones, then the newest.
        .orderBy((eb) => eb.case().when('id', '=', identifier).then(0).else(1).end())
        .orderBy((eb) => eb.case().when('state', '=', 'DELETED').then(1).else(0).end())
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row && userFromRow(row);
    });
  }

  findUserByEmail(email: string): Promise<UserRecord | undefined> {
    return this.guard(async () => {
      const row = await this.db
        .selectFrom('users')
        .selectAll()
        .where('email_lower', '=', email.toLowerCase())
        // A literal, not a parameter, so the partial unique index users_email applies.
        .where('state', '<>', sql.lit('DELETED'))
        .executeTakeFirst();
      return row && userFromRow(row);
    });
  }

  listUsers(
    organizationId: string,
    query: KeysetPageQuery & { filters?: UserFilters },
  ): Promise<Page<UserRecord>> {
    return this.guard(async () => {
      const { after, limit, filters } = query;
      const rows = await this.db
        .selectFrom('users')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .$if(filters !== undefined, (qb) =>
          qb.where((eb) => eb.and(userFilterConditions(eb, filters!))),
        )
        .$if(after !== undefined, (qb) => qb.where(isAfterCursor(after!)))
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit + 1)
        .execute();
      return toPage(rows, limit, userFromRow);
    });
  }

  updateUser(organizationId: string, userId: string, patch: UserPatch): Promise<void> {
    return this.guard(async () => {
      const row = userPatchToRow(patch);
      if (Object.keys(row).length === 0) return;
      await this.db
        .updateTable('users')
        .set(row)
        .where('organization_id', '=', organizationId)
        .where('id', '=', userId)
        .execute();
    });
  }

  deleteUser(organizationId: string, userId: string, deletedAt: number): Promise<void> {
    return this.guard(() =>
      this.db.transaction().execute(async (trx) => {
        // The user first: its row lock orders this against insertToken's locking read, so a
        // token is either refused or already committed when the tokens are deleted.
        await trx
          .updateTable('users')
          .set({ state: 'DELETED', deleted_at: deletedAt })
          .where('organization_id', '=', organizationId)
          .where('id', '=', userId)
          .execute();
        await deleteTokensWithEvents(trx, this.adapter, { organizationId, userId }, deletedAt);
        await deleteSessionsOf(trx, organizationId, userId);
      }),
    );
  }

  insertToken(token: TokenRecord, event: TokenEventRecord): Promise<TokenRecord> {
    return this.guard(() =>
      // The user check and the insert in one transaction: a DeleteUser that lands between a
      // handler's own check and this write cannot leave a token behind for a deleted user.
      // Where transactions run concurrently the user row is locked (FOR SHARE: token inserts
      // of one user do not wait on each other, DeleteUser's update waits for them all).
      this.db.transaction().execute(async (trx) => {
        const user = await trx
          .selectFrom('users')
          .select('state')
          .where('organization_id', '=', token.organizationId)
          .where('id', '=', token.userId)
          .$if(this.adapter.locksRows, (qb) => qb.forShare())
          .executeTakeFirst();
        if (user?.state !== 'ENABLED') throw new UserNotEnabledError(token.userId);
        // Stamped after the user's row lock: the creation lock is the event append lock, which
        // every transaction takes after its row locks (see appendTokenEvents).
        const createdAt = await stampCreationTime(trx, this.adapter, {
          table: 'personal_access_tokens',
          organizationId: token.organizationId,
        });
        const shift = createdAt - token.createdAt;
        const stamped: TokenRecord = { ...token, createdAt, expiresAt: token.expiresAt + shift };
        await trx.insertInto('personal_access_tokens').values(tokenToRow(stamped)).execute();
        await appendTokenEvents(trx, this.adapter, [{ ...event, at: event.at + shift }]);
        return stamped;
      }),
    );
  }

  getToken(organizationId: string, tokenId: string): Promise<TokenRecord | undefined> {
    return this.guard(async () => {
      const row = await this.db
        .selectFrom('personal_access_tokens')
        .selectAll()
        .where('id', '=', tokenId)
        .where('organization_id', '=', organizationId)
        .executeTakeFirst();
      return row && tokenFromRow(row);
    });
  }

  listTokens(
    organizationId: string,
    query: KeysetPageQuery & { userId?: string },
  ): Promise<Page<TokenRecord>> {
    return this.guard(async () => {
      const { after, limit, userId } = query;
      const rows = await this.db
        .selectFrom('personal_access_tokens')
        .select(LISTED_TOKEN_COLUMNS)
        .where('organization_id', '=', organizationId)
        .$if(userId !== undefined, (qb) => qb.where('user_id', '=', userId!))
        .$if(after !== undefined, (qb) => qb.where(isAfterCursor(after!)))
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit + 1)
        .execute();
      return toPage(rows, limit, (row) => tokenFromListedRow(row, organizationId));
    });
  }

  listTokenSummaryPage(
    organizationId: string,
    query: KeysetPageQuery & { userId?: string },
  ): Promise<TokenSummaryPage> {
    return this.guard(async () => {
      const row = await this.#summaryPages.select({
        organizationId,
        ...query,
        withOrganizationState: false,
      });
      return cutTokenSummaryPage(row.joined, Number(row.fetched), query.limit);
    });
  }

  listOrganizationTokenSummaryPage(
    organizationId: string,
    query: KeysetPageQuery,
  ): Promise<{ organizationState: string | undefined; page: TokenSummaryPage }> {
    return this.guard(async () => {
      const row = await this.#summaryPages.select({
        organizationId,
        ...query,
        withOrganizationState: true,
      });
      return {
        organizationState: row.organization_state ?? undefined,
        page: cutTokenSummaryPage(row.joined, Number(row.fetched), query.limit),
      };
    });
  }

  deleteToken(organizationId: string, tokenId: string, event: TokenEventRecord): Promise<boolean> {
    return this.guard(() =>
      this.db.transaction().execute(async (trx) => {
        const result = await trx
          .deleteFrom('personal_access_tokens')
          .where('id', '=', tokenId)
          .where('organization_id', '=', organizationId)
          .executeTakeFirst();
        if (result.numDeletedRows === 0n) return false;
        await appendTokenEvents(trx, this.adapter, [event]);
        return true;
      }),
    );
  }

  replaceTokenSecret(
    organizationId: string,
    tokenId: string,
    secretHash: string,
    expiresAt: number,
    event: TokenEventRecord,
  ): Promise<TokenRecord | undefined> {
    return this.guard(async () => {
      // Read and write in one transaction: the stored summary JSON must match the new expiry.
      return this.db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('personal_access_tokens')
          .selectAll()
          .where('id', '=', tokenId)
          .where('organization_id', '=', organizationId)
          .$if(this.adapter.locksRows, (qb) => qb.forUpdate())
          .executeTakeFirst();
        if (!row) return undefined;
        const rotated: TokenRecord = { ...tokenFromRow(row), secretHash, expiresAt };
        const { secret_hash, expires_at, summary_json } = tokenToRow(rotated);
        await trx
          .updateTable('personal_access_tokens')
          // A new expiry: its warnings are all still to come.
          .set({
            secret_hash,
            expires_at,
            summary_json,
            expiry_warned_days: null,
            expiry_warning_lease_until: null,
          })
          .where('id', '=', tokenId)
          .where('organization_id', '=', organizationId)
          .execute();
        await appendTokenEvents(trx, this.adapter, [event]);
        return rotated;
      });
    });
  }

  findTokenBySecretHash(secretHash: string): Promise<TokenRecord | undefined> {
    return this.guard(async () => {
      const row = await this.db
        .selectFrom('personal_access_tokens')
        .selectAll()
        .where('secret_hash', '=', secretHash)
        .executeTakeFirst();
      return row && tokenFromRow(row);
    });
  }

  findLoginSubject(secretHash: string): Promise<LoginSubject | undefined> {
    this.#loginSubjectSql ??= compileLoginSubjectSql(this.db);
    const compiledSql = this.#loginSubjectSql;
    return this.guard(() => findLoginSubject(this.db, compiledSql, secretHash));
  }

  recordTokenActivity(
    uses: readonly TokenUse[],
    events: readonly TokenEventRecord[],
  ): Promise<void> {
    if (uses.length === 0 && events.length === 0) return Promise.resolve();
    return this.guard(() =>
      this.db.transaction().execute((trx) => recordTokenActivity(trx, this.adapter, uses, events)),
    );
  }

  listExpiryWarningCandidates(
    query: ExpiryWarningCandidateQuery,
  ): Promise<ExpiryWarningCandidate[]> {
    return this.guard(() => listExpiryWarningCandidates(this.db, query));
  }

  claimExpiryWarning(claim: ExpiryWarningClaim): Promise<boolean> {
    return this.guard(() => claimExpiryWarning(this.db, claim));
  }

  completeExpiryWarning(claim: ExpiryWarningClaim, event: TokenEventRecord): Promise<void> {
    return this.guard(() =>
      this.db
        .transaction()
        .execute((trx) => completeExpiryWarning(trx, this.adapter, claim, event)),
    );
  }

  releaseExpiryWarning(claim: ExpiryWarningClaim): Promise<void> {
    return this.guard(() => releaseExpiryWarning(this.db, claim));
  }

  listTokenEvents(
    organizationId: string,
    query: { afterSequence?: number; limit: number; tokenId?: string },
  ): Promise<Page<TokenEventRecord>> {
    return this.guard(() => listTokenEvents(this.db, organizationId, query));
  }

  listUserTokenEvents(
    organizationId: string,
    userId: string,
    limit: number,
  ): Promise<TokenEventRecord[]> {
    return this.guard(() => listUserTokenEvents(this.db, organizationId, userId, limit));
  }

  deleteTokenEventsBefore(before: number, limit: number): Promise<number> {
    return this.guard(() => deleteTokenEventsBefore(this.db, before, limit));
  }

  insertWebSession(session: WebSessionRecord): Promise<void> {
    return this.guard(() => insertWebSession(this.db, session));
  }

  getWebSession(idHash: string): Promise<WebSessionRecord | undefined> {
    return this.guard(() => getWebSession(this.db, idHash));
  }

  touchWebSession(
    idHash: string,
    patch: { lastSeenAt: number; authenticatedAt?: number },
  ): Promise<void> {
    return this.guard(() => touchWebSession(this.db, idHash, patch));
  }

  deleteWebSession(idHash: string): Promise<void> {
    return this.guard(() => deleteWebSession(this.db, idHash));
  }

  deleteExpiredWebSessions(
    idleBefore: number,
    createdBefore: number,
    limit: number,
  ): Promise<number> {
    return this.guard(() => deleteExpiredWebSessions(this.db, idleBefore, createdBefore, limit));
  }

  putOidcProvider(provider: OidcProviderRecord): Promise<void> {
    return this.guard(() => putOidcProvider(this.db, provider));
  }

  getOidcProvider(organizationId: string): Promise<OidcProviderRecord | undefined> {
    return this.guard(() => getOidcProvider(this.db, organizationId));
  }

  listOidcProviders(): Promise<OidcProviderRecord[]> {
    return this.guard(() => listOidcProviders(this.db));
  }

  deleteOidcProvider(organizationId: string): Promise<boolean> {
    return this.guard(() => deleteOidcProvider(this.db, organizationId));
  }

  insertOidcLoginState(state: OidcLoginStateRecord): Promise<void> {
    return this.guard(() => insertOidcLoginState(this.db, state));
  }

  takeOidcLoginState(state: string): Promise<OidcLoginStateRecord | undefined> {
    return this.guard(() => takeOidcLoginState(this.db, state));
  }

  deleteOidcLoginStatesBefore(before: number, limit: number): Promise<number> {
    return this.guard(() => deleteOidcLoginStatesBefore(this.db, before, limit));
  }

  seed(plan: SeedPlan): Promise<void> {
    // Holding Kysely's connection keeps its queries and transactions out of the raw bulk load.
    return this.guard(() => this.db.connection().execute(() => this.adapter.seed(plan)));
  }

  readStats(): StoreStats {
    return { errors: { ...this.#errors }, pool: this.adapter.poolStats() };
  }

  countTokensByState(now: number): Promise<TokenStateCounts> {
    return this.guard(() => countTokensByState(this.db, now));
  }

  private async readSetting(key: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirst();
    return row?.value;
  }

  private async guard<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await this.adapter.retryWhileLocked(run);
    } catch (error) {
      const translated = this.adapter.translateError(error);
      if (translated instanceof DatabaseFaultError) this.#fault = translated;
      const kind = databaseErrorKind(translated);
      if (kind !== undefined) this.#errors[kind] += 1;
      throw translated;
    }
  }
}
