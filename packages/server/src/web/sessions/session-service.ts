/**
 * Web sessions: created at sign-in, resolved from the cookie on every request (idle and
 * absolute expiry, the user still ENABLED in a live organization), touched at most once a
 * minute, ended at sign-out.
 * @module
 */
import type {
  OrganizationRecord,
  UserRecord,
  WebSessionMethod,
  WebSessionRecord,
} from '../../domain/records.js';
import type { Store } from '../../storage/store.js';
import { REAUTHENTICATE_AFTER_MS, TOUCH_INTERVAL_MS } from '../constants.js';
import { generateWebSecret, hashSessionSecret, isWebSecret } from './session-secrets.js';

/** A session that is valid now, with the user and organization it acts for. */
export interface ActiveSession {
  session: WebSessionRecord;
  user: UserRecord;
  organization: OrganizationRecord;
}

/** Session lifetimes (see config/web-settings.ts). */
export interface SessionLifetimes {
  idleMs: number;
  maxMs: number;
}

/** Creates, resolves and ends sessions over the store. */
export class WebSessionService {
  constructor(
    private readonly store: Pick<
      Store,
      | 'insertWebSession'
      | 'getWebSession'
      | 'touchWebSession'
      | 'deleteWebSession'
      | 'getOrganization'
      | 'getUser'
    >,
    private readonly lifetimes: SessionLifetimes,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new session of `user`; returns the cookie secret, which is stored only as its hash. */
  async create(
    user: Pick<UserRecord, 'id' | 'organizationId'>,
    method: WebSessionMethod,
  ): Promise<{ secret: string; session: WebSessionRecord }> {
    const secret = generateWebSecret();
    const at = this.now();
    const session: WebSessionRecord = {
      idHash: hashSessionSecret(secret),
      organizationId: user.organizationId,
      userId: user.id,
      method,
      csrfToken: generateWebSecret(),
      createdAt: at,
      authenticatedAt: at,
      lastSeenAt: at,
    };
    await this.store.insertWebSession(session);
    return { secret, session };
  }

  /**
   * The session the cookie secret names, if it is valid now: not idle too long, not too old,
   * its user ENABLED in an Active organization (a user disabled meanwhile is signed out here).
   * An expired session is deleted on the way.
   */
  async resolve(secret: string | undefined): Promise<ActiveSession | undefined> {
    if (!isWebSecret(secret)) return undefined;
    const idHash = hashSessionSecret(secret);
    const session = await this.store.getWebSession(idHash);
    if (session === undefined) return undefined;
    const now = this.now();
    if (this.#expired(session, now)) {
      await this.store.deleteWebSession(idHash);
      return undefined;
    }
    const [organization, user] = await Promise.all([
      this.store.getOrganization(session.organizationId),
      this.store.getUser(session.organizationId, session.userId),
    ]);
    if (organization?.state !== 'Active' || user?.state !== 'ENABLED') return undefined;
    if (now - session.lastSeenAt >= TOUCH_INTERVAL_MS) {
      await this.store.touchWebSession(idHash, { lastSeenAt: now });
      session.lastSeenAt = now;
    }
    return { session, user, organization };
  }

  /** True when this password session must enter the password again for a sensitive action. */
  needsPassword(session: WebSessionRecord): boolean {
    return (
      session.method === 'password' &&
      this.now() - session.authenticatedAt > REAUTHENTICATE_AFTER_MS
    );
  }

  /** Records that the user just proved the password again. */
  async reauthenticated(session: WebSessionRecord): Promise<void> {
    const now = this.now();
    await this.store.touchWebSession(session.idHash, { lastSeenAt: now, authenticatedAt: now });
    session.authenticatedAt = now;
    session.lastSeenAt = now;
  }

  /** Ends the session server-side (sign-out): its cookie is worthless from now on. */
  async end(session: WebSessionRecord): Promise<void> {
    await this.store.deleteWebSession(session.idHash);
  }

  #expired(session: WebSessionRecord, now: number): boolean {
    return (
      now - session.lastSeenAt >= this.lifetimes.idleMs ||
      now - session.createdAt >= this.lifetimes.maxMs
    );
  }
}
