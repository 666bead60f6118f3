/**
 * The token list (`GET /account/`): what tokens are for, the user's tokens, Create token, and
 * recent activity. With the policy off it says so and offers only Revoke.
 * @module
 */
import { renderActivity } from './activity-list.js';
import { renderConfirmDialog } from './confirm-dialog.js';
import { html } from './html.js';
import type { SafeHtml } from './html.js';
import { renderLayout } from './layout.js';
import { NEW_TOKEN_URL } from './paths.js';
import { renderTokenTable } from './token-table.js';
import type { ActivityView, PolicyView, SignedInUser, TokenView } from './view-types.js';

/** What the token list shows. */
export interface TokenListPageView {
  user: SignedInUser;
  csrfToken: string;
  now: number;
  policy: PolicyView;
  tokens: TokenView[];
  nextPageUrl?: string;
  activity: ActivityView[];
  notice?: string;
  /** Adds the password field to the Rotate dialog (a password sign-in older than 15 minutes). */
  needsPassword: boolean;
}

/** The token list page. */
export function renderTokenListPage(v: TokenListPageView): string {
  const main = html`<div class="page-heading">
      <h1>Personal access tokens</h1>
      ${
        v.policy.active
          ? html`<a class="button button-primary" href="${NEW_TOKEN_URL}">Create token</a>`
          : ''
      }
    </div>
    ${v.notice ? html`<p class="notice notice-success" role="status">${v.notice}</p>` : ''}
    ${v.policy.active ? renderIntro() : renderPolicyOff()}
    <section class="tokens" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading" class="visually-hidden">Your tokens</h2>
      ${
        v.tokens.length === 0 && !v.nextPageUrl
          ? renderEmpty(v.policy.active)
          : renderTokenTable(v.tokens, v.now, v.policy.active)
      }
      ${
        v.nextPageUrl
          ? html`<p class="pager"><a href="${v.nextPageUrl}" rel="next">More tokens</a></p>`
          : ''
      }
    </section>
    ${renderActivity(v.activity, v.tokens, v.now)}
    ${v.policy.active ? renderConfirmDialog('rotate', v.csrfToken, v.needsPassword) : ''}
    ${renderConfirmDialog('revoke', v.csrfToken, false)}`;
  return renderLayout({
    title: 'Personal access tokens',
    user: v.user,
    csrfToken: v.csrfToken,
    main,
  });
}

function renderIntro(): SafeHtml {
  return html`<p class="lead">
    A personal access token is a password for one mail app (on your phone, laptop or tablet). Give
    each app its own token: if a device is lost, revoke its token and your other apps keep working.
  </p>`;
}

function renderPolicyOff(): SafeHtml {
  return html`<div class="notice notice-warning">
    <p><strong>Personal access tokens are turned off by your administrator.</strong></p>
    <p>
      Mail apps cannot sign in with them, and you cannot create or rotate tokens. You can still
      revoke tokens you no longer need. Ask your administrator if you need to connect a mail app.
    </p>
  </div>`;
}

function renderEmpty(canCreate: boolean): SafeHtml {
  return html`<div class="empty-state">
    <h3>You have no tokens yet</h3>
    <p>
      A mail app such as Outlook, Apple Mail or Thunderbird signs in to your mailbox over IMAP, POP3
      or SMTP. Instead of your account password, give it a token: it only works for mail, it expires
      on its own, and you can revoke it without changing your password.
    </p>
    ${canCreate ? html`<p>Choose <strong>Create token</strong> to make your first one.</p>` : ''}
  </div>`;
}
