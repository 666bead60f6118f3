/**
 * A tiny browser for end-to-end tests of the web app: fetch with a cookie jar, no redirects
 * followed, and helpers to read what the pages carry (CSRF token, one-time secret).
 * @module
 */
import { recordSecret } from './secret-ledger.js';

/** One response, its body read. */
export interface Visit {
  status: number;
  headers: Headers;
  html: string;
  location: string | null;
}

/** A cookie jar over fetch, for one server. */
export class TestBrowser {
  readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  /** GET `path`. */
  get(path: string, headers: Record<string, string> = {}): Promise<Visit> {
    return this.#send('GET', path, undefined, headers);
  }

  /** POSTs `fields` as an HTML form would (repeat a name with an array). */
  post(
    path: string,
    fields: Record<string, string | string[]>,
    headers: Record<string, string> = {},
  ): Promise<Visit> {
    const form = new URLSearchParams();
    // For the log audit: a password typed into the sign-in form (right or wrong).
    if (typeof fields.password === 'string') recordSecret('web sign-in password', fields.password);
    for (const [name, value] of Object.entries(fields)) {
      for (const one of Array.isArray(value) ? value : [value]) form.append(name, one);
    }
    return this.#send('POST', path, form.toString(), {
      'content-type': 'application/x-www-form-urlencoded',
      origin: new URL(this.baseUrl).origin,
      ...headers,
    });
  }

  async #send(
    method: string,
    path: string,
    body: string | undefined,
    headers: Record<string, string>,
  ): Promise<Visit> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      body,
      redirect: 'manual',
      headers: { accept: 'text/html', ...(cookie ? { cookie } : {}), ...headers },
    });
    for (const line of response.headers.getSetCookie()) this.#store(line);
    return {
      status: response.status,
      headers: response.headers,
      html: await response.text(),
      location: response.headers.get('location'),
    };
  }

  #store(setCookie: string): void {
    const [pair] = setCookie.split(';', 1);
    const at = pair!.indexOf('=');
    const name = pair!.slice(0, at);
    const value = pair!.slice(at + 1);
    if (value === '' || /;\s*Max-Age=0\b/i.test(setCookie)) this.cookies.delete(name);
    else this.cookies.set(name, value);
    // For the log audit: a session cookie is as good as the password.
    if (value !== '') recordSecret(`cookie ${name}`, value);
  }
}

/** The value of the page's `<input type="hidden" name="csrf" value="...">`. */
export function csrfOf(html: string): string {
  const match = /<input type="hidden" name="csrf" value="([^"]*)">/.exec(html);
  if (!match) throw new Error(`no csrf input in:\n${html}`);
  return match[1]!;
}

/** The one-time secret of the read-only field `new-token`. */
export function newSecretOf(html: string): string {
  const input = /<input[^>]*id="new-token"[^>]*>/.exec(html)?.[0];
  const value = input && /value="([^"]*)"/.exec(input)?.[1];
  if (!value) throw new Error(`no new-token field in:\n${html}`);
  recordSecret('PAT secret (web)', value);
  return value;
}

/** The token ids the list page links a rotate confirmation for. */
export function listedTokenIds(html: string): string[] {
  return [...html.matchAll(/\/account\/tokens\/([^/"]+)\/rotate/g)].map((m) => m[1]!);
}
