/**
 * The confirmation page for Rotate / Revoke when JavaScript does not open the dialog
 * (`GET /account/tokens/:id/rotate|revoke`); it posts to the same URL.
 * @module
 */
import { CONFIRM_COPY } from './confirm-copy.js';
import { renderPasswordField } from './confirm-dialog.js';
import { html } from './html.js';
import { csrfField, renderLayout } from './layout.js';
import { TOKEN_LIST_URL, tokenActionUrl } from './paths.js';
import type { ConfirmAction } from './paths.js';
import { renderTokenFacts } from './token-table.js';
import type { SignedInUser, TokenView } from './view-types.js';

/** What a confirmation page shows. */
export interface ConfirmPageView {
  user: SignedInUser;
  csrfToken: string;
  now: number;
  action: ConfirmAction;
  token: TokenView;
  /** Adds the password field; only Rotate posts one (the spec's revoke form is csrf alone). */
  needsPassword: boolean;
  error?: string;
}

/** The confirmation page. */
export function renderConfirmPage(v: ConfirmPageView): string {
  const copy = CONFIRM_COPY[v.action];
  const asksPassword = v.needsPassword && v.action === 'rotate';
  // With a password field the error is about it (a wrong password), so it stands beside it.
  const passwordError = asksPassword ? v.error : undefined;
  const main = html`<h1>${copy.verb} <span class="token-ref">“${v.token.name}”</span>?</h1>
    ${v.error && !passwordError ? html`<p class="notice notice-error" role="alert">${v.error}</p>` : ''}
    <p class="lead">${copy.explanation}</p>
    ${renderTokenFacts(v.token, v.now)}
    <form method="post" action="${tokenActionUrl(v.token.id, v.action)}" class="form">
      ${csrfField(v.csrfToken)}
      ${asksPassword ? renderPasswordField('password', passwordError) : ''}
      <div class="form-actions">
        <button type="submit" class="${copy.buttonClass}">${copy.verb}</button>
        <a class="button button-secondary" href="${TOKEN_LIST_URL}">Cancel</a>
      </div>
    </form>`;
  return renderLayout({
    title: `${copy.verb} ${v.token.name}?`,
    user: v.user,
    csrfToken: v.csrfToken,
    main,
  });
}
