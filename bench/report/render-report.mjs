#!/usr/bin/env node
/**
 * Turns the benchmarks' results (bench/results/*.json, written by bench/support/bench-results.ts)
 * into docs/benchmarks.md's report section and its charts (docs/images/bench-*.svg). Charts are
 * Vega-Lite specs rendered to SVG by Vega itself, headless (no browser, no canvas).
 *
 * Usage: `node bench/report/render-report.mjs` (npm run bench:report runs the benchmarks first).
 * A result that is missing leaves its row "not measured" and its chart out; nothing is invented.
 * @module
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vega from 'vega';
import { compile } from 'vega-lite';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const RESULTS_DIR = process.env.BENCH_RESULTS_DIR ?? join(ROOT, 'bench/results');
const DOC = join(ROOT, 'docs/benchmarks.md');
const IMAGES = join(ROOT, 'docs/images');
const START = '<!-- bench:report start (written by npm run bench:report) -->';
const END = '<!-- bench:report end -->';
const FONT = 'Helvetica, Arial, sans-serif';

/** A result file's JSON, or undefined when that benchmark has not been run. */
function result(name) {
  const path = join(RESULTS_DIR, `${name}.json`);
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

const baseline = JSON.parse(readFileSync(join(ROOT, 'bench/report/baseline.json'), 'utf8')).figures;
const list = result('list');
const list1m = result('list-1000000');
const pageCost = result('page-cost');
const client = result('client-pagination');
const introspection = result('introspection');
const imap = result('imap-login');
const seed = result('seed');

const fixed = (value, digits = 2) => (value === undefined ? undefined : value.toFixed(digits));
const ratio = (a, b) => (a === undefined || b === undefined ? undefined : a / b);

/** The deep page's median over the first page's, for one backend at the largest size. */
function deepOverFirst(backend) {
  const costs = pageCost?.costs.filter((cost) => cost.backend === backend) ?? [];
  const largest = Math.max(...costs.map((cost) => cost.tokens));
  if (largest !== 1_000_000) return undefined;
  const at = (page) => costs.find((cost) => cost.tokens === largest && cost.page === page)?.p50Ms;
  return ratio(at('deep'), at('first'));
}

/** The best (highest-throughput) run of `prefix` in a list report. */
function bestRun(report, prefix) {
  const runs = report?.runs.filter((run) => run.name.startsWith(prefix)) ?? [];
  return runs.length === 0
    ? undefined
    : runs.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));
}

const list1mFirst = bestRun(list1m, 'mailpat-first-page');
const rows = [
  [
    'List, 100 per page, 100k tokens ÷ bare `node:http`',
    baseline.listRatioToBare,
    fixed(list?.ratioToBareNodeHttp),
    '>= 0.35, aim 0.5',
  ],
  [
    'deep page ÷ first page (median latency, 1M tokens): SQLite / PostgreSQL',
    baseline.deepOverFirst1m,
    [fixed(deepOverFirst('sqlite')), fixed(deepOverFirst('postgres'))]
      .map((value) => value ?? 'not measured')
      .join(' / '),
    '<= 1.1 on both',
  ],
  [
    '`@mailpat/client` full scan items/s ÷ `@aws-sdk/client-workmail`',
    baseline.clientRatioToSdk,
    fixed(client?.ratioMailpatOverSdk),
    '>= 1.5',
  ],
  [
    '`@mailpat/client` CPU per 22 KB page (ms)',
    baseline.clientCpuMsPerPage,
    fixed(client?.best.mailpatClient.clientCpuMsPerPage),
    '<= 1',
  ],
  [
    'introspections/s ÷ bare `node:http`',
    baseline.introspectionRatioToBare,
    fixed(introspection?.ratioToBareNodeHttp),
    '>= 0.5',
  ],
  [
    'IMAP LOGIN through Dovecot, concurrency 8',
    baseline.imapLogin,
    imap && `p50 ${imap.loginMs.p50} ms, p99 ${imap.loginMs.p99} ms`,
    'p99 < 10 ms',
  ],
  [
    '`mailpat seed` 1,000,000 tokens, SQLite (s)',
    baseline.seed1mSqliteSeconds,
    seed && seed.tokens === 1_000_000 ? fixed(seed.bestSeconds, 1) : undefined,
    '<= 20',
  ],
  [
    'server peak RSS serving List on 1M tokens under load (MiB)',
    baseline.serverPeakRss1mMiB,
    list1m?.serverPeakRssMiB?.toString(),
    '<= 100',
  ],
  [
    'List at 32 connections, 1M tokens: p50 / p99 (ms)',
    baseline.listP99OverMedian1m,
    list1mFirst && `${list1mFirst.p50Ms} / ${list1mFirst.p99Ms}`,
    'p99 <= 4x p50',
  ],
  [
    'database size per token, SQLite (bytes)',
    baseline.sqliteBytesPerToken,
    seed?.bytesPerToken?.toString(),
    'reported',
  ],
];

/** Renders a Vega-Lite spec to an SVG file under docs/images; returns its name. */
async function renderChart(name, spec) {
  const full = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: {
      font: FONT,
      view: { stroke: null },
      axis: { labelFontSize: 11, titleFontSize: 12 },
      background: 'white',
    },
    ...spec,
  };
  const view = new vega.View(vega.parse(compile(full).spec), { renderer: 'none' });
  writeFileSync(join(IMAGES, name), `${await view.toSVG()}\n`);
  return name;
}

const charts = [];

