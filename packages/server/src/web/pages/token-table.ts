/**
 * The token list's table: one `<tr>` per token with its name, what it can do, when it was
 * created, last used (and from where) and expires, and its Rotate / Revoke buttons.
 * @module
 */
import { DAY_MS } from '../../domain/wire-time.js';
import { EXPIRES_SOON_DAYS } from './constants.js';
import { html } from './html.js';
import type { SafeHtml } from './html.js';
import { tokenActionUrl } from './paths.js';
import type { ConfirmAction } from './paths.js';
import { renderTime } from './time.js';
import type { TokenView } from './view-types.js';

/** The table; `canRotate` is false while the policy is off (Revoke stays). */
export function renderTokenTable(tokens: TokenView[], now: number, canRotate: boolean): SafeHtml {
  return html`<table class="token-table responsive-table">
    <caption class="visually-hidden">
      Your tokens
    </caption>
    <thead>
      <tr>
        <th scope="col">Name</th>
        <th scope="col">Can be used for</th>
        <th scope="col">Created</th>
        <th scope="col">Last used</th>
        <th scope="col">Expires</th>
        <th scope="col">Actions</th>
      </tr>
    </thead>
    <tbody>
      ${tokens.map((token) => renderRow(token, now, canRotate))}
    </tbody>
  </table>`;
}

function renderRow(token: TokenView, now: number, canRotate: boolean): SafeHtml {
  const expired = token.expiresAt <= now;
  return html`<tr class="${expired ? 'token-row is-expired' : 'token-row'}">
    <th scope="row" class="token-name">${token.name}</th>
    <td>${cellLabel('Can be used for')}${renderScopes(token.scopes)}</td>
    <td>${cellLabel('Created')}${renderTime(token.createdAt, now)}</td>
    <td>${cellLabel('Last used')}${renderLastUsed(token, now)}</td>
    <td>${cellLabel('Expires')}${renderExpiry(token.expiresAt, now)}</td>
    <td class="row-actions">
      ${canRotate ? renderActionButton(token, 'rotate') : ''} ${renderActionButton(token, 'revoke')}
    </td>
  </tr>`;
}

/** The column name inside a cell, shown only when the table is laid out as cards (phones). */
function cellLabel(label: string): SafeHtml {
  // Hidden from assistive technology: the cell already has its column header.
  return html`<span class="cell-label" aria-hidden="true">${label}</span>`;
}

/** The scopes as a list of short tags. */
export function renderScopes(scopes: string[]): SafeHtml {
  return html`<ul class="scopes">
    ${scopes.map((scope) => html`<li class="scope">${scope}</li>`)}
  </ul>`;
}

function renderLastUsed(token: TokenView, now: number): SafeHtml {
  if (token.lastUsedAt === null) return html`<span class="muted">Never used</span>`;
  const from = token.lastUsedAddress
    ? html`<span class="from">from <span class="address">${token.lastUsedAddress}</span></span>`
    : '';
  return html`${renderTime(token.lastUsedAt, now)} ${from}`;
}

/** The expiry with a text mark (not colour alone) when expired or close to it. */
export function renderExpiry(expiresAt: number, now: number): SafeHtml {
  let mark: SafeHtml | '' = '';
  if (expiresAt <= now) mark = html`<strong class="badge badge-expired">Expired</strong>`;
  else if (expiresAt - now <= EXPIRES_SOON_DAYS * DAY_MS) {
    mark = html`<strong class="badge badge-soon">Expires soon</strong>`;
  }
  return html`${mark} ${renderTime(expiresAt, now)}`;
}

/**
 * A GET form to the confirmation page (works without JS); app.js turns its submit into a
 * `<dialog>` that posts to the same URL. The button's name is `Rotate <name>` / `Revoke <name>`.
 */
function renderActionButton(token: TokenView, action: ConfirmAction): SafeHtml {
  const verb = action === 'rotate' ? 'Rotate' : 'Revoke';
  const look =
    action === 'rotate'
      ? 'button button-small button-secondary'
      : 'button button-small button-danger-quiet';
  return html`<form
    method="get"
    action="${tokenActionUrl(token.id, action)}"
    class="confirm-form"
    data-confirm="${action}"
    data-token-name="${token.name}"
  >
    <button type="submit" class="${look}">
      ${verb}<span class="visually-hidden"> ${token.name}</span>
    </button>
  </form>`;
}

/** What a token can do and when it expires: the facts the confirm and new-secret pages repeat. */
export function renderTokenFacts(token: TokenView, now: number): SafeHtml {
  return html`<dl class="token-facts">
    <div>
      <dt>Can be used for</dt>
      <dd>${renderScopes(token.scopes)}</dd>
    </div>
    <div>
      <dt>Expires</dt>
      <dd>${renderExpiry(token.expiresAt, now)}</dd>
    </div>
  </dl>`;
}
