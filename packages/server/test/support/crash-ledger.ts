/**
 * What clients of a crash test were told: every acknowledged write, the writes still in flight
 * or without an answer, and how each unknown outcome resolved.
 * @module
 */

/** A token as the API acknowledged it (or, for a create without answer, as it was found). */
export interface LedgerToken {
  id: string;
  /** The client that owns it: only that client writes to it, one write at a time. */
  client: number;
  userId: string;
  name: string;
  scopes: string[];
  /** Epoch seconds, as the API answered them. */
  dateCreated: number;
  expiresTime: number;
  /** The ExpiresInDays of its latest write, so the next rotation can ask for other days. */
  days: number;
  /** The latest secret; undefined after a create or rotation that got no answer but happened. */
  secret: string | undefined;
  /** Rotations that took effect, acknowledged or found done. */
  rotations: number;
  deleted: boolean;
}

/** A user tokens are created for; one client owns it and retires it in two steps. */
export interface LedgerUser {
  id: string;
  client: number;
  state: 'ENABLED' | 'DISABLED' | 'DELETED';
}

/** A write sent and not (yet) acknowledged. */
export type PendingWrite =
  | { kind: 'create'; name: string; userId: string; scopes: string[]; days: number }
  | { kind: 'rotate'; tokenId: string; days: number }
  | { kind: 'delete'; tokenId: string }
  /** DeregisterFromWorkMail: the user becomes DISABLED, its tokens stay (and stop working). */
  | { kind: 'deregisterUser'; userId: string }
  /** DeleteUser of a DISABLED user: its tokens go with it. */
  | { kind: 'deleteUser'; userId: string };

/** The user writes and the state each leaves its user in. */
export type UserWrite = PendingWrite & { kind: 'deregisterUser' | 'deleteUser' };
export const STATE_AFTER = { deregisterUser: 'DISABLED', deleteUser: 'DELETED' } as const;
export const STATE_BEFORE = { deregisterUser: 'ENABLED', deleteUser: 'DISABLED' } as const;

/** The summary of a token as ListPersonalAccessTokens / GetPersonalAccessTokenMetadata give it. */
export interface TokenSummary {
  PersonalAccessTokenId: string;
  UserId: string;
  Name: string;
  DateCreated: number;
  DateLastUsed?: number;
  ExpiresTime: number;
  Scopes: string[];
}

type WriteKind = PendingWrite['kind'];
const KINDS: WriteKind[] = ['create', 'rotate', 'delete', 'deregisterUser', 'deleteUser'];
const byKind = <T>(make: () => T) =>
  Object.fromEntries(KINDS.map((kind) => [kind, make()])) as Record<WriteKind, T>;

/** The figures a run reports. */
export interface CrashFigures {
  acknowledged: Record<WriteKind, number>;
  /** Writes whose connection a kill cut before the answer, by how they resolved. */
  unknown: Record<WriteKind, { happened: number; notHappened: number }>;
  /** Writes whose connection was refused (the server was down): found not done, every one. */
  neverSent: number;
  /** Answers other than 200 ("status target": count); a crash test expects none. */
  refused: Record<string, number>;
}

/** The ledger all clients of one run share. */
export class CrashLedger {
  readonly tokens = new Map<string, LedgerToken>();
  readonly users = new Map<string, LedgerUser>();
  /** Secrets replaced by a rotation or gone with their token: none may authenticate. */
  readonly revokedSecrets: string[] = [];
  /** Per client, the write in flight or whose outcome is unknown. */
  readonly pending = new Map<number, PendingWrite>();
  /** The clients whose pending write never reached a server (its connection was refused). */
  readonly #unsent = new Set<number>();
  readonly figures: CrashFigures = {
    acknowledged: byKind(() => 0),
    unknown: byKind(() => ({ happened: 0, notHappened: 0 })),
    neverSent: 0,
    refused: {},
  };

  /** Gives `userId`, ENABLED, to `client`. */
  addUser(client: number, userId: string): void {
    this.users.set(userId, { id: userId, client, state: 'ENABLED' });
  }

  /** The users of `client`. */
  usersOf(client: number): LedgerUser[] {
    return [...this.users.values()].filter((u) => u.client === client);
  }

  /** A user that must be in the ledger. */
  user(id: string): LedgerUser {
    const user = this.users.get(id);
    if (user === undefined) throw new Error(`user ${id} is not in the ledger`);
    return user;
  }

  /** The tokens of `client` that exist and belong to an ENABLED user: the ones it may change. */
  writableTokensOf(client: number): LedgerToken[] {
    return [...this.tokens.values()].filter(
      (t) => t.client === client && !t.deleted && this.user(t.userId).state === 'ENABLED',
    );
  }

  /** The tokens of `userId` that exist, as far as the ledger knows. */
  liveTokensOfUser(userId: string): LedgerToken[] {
    return [...this.tokens.values()].filter((t) => t.userId === userId && !t.deleted);
  }

