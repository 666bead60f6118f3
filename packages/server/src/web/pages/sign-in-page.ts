/**
 * The sign-in page: email and password, and one `Sign in with <name>` button per single sign-on
 * provider (each a form posting the provider's organization id).
 * @module
 */
import { html } from './html.js';
import type { SafeHtml } from './html.js';
import { csrfField, renderLayout } from './layout.js';
import { SIGN_IN_URL, SSO_SIGN_IN_URL } from './paths.js';

/** What the sign-in page shows. */
export interface SignInPageView {
  csrfToken: string;
  /** Kept after a refused attempt so only the password needs typing again. */
  email?: string;
  error?: string;
  notice?: string;
  providers: { id: string; name: string }[];
}

/** The sign-in page. */
export function renderSignInPage(v: SignInPageView): string {
  const main = html`<div class="narrow">
    <h1>Sign in</h1>
    <p class="lead">Manage the tokens your mail apps use to reach your mailbox.</p>
    ${v.notice ? html`<p class="notice notice-info" role="status">${v.notice}</p>` : ''}
    ${v.error ? html`<p class="notice notice-error" role="alert" id="sign-in-error">${v.error}</p>` : ''}
    <form method="post" action="${SIGN_IN_URL}" class="form">
      ${csrfField(v.csrfToken)}
      <div class="field">
        <label for="email">Email</label>
        <input
          id="email"
          name="email"
          type="email"
          value="${v.email ?? ''}"
          required
          autocomplete="username"
          autocapitalize="off"
          spellcheck="false"
          ${errorLink(v.error)}
        />
      </div>
      <div class="field">
        <label for="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          required
          autocomplete="current-password"
          ${errorLink(v.error)}
        />
      </div>
      <div class="form-actions">
        <button type="submit" class="button button-primary">Sign in</button>
      </div>
    </form>
    ${v.providers.length > 0 ? renderProviders(v.csrfToken, v.providers) : ''}
  </div>`;
  return renderLayout({ title: 'Sign in', main });
}

function errorLink(error: string | undefined): SafeHtml | '' {
  return error ? html` aria-describedby="sign-in-error" aria-invalid="true"` : '';
}

function renderProviders(csrfToken: string, providers: SignInPageView['providers']): SafeHtml {
  return html`<section class="sso" aria-labelledby="sso-heading">
    <h2 id="sso-heading" class="divider"><span>Or use your organization's sign-in</span></h2>
    <ul class="sso-list">
      ${providers.map(
        (provider) =>
          html`<li>
            <form method="post" action="${SSO_SIGN_IN_URL}">
              ${csrfField(csrfToken)}
              <input type="hidden" name="provider" value="${provider.id}" />
              <button type="submit" class="button button-secondary button-wide">
                Sign in with ${provider.name}
              </button>
            </form>
          </li>`,
      )}
    </ul>
  </section>`;
}
