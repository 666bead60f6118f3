/**
 * One client of the crash test: creates, rotates and deletes its own tokens, and retires its own
 * users, at full speed; records every answer in the ledger and, after a write that got none,
 * finds out on the next incarnation of the server whether it happened.
 * @module
 */
import { MP, WM } from './fixtures.js';
import { STATE_AFTER, STATE_BEFORE } from './crash-ledger.js';
import type { CreateAnswer, CrashLedger, PendingWrite, TokenSummary } from './crash-ledger.js';
import {
  sendOrExplain,
  tryDescribeUserState,
  tryIntrospect,
  tryListAll,
  trySend,
} from './crash-requests.js';
import type { KillableServer } from './killable-server.js';
import type { MailpatProcess } from './mailpat-process.js';
import type { SeededRandom } from './seeded-random.js';
import type { RawResponse } from './signed-request.js';

/** What every client of a run shares. */
export interface CrashRun {
  server: KillableServer;
  ledger: CrashLedger;
  random: SeededRandom;
  organizationId: string;
  /** `user:password` of the introspection client. */
  introspectionBasic: string;
  /** True once the clients are to stop after their current write. */
  stopping(): boolean;
}

/** Live tokens a client keeps at most; past it, it deletes more than it creates. */
const MAX_LIVE_TOKENS = 25;
/** The PAT policy's lifetime (createOrgWithUsers' default): ExpiresInDays stays within it. */
const LIFETIME_IN_DAYS = 30;
/** The odds that a write deregisters one of the client's users (to delete it next). */
const USER_RETIREMENT_ODDS = 0.02;
const SCOPE_SETS = [['IMAP'], ['SMTP'], ['IMAP', 'SMTP']];
/** Resolving an unknown outcome gives up after this many incarnations without an answer. */
const MAX_RESOLVE_ATTEMPTS = 50;

/** Runs client number `client` until the run stops; throws on anything the ledger contradicts. */
export async function runCrashClient(run: CrashRun, client: number): Promise<void> {
  let sequence = 0;
  while (!run.stopping()) {
    const { server, generation } = await run.server.liveAfter();
    const write = chooseWrite(run, client, `c${client}-${sequence++}`);
    run.ledger.pending.set(client, write);
    const [target, input] = requestOf(run, write);
    const response = await sendOrExplain(server, target, input);
    if (typeof response !== 'string' && response.status === 200) {
      acknowledge(run, client, write, response.body);
      continue;
    }
    if (response === 'refused') run.ledger.neverSent(client);
    else if (typeof response !== 'string') run.ledger.refuse(response.status, target);
    await resolveUnknown(run, client, write, generation);
  }
}

function chooseWrite(run: CrashRun, client: number, name: string): PendingWrite {
  const { random, ledger } = run;
  const users = ledger.usersOf(client);
  const disabled = users.find((u) => u.state === 'DISABLED');
  if (disabled) return { kind: 'deleteUser', userId: disabled.id };
  const enabled = users.filter((u) => u.state === 'ENABLED');
  if (enabled.length > 1 && random.next() < USER_RETIREMENT_ODDS) {
    return { kind: 'deregisterUser', userId: random.pick(enabled).id };
  }
  const writable = ledger.writableTokensOf(client);
  const createOdds = writable.length >= MAX_LIVE_TOKENS ? 0.2 : 0.4;
  const roll = random.next();
  if (writable.length === 0 || roll < createOdds) {
    const userId = random.pick(enabled).id;
    const scopes = random.pick(SCOPE_SETS);
    return { kind: 'create', name, userId, scopes, days: random.int(1, LIFETIME_IN_DAYS) };
  }
  const token = random.pick(writable);
  if (roll < createOdds + 0.35) {
    // Other days than the token's current ones: a rotation always moves its expiry.
    const days = ((token.days + random.int(0, LIFETIME_IN_DAYS - 2)) % LIFETIME_IN_DAYS) + 1;
    return { kind: 'rotate', tokenId: token.id, days };
  }
  return { kind: 'delete', tokenId: token.id };
}

function requestOf(run: CrashRun, write: PendingWrite): [string, Record<string, unknown>] {
  const OrganizationId = run.organizationId;
  switch (write.kind) {
    case 'create': {
      const { userId: UserId, name: Name, scopes: Scopes, days: ExpiresInDays } = write;
      const input = { OrganizationId, UserId, Name, Scopes, ExpiresInDays };
      return [MP('CreatePersonalAccessToken'), input];
    }
    case 'rotate': {
      const input = {
        OrganizationId,
        PersonalAccessTokenId: write.tokenId,
        ExpiresInDays: write.days,
      };
      return [MP('RotatePersonalAccessToken'), input];
    }
    case 'delete':
      return [
        WM('DeletePersonalAccessToken'),
        { OrganizationId, PersonalAccessTokenId: write.tokenId },
      ];
    case 'deregisterUser':
      return [WM('DeregisterFromWorkMail'), { OrganizationId, EntityId: write.userId }];
    case 'deleteUser':
      return [WM('DeleteUser'), { OrganizationId, UserId: write.userId }];
  }
}

