/**
 * Debian's Chromium driven by playwright-core (no browser download), and an axe-core scan that
 * works under the web app's strict Content-Security-Policy: axe is evaluated through the
 * DevTools protocol, which CSP does not govern, instead of an injected `<script>` it would block.
 * Tests that need it name themselves with `nameUnless(HAS_CHROMIUM, ..., CHROMIUM_SKIP_NOTICE)`.
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { skipNotice } from '../../../../test-support/skip-notice.js';

/** Where Debian's `chromium` package puts the browser (override with MAILPAT_CHROMIUM). */
export const CHROMIUM_PATH = process.env.MAILPAT_CHROMIUM ?? '/usr/bin/chromium';

/** Whether browser tests can run on this machine. */
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);

/** The notice a skipped browser test carries. */
export const CHROMIUM_SKIP_NOTICE = skipNotice('Chromium', 'apt-get install -y chromium');

/** The impacts a scan reports: the bar is "no serious or critical violation". */
const REPORTED_IMPACTS = new Set(['serious', 'critical']);

/** Headless Chromium; `--no-sandbox` because tests may run as root in a container. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox'],
  });
}

/** One axe rule that failed, with where and why in words a test failure can show. */
export interface AccessibilityViolation {
  id: string;
  impact: string;
  help: string;
  helpUrl: string;
  /** One line per failing element: its selector and axe's summary of what to fix. */
  nodes: string[];
}

/** The shape of axe.run's result that the scan reads. */
interface AxeResult {
  violations: {
    id: string;
    impact: string | null;
    help: string;
    helpUrl: string;
    nodes: { target: unknown[]; failureSummary?: string }[];
  }[];
}

let axeSource: string | undefined;

/** axe-core's browser bundle, read once from node_modules. */
function readAxeSource(): string {
  if (axeSource === undefined) {
    const require = createRequire(import.meta.url);
    axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  }
  return axeSource;
}

/** Runs axe on the page as it is now; returns its serious and critical violations. */
export async function scanAccessibility(page: Page): Promise<AccessibilityViolation[]> {
  const loaded = await page.evaluate('typeof window.axe === "object"');
  if (!loaded) await page.evaluate(readAxeSource());
  const result = (await page.evaluate(
    'axe.run(document, { resultTypes: ["violations"] })',
  )) as AxeResult;
  return result.violations
    .filter((v) => v.impact !== null && REPORTED_IMPACTS.has(v.impact))
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map(
        (node) => `${node.target.join(' ')}: ${(node.failureSummary ?? '').replace(/\s+/g, ' ')}`,
      ),
    }));
}

/** Violations as readable lines, for an assertion message. */
export function describeViolations(violations: AccessibilityViolation[]): string {
  return violations
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.helpUrl})\n  ${v.nodes.join('\n  ')}`)
    .join('\n');
}

/**
 * Collects Content-Security-Policy violations of every page opened after the call: the
 * `securitypolicyviolation` events (recorded by an init script, which CSP does not govern) and
 * Chromium's console reports. Read them with the returned function.
 */
export async function watchCspViolations(page: Page): Promise<() => Promise<string[]>> {
  const reports: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) reports.push(message.text());
  });
  await page.addInitScript(
    `document.addEventListener('securitypolicyviolation', (e) => {
      (window.__cspViolations = window.__cspViolations || []).push(
        e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber);
    });`,
  );
  return async () => {
    const events = (await page.evaluate('window.__cspViolations || []')) as string[];
    return [...events, ...reports];
  };
}