const throughput = [
  list && {
    what: 'List (100k tokens)',
    anchor: 'bare node:http',
    ratio: list.ratioToBareNodeHttp,
    target: 0.5,
  },
  introspection && {
    what: 'Introspection',
    anchor: 'bare node:http',
    ratio: introspection.ratioToBareNodeHttp,
    target: 0.5,
  },
  client && {
    what: '@mailpat/client full scan',
    anchor: 'AWS SDK v3',
    ratio: client.ratioMailpatOverSdk,
    target: 1.5,
  },
].filter(Boolean);
if (throughput.length > 0) {
  charts.push({
    title: 'Throughput against its anchor (1.0 = as fast as the anchor)',
    file: await renderChart('bench-throughput.svg', {
      title: 'mailpat throughput ÷ anchor (tick: target)',
      width: 420,
      data: { values: throughput.map((row) => ({ ...row, label: `${row.what} ÷ ${row.anchor}` })) },
      layer: [
        {
          mark: { type: 'bar', color: '#4c78a8' },
          encoding: {
            y: {
              field: 'label',
              type: 'nominal',
              title: null,
              sort: null,
              axis: { labelLimit: 400 },
            },
            x: { field: 'ratio', type: 'quantitative', title: 'ratio' },
          },
        },
        {
          mark: { type: 'tick', color: '#e45756', thickness: 3, size: 18 },
          encoding: {
            y: { field: 'label', type: 'nominal', sort: null },
            x: { field: 'target', type: 'quantitative' },
          },
        },
        {
          mark: { type: 'text', align: 'left', dx: 4 },
          encoding: {
            y: { field: 'label', type: 'nominal', sort: null },
            x: { field: 'ratio', type: 'quantitative' },
            text: { field: 'ratio', type: 'quantitative', format: '.2f' },
          },
        },
      ],
    }),
  });
}

if (pageCost) {
  charts.push({
    title: 'Cost of one page as the organization grows',
    file: await renderChart('bench-page-cost.svg', {
      title: 'ListPersonalAccessTokens, 100 per page: median latency, one connection',
      width: 420,
      height: 240,
      data: {
        values: pageCost.costs.map((cost) => ({
          ...cost,
          series: `${cost.backend}, ${cost.page} page`,
        })),
      },
      mark: { type: 'line', point: true },
      encoding: {
        x: {
          field: 'tokens',
          type: 'quantitative',
          scale: { type: 'log' },
          title: 'tokens in the organization',
        },
        y: {
          field: 'p50Ms',
          type: 'quantitative',
          title: 'median latency (ms)',
          scale: { zero: true },
        },
        color: { field: 'backend', type: 'nominal' },
        strokeDash: { field: 'page', type: 'nominal' },
        shape: { field: 'page', type: 'nominal' },
      },
    }),
  });
}

const latencyRuns = [
  ['bare node:http', bestRun(list1m, 'bare-node-http')],
  ['mailpat first page', bestRun(list1m, 'mailpat-first-page')],
  ['mailpat deep page', bestRun(list1m, 'mailpat-deep-page')],
].filter(([, run]) => run !== undefined);
if (latencyRuns.length > 0) {
  const values = latencyRuns.flatMap(([server, run]) =>
    [
      ['p50', run.p50Ms],
      ['p90', run.p90Ms],
      ['p99', run.p99Ms],
    ].map(([percentile, ms]) => ({ server, percentile, ms })),
  );
  charts.push({
    title: 'Latency percentiles of List under load',
    file: await renderChart('bench-latency.svg', {
      title: `List on ${list1m.tokens.toLocaleString('en')} tokens, ${list1m.wrk.connections} connections (best run)`,
      width: 360,
      data: { values },
      mark: 'bar',
      encoding: {
        y: { field: 'server', type: 'nominal', title: null, sort: null },
        yOffset: { field: 'percentile', type: 'nominal', sort: ['p50', 'p90', 'p99'] },
        x: { field: 'ms', type: 'quantitative', title: 'latency (ms)' },
        color: { field: 'percentile', type: 'nominal', sort: ['p50', 'p90', 'p99'] },
      },
    }),
  });
}

const measuredAt = [list, list1m, pageCost, client, introspection, imap, seed]
  .filter(Boolean)
  .map((report) => report.measuredAt.slice(0, 10));
const table = [
  '| figure | before | now | target |',
  '| --- | --- | --- | --- |',
  ...rows.map(
    ([figure, before, now, target]) =>
      `| ${figure} | ${before} | ${now ?? 'not measured'} | ${target} |`,
  ),
].join('\n');
const section = [
  START,
  '',
  `Written by \`npm run bench:report\` from \`bench/results/*.json\` (runs of ${[...new Set(measuredAt)].join(', ') || 'none yet'}; 2 cores).`,
  `"Before" is what issue 15 measured on main before the work (${baseline === undefined ? '' : 'bench/report/baseline.json'}).`,
  '',
  table,
  '',
  ...charts.flatMap((chart) => [`![${chart.title}](images/${chart.file})`, '']),
  END,
].join('\n');

const doc = readFileSync(DOC, 'utf8');
const start = doc.indexOf(START);
const end = doc.indexOf(END);
const updated =
  start === -1 || end === -1
    ? doc.replace(/\n## /, `\n## The report\n\n${section}\n\n## `)
    : `${doc.slice(0, start)}${section}${doc.slice(end + END.length)}`;
writeFileSync(DOC, updated);
console.log(`wrote ${DOC} (${rows.length} figures, ${charts.length} charts)`);