function acknowledge(run: CrashRun, client: number, write: PendingWrite, body: object): void {
  const { ledger } = run;
  if (write.kind === 'delete') return ledger.acknowledgeDelete(client, write);
  if (write.kind === 'deregisterUser' || write.kind === 'deleteUser') {
    return ledger.acknowledgeUserWrite(client, write);
  }
  const answer = body as CreateAnswer;
  if (write.kind === 'create') {
    expectSame(
      answer.Scopes,
      write.scopes,
      `scopes of the created ${answer.PersonalAccessTokenId}`,
    );
    return ledger.acknowledgeCreate(client, write, answer);
  }
  const token = ledger.token(write.tokenId);
  expectSame(answer.DateCreated, token.dateCreated, `DateCreated of the rotated ${token.id}`);
  ledger.acknowledgeRotate(client, write, answer);
}

/**
 * Finds out whether `write` happened, on an incarnation after `generation`; when that one is
 * killed too before answering, on the next.
 */
async function resolveUnknown(
  run: CrashRun,
  client: number,
  write: PendingWrite,
  generation: number,
): Promise<void> {
  for (let attempt = 0; attempt < MAX_RESOLVE_ATTEMPTS; attempt++) {
    const live = await run.server.liveAfter(generation);
    if (await tryResolve(run, client, write, live.server)) return;
    generation = live.generation;
  }
  throw new Error(`client ${client}: no answer to resolve ${JSON.stringify(write)}`);
}

/** Resolves `write` on `server`; false when the server gave no answer. */
async function tryResolve(
  run: CrashRun,
  client: number,
  write: PendingWrite,
  server: MailpatProcess,
): Promise<boolean> {
  const { ledger } = run;
  if (write.kind === 'create') {
    const found = await findByName(run, server, write.userId, write.name);
    if (found === null) return false;
    ledger.resolveCreate(client, write, found);
    return true;
  }
  if (write.kind === 'deregisterUser' || write.kind === 'deleteUser') {
    const state = await tryDescribeUserState(server, run.organizationId, write.userId);
    if (state === undefined) return false;
    if (state !== STATE_BEFORE[write.kind] && state !== STATE_AFTER[write.kind]) {
      throw new Error(`user ${write.userId} is ${state} after an unknown ${write.kind}`);
    }
    ledger.resolveUserWrite(client, write, state === STATE_AFTER[write.kind]);
    return true;
  }
  const token = ledger.token(write.tokenId);
  const metadata = await trySend(server, WM('GetPersonalAccessTokenMetadata'), {
    OrganizationId: run.organizationId,
    PersonalAccessTokenId: token.id,
  });
  if (metadata === undefined) return false;
  if (write.kind === 'delete') {
    const gone = metadata.status === 400 && metadata.body.__type === 'ResourceNotFoundException';
    if (!gone) expectListed(metadata, token.id);
    ledger.resolveDelete(client, write, gone);
    return true;
  }
  expectListed(metadata, token.id);
  const expiresTime = (metadata.body as unknown as TokenSummary).ExpiresTime;
  const rotated = expiresTime !== token.expiresTime;
  if (token.secret !== undefined) {
    const answer = await tryIntrospect(server, run.introspectionBasic, token.secret);
    if (answer === undefined) return false;
    // All or nothing: the old secret works exactly when the expiry did not move.
    expectSame(answer, !rotated, `old secret of ${token.id} active after an unknown rotation`);
  }
  ledger.resolveRotate(client, write, rotated ? expiresTime : undefined);
  return true;
}

/** The user's token named `name` (undefined: none), or null when the server gave no answer. */
async function findByName(
  run: CrashRun,
  server: MailpatProcess,
  userId: string,
  name: string,
): Promise<TokenSummary | undefined | null> {
  const summaries = await tryListAll(server, {
    OrganizationId: run.organizationId,
    UserId: userId,
  });
  if (summaries === undefined) return null;
  const named = summaries.filter((s) => s.Name === name);
  if (named.length > 1) throw new Error(`${named.length} tokens named ${name}`);
  return named[0];
}

function expectListed(response: RawResponse, tokenId: string): void {
  if (response.status !== 200) {
    throw new Error(`token ${tokenId} should exist: ${response.status} ${response.text}`);
  }
}

function expectSame(actual: unknown, expected: unknown, what: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${what}: ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  }
}
