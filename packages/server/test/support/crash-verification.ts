/**
 * Compares what a crashed and restarted server holds with the crash ledger, through the API:
 * listings, token events and introspection. Each check returns the problems it found.
 * @module
 */
import { MP } from './fixtures.js';
import type { CrashRun } from './crash-client.js';
import { tryDescribeUserState, tryIntrospect, tryListAll, trySend } from './crash-requests.js';
import { STATE_AFTER } from './crash-ledger.js';
import type { LedgerToken, PendingWrite, TokenSummary } from './crash-ledger.js';
import type { MailpatProcess } from './mailpat-process.js';

/** Introspection requests in flight at once during the final check. */
const INTROSPECTION_CONCURRENCY = 8;

/**
 * The check after each restart, before clients continue: every acknowledged token listed as
 * acknowledged, every acknowledged delete gone, and every unknown token one whose create is
 * still without an answer. Writes without an answer may be either way, but whole.
 */
export async function checkListing(run: CrashRun, server: MailpatProcess): Promise<string[]> {
  const listed = await listOrganization(run, server);
  const problems: string[] = [];
  const pendingOf = new Map<string, PendingWrite>();
  const pendingCreates: (PendingWrite & { kind: 'create' })[] = [];
  const deletingUsers = new Set<string>();
  for (const write of run.ledger.pending.values()) {
    if (write.kind === 'create') pendingCreates.push(write);
    else if (write.kind === 'deleteUser') deletingUsers.add(write.userId);
    else if (write.kind !== 'deregisterUser') pendingOf.set(write.tokenId, write);
  }
  for (const token of run.ledger.tokens.values()) {
    const summary = listed.get(token.id);
    const write = pendingOf.get(token.id);
    const mayBeGone = write?.kind === 'delete' || deletingUsers.has(token.userId);
    if (token.deleted) {
      if (summary) problems.push(`deleted token ${token.id} is listed`);
    } else if (summary === undefined) {
      if (!mayBeGone) problems.push(`token ${token.id} (${token.name}) is missing`);
    } else {
      problems.push(...compareSummary(token, summary, write?.kind === 'rotate'));
    }
  }
  for (const userId of deletingUsers) {
    const tokens = run.ledger.liveTokensOfUser(userId);
    const present = tokens.filter((t) => listed.has(t.id)).length;
    if (present !== 0 && present !== tokens.length) {
      problems.push(`user ${userId} half deleted: ${present} of ${tokens.length} tokens left`);
    }
  }
  for (const summary of listed.values()) {
    if (run.ledger.tokens.has(summary.PersonalAccessTokenId)) continue;
    const creating = pendingCreates.some(
      (w) => w.name === summary.Name && w.userId === summary.UserId,
    );
    if (!creating) problems.push(`token ${summary.PersonalAccessTokenId} was never created`);
  }
  return [...problems, ...(await checkUsers(run, server))];
}

/** Every user in the state its acknowledged writes left it in (pending ones: before or after). */
async function checkUsers(run: CrashRun, server: MailpatProcess): Promise<string[]> {
  const pendingUsers = new Map<string, PendingWrite>();
  for (const write of run.ledger.pending.values()) {
    if (write.kind === 'deregisterUser' || write.kind === 'deleteUser') {
      pendingUsers.set(write.userId, write);
    }
  }
  const problems: string[] = [];
  for (const user of run.ledger.users.values()) {
    const state = await tryDescribeUserState(server, run.organizationId, user.id);
    const write = pendingUsers.get(user.id);
    const allowed: string[] = [user.state];
    if (write?.kind === 'deregisterUser' || write?.kind === 'deleteUser') {
      allowed.push(STATE_AFTER[write.kind]);
    }
    if (!allowed.includes(state!)) problems.push(`user ${user.id} is ${state}, not ${user.state}`);
  }
  return problems;
}

/**
 * The final check, all writes resolved: the listing equals the ledger, each token's events
 * agree with its history, the latest secrets authenticate and no replaced one does.
 */
export async function verifyLedger(run: CrashRun, server: MailpatProcess): Promise<string[]> {
  const problems: string[] = [];
  if (run.ledger.pending.size > 0) problems.push(`${run.ledger.pending.size} writes unresolved`);
  problems.push(...(await checkListing(run, server)));
  problems.push(...(await checkEvents(run, server)));
  problems.push(...(await checkSecrets(run, server)));
  return problems;
}

/** A CREATED event for every token, a ROTATED one per rotation, a DELETED one per delete. */
async function checkEvents(run: CrashRun, server: MailpatProcess): Promise<string[]> {
  const events = await listEvents(run, server);
  const problems: string[] = [];
  const counts = new Map<string, Record<string, number>>();
  for (const event of events) {
    const token = run.ledger.tokens.get(event.PersonalAccessTokenId);
    if (token === undefined) {
      problems.push(
        `${event.EventType} event of a token never created: ${event.PersonalAccessTokenId}`,
      );
      continue;
    }
    if (event.UserId !== token.userId) problems.push(`event of ${token.id} names another user`);
    const count = counts.get(token.id) ?? {};
    count[event.EventType] = (count[event.EventType] ?? 0) + 1;
    counts.set(token.id, count);
  }
  for (const token of run.ledger.tokens.values()) {
    const count = counts.get(token.id) ?? {};
    const expected = { CREATED: 1, ROTATED: token.rotations, DELETED: token.deleted ? 1 : 0 };
    for (const [type, times] of Object.entries(expected)) {
      if ((count[type] ?? 0) !== times) {
        problems.push(`token ${token.id}: ${count[type] ?? 0} ${type} events, expected ${times}`);
      }
    }
  }
  return problems;
}

