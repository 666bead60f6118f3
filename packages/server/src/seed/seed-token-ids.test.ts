import { describe, expect, it } from 'vitest';
import { TOKEN_ID_ALPHABET } from '../tokens/constants.js';
import { RandomPool } from './random-pool.js';
import { SeedTokenIds } from './seed-token-ids.js';

const TOKEN_ID_FORMAT = /^pat-[0-9a-z]{26}$/;

describe('SeedTokenIds', () => {
  it('should hand out unique IDs in the token ID format, in ascending order', () => {
    const ids = new SeedTokenIds(20_000, new RandomPool());
    const made = Array.from({ length: 20_000 }, (_, i) => ids.idAt(i));
    for (const id of made) expect(id).toMatch(TOKEN_ID_FORMAT);
    expect(new Set(made).size).toBe(made.length);
    // Code-unit order, as SQLite and PostgreSQL's C collation compare them.
    expect(made.every((id, i) => i === 0 || made[i - 1]! < id)).toBe(true);
  });

  it('should spread IDs over the whole alphabet in every position', () => {
    const ids = new SeedTokenIds(5_000, new RandomPool());
    const positions = Array.from({ length: 26 }, () => new Set<string>());
    for (let i = 0; i < 5_000; i++) {
      const random = ids.idAt(i).slice('pat-'.length);
      for (let p = 0; p < 26; p++) positions[p]!.add(random[p]!);
    }
    for (const seen of positions) expect(seen.size).toBe(TOKEN_ID_ALPHABET.length);
  });

  it('should write the largest leading part in full, without rounding', () => {
    // 36^10 - 1 is the largest value of the ten sorted characters: all 'z'.
    const random = new RandomPool();
    random.uniformInt = (bound: number) => bound - 1;
    expect(new SeedTokenIds(1, random).idAt(0).slice(0, 14)).toBe(`pat-${'z'.repeat(10)}`);
  });
});
