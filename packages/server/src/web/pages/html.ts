/**
 * HTML built by a tagged template that escapes every interpolated value, so user input (token
 * names, email addresses, error messages) can never become markup.
 * @module
 */
import escapeHtml from 'escape-html';

/** A fragment that is already HTML: only `html` and `raw` make one. */
export class SafeHtml {
  readonly #text: string;
  constructor(text: string) {
    this.#text = text;
  }
  toString(): string {
    return this.#text;
  }
}

/** What may be interpolated: text is escaped, fragments are kept, lists are joined, nothing is empty. */
export type HtmlValue =
  SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

/** `html\`<p>${name}</p>\`` escapes `name`; a SafeHtml value is inserted as it is. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += toHtml(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Marks markup that is known to be safe (a constant, or built by `html`). */
export function raw(text: string): SafeHtml {
  return new SafeHtml(text);
}

function toHtml(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.toString();
  if (Array.isArray(value)) return value.map(toHtml).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}
