/**
 * The list page's Rotate / Revoke `<dialog>`s. Closed dialogs are not shown, so without JS they
 * are inert; app.js opens one in place of the GET confirmation page, sets its form's action to
 * the same URL that page posts to, and fills in the token's name.
 * @module
 */
import { CONFIRM_COPY, REAUTH_HINT } from './confirm-copy.js';
import { html } from './html.js';
import type { SafeHtml } from './html.js';
import { csrfField } from './layout.js';
import type { ConfirmAction } from './paths.js';

/** One dialog, `id="confirm-<action>"`; `needsPassword` adds the re-entry field. */
export function renderConfirmDialog(
  action: ConfirmAction,
  csrfToken: string,
  needsPassword: boolean,
): SafeHtml {
  const copy = CONFIRM_COPY[action];
  const id = `confirm-${action}`;
  return html`<dialog
    id="${id}"
    class="dialog"
    aria-labelledby="${id}-title"
    aria-describedby="${id}-explanation"
  >
    <form method="post" class="dialog-form">
      <h2 id="${id}-title" class="dialog-title">
        ${copy.verb} <span class="token-ref">“<span data-token-name></span>”</span>?
      </h2>
      <p id="${id}-explanation">${copy.explanation}</p>
      ${csrfField(csrfToken)} ${needsPassword ? renderPasswordField(`${id}-password`) : ''}
      <div class="form-actions">
        <button type="submit" class="${copy.buttonClass}">${copy.verb}</button>
        <button type="button" class="button button-secondary" data-dialog-cancel>Cancel</button>
      </div>
    </form>
  </dialog>`;
}

/** The password re-entry field (`name="password"`, label `Password`). */
export function renderPasswordField(id: string, error?: string): SafeHtml {
  const errorId = `${id}-error`;
  const describedBy = error ? `${id}-hint ${errorId}` : `${id}-hint`;
  return html`<div class="${error ? 'field has-error' : 'field'}">
    <label for="${id}">Password</label>
    <p id="${id}-hint" class="hint">${REAUTH_HINT}</p>
    ${error ? html`<p id="${errorId}" class="field-error">${error}</p>` : ''}
    <input
      id="${id}"
      name="password"
      type="password"
      autocomplete="current-password"
      required
      aria-describedby="${describedBy}"
      ${error ? html` aria-invalid="true"` : ''}
    />
  </div>`;
}
