/**
 * Database metrics, read from the store at scrape time: errors by kind, the PostgreSQL pool, and
 * tokens by state (cached: see TokenCountCache).
 * @module
 */
import { Counter, Gauge } from 'prom-client';
import type { Registry } from 'prom-client';
import { DATABASE_ERROR_KINDS } from '../storage/database-error-kind.js';
import type { Store } from '../storage/store.js';
import type { TokenCountCache } from './token-count-cache.js';

/** Registers the database metrics; nothing is counted per request, all is read on scrape. */
export function registerDatabaseMetrics(
  registry: Registry,
  store: Pick<Store, 'readStats'>,
  tokenCounts: TokenCountCache,
): void {
  new Counter({
    name: 'mailpat_database_errors_total',
    help: 'Failed database calls, by kind: unavailable (passes by itself), fault (disk full, read-only, damaged), other.',
    labelNames: ['kind'],
    registers: [registry],
    collect() {
      // The store keeps the totals; a counter reset only happens with a restart, as Prometheus expects.
      const { errors } = store.readStats();
      this.reset();
      for (const kind of DATABASE_ERROR_KINDS) this.labels(kind).inc(errors[kind]);
    },
  });
  new Gauge({
    name: 'mailpat_tokens',
    help: 'Personal access tokens by state (active: not yet expired), counted at most once a minute.',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const counts = await tokenCounts.read();
      if (counts === undefined) return;
      this.labels('active').set(counts.active);
      this.labels('expired').set(counts.expired);
    },
  });
  // SQLite has no pool: its series would be zeros that look like an outage.
  if (store.readStats().pool !== undefined) registerPoolMetrics(registry, store);
}

function registerPoolMetrics(registry: Registry, store: Pick<Store, 'readStats'>): void {
  new Gauge({
    name: 'mailpat_database_pool_connections',
    help: 'PostgreSQL connections of this process, by state (idle, in_use).',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const pool = store.readStats().pool;
      if (pool === undefined) return;
      this.labels('idle').set(pool.idle);
      this.labels('in_use').set(pool.total - pool.idle);
    },
  });
  new Gauge({
    name: 'mailpat_database_pool_waiting_queries',
    help: 'Queries of this process waiting for a PostgreSQL connection.',
    registers: [registry],
    collect() {
      this.set(store.readStats().pool?.waiting ?? 0);
    },
  });
  new Gauge({
    name: 'mailpat_database_pool_max_connections',
    help: 'PostgreSQL connections this process opens at most (MAILPAT_DATABASE_POOL_SIZE).',
    registers: [registry],
    collect() {
      this.set(store.readStats().pool?.max ?? 0);
    },
  });
}
