/**
 * The document around every page: head with the two static files, a skip link, the header with
 * the signed-in user and `Sign out`, and the page's main content.
 * @module
 */
import { ACCOUNT_PATH, APP_NAME, SCRIPT_URL, STYLESHEET_URL } from './constants.js';
import escapeHtml from 'escape-html';
import { html, raw } from './html.js';
import type { SafeHtml } from './html.js';
import type { SignedInUser } from './view-types.js';

/** What a page gives the layout. */
export interface LayoutView {
  /** The page's own title; the document title adds the app name. */
  title: string;
  /** Shown in the header with `Sign out` when someone is signed in. */
  user?: SignedInUser;
  /** Needed by the `Sign out` form; without it the header has no form. */
  csrfToken?: string;
  /** The `<main>` content. */
  main: SafeHtml;
}

/** A complete HTML document. */
export function renderLayout(v: LayoutView): string {
  return `<!doctype html>\n${html`<html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="referrer" content="no-referrer" />
      <title>${v.title} – ${APP_NAME}</title>
      <link rel="stylesheet" href="${STYLESHEET_URL}" />
      <script src="${SCRIPT_URL}" defer></script>
    </head>
    <body>
      <a class="skip-link" href="#main">Skip to main content</a>
      <header class="site-header">
        <div class="site-header-inner">
          <a class="brand" href="${ACCOUNT_PATH}">${APP_NAME}</a>
          ${v.user ? renderAccount(v.user, v.csrfToken) : ''}
        </div>
      </header>
      <main id="main" class="page" tabindex="-1">${v.main}</main>
    </body>
  </html> `}`;
}

function renderAccount(user: SignedInUser, csrfToken: string | undefined): SafeHtml {
  const name = user.displayName && user.displayName !== user.email ? user.displayName : '';
  return html`<div class="account">
    <p class="account-who">
      <span class="visually-hidden">Signed in as</span>
      ${name ? html`<span class="account-name">${name}</span>` : ''}
      <span class="account-email">${user.email}</span>
    </p>
    ${
      csrfToken
        ? html`<form method="post" action="${ACCOUNT_PATH}sign-out" class="sign-out">
            ${csrfField(csrfToken)}
            <button type="submit" class="button button-quiet">Sign out</button>
          </form>`
        : ''
    }
  </div>`;
}

/** The hidden CSRF field every POST form carries, written exactly as the spec gives it. */
export function csrfField(csrfToken: string): SafeHtml {
  // A plain string, not `html`: the formatter would rewrite the tag inside a tagged template.
  return raw(`<input type="hidden" name="csrf" value="${escapeHtml(csrfToken)}">`);
}
