/**
 * The create form (`GET /account/tokens/new`, and again with inline errors after a refused
 * `POST /account/tokens`): Name, what the token can be used for, Expires, and the password when
 * the sign-in is old.
 * @module
 */
import { DAY_MS } from '../../domain/wire-time.js';
import { SCOPE_CHOICES, TOKEN_NAME_MAX_LENGTH, TOKEN_NAME_RULES } from './constants.js';
import { renderPasswordField } from './confirm-dialog.js';
import { renderErrorSummary } from './error-summary.js';
import {
  CUSTOM_EXPIRY,
  allowedPresetDays,
  defaultExpiry,
  earliestCustomDate,
  latestCustomDate,
} from './expiry-choices.js';
import { html } from './html.js';
import type { SafeHtml } from './html.js';
import { csrfField, renderLayout } from './layout.js';
import { CREATE_TOKEN_URL, TOKEN_LIST_URL } from './paths.js';
import { formatUtcDate } from './time.js';
import type {
  CreateTokenErrors,
  CreateTokenValues,
  PolicyView,
  SignedInUser,
} from './view-types.js';

/** What the create form shows. */
export interface CreateTokenPageView {
  user: SignedInUser;
  csrfToken: string;
  now: number;
  policy: PolicyView;
  values: CreateTokenValues;
  errors: CreateTokenErrors;
  needsPassword: boolean;
}

/** The create form page. */
export function renderCreateTokenPage(v: CreateTokenPageView): string {
  const main = html`<h1>Create a token</h1>
    <p class="lead">The token will be shown once, with the settings to enter in your mail app.</p>
    ${renderErrorSummary([
      { field: 'name', message: v.errors.name },
      { field: 'scope-IMAP', message: v.errors.scopes },
      { field: expiryFieldId(v), message: v.errors.expires },
      { field: 'password', message: v.errors.password },
      { field: undefined, message: v.errors.form },
    ])}
    <form method="post" action="${CREATE_TOKEN_URL}" class="form">
      ${csrfField(v.csrfToken)} ${renderNameField(v.values.name, v.errors.name)}
      ${renderScopesField(v.values.scopes, v.errors.scopes)} ${renderExpiryFields(v)}
      ${v.needsPassword ? renderPasswordField('password', v.errors.password) : ''}
      <div class="form-actions">
        <button type="submit" class="button button-primary">Create token</button>
        <a class="button button-secondary" href="${TOKEN_LIST_URL}">Cancel</a>
      </div>
    </form>`;
  return renderLayout({ title: 'Create a token', user: v.user, csrfToken: v.csrfToken, main });
}

/** `aria-describedby`/`aria-invalid` for a field with a hint and maybe an error. */
function describe(id: string, error: string | undefined): SafeHtml {
  return error
    ? html` aria-describedby="${id}-hint ${id}-error" aria-invalid="true"`
    : html` aria-describedby="${id}-hint"`;
}

function errorText(id: string, error: string | undefined): SafeHtml | '' {
  return error ? html`<p id="${id}-error" class="field-error">${error}</p>` : '';
}

function renderNameField(name: string, error: string | undefined): SafeHtml {
  return html`<div class="${error ? 'field has-error' : 'field'}">
    <label for="name">Name</label>
    <p id="name-hint" class="hint">
      Which app or device is it for? For example “Phone” or “Laptop – Thunderbird”.
      ${TOKEN_NAME_RULES}
    </p>
    ${errorText('name', error)}
    <input
      id="name"
      name="name"
      type="text"
      value="${name}"
      required
      maxlength="${TOKEN_NAME_MAX_LENGTH}"
      autocomplete="off"
      spellcheck="false"
      ${describe('name', error)}
    />
  </div>`;
}

function renderScopesField(selected: string[], error: string | undefined): SafeHtml {
  return html`<fieldset
    class="${error ? 'field has-error' : 'field'}"
    aria-describedby="${error ? 'scopes-hint scopes-error' : 'scopes-hint'}"
  >
    <legend>Can be used for</legend>
    <p id="scopes-hint" class="hint">Choose at least one. Your mail app's settings name them.</p>
    ${errorText('scopes', error)}
    <div class="choices">
      ${SCOPE_CHOICES.map(
        ({ scope, does }) =>
          html`<div class="choice">
            <input
              id="scope-${scope}"
              name="scopes"
              type="checkbox"
              value="${scope}"
              aria-describedby="scope-${scope}-hint"
              ${selected.includes(scope) ? html` checked` : ''}
            />
            <label for="scope-${scope}">${scope}</label>
            <p id="scope-${scope}-hint" class="choice-hint">${does}</p>
          </div>`,
      )}
    </div>
  </fieldset>`;
}

/** The field an expiry error points at: the custom date when it was chosen. */
function expiryFieldId(v: CreateTokenPageView): string {
  return v.values.expires === CUSTOM_EXPIRY ? 'custom-date' : 'expires';
}

function renderExpiryFields(v: CreateTokenPageView): SafeHtml {
  const fallback = defaultExpiry(v.policy, v.now);
  const expires = v.values.expires || fallback.expires;
  const customDate = v.values.customDate || fallback.customDate;
  const error = v.errors.expires;
  const latest = latestCustomDate(v.policy, v.now);
  const onCustom = expires === CUSTOM_EXPIRY;
  return html`<div class="${error ? 'field has-error' : 'field'}">
      <label for="expires">Expires</label>
      <p id="expires-hint" class="hint">
        After this the token stops working. Your organization allows at most
        ${v.policy.lifetimeInDays} ${v.policy.lifetimeInDays === 1 ? 'day' : 'days'}.
      </p>
      ${errorText('expires', error)}
      <select
        id="expires"
        name="expires"
        ${describe('expires', error && !onCustom ? error : undefined)}
      >
        ${allowedPresetDays(v.policy).map(
          (days) =>
            html`<option value="${days}" ${String(days) === expires ? html` selected` : ''}>
              ${days} days (${formatUtcDate(v.now + days * DAY_MS)})
            </option>`,
        )}
        <option value="${CUSTOM_EXPIRY}" ${onCustom ? html` selected` : ''}>Custom date</option>
      </select>
    </div>
    <div class="field" data-custom-date>
      <label for="custom-date">Custom date</label>
      <p id="custom-date-hint" class="hint">
        Used when Expires is “Custom date”. The latest allowed is
        ${formatUtcDate(Date.parse(latest))}.
      </p>
      <input
        id="custom-date"
        name="custom-date"
        type="date"
        value="${customDate}"
        min="${earliestCustomDate(v.now)}"
        max="${latest}"
        ${
          error && onCustom
            ? html` aria-describedby="custom-date-hint expires-error" aria-invalid="true"`
            : html` aria-describedby="custom-date-hint"`
        }
      />
    </div>`;
}
