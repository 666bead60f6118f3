/**
 * The page for a refused or failed request (403 without a valid csrf, 404 for a token that is not
 * the user's, 500): what happened and the way back.
 * @module
 */
import { html } from './html.js';
import { renderLayout } from './layout.js';
import { SIGN_IN_URL, TOKEN_LIST_URL } from './paths.js';
import type { SignedInUser } from './view-types.js';

/** What an error page shows; `user` and `csrfToken` keep the header's Sign out. */
export interface ErrorPageView {
  status: number;
  title: string;
  message: string;
  user?: SignedInUser;
  csrfToken?: string;
}

/** The error page. */
export function renderErrorPage(v: ErrorPageView): string {
  const back = v.user
    ? html`<a class="button button-secondary" href="${TOKEN_LIST_URL}">Back to your tokens</a>`
    : html`<a class="button button-secondary" href="${SIGN_IN_URL}">Sign in</a>`;
  const main = html`<h1>${v.title}</h1>
    <p class="lead">${v.message}</p>
    <p class="muted">Error ${v.status}</p>
    <p>${back}</p>`;
  return renderLayout({ title: v.title, user: v.user, csrfToken: v.csrfToken, main });
}
