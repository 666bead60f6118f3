/**
 * The token half of an introspection: checksum, remembered refusals, one database read,
 * the decision, and the use or refusal recorded for the token's history. A presented token only
 * ever costs this; it never throttles anyone.
 * @module
 */
import { timingSafeEqual } from 'node:crypto';
import type { Store } from '../storage/store.js';
import { hashTokenSecret, hasValidChecksum } from '../tokens/token-secret.js';
import {
  MAX_REMEMBERED_REFUSALS,
  REFUSED_TOKEN_TTL_MS,
  UNKNOWN_TOKEN_TTL_MS,
} from './constants.js';
import { decideIntrospection, refusalOf } from './decide-introspection.js';
import type { ActiveIntrospection } from './decide-introspection.js';
import type { InactiveReason, IntrospectionObserver } from './introspection-outcome.js';
import { RefusalCache } from './refusal-cache.js';
import type { UsageRecorder } from './usage-recorder.js';

/** An RFC 7662 §2.2 answer. */
export type IntrospectionAnswer = ActiveIntrospection | { active: false };

/** Answers `secret` presented by the mail client at `clientAddress`, at `now` (epoch ms). */
export type IntrospectToken = (
  secret: string,
  clientAddress: string,
  now: number,
) => Promise<IntrospectionAnswer>;

const INACTIVE = { active: false } as const;

/** An introspector with its own memory of refused tokens. */
export function createTokenIntrospector(deps: {
  store: Pick<Store, 'findLoginSubject'>;
  recorder: Pick<UsageRecorder, 'recordUse' | 'recordRefusal'>;
  metrics?: Pick<IntrospectionObserver, 'countInactiveIntrospection'> | undefined;
}): IntrospectToken {
  const refusals = new RefusalCache({ maxEntries: MAX_REMEMBERED_REFUSALS });
  const inactive = (reason: InactiveReason) => {
    deps.metrics?.countInactiveIntrospection(reason);
    return INACTIVE;
  };
  return async (secret, clientAddress, now) => {
    // A bad checksum is a typo or a guess: no read, nothing remembered.
    if (!hasValidChecksum(secret)) return inactive('malformed');
    const hash = hashTokenSecret(secret);
    const remembered = refusals.get(hash, now);
    if (remembered !== undefined) {
      if (remembered.subject === undefined) return inactive('unknown');
      deps.recorder.recordRefusal(remembered.subject, clientAddress, now);
      // Remembered because it was refused: only a clock stepping back could clear the reason.
      return inactive(refusalOf(remembered.subject, now) ?? 'expired');
    }
    const subject = await deps.store.findLoginSubject(hash);
    // The index found it by equality; compare again in constant time before trusting it.
    if (subject === undefined || !sameHash(subject.token.secretHash, hash)) {
      refusals.remember(hash, undefined, now, UNKNOWN_TOKEN_TTL_MS);
      return inactive('unknown');
    }
    const active = decideIntrospection(subject, now);
    if (active === undefined) {
      refusals.remember(hash, subject, now, REFUSED_TOKEN_TTL_MS);
      deps.recorder.recordRefusal(subject, clientAddress, now);
      return inactive(refusalOf(subject, now) ?? 'expired');
    }
    deps.recorder.recordUse(subject, clientAddress, now);
    return active;
  };
}

function sameHash(stored: string, computed: string): boolean {
  const a = Buffer.from(stored, 'hex');
  const b = Buffer.from(computed, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
