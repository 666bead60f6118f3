/**
 * Recent activity of the user's own tokens, newest first, each entry a sentence that names the
 * token (or "a revoked token" when its name is no longer known).
 * @module
 */
import { html } from './html.js';
import type { SafeHtml } from './html.js';
import { renderTime } from './time.js';
import type { ActivityView, TokenView } from './view-types.js';

/** The "Recent activity" section. */
export function renderActivity(
  activity: ActivityView[],
  tokens: TokenView[],
  now: number,
): SafeHtml {
  const body =
    activity.length === 0
      ? html`<p class="muted">Nothing yet. Creating, using and revoking tokens will show here.</p>`
      : html`<ol class="activity-list">
          ${activity.map((entry) => renderEntry(entry, tokens, now))}
        </ol>`;
  return html`<section class="activity" aria-labelledby="activity-heading">
    <h2 id="activity-heading">Recent activity</h2>
    ${body}
  </section>`;
}

function renderEntry(entry: ActivityView, tokens: TokenView[], now: number): SafeHtml {
  return html`<li
    class="${`activity-entry activity-${entry.type.toLowerCase().replaceAll('_', '-')}`}"
  >
    <span class="activity-what">${describeActivity(entry, tokenLabel(entry, tokens))}</span>
    <span class="activity-when">${renderTime(entry.at, now)}</span>
  </li>`;
}

/** The token's name in quotes, or "a revoked token" (events written before names were kept). */
function tokenLabel(entry: ActivityView, tokens: TokenView[]): SafeHtml {
  const name = entry.tokenName ?? tokens.find((token) => token.id === entry.tokenId)?.name;
  return name === undefined
    ? html`a revoked token`
    : html`<span class="token-ref">“${name}”</span>`;
}

/** One sentence per event type; addresses are shown when the event has one. */
export function describeActivity(entry: ActivityView, token: SafeHtml): SafeHtml {
  const from = entry.clientAddress
    ? html` from <span class="address">${entry.clientAddress}</span>`
    : '';
  switch (entry.type) {
    case 'CREATED':
      return html`Created ${token}`;
    case 'ROTATED':
      return html`Rotated ${token} (new secret)`;
    case 'DELETED':
      return html`Revoked ${token}`;
    case 'USED':
      return html`A mail app signed in with ${token}${from}`;
    case 'USE_REFUSED':
      return html`<strong class="badge badge-refused">Refused</strong> a sign-in with
        ${token}${from}`;
    case 'EXPIRY_WARNING_SENT':
      return entry.expiryWarningDays === 0
        ? html`Mailed you that ${token} expires today`
        : html`Mailed you that ${token} expires in ${String(entry.expiryWarningDays)} days`;
  }
}