/** Secrets introspected after each restart: the latest replaced ones and a few live ones. */
const SECRETS_CHECKED_PER_RESTART = 8;

/**
 * Introspects secrets after a restart: the latest replaced or deleted ones must not
 * authenticate; the latest secrets of a few tokens without a pending write must.
 */
export async function checkRecentSecrets(run: CrashRun, server: MailpatProcess): Promise<string[]> {
  const { ledger } = run;
  const touched = new Set<string>();
  for (const write of ledger.pending.values()) {
    if ('tokenId' in write) touched.add(write.tokenId);
    if ('userId' in write && write.kind !== 'create') {
      for (const token of ledger.liveTokensOfUser(write.userId)) touched.add(token.id);
    }
  }
  const live = [...ledger.tokens.values()].filter((t) => !touched.has(t.id));
  return introspectAll(run, server, [
    ...secretChecks(run, live.slice(-SECRETS_CHECKED_PER_RESTART)),
    ...ledger.revokedSecrets.slice(-SECRETS_CHECKED_PER_RESTART).map(revoked),
  ]);
}

/** Latest known secrets authenticate while their user is ENABLED; replaced ones never. */
function checkSecrets(run: CrashRun, server: MailpatProcess): Promise<string[]> {
  const tokens = [...run.ledger.tokens.values()];
  return introspectAll(run, server, [
    ...secretChecks(run, tokens),
    ...run.ledger.revokedSecrets.map(revoked),
  ]);
}

interface SecretCheck {
  secret: string;
  active: boolean;
  what: string;
}

function secretChecks(run: CrashRun, tokens: LedgerToken[]): SecretCheck[] {
  return tokens
    .filter((t) => !t.deleted && t.secret !== undefined)
    .map((t) => ({
      secret: t.secret!,
      active: run.ledger.user(t.userId).state === 'ENABLED',
      what: `latest secret of ${t.id}`,
    }));
}

function revoked(secret: string): SecretCheck {
  return { secret, active: false, what: 'replaced or deleted secret' };
}

async function introspectAll(
  run: CrashRun,
  server: MailpatProcess,
  checks: SecretCheck[],
): Promise<string[]> {
  const problems: string[] = [];
  for (let start = 0; start < checks.length; start += INTROSPECTION_CONCURRENCY) {
    const batch = checks.slice(start, start + INTROSPECTION_CONCURRENCY);
    await Promise.all(
      batch.map(async ({ secret, active, what }) => {
        const answer = await tryIntrospect(server, run.introspectionBasic, secret);
        if (answer !== active) problems.push(`${what}: active ${answer}, expected ${active}`);
      }),
    );
  }
  return problems;
}

function compareSummary(token: LedgerToken, summary: TokenSummary, rotating: boolean): string[] {
  const expected = {
    UserId: token.userId,
    Name: token.name,
    DateCreated: token.dateCreated,
    ExpiresTime: rotating ? summary.ExpiresTime : token.expiresTime,
    Scopes: token.scopes,
  };
  const { PersonalAccessTokenId: _id, DateLastUsed: _used, ...actual } = summary;
  if (JSON.stringify(actual) === JSON.stringify(expected)) return [];
  return [
    `token ${token.id} listed as ${JSON.stringify(actual)}, acknowledged ${JSON.stringify(expected)}`,
  ];
}

async function listOrganization(
  run: CrashRun,
  server: MailpatProcess,
): Promise<Map<string, TokenSummary>> {
  const summaries = await tryListAll(server, { OrganizationId: run.organizationId });
  if (summaries === undefined) throw new Error('the restarted server did not answer the listing');
  return new Map(summaries.map((s) => [s.PersonalAccessTokenId, s]));
}

interface TokenEvent {
  PersonalAccessTokenId: string;
  UserId: string;
  EventType: string;
}

/** The organization's admin events (CREATED, ROTATED, DELETED), all pages. */
async function listEvents(run: CrashRun, server: MailpatProcess): Promise<TokenEvent[]> {
  const events: TokenEvent[] = [];
  let NextToken: string | undefined;
  do {
    const page = await trySend(server, MP('ListPersonalAccessTokenEvents'), {
      OrganizationId: run.organizationId,
      ...(NextToken === undefined ? {} : { NextToken }),
    });
    if (page?.status !== 200) throw new Error(`ListPersonalAccessTokenEvents: ${page?.text}`);
    const body = page.body as { Events: TokenEvent[]; NextToken?: string };
    events.push(...body.Events);
    NextToken = body.NextToken;
  } while (NextToken !== undefined);
  return events.filter((e) => ['CREATED', 'ROTATED', 'DELETED'].includes(e.EventType));
}
