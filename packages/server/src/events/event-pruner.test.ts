import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SILENT_LOGGER } from '../logging/test-support/silent-logger.js';
import { openStore } from '../storage/open-store.js';
import { aToken, aUser, anAdminEvent, anOrganization } from '../storage/store-fixtures.js';
import { EventPruner } from './event-pruner.js';
import {
  InvalidEventRetentionError,
  loadEventRetentionDays,
} from '../config/event-retention-days.js';

const DAY_MS = 86_400_000;
const root = mkdtempSync(join(tmpdir(), 'mailpat-pruner-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('EventPruner', () => {
  it('deletes every event past retention in batches of at most batchSize, and keeps the rest', async () => {
    const store = await openStore(`sqlite:${join(root, 'prune.db')}`);
    try {
      const org = anOrganization();
      const user = aUser(org.id);
      await store.insertOrganization(org);
      await store.insertUser(user);
      const now = 1_800_000_000_000;
      const event = (at: number) => anAdminEvent(aToken(user), 'USE_REFUSED', at);
      const old = Array.from({ length: 2_345 }, (_, i) => event(now - 31 * DAY_MS - i));
      const recent = [event(now - 29 * DAY_MS), event(now)];
      await store.recordTokenActivity([], [...old, ...recent]);
      const batches: number[] = [];
      const counting = {
        deleteTokenEventsBefore: async (before: number, limit: number) => {
          const deleted = await store.deleteTokenEventsBefore(before, limit);
          batches.push(deleted);
          expect(deleted).toBeLessThanOrEqual(limit);
          return deleted;
        },
      };
      const pruner = new EventPruner(counting, {
        retentionDays: 30,
        log: SILENT_LOGGER,
        now: () => now,
        batchSize: 1_000,
      });
      expect(await pruner.pruneOnce()).toBe(2_345);
      expect(batches).toEqual([1_000, 1_000, 345]);
      const left = await store.listTokenEvents(org.id, { limit: 10 });
      expect(left.items.map((e) => e.at)).toEqual(recent.map((e) => e.at));
    } finally {
      await store.close();
    }
  });
});

describe('loadEventRetentionDays', () => {
  it('defaults to 90 days and reads a whole number', () => {
    expect(loadEventRetentionDays({})).toBe(90);
    expect(loadEventRetentionDays({ MAILPAT_EVENT_RETENTION_DAYS: '' })).toBe(90);
    expect(loadEventRetentionDays({ MAILPAT_EVENT_RETENTION_DAYS: '365' })).toBe(365);
  });

  it.each(['0', '-1', '1.5', '7 ', '1e3', '0x10', 'ninety', '007'])(
    'refuses %j, naming the variable',
    (value) => {
      expect(() => loadEventRetentionDays({ MAILPAT_EVENT_RETENTION_DAYS: value })).toThrow(
        InvalidEventRetentionError,
      );
      expect(() => loadEventRetentionDays({ MAILPAT_EVENT_RETENTION_DAYS: value })).toThrow(
        /^MAILPAT_EVENT_RETENTION_DAYS must be a whole number of days/,
      );
    },
  );
});
