/**
 * What the fuzzer sends, as plain data that fast-check can print and shrink: ids of the live data
 * are placeholders (`⟦org:3⟧`) resolved against the world just before sending.
 * @module
 */
import type { FuzzWorld } from './fuzz-world.js';

/**
 * What a request may do to the data: `read` must leave it unchanged whatever the answer,
 * `refused` is built with a defect the server must refuse (so it must not change it either),
 * `mutation` may change it if accepted.
 */
export type Effect = 'read' | 'refused' | 'mutation';

/** How the request is signed: correctly, or with one named defect. */
export type Signing =
  | 'valid'
  | 'unsigned'
  | 'wrong-secret'
  | 'unknown-key'
  | 'expired'
  | 'future'
  | 'other-service'
  | 'tampered-body'
  | 'tampered-target'
  | 'truncated-authorization'
  | 'garbled-signature'
  | 'dropped-part'
  | 'repeated-part'
  | 'duplicate-authorization'
  | 'duplicate-date'
  | 'missing-date'
  | 'session-token'
  | 'unsent-signed-header'
  | 'presigned-query';

/** One generated request. */
export interface RequestPlan {
  /** A short name of what this is, for the counterexample and the failure message. */
  label: string;
  effect: Effect;
  method: string;
  path: string;
  /** The X-Amz-Target header; undefined sends none. */
  target: string | undefined;
  /** The Content-Type header; undefined sends none. */
  contentType: string | undefined;
  body: string;
  signing: Signing;
  /** Sent after the signed headers, unsigned; a name may repeat. */
  extraHeaders: [string, string][];
  /** A number the signing defect draws from (which character to flip, where to cut). */
  tweak: number;
  /** Send the body's characters as single bytes (latin1), e.g. invalid UTF-8; default UTF-8. */
  latin1Body?: boolean;
  /** A whole hand-made request (latin1), sent as is on its own connection instead of the above. */
  raw?: string;
}

const PLACEHOLDER = /⟦([a-z-]+):(\d+)(?::(\d+))?⟧/g;

/** An organization ID no organization has. */
export const UNKNOWN_ORGANIZATION_ID = `m-${'0'.repeat(31)}f`;

/** Replaces the placeholders of `text` by IDs of the world (well-formed unknown ones if none). */
export function resolvePlaceholders(text: string, world: FuzzWorld): string {
  return text.replace(PLACEHOLDER, (_all, kind: string, a: string, b?: string) =>
    resolveOne(kind, Number(a), Number(b ?? 0), world),
  );
}

function resolveOne(kind: string, a: number, b: number, world: FuzzWorld): string {
  const { orgs } = world;
  const org = orgs.length === 0 ? undefined : orgs[a % orgs.length];
  const other = orgs.length < 2 ? undefined : orgs[(a + 1 + (b % (orgs.length - 1))) % orgs.length];
  const pick = <T>(items: readonly T[] | undefined, i: number) =>
    items === undefined || items.length === 0 ? undefined : items[i % items.length];
  switch (kind) {
    case 'org':
      return org?.id ?? UNKNOWN_ORGANIZATION_ID;
    case 'fuzz-org': {
      // Only organizations the fuzzer created are deleted, so the fixtures keep their tokens.
      const created = orgs.filter((o) => o.alias.startsWith('fz-'));
      return created.length === 0 ? UNKNOWN_ORGANIZATION_ID : created[a % created.length]!.id;
    }
    case 'alias':
      return org?.alias ?? 'fz-none';
    case 'user':
      return pick(org?.users, b)?.id ?? 'fz-nobody';
    case 'user-name':
      return pick(org?.users, b)?.name ?? 'fz-nobody';
    case 'token':
      return pick(org?.tokens, b) ?? 'fz-no-token';
    case 'other-user':
      return pick(other?.users, b)?.id ?? 'fz-nobody';
    case 'other-token':
      return pick(other?.tokens, b) ?? 'fz-no-token';
    case 'next':
      return pick(world.nextTokens, a) ?? 'AAAA';
    default:
      throw new Error(`unknown placeholder ${kind}`);
  }
}
