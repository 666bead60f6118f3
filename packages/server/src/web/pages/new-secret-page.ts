/**
 * The one-time secret (after `POST /account/tokens` or `/rotate`): the token in a read-only
 * field that works without JS, Copy and Show for JS, a warning that it will not be shown again,
 * and the mail app settings beside it.
 * @module
 */
import { html } from './html.js';
import { renderLayout } from './layout.js';
import { renderMailSettings } from './mail-settings.js';
import { TOKEN_LIST_URL } from './paths.js';
import { renderTokenFacts } from './token-table.js';
import type { MailSettingsView, SignedInUser, TokenView } from './view-types.js';

/** What the one-time secret page shows. */
export interface NewSecretPageView {
  user: SignedInUser;
  csrfToken: string;
  now: number;
  token: TokenView;
  secret: string;
  rotated: boolean;
  mail: MailSettingsView;
}

/** The one-time secret page. */
export function renderNewSecretPage(v: NewSecretPageView): string {
  const title = v.rotated ? 'Token rotated' : 'Token created';
  const main = html`<h1>${title}: <span class="token-ref">“${v.token.name}”</span></h1>
    <div class="notice notice-warning" id="secret-warning">
      <p><strong>Copy your token now. It will not be shown again.</strong></p>
      <p>
        ${v.rotated ? 'The previous secret no longer works. ' : ''}If you lose it, rotate the token
        to get a new one.
      </p>
    </div>
    <div class="field secret-field">
      <label for="new-token">New personal access token</label>
      <div class="secret-row">
        <input
          id="new-token"
          class="secret"
          type="text"
          value="${v.secret}"
          readonly
          autocomplete="off"
          autocapitalize="off"
          spellcheck="false"
          aria-describedby="secret-warning"
        />
        <button
          type="button"
          class="button button-secondary"
          id="show-token"
          aria-pressed="false"
          aria-controls="new-token"
          hidden
        >
          Show
        </button>
        <button type="button" class="button button-primary" id="copy-token" hidden>Copy</button>
      </div>
      <p id="copy-status" class="copy-status" role="status" aria-live="polite"></p>
    </div>
    ${renderTokenFacts(v.token, v.now)} ${renderMailSettings(v.mail, v.token.scopes)}
    <p class="done">
      <a class="button button-secondary" href="${TOKEN_LIST_URL}">Back to your tokens</a>
    </p>`;
  return renderLayout({ title, user: v.user, csrfToken: v.csrfToken, main });
}
