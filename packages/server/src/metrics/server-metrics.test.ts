import { describe, expect, it } from 'vitest';
import type { StoreStats, TokenStateCounts } from '../storage/store.js';
import { ServerMetrics } from './server-metrics.js';
import { parseExposition, valueOf } from './test-support/parse-exposition.js';

const NO_ERRORS = { unavailable: 0, fault: 0, other: 0 };

/** A store that answers metrics reads from fixed values, counting the token counts it runs. */
function fakeStore(
  stats: Partial<StoreStats> = {},
  counts: TokenStateCounts = { active: 7, expired: 2 },
) {
  const store = {
    counted: 0,
    readStats: (): StoreStats => ({ errors: NO_ERRORS, pool: undefined, ...stats }),
    countTokensByState: () => {
      store.counted += 1;
      return Promise.resolve(counts);
    },
  };
  return store;
}

async function scrape(metrics: ServerMetrics) {
  return parseExposition(await metrics.render());
}

describe('ServerMetrics', () => {
  it('should label API requests with the served operation and the wire error code', async () => {
    const metrics = new ServerMetrics({ store: fakeStore(), version: '1.2.3' });
    metrics.observeApiRequest('WorkMailService.ListPersonalAccessTokens', undefined, 0.002);
    metrics.observeApiRequest('WorkMailService.ListPersonalAccessTokens', undefined, 0.003);
    metrics.observeApiRequest(
      'MailpatService.CreatePersonalAccessToken',
      'EntityNotFoundException',
      0.01,
    );
    const samples = await scrape(metrics);
    const requests = (operation: string, code: string) =>
      valueOf(samples, 'mailpat_api_requests_total', { operation, error_code: code });
    expect(requests('ListPersonalAccessTokens', '')).toBe(2);
    expect(requests('CreatePersonalAccessToken', 'EntityNotFoundException')).toBe(1);
    expect(
      valueOf(samples, 'mailpat_api_request_duration_seconds_count', {
        operation: 'ListPersonalAccessTokens',
      }),
    ).toBe(2);
    expect(
      valueOf(samples, 'mailpat_api_request_duration_seconds_sum', {
        operation: 'ListPersonalAccessTokens',
      }),
    ).toBeCloseTo(0.005);
  });

  it('should label a target no operation answers to as "unknown", never as sent', async () => {
    const metrics = new ServerMetrics({ store: fakeStore(), version: '1' });
    const hostile = [
      'WorkMailService.Nope',
      'alice@example.org',
      'x"}\n evil 1',
      'workmailservice.listusers',
    ];
    for (const target of hostile)
      metrics.observeApiRequest(target, 'UnknownOperationException', 0.001);
    metrics.observeApiRequest(undefined, 'UnknownOperationException', 0.001);
    metrics.observeApiRequest(
      ['WorkMailService.ListUsers', 'x'],
      'UnknownOperationException',
      0.001,
    );
    const text = await metrics.render();
    for (const fragment of ['Nope', 'alice', 'evil', 'listusers', 'ListUsers']) {
      expect(text).not.toContain(fragment);
    }
    const samples = parseExposition(text);
    const operations = samples.filter((s) => s.name.startsWith('mailpat_api_'));
    expect(new Set(operations.map((s) => s.labels.operation))).toEqual(new Set(['unknown']));
    expect(
      valueOf(samples, 'mailpat_api_requests_total', {
        operation: 'unknown',
        error_code: 'UnknownOperationException',
      }),
    ).toBe(6);
  });

  it('should label an error code outside the wire set as "other"', async () => {
    const metrics = new ServerMetrics({ store: fakeStore(), version: '1' });
    metrics.observeApiRequest('WorkMailService.ListUsers', 'secret-ish text', 0.001);
    const samples = await scrape(metrics);
    expect(
      valueOf(samples, 'mailpat_api_requests_total', {
        operation: 'ListUsers',
        error_code: 'other',
      }),
    ).toBe(1);
  });

  it('should keep the series count bounded whatever targets a client sends', async () => {
    const metrics = new ServerMetrics({ store: fakeStore(), version: '1' });
    const seriesCount = async () =>
      (await scrape(metrics)).filter((s) => s.name.startsWith('mailpat_api_')).length;
    metrics.observeApiRequest('WorkMailService.Bogus0', 'UnknownOperationException', 0.001);
    const afterOne = await seriesCount();
    for (let i = 1; i < 1000; i++) {
      metrics.observeApiRequest(`WorkMailService.Bogus${i}`, 'UnknownOperationException', 0.001);
    }
    expect(await seriesCount()).toBe(afterOne);
  });

  it('should count introspection outcomes and inactive reasons, every one shown from the start', async () => {
    const metrics = new ServerMetrics({ store: fakeStore(), version: '1' });
    const before = await scrape(metrics);
    expect(valueOf(before, 'mailpat_introspection_requests_total', { outcome: 'throttled' })).toBe(
      0,
    );
    expect(valueOf(before, 'mailpat_introspection_inactive_total', { reason: 'expired' })).toBe(0);
    metrics.observeIntrospection('active', 0.001);
    metrics.observeIntrospection('inactive', 0.001);
    metrics.countInactiveIntrospection('expired');
    const after = await scrape(metrics);
    expect(valueOf(after, 'mailpat_introspection_requests_total', { outcome: 'active' })).toBe(1);
    expect(valueOf(after, 'mailpat_introspection_requests_total', { outcome: 'inactive' })).toBe(1);
    expect(valueOf(after, 'mailpat_introspection_inactive_total', { reason: 'expired' })).toBe(1);
    expect(valueOf(after, 'mailpat_introspection_duration_seconds_count')).toBe(2);
  });

  it('should label web requests by method and status class only', async () => {
    const metrics = new ServerMetrics({ store: fakeStore(), version: '1' });
    metrics.observeWebRequest('GET', 200, 0.01);
    metrics.observeWebRequest('GET', 303, 0.01);
    metrics.observeWebRequest('BREW', 405, 0.01);
    const samples = await scrape(metrics);
    const count = (method: string, statusClass: string) =>
      valueOf(samples, 'mailpat_web_request_duration_seconds_count', {
        method,
        status_class: statusClass,
      });
    expect(count('GET', '2xx')).toBe(1);
    expect(count('GET', '3xx')).toBe(1);
    expect(count('other', '4xx')).toBe(1);
  });

  it('should report build info, database errors and tokens by state read from the store', async () => {
    const errors = { unavailable: 3, fault: 1, other: 0 };
    const metrics = new ServerMetrics({ store: fakeStore({ errors }), version: '1.2.3' });
    const samples = await scrape(metrics);
    expect(
      valueOf(samples, 'mailpat_build_info', {
        version: '1.2.3',
        node_version: process.versions.node,
      }),
    ).toBe(1);
    expect(valueOf(samples, 'mailpat_database_errors_total', { kind: 'unavailable' })).toBe(3);
    expect(valueOf(samples, 'mailpat_database_errors_total', { kind: 'fault' })).toBe(1);
    expect(valueOf(samples, 'mailpat_tokens', { state: 'active' })).toBe(7);
    expect(valueOf(samples, 'mailpat_tokens', { state: 'expired' })).toBe(2);
    expect(samples.some((s) => s.name.startsWith('mailpat_database_pool_'))).toBe(false);
    expect(samples.some((s) => s.name === 'process_cpu_seconds_total')).toBe(true);
    expect(samples.some((s) => s.name === 'nodejs_eventloop_lag_seconds')).toBe(true);
  });

  it('should report the pool when the store has one', async () => {
    const pool = { total: 5, idle: 3, waiting: 2, max: 10 };
    const samples = await scrape(new ServerMetrics({ store: fakeStore({ pool }), version: '1' }));
    expect(valueOf(samples, 'mailpat_database_pool_connections', { state: 'idle' })).toBe(3);
    expect(valueOf(samples, 'mailpat_database_pool_connections', { state: 'in_use' })).toBe(2);
    expect(valueOf(samples, 'mailpat_database_pool_waiting_queries')).toBe(2);
    expect(valueOf(samples, 'mailpat_database_pool_max_connections')).toBe(10);
  });

  it('should count tokens once per max age, however often it is scraped', async () => {
    let clock = 1_000_000;
    const store = fakeStore();
    const metrics = new ServerMetrics({
      store,
      version: '1',
      tokenCountMaxAgeMs: 60_000,
      now: () => clock,
    });
    await Promise.all([scrape(metrics), scrape(metrics), scrape(metrics)]);
    clock += 59_999;
    await scrape(metrics);
    expect(store.counted).toBe(1);
    clock += 1;
    await scrape(metrics);
    expect(store.counted).toBe(2);
  });

  it('should keep two servers in one process apart', async () => {
    const first = new ServerMetrics({ store: fakeStore(), version: '1' });
    const second = new ServerMetrics({ store: fakeStore(), version: '1' });
    first.observeIntrospection('active', 0.001);
    expect(
      valueOf(await scrape(first), 'mailpat_introspection_requests_total', { outcome: 'active' }),
    ).toBe(1);
    expect(
      valueOf(await scrape(second), 'mailpat_introspection_requests_total', { outcome: 'active' }),
    ).toBe(0);
  });
});