  /** A token that must be in the ledger. */
  token(id: string): LedgerToken {
    const token = this.tokens.get(id);
    if (token === undefined) throw new Error(`token ${id} is not in the ledger`);
    return token;
  }

  /** The create answered 200 with `answer`. */
  acknowledgeCreate(
    client: number,
    write: PendingWrite & { kind: 'create' },
    answer: CreateAnswer,
  ) {
    this.#add(client, write, { ...answer, Name: write.name, UserId: write.userId }, answer.Token);
    this.#settle(client, 'create');
  }

  /** A create without answer was found done (`found`) or not (undefined). */
  resolveCreate(client: number, write: PendingWrite & { kind: 'create' }, found?: TokenSummary) {
    if (found) this.#add(client, write, found, undefined);
    this.#settleUnknown(client, 'create', found !== undefined);
  }

  /** The rotation answered 200 with `answer`. */
  acknowledgeRotate(
    client: number,
    write: PendingWrite & { kind: 'rotate' },
    answer: CreateAnswer,
  ) {
    this.#rotate(write, answer.ExpiresTime, answer.Token);
    this.#settle(client, 'rotate');
  }

  /** A rotation without answer took effect (its new expiry `expiresTime`) or not. */
  resolveRotate(
    client: number,
    write: PendingWrite & { kind: 'rotate' },
    expiresTime: number | undefined,
  ) {
    if (expiresTime !== undefined) this.#rotate(write, expiresTime, undefined);
    this.#settleUnknown(client, 'rotate', expiresTime !== undefined);
  }

  /** The delete answered 200. */
  acknowledgeDelete(client: number, write: PendingWrite & { kind: 'delete' }) {
    this.#delete(write.tokenId);
    this.#settle(client, 'delete');
  }

  /** A delete without answer took effect or not. */
  resolveDelete(client: number, write: PendingWrite & { kind: 'delete' }, happened: boolean) {
    if (happened) this.#delete(write.tokenId);
    this.#settleUnknown(client, 'delete', happened);
  }

  /** The user write answered 200. */
  acknowledgeUserWrite(client: number, write: UserWrite) {
    this.#applyUserWrite(write);
    this.#settle(client, write.kind);
  }

  /** A user write without answer took effect or not. */
  resolveUserWrite(client: number, write: UserWrite, happened: boolean) {
    if (happened) this.#applyUserWrite(write);
    this.#settleUnknown(client, write.kind, happened);
  }

  /** The pending write of `client` never reached a server: it must turn out not done. */
  neverSent(client: number): void {
    this.#unsent.add(client);
  }

  /** Counts an answer other than 200; the write stays pending, to be resolved as unknown. */
  refuse(status: number, target: string): void {
    const key = `${status} ${target}`;
    this.figures.refused[key] = (this.figures.refused[key] ?? 0) + 1;
  }

  #add(
    client: number,
    write: PendingWrite & { kind: 'create' },
    summary: Omit<TokenSummary, 'DateLastUsed'>,
    secret: string | undefined,
  ) {
    this.tokens.set(summary.PersonalAccessTokenId, {
      id: summary.PersonalAccessTokenId,
      client,
      userId: summary.UserId,
      name: summary.Name,
      scopes: summary.Scopes,
      dateCreated: summary.DateCreated,
      expiresTime: summary.ExpiresTime,
      days: write.days,
      secret,
      rotations: 0,
      deleted: false,
    });
  }

  #rotate(write: PendingWrite & { kind: 'rotate' }, expiresTime: number, secret?: string) {
    const token = this.token(write.tokenId);
    if (token.secret !== undefined) this.revokedSecrets.push(token.secret);
    Object.assign(token, { expiresTime, secret, days: write.days });
    token.rotations++;
  }

  #delete(tokenId: string) {
    const token = this.token(tokenId);
    if (token.secret !== undefined) this.revokedSecrets.push(token.secret);
    token.deleted = true;
  }

  #applyUserWrite(write: UserWrite) {
    if (write.kind === 'deleteUser') {
      for (const token of this.liveTokensOfUser(write.userId)) this.#delete(token.id);
    }
    this.user(write.userId).state = STATE_AFTER[write.kind];
  }

  #settle(client: number, kind: WriteKind) {
    this.pending.delete(client);
    this.figures.acknowledged[kind]++;
  }

  #settleUnknown(client: number, kind: WriteKind, happened: boolean) {
    const write = JSON.stringify(this.pending.get(client));
    this.pending.delete(client);
    if (this.#unsent.delete(client)) {
      if (happened) throw new Error(`a write whose connection was refused happened: ${write}`);
      this.figures.neverSent++;
    } else {
      this.figures.unknown[kind][happened ? 'happened' : 'notHappened']++;
    }
  }
}

/** What Create and Rotate answer. */
export interface CreateAnswer {
  PersonalAccessTokenId: string;
  Token: string;
  DateCreated: number;
  ExpiresTime: number;
  Scopes: string[];
}
