/**
 * What to type into a mail app: server, port and security per protocol the token allows, the
 * user name (the email address) and the password (the token).
 * @module
 */
import { html } from './html.js';
import type { SafeHtml } from './html.js';
import type { MailSettingsView } from './view-types.js';

interface ProtocolRow {
  scope: string;
  label: string;
  port: number;
  security: string;
}

/** The settings section; only the protocols in `scopes` (all of them if none is known). */
export function renderMailSettings(mail: MailSettingsView, scopes: string[]): SafeHtml {
  const rows: ProtocolRow[] = [
    { scope: 'IMAP', label: 'Incoming mail (IMAP)', port: mail.imapPort, security: 'SSL/TLS' },
    { scope: 'POP3', label: 'Incoming mail (POP3)', port: mail.pop3Port, security: 'SSL/TLS' },
    { scope: 'SMTP', label: 'Outgoing mail (SMTP)', port: mail.smtpPort, security: 'STARTTLS' },
  ];
  const allowed = rows.filter((row) => scopes.includes(row.scope));
  return html`<section class="mail-settings" aria-labelledby="mail-settings-heading">
    <h2 id="mail-settings-heading">Set up your mail app</h2>
    <p>In your mail app, add an account and choose the manual (advanced) setup. Enter:</p>
    <table class="settings-table responsive-table">
      <caption class="visually-hidden">
        Mail servers
      </caption>
      <thead>
        <tr>
          <th scope="col">Mail</th>
          <th scope="col">Server</th>
          <th scope="col">Port</th>
          <th scope="col">Security</th>
        </tr>
      </thead>
      <tbody>
        ${(allowed.length > 0 ? allowed : rows).map(
          (row) =>
            html`<tr>
              <th scope="row">${row.label}</th>
              <td>
                <span class="cell-label" aria-hidden="true">Server</span><code>${mail.host}</code>
              </td>
              <td><span class="cell-label" aria-hidden="true">Port</span>${row.port}</td>
              <td><span class="cell-label" aria-hidden="true">Security</span>${row.security}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <dl class="credentials">
      <div>
        <dt>User name</dt>
        <dd><code>${mail.email}</code></dd>
      </div>
      <div>
        <dt>Password</dt>
        <dd>this token (not your account password)</dd>
      </div>
    </dl>
  </section>`;
}
