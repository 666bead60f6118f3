import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { TokenRecord } from '../../domain/records.js';
import { buildSeedPlan } from '../../seed/build-seed-plan.js';
import { openStore } from '../open-store.js';
import type { Store } from '../store.js';
import { SeedReferenceError } from './bulk-token-insert.js';
import { openSqliteDatabase } from './open-sqlite-database.js';
import { seedSqlite } from './sqlite-seed.js';

const root = mkdtempSync(join(tmpdir(), 'mailpat-sqlite-seed-'));
let files = 0;

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function freshDatabasePath(): string {
  files += 1;
  return join(root, `case-${files}`, 'mailpat.db');
}

/** Seeds `tokens` tokens of a real seed plan; returns the tokens written, in creation order. */
async function seed(store: Store, alias: string, tokens: number): Promise<TokenRecord[]> {
  const plan = buildSeedPlan({ tokens, users: 7, alias, now: Date.now() });
  const made: TokenRecord[] = [];
  const makeToken = (index: number) => {
    const token = plan.makeToken(index);
    made.push(token);
    return token;
  };
  await store.seed({ ...plan, makeToken });
  return made;
}

async function listAll(store: Store, organizationId: string): Promise<TokenRecord[]> {
  const tokens: TokenRecord[] = [];
  let after: TokenRecord | undefined;
  for (;;) {
    const page = await store.listTokens(organizationId, { after, limit: 700 });
    tokens.push(...page.items);
    if (!page.hasMore) return tokens;
    after = page.items.at(-1);
  }
}

/** What a seed must leave as it found it, and what it must leave intact. */
function inspect(path: string) {
  const raw = new BetterSqlite3(path, { readonly: true });
  try {
    return {
      tokenIndexes: raw
        .prepare(
          "select name, sql from sqlite_master where type = 'index' " +
            "and tbl_name = 'personal_access_tokens' order by name",
        )
        .all(),
      integrity: raw.pragma('integrity_check', { simple: true }),
      foreignKeyProblems: raw.pragma('foreign_key_check'),
      journalMode: raw.pragma('journal_mode', { simple: true }),
    };
  } finally {
    raw.close();
  }
}

describe('SQLite seed', () => {
  it('should rebuild every token index as it was and leave an intact database', async () => {
    const path = freshDatabasePath();
    await (await openStore(`sqlite:${path}`)).close();
    const before = inspect(path);
    expect(before.tokenIndexes.length).toBeGreaterThanOrEqual(5);

    const store = await openStore(`sqlite:${path}`);
    await seed(store, 'seed-empty', 3_000);
    await store.close();
    expect(inspect(path)).toEqual({ ...before, integrity: 'ok', foreignKeyProblems: [] });
  });

  it('should give back every seeded token through the store, in creation order', async () => {
    const store = await openStore(`sqlite:${freshDatabasePath()}`);
    const made = await seed(store, 'seed-read', 2_500);
    const organizationId = made[0]!.organizationId;
    expect(await listAll(store, organizationId)).toEqual(made);
    const last = made.at(-1)!;
    expect(await store.getToken(organizationId, last.id)).toEqual(last);
    expect(await store.findTokenBySecretHash(made[1_234]!.secretHash)).toEqual(made[1_234]);
    await store.close();
  });

  it('should keep the indexes and an intact database when seeding beside existing tokens', async () => {
    const path = freshDatabasePath();
    const store = await openStore(`sqlite:${path}`);
    await seed(store, 'seed-first', 1_000);
    const made = await seed(store, 'seed-second', 1_500);
    expect(await listAll(store, made[0]!.organizationId)).toEqual(made);
    await store.close();
    const after = inspect(path);
    expect(after).toMatchObject({ integrity: 'ok', foreignKeyProblems: [], journalMode: 'wal' });
    expect(after.tokenIndexes.map((index) => (index as { name: string }).name)).toContain(
      'tokens_secret_hash',
    );
  });

  it('should refuse a token of a user outside the plan, leaving the table empty and indexed', async () => {
    const path = freshDatabasePath();
    await (await openStore(`sqlite:${path}`)).close();
    const before = inspect(path);
    const plan = buildSeedPlan({ tokens: 500, users: 3, alias: 'seed-stray', now: Date.now() });
    const stray = { ...plan, makeToken: (i: number) => ({ ...plan.makeToken(i), userId: 'u-x' }) };
    const db = openSqliteDatabase(path);
    try {
      await expect(seedSqlite(db, stray)).rejects.toThrow(SeedReferenceError);
      // The load switches foreign key checks off for itself only.
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.prepare('select count(*) as n from personal_access_tokens').get()).toEqual({
        n: 0,
      });
      await seedSqlite(db, plan);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
    expect(inspect(path)).toEqual({ ...before, integrity: 'ok', foreignKeyProblems: [] });
  });

  it('should refuse users of another organization than the plan', async () => {
    const path = freshDatabasePath();
    await (await openStore(`sqlite:${path}`)).close();
    const plan = buildSeedPlan({ tokens: 10, users: 2, alias: 'seed-stray-user', now: Date.now() });
    const users = [plan.users[0]!, { ...plan.users[1]!, organizationId: 'm-other' }];
    const db = openSqliteDatabase(path);
    try {
      await expect(seedSqlite(db, { ...plan, users })).rejects.toThrow(SeedReferenceError);
      expect(db.prepare('select count(*) as n from users').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});
