/**
 * Mails each token's owner the warnings of thresholds.ts, exactly once per token and threshold
 * however many instances run: a warning is claimed in the database before it is mailed and
 * recorded (with its EXPIRY_WARNING_SENT event) after the relay accepted it.
 * @module
 */
import { PeriodicJob } from '../background/periodic-job.js';
import type { Clock } from '../domain/clock.js';
import { tokenEventOf } from '../domain/token-events.js';
import type { Logger } from '../logging/logger.js';
import { buildExpiryWarning } from '../mail/expiry-warning-message.js';
import type { MailSender } from '../mail/mail-sender.js';
import { MailDeliveryError } from '../mail/mail-sender.js';
import type { ExpiryWarningCandidate, ExpiryWarningClaim, Store } from '../storage/store.js';
import {
  EXPIRY_CHECK_BATCH_SIZE,
  EXPIRY_CHECK_INTERVAL_MS,
  EXPIRY_WARNING_LEASE_MS,
} from './constants.js';
import type { ExpiryThresholdDays } from './thresholds.js';
import { dueThreshold, owedExpiryBounds, warnedExpiryRange } from './thresholds.js';

type WarningStore = Pick<
  Store,
  | 'listExpiryWarningCandidates'
  | 'claimExpiryWarning'
  | 'completeExpiryWarning'
  | 'releaseExpiryWarning'
>;

export interface ExpiryWarningCheckOptions {
  store: WarningStore;
  sender: MailSender;
  clock: Clock;
  log: Logger;
  /** The web page where users replace tokens (`<MAILPAT_PUBLIC_URL>/account/`), if any. */
  accountUrl: string | undefined;
  batchSize?: number;
  intervalMs?: number;
  leaseMs?: number;
}

/** Runs at start and then hourly in the background; close() waits for a pass under way. */
export class ExpiryWarningCheck {
  readonly #job: PeriodicJob;

  constructor(private readonly options: ExpiryWarningCheckOptions) {
    this.#job = new PeriodicJob(() => this.runOnce(), {
      intervalMs: options.intervalMs ?? EXPIRY_CHECK_INTERVAL_MS,
      log: options.log,
      failure: 'could not check tokens for expiry warnings; will retry',
    });
  }

  /** Checks now, then periodically. */
  start(): void {
    this.#job.start();
  }

  /**
   * Stops the timer; a pass under way stops after the warning it is sending. Then closes the
   * sender, which the check owns.
   */
  async close(): Promise<void> {
    await this.#job.close();
    this.options.sender.close();
  }

  /**
   * One pass over the tokens expiring soon; resolves with how many warnings went out. Stops
   * early when the relay fails for a reason that is not the recipient's: the next pass retries.
   */
  async runOnce(): Promise<number> {
    const sent = await this.#pass();
    // Once per pass (hourly): an operator sees the check runs, and mail that goes out.
    this.options.log.info(`token expiry check: ${sent} warning${sent === 1 ? '' : 's'} mailed`);
    return sent;
  }

  async #pass(): Promise<number> {
    const { store, clock } = this.options;
    const batchSize = this.options.batchSize ?? EXPIRY_CHECK_BATCH_SIZE;
    const now = clock.now();
    const range = warnedExpiryRange(now);
    const owedIf = owedExpiryBounds(now);
    let after: { expiresAt: number; id: string } | undefined;
    let sent = 0;
    for (;;) {
      const candidates = await store.listExpiryWarningCandidates({
        expiresAfter: range.from,
        expiresBefore: range.until,
        owedIf,
        ...(after === undefined ? {} : { after }),
        limit: batchSize,
      });
      for (const candidate of candidates) {
        if (this.#job.closed) return sent;
        const days = dueThreshold(candidate.token, candidate.warnedDays, now);
        if (days === undefined) continue;
        const outcome = await this.#warn(candidate, days);
        if (outcome === 'sent') sent++;
        if (outcome === 'relay-failed') return sent;
      }
      const last = candidates.at(-1);
      if (last === undefined || candidates.length < batchSize) return sent;
      after = { expiresAt: last.token.expiresAt, id: last.token.id };
    }
  }

  /** Claims, mails and records one warning. */
  async #warn(
    candidate: ExpiryWarningCandidate,
    days: ExpiryThresholdDays,
  ): Promise<'sent' | 'not-ours' | 'refused' | 'relay-failed'> {
    const { store, sender, clock, log } = this.options;
    const { token, user } = candidate;
    const claimedAt = clock.now();
    const claim: ExpiryWarningClaim = {
      organizationId: token.organizationId,
      tokenId: token.id,
      expiresAt: token.expiresAt,
      thresholdDays: days,
      now: claimedAt,
      leaseUntil: claimedAt + (this.options.leaseMs ?? EXPIRY_WARNING_LEASE_MS),
    };
    if (!(await store.claimExpiryWarning(claim))) return 'not-ours';
    try {
      await sender.send(
        buildExpiryWarning({
          thresholdDays: days,
          user,
          token: {
            name: token.name,
            scopes: token.scopes,
            lastUsedAt: token.lastUsedAt,
            expiresAt: token.expiresAt,
          },
          now: clock.now(),
          accountUrl: this.options.accountUrl,
        }),
      );
    } catch (error) {
      // Given back, so the next pass (of any instance) tries again.
      await store.releaseExpiryWarning(claim).catch(() => undefined);
      const permanent = error instanceof MailDeliveryError && error.permanent;
      const reason = error instanceof Error ? error.message : String(error);
      log.warn(
        `could not mail the ${days}-day expiry warning of token ${token.id} ` +
          `(organization ${token.organizationId}): ${reason}`,
      );
      return permanent ? 'refused' : 'relay-failed';
    }
    const event = {
      ...tokenEventOf(token, 'EXPIRY_WARNING_SENT', clock.now()),
      expiryWarningDays: days,
    };
    await store.completeExpiryWarning(claim, event);
    return 'sent';
  }
}
