/**
 * The web app in a real browser (Debian's Chromium through playwright-core) against a real
 * `mailpat serve`: what a mailbox user does, end to end. A user signs in with a password, creates
 * an IMAP token, copies it from the page and logs in to a real Dovecot with it; revokes it and
 * the next login fails. Single sign-on goes through a real OpenID provider. Keyboard-only
 * creation, the confirmation dialogs, and an axe-core scan of every page at desktop and phone
 * widths. With MAILPAT_SCREENSHOT_DIR set, it writes the README's screenshots there.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameUnless, skipNotice } from '../../../../test-support/skip-notice.js';
import {
  CHROMIUM_SKIP_NOTICE,
  HAS_CHROMIUM,
  launchBrowser,
  scanAccessibility,
} from '../support/browser.js';
import type { DovecotProcess } from '../support/dovecot.js';
import { isDovecotUsable, startDovecot } from '../support/dovecot.js';
import { createOrgWithUsers, MP, WM } from '../support/fixtures.js';
import type { OrgFixture } from '../support/fixtures.js';
import { ImapSession } from '../support/imap-session.js';
import type { MailpatProcess } from '../support/mailpat-process.js';
import { startMailpat } from '../support/mailpat-process.js';
import type { RunningOidcProvider } from '../support/oidc-provider.js';
import { startOidcProvider } from '../support/oidc-provider.js';
import { call } from '../support/signed-request.js';

const SUITE = nameUnless(HAS_CHROMIUM, 'web app in Chromium', CHROMIUM_SKIP_NOTICE);
const dovecotUsable = HAS_CHROMIUM && isDovecotUsable();
const IMAP_CASE = nameUnless(
  dovecotUsable,
  'a token made in the page opens the mailbox in Dovecot; revoked in the page, it no longer does',
  skipNotice(
    'Dovecot, run as root',
    'apt-get install -y dovecot-imapd dovecot-pop3d dovecot-submissiond dovecot-lmtpd, then npm test as root',
  ),
);
const PASSWORD = 'Browser-Passw0rd!';
const PROVIDER_NAME = 'Example ID';
const OTHER_PROVIDER_NAME = 'Other Org ID';
const SCREENSHOT_DIR = process.env.MAILPAT_SCREENSHOT_DIR;
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 860 };

let mailpat: MailpatProcess;
let dovecot: DovecotProcess | undefined;
let provider: RunningOidcProvider;
let browser: Browser;
let org: OrgFixture;

describe.skipIf(!HAS_CHROMIUM)(SUITE, () => {
  beforeAll(async () => {
    const clientId = `dovecot-${randomBytes(4).toString('hex')}`;
    const clientSecret = randomBytes(24).toString('hex');
    mailpat = await startMailpat({
      env: {
        MAILPAT_INTROSPECTION_CLIENT_ID: clientId,
        MAILPAT_INTROSPECTION_CLIENT_SECRET: clientSecret,
        MAILPAT_LAST_USED_FLUSH_MS: '500',
        MAILPAT_MAIL_HOST: 'mail.example.org',
      },
    });
    org = await createOrgWithUsers(mailpat, 4, 90);
    for (const user of org.users) {
      await call(mailpat, WM('ResetPassword'), {
        OrganizationId: org.organizationId,
        UserId: user.id,
        Password: PASSWORD,
      });
    }
    const oidcClientSecret = randomBytes(24).toString('hex');
    provider = await startOidcProvider({
      clientId: 'mailpat',
      clientSecret: oidcClientSecret,
      redirectUris: [`${mailpat.url}/account/sso/callback`],
      accounts: [{ sub: 'sso-user', email: org.users[3]!.email, email_verified: true }],
    });
    await call(mailpat, MP('PutOpenIdConnectConfiguration'), {
      OrganizationId: org.organizationId,
      ProviderName: PROVIDER_NAME,
      IssuerUrl: provider.issuer,
      ClientId: 'mailpat',
      ClientSecret: oidcClientSecret,
    });
    // Another organization trusting the same provider: its answer about org's user must not
    // open a session there (a provider vouches for its own organization's users only).
    const other = await createOrgWithUsers(mailpat, 1, 90);
    await call(mailpat, MP('PutOpenIdConnectConfiguration'), {
      OrganizationId: other.organizationId,
      ProviderName: OTHER_PROVIDER_NAME,
      IssuerUrl: provider.issuer,
      ClientId: 'mailpat',
      ClientSecret: oidcClientSecret,
    });
    if (dovecotUsable) {
      dovecot = await startDovecot({
        mailpatPort: Number(new URL(mailpat.url).port),
        clientId,
        clientSecret,
      });
    }
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await dovecot?.stop();
    await provider?.stop();
    await mailpat?.stop();
  });

  it(IMAP_CASE, async () => {
    if (!dovecot) return;
    const user = org.users[0]!;
    const { context, page } = await signedInPage(user.email);
    try {
      await createTokenInPage(page, 'Phone', ['IMAP', 'POP3', 'SMTP']);
      const secret = await createTokenInPage(page, 'Laptop mail', ['IMAP']);
      await page.getByRole('button', { name: 'Show' }).click(); // masked again for the picture
      await screenshot(page, 'new-token.png');
      expect((await imapLogin(user.email, secret)).status).toBe('OK');

      // The list shows the use (flushed every 500 ms here) and where it came from.
      const row = page.getByRole('row', { name: /Laptop mail/ });
      await expect
        .poll(async () => {
          await page.goto(`${mailpat.url}/account/`);
          return (await row.textContent()) ?? '';
        })
        .toContain('127.0.0.1');
      await screenshot(page, 'token-list.png');

      await page.getByRole('button', { name: 'Revoke Laptop mail' }).click();
      const dialog = page.getByRole('dialog');
      await expect.poll(() => dialog.isVisible()).toBe(true);
      await dialog.getByRole('button', { name: 'Revoke', exact: true }).click();
      await page.waitForURL(/\/account\/$/);
      await expect.poll(() => page.getByRole('row', { name: /Laptop mail/ }).count()).toBe(0);

      const refused = await imapLogin(user.email, secret);
      expect(refused.status).toBe('NO');
    } finally {
      await context.close();
    }
  });

  it('rotates a token behind a dialog naming it; the new secret is shown once and differs', async () => {
    const { context, page } = await signedInPage(org.users[1]!.email);
    try {
      const first = await createTokenInPage(page, 'Phone', ['IMAP', 'SMTP']);
      await page.goto(`${mailpat.url}/account/`);
      await page.getByRole('button', { name: 'Rotate Phone' }).click();
      const dialog = page.getByRole('dialog');
      await expect.poll(() => dialog.isVisible()).toBe(true);
      expect(await dialog.textContent()).toContain('Phone');
      // Cancel changes nothing.
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect.poll(() => dialog.isVisible()).toBe(false);
      await page.getByRole('button', { name: 'Rotate Phone' }).click();
      await dialog.getByRole('button', { name: 'Rotate', exact: true }).click();
      const field = page.getByLabel('New personal access token');
      const second = await field.inputValue();
      expect(second).toMatch(/^mpat_/);
      expect(second).not.toBe(first);
      // Reloading the list shows no secret any more.
      await page.goto(`${mailpat.url}/account/`);
      expect(await page.content()).not.toContain(second);
    } finally {
      await context.close();
    }
  });

  it('signs in with single sign-on through the real OpenID provider', async () => {
    const context = await newContext(DESKTOP);
    const page = await context.newPage();
    try {
      provider.setNextLogin('sso-user');
      await page.goto(`${mailpat.url}/account/sign-in`);
      await page.getByRole('button', { name: `Sign in with ${PROVIDER_NAME}` }).click();
      await page.waitForURL(/\/account\/$/);
      await page.getByRole('heading', { name: 'Personal access tokens' }).waitFor();
      expect(await page.content()).toContain(org.users[3]!.email);
    } finally {
      await context.close();
    }
  });

  it("refuses another organization's provider vouching for this organization's user", async () => {
    const context = await newContext(DESKTOP);
    const page = await context.newPage();
    try {
      provider.setNextLogin('sso-user');
      await page.goto(`${mailpat.url}/account/sign-in`);
      await page.getByRole('button', { name: `Sign in with ${OTHER_PROVIDER_NAME}` }).click();
      await page.getByText('no enabled mailbox user of this organization').waitFor();
      expect(page.url()).toContain('/account/sso/callback');
      await page.goto(`${mailpat.url}/account/`);
      await page.waitForURL(/\/account\/sign-in$/);
    } finally {
      await context.close();
    }
  });

  it('creates a token with the keyboard alone', async () => {
    const { context, page } = await signedInPage(org.users[2]!.email);
    try {
      await tabTo(page, page.getByRole('link', { name: 'Create token' }));
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/account\/tokens\/new$/);
      await tabTo(page, page.getByLabel('Name'));
      await page.keyboard.type('Keyboard token');
      await tabTo(page, page.getByRole('checkbox', { name: 'POP3' }));
      await page.keyboard.press('Space');
      await tabTo(page, page.getByRole('button', { name: 'Create token' }));
      await page.keyboard.press('Enter');
      const field = page.getByLabel('New personal access token');
      await field.waitFor();
      expect(await field.inputValue()).toMatch(/^mpat_/);
    } finally {
      await context.close();
    }
  });

  it('axe finds no serious or critical violation on any page, on a desktop or a phone', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const context = await newContext(viewport);
      const page = await context.newPage();
      const problems: string[] = [];
      const scan = async (label: string) => {
        for (const v of await scanAccessibility(page)) {
          problems.push(
            `${viewport.width}px ${label}: ${v.id} (${v.impact}) ${v.help}\n  ${v.nodes.join('\n  ')}`,
          );
        }
        const overflow = await page.evaluate(
          'document.documentElement.scrollWidth > document.documentElement.clientWidth',
        );
        if (overflow) problems.push(`${viewport.width}px ${label}: scrolls sideways`);
      };
      try {
        await page.goto(`${mailpat.url}/account/sign-in`);
        await scan('sign-in');
        await page.getByLabel('Email').fill('nobody@example.org');
        await page.getByLabel('Password').fill('wrong');
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await scan('sign-in with an error');
        await signIn(page, org.users[2]!.email);
        await scan('token list');
        await page.goto(`${mailpat.url}/account/tokens/new`);
        await scan('create form');
        await page.getByRole('button', { name: 'Create token' }).click();
        await scan('create form with errors');
        await createTokenInPage(page, `Scan ${viewport.width}`, ['SMTP']);
        await scan('one-time secret');
        await page.goto(`${mailpat.url}/account/`);
        await page.getByRole('button', { name: `Revoke Scan ${viewport.width}` }).click();
        await scan('revoke dialog');
        const tokenPath = await page
          .getByRole('button', { name: `Rotate Scan ${viewport.width}` })
          .locator('xpath=ancestor::form')
          .getAttribute('action');
        await page.goto(`${mailpat.url}${tokenPath}`);
        await scan('rotate confirmation page');
        await page.goto(`${mailpat.url}/account/tokens/no-such-token/revoke`);
        await scan('not found');
      } finally {
        await context.close();
      }
      expect(problems, problems.join('\n')).toEqual([]);
    }
  });

  async function newContext(viewport: { width: number; height: number }): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport });
    return context;
  }

  /** A fresh browser context signed in as `email` with the password, on the token list. */
  async function signedInPage(email: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newContext(DESKTOP);
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await signIn(page, email);
    expect(violations).toEqual([]);
    return { context, page };
  }

  async function signIn(page: Page, email: string): Promise<void> {
    await page.goto(`${mailpat.url}/`);
    await page.waitForURL(/\/account\/sign-in$/);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Personal access tokens' }).waitFor();
  }

  /** Fills the create form and returns the one-time secret the page shows. */
  async function createTokenInPage(page: Page, name: string, scopes: string[]): Promise<string> {
    await page.goto(`${mailpat.url}/account/`);
    await page.getByRole('link', { name: 'Create token' }).click();
    await page.getByLabel('Name').fill(name);
    for (const scope of ['IMAP', 'POP3', 'SMTP']) {
      await page.getByRole('checkbox', { name: scope }).setChecked(scopes.includes(scope));
    }
    await page.getByRole('button', { name: 'Create token' }).click();
    const field = page.getByLabel('New personal access token');
    await field.waitFor();
    // Masked until Show is pressed; Show reveals the same value.
    expect(await field.getAttribute('type')).toBe('password');
    await page.getByRole('button', { name: 'Show' }).click();
    expect(await field.getAttribute('type')).toBe('text');
    const secret = await field.inputValue();
    expect(secret).toMatch(/^mpat_[0-9A-Za-z]{39}$/);
    return secret;
  }

  /** Presses Tab until `target` has the focus (at most 60 times). */
  async function tabTo(page: Page, target: Locator): Promise<void> {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
    }
    throw new Error(`Tab never reached ${target.toString()}`);
  }

  async function imapLogin(email: string, secret: string) {
    const session = await ImapSession.connect(dovecot!.imapPort, '127.0.0.1', 30_000);
    try {
      return await session.login(email, secret);
    } finally {
      session.close();
    }
  }

  async function screenshot(page: Page, file: string): Promise<void> {
    if (SCREENSHOT_DIR === undefined) return;
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, file), fullPage: true });
  }
});
