/**
 * The email that warns a token's owner before (or once) the token expires: plain text and HTML,
 * built from metadata only; there is no secret to leak.
 * @module
 */
import { html } from '../web/pages/html.js';
import type { SafeHtml } from '../web/pages/html.js';
import type { ExpiryThresholdDays } from '../expiry-warnings/thresholds.js';
import type { OutgoingMail } from './mail-sender.js';

/** What a warning says, as the expiry check knows it. */
export interface ExpiryWarningFacts {
  thresholdDays: ExpiryThresholdDays;
  user: { email: string; displayName: string };
  /** Times in epoch milliseconds. */
  token: { name: string; scopes: string[]; lastUsedAt: number | null; expiresAt: number };
  /** Epoch milliseconds, the checker's clock. */
  now: number;
  /** `<MAILPAT_PUBLIC_URL>/account/` or undefined when there is no web page. */
  accountUrl: string | undefined;
}

const DAY_MS = 86_400_000;

/** The warning for one token. The wording follows the time really left, not the threshold. */
export function buildExpiryWarning(facts: ExpiryWarningFacts): OutgoingMail {
  const name = printable(facts.token.name);
  const expired = facts.token.expiresAt <= facts.now;
  const summary = `Your personal access token "${name}" ${describeExpiry(facts)}`;
  const view: WarningView = {
    greeting: `Hello ${printable(facts.user.displayName) || facts.user.email},`,
    summary: `${summary}.`,
    details: [
      ['Token', name],
      ['Scopes', facts.token.scopes.length > 0 ? facts.token.scopes.join(', ') : 'none'],
      [
        'Last used',
        facts.token.lastUsedAt === null ? 'never used' : formatTime(facts.token.lastUsedAt),
      ],
      [expired ? 'Expired' : 'Expires', formatTime(facts.token.expiresAt)],
    ],
    consequence: expired
      ? 'Mail apps that log in with it can no longer read or send mail.'
      : 'When it expires, mail apps that log in with it can no longer read or send mail.',
    replaceIntro: expired ? 'To replace it:' : 'To replace it before it stops working:',
    accountUrl: facts.accountUrl,
  };
  return {
    to: facts.user.email,
    subject: summary,
    text: renderText(view),
    html: renderHtml(view).toString(),
  };
}

/** "expires in 7 days", "expires tomorrow", "expires today" (UTC days) or "has expired". */
function describeExpiry({ token, now }: ExpiryWarningFacts): string {
  if (token.expiresAt <= now) return 'has expired';
  const days = Math.floor(token.expiresAt / DAY_MS) - Math.floor(now / DAY_MS);
  if (days === 0) return 'expires today';
  if (days === 1) return 'expires tomorrow';
  return `expires in ${days} days`;
}

/** The parts both bodies show, already made printable. */
interface WarningView {
  greeting: string;
  summary: string;
  details: [label: string, value: string][];
  consequence: string;
  replaceIntro: string;
  accountUrl: string | undefined;
}

const REPLACE_STEPS = ', update your mail app, then revoke the old one.';
const ASK_ADMINISTRATOR = 'To replace it, ask your mail administrator for a new token.';
const NO_SECRETS = 'This message contains no token: none is ever sent or asked for by mail.';

function renderText(view: WarningView): string {
  const width = Math.max(...view.details.map(([label]) => label.length)) + 2;
  const replace =
    view.accountUrl === undefined
      ? ASK_ADMINISTRATOR
      : `${view.replaceIntro}\nCreate a new token at ${view.accountUrl}${REPLACE_STEPS}`;
  return [
    view.greeting,
    '',
    view.summary,
    '',
    ...view.details.map(([label, value]) => `  ${`${label}:`.padEnd(width)}${value}`),
    '',
    view.consequence,
    '',
    replace,
    '',
    NO_SECRETS,
    '',
  ].join('\n');
}

function renderHtml(view: WarningView): SafeHtml {
  const replace =
    view.accountUrl === undefined
      ? html`<p>${ASK_ADMINISTRATOR}</p>`
      : html`<p>
          ${view.replaceIntro}<br />
          Create a new token at <a href="${view.accountUrl}">${view.accountUrl}</a>${REPLACE_STEPS}
        </p>`;
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>${view.summary}</title>
      </head>
      <body>
        <p>${view.greeting}</p>
        <p>${view.summary}</p>
        <table role="presentation">
          ${view.details.map(
            ([label, value]) =>
              html`<tr>
                <th align="left" scope="row">${label}</th>
                <td>${value}</td>
              </tr>`,
          )}
        </table>
        <p>${view.consequence}</p>
        ${replace}
        <p>${NO_SECRETS}</p>
      </body>
    </html>`;
}

/** "2027-01-02 14:05 UTC": the same for every reader, whatever their zone. */
function formatTime(at: number): string {
  return `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** User text without control characters or line separators, which could break a header or line. */
function printable(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim();
}
