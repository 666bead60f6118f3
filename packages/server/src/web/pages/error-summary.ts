/**
 * The box above a refused form that lists what to fix, each message a link to its field
 * (app.js moves focus to it, so a screen reader hears it first).
 * @module
 */
import { html } from './html.js';
import type { SafeHtml } from './html.js';

/** One refusal: the message and the id of the field it is about (none for the whole form). */
export interface FieldMessage {
  field: string | undefined;
  message: string | undefined;
}

/** The summary, or nothing when no message is set. */
export function renderErrorSummary(messages: FieldMessage[]): SafeHtml | '' {
  const shown = messages.filter((m): m is { field: string | undefined; message: string } =>
    Boolean(m.message),
  );
  if (shown.length === 0) return '';
  return html`<div
    class="error-summary"
    role="alert"
    tabindex="-1"
    aria-labelledby="error-summary-title"
  >
    <h2 id="error-summary-title">Please check the form</h2>
    <ul>
      ${shown.map(({ field, message }) =>
        field ? html`<li><a href="#${field}">${message}</a></li>` : html`<li>${message}</li>`,
      )}
    </ul>
  </div>`;
}
