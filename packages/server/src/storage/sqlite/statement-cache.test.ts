import { describe, expect, it } from 'vitest';
import { StatementCachingDatabase } from './statement-cache.js';

function countingDatabase() {
  const prepared: string[] = [];
  let closed = false;
  return {
    prepared,
    isClosed: () => closed,
    database: {
      inTransaction: false,
      prepare(sql: string) {
        prepared.push(sql);
        // A writer statement, which the cache hands out unwrapped.
        return {
          reader: false,
          raw: () => undefined,
          columns: () => [],
          all: () => [],
          run: () => ({ changes: 0, lastInsertRowid: 0 }),
          iterate: () => [][Symbol.iterator](),
        };
      },
      close() {
        closed = true;
      },
    },
  };
}

describe('StatementCachingDatabase', () => {
  it('should prepare each SQL text once and reuse the statement', () => {
    const inner = countingDatabase();
    const cached = new StatementCachingDatabase(inner.database);
    const first = cached.prepare('select 1');
    expect(cached.prepare('select 1')).toBe(first);
    cached.prepare('select 2');
    expect(inner.prepared).toEqual(['select 1', 'select 2']);
  });

  it('should evict the oldest statement beyond its bound', () => {
    const inner = countingDatabase();
    const cached = new StatementCachingDatabase(inner.database, 2);
    cached.prepare('a');
    cached.prepare('b');
    cached.prepare('c');
    expect(cached.size).toBe(2);
    cached.prepare('b');
    cached.prepare('a');
    expect(inner.prepared).toEqual(['a', 'b', 'c', 'a']);
  });

  it('should close the wrapped database', () => {
    const inner = countingDatabase();
    new StatementCachingDatabase(inner.database).close();
    expect(inner.isClosed()).toBe(true);
  });
});
