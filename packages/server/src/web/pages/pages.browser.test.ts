/**
 * The rendered pages in a real Chromium, served with the web app's Content-Security-Policy and
 * the two real assets: axe finds no serious or critical violation (desktop and 360 px), nothing
 * breaks the CSP, nothing scrolls sideways on a phone, Show/Copy work, and the Revoke dialog
 * works from the keyboard alone. (The README's screenshots come from a real server:
 * test/e2e/web-app.browser.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameUnless } from '../../../../../test-support/skip-notice.js';
import {
  CHROMIUM_SKIP_NOTICE,
  HAS_CHROMIUM,
  describeViolations,
  launchBrowser,
  scanAccessibility,
  watchCspViolations,
} from '../../../test/support/browser.js';
import { SECRET, renderFixturePages } from './test-support/page-fixtures.js';

const SUITE = nameUnless(HAS_CHROMIUM, 'web pages in Chromium', CHROMIUM_SKIP_NOTICE);

/** The spec's policy for every HTML response (no IdP origins in form-action here). */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; " +
  "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const ASSETS_DIR = fileURLToPath(new URL('../../../assets/', import.meta.url));
const ASSETS: Record<string, { type: string; body: Buffer }> = {
  '/account/assets/app.css': {
    type: 'text/css; charset=utf-8',
    body: readFileSync(join(ASSETS_DIR, 'app.css')),
  },
  '/account/assets/app.js': {
    type: 'text/javascript; charset=utf-8',
    body: readFileSync(join(ASSETS_DIR, 'app.js')),
  },
};

const PAGES = renderFixturePages();
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };

/** Pages at `/pages/<name>`, assets at their real paths, everything else 404. */
function startPageServer(): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const asset = ASSETS[path];
    const page = path.startsWith('/pages/') ? PAGES[path.slice('/pages/'.length)] : undefined;
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (asset) {
      res.writeHead(200, { 'Content-Type': asset.type }).end(asset.body);
    } else if (page) {
      res
        .writeHead(200, {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': CSP,
          'Referrer-Policy': 'no-referrer',
          'Cache-Control': 'no-store',
        })
        .end(page);
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe.skipIf(!HAS_CHROMIUM)(SUITE, () => {
  let server: Server;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    server = await startPageServer();
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  /** A fresh context and page at `viewport`, with CSP violations and script errors collected. */
  async function open(
    name: string,
    viewport = DESKTOP,
  ): Promise<{ page: Page; context: BrowserContext; problems: () => Promise<string[]> }> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`script error: ${error.message}`));
    const cspViolations = await watchCspViolations(page);
    const response = await page.goto(`${origin}/pages/${name}`);
    expect(response?.status()).toBe(200);
    return { page, context, problems: async () => [...(await cspViolations()), ...errors] };
  }

  /** How far the page scrolls sideways (0 when it fits). */
  async function horizontalOverflow(page: Page): Promise<number> {
    return (await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    )) as number;
  }

  describe.each([
    ['desktop', DESKTOP],
    ['360 px phone', PHONE],
  ])('on a %s', (_, viewport) => {
    it.each(Object.keys(PAGES))('%s passes axe and the CSP and fits the width', async (name) => {
      const { page, context, problems } = await open(name, viewport);
      try {
        const violations = await scanAccessibility(page);
        expect(violations, describeViolations(violations)).toEqual([]);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        expect(await problems()).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });

  it('masks the secret, shows it with Show and copies it with Copy', async () => {
    const { page, context, problems } = await open('new-token');
    try {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
      const field = page.getByRole('textbox', { name: 'New personal access token' });
      const show = page.getByRole('button', { name: 'Show', exact: true });
      await expect.poll(() => field.getAttribute('type')).toBe('password');
      expect(await field.inputValue()).toBe(SECRET);
      expect(await show.getAttribute('aria-pressed')).toBe('false');

      await show.click();
      expect(await page.locator('#new-token').getAttribute('type')).toBe('text');
      expect(await show.getAttribute('aria-pressed')).toBe('true');
      await show.click();
      expect(await page.locator('#new-token').getAttribute('type')).toBe('password');

      await page.getByRole('button', { name: 'Copy', exact: true }).click();
      await expect.poll(() => page.locator('#copy-status').textContent()).toBe('Copied');
      expect(await page.evaluate('navigator.clipboard.readText()')).toBe(SECRET);
      expect(await problems()).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('without JavaScript shows the secret as text and no dead buttons', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${origin}/pages/new-token`);
      expect(await page.locator('#new-token').getAttribute('type')).toBe('text');
      expect(await page.getByRole('button', { name: 'Copy', exact: true }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Show', exact: true }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('opens the Revoke dialog with the keyboard alone and returns focus on Escape', async () => {
    const { page, context, problems } = await open('token-list');
    try {
      const target = 'Revoke Phone';
      let focused = '';
      for (let presses = 0; presses < 40 && focused !== target; presses++) {
        await page.keyboard.press('Tab');
        focused = (await page.evaluate(
          '(document.activeElement && document.activeElement.textContent || "").replace(/\\s+/g, " ").trim()',
        )) as string;
      }
      expect(focused).toBe(target);

      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Revoke “Phone”?' });
      await expect.poll(() => dialog.isVisible()).toBe(true);
      expect(
        await page.evaluate(
          'document.querySelector("#confirm-revoke").contains(document.activeElement)',
        ),
      ).toBe(true);
      expect(await dialog.getByRole('button', { name: 'Revoke', exact: true }).isVisible()).toBe(
        true,
      );
      expect(await dialog.getByRole('button', { name: 'Cancel', exact: true }).isVisible()).toBe(
        true,
      );
      expect(await page.locator('#confirm-revoke form').getAttribute('action')).toBe(
        '/account/tokens/tok-phone/revoke',
      );
      expect(await page.locator('#confirm-revoke input[name="csrf"]').count()).toBe(1);
      const violations = await scanAccessibility(page);
      expect(violations, describeViolations(violations)).toEqual([]);

      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.isVisible()).toBe(false);
      expect(
        await page.evaluate('document.activeElement.textContent.replace(/\\s+/g, " ").trim()'),
      ).toBe(target);
      expect(page.url()).toBe(`${origin}/pages/token-list`);
      expect(await problems()).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('asks for the password in the Rotate dialog and focuses it', async () => {
    const { page, context } = await open('token-list');
    try {
      await page.getByRole('button', { name: 'Rotate Phone' }).click();
      const dialog = page.getByRole('dialog', { name: 'Rotate “Phone”?' });
      await expect.poll(() => dialog.isVisible()).toBe(true);
      expect(await page.evaluate('document.activeElement.name')).toBe('password');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect.poll(() => dialog.isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('shows the custom date only when Custom date is chosen', async () => {
    const { page, context } = await open('create-token');
    try {
      const customDate = page.getByLabel('Custom date');
      expect(await customDate.isVisible()).toBe(false);
      await page.getByLabel('Expires').selectOption('custom');
      expect(await customDate.isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });
});
