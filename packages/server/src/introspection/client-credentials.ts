/**
 * Authenticates the introspection caller (RFC 7662 §2.1 via RFC 6749 §2.3.1): HTTP Basic
 * or `client_id`/`client_secret` form fields, empty ones ignored (Dovecot sends both, one empty).
 * @module
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** The one introspection client mailpat knows. */
export interface IntrospectionClient {
  id: string;
  secret: string;
}

/** The presented client id when the credentials are right; undefined otherwise. */
export function authenticateClient(
  authorization: string | undefined,
  form: URLSearchParams,
  client: IntrospectionClient | undefined,
): string | undefined {
  if (client === undefined) return undefined;
  const basic = fromBasic(authorization);
  if (basic === undefined) {
    const presented = fromForm(form);
    return presented && matches(presented, client) ? presented.id : undefined;
  }
  if (matches(basic, client)) return basic.id;
  // RFC 6749 §2.3.1 form-encodes both parts before Basic; Dovecot sends them as written in its
  // URL. The raw reading is tried first, the form-decoded one only when it differs.
  const decoded = { id: formDecode(basic.id), secret: formDecode(basic.secret) };
  const differs = decoded.id !== basic.id || decoded.secret !== basic.secret;
  return differs && matches(decoded, client) ? decoded.id : undefined;
}

function fromBasic(authorization: string | undefined): IntrospectionClient | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

function fromForm(form: URLSearchParams): IntrospectionClient | undefined {
  const id = form.get('client_id');
  const secret = form.get('client_secret');
  return id && secret ? { id, secret } : undefined;
}

function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/**
 * Compares one digest of id and secret, so neither lengths nor the first differing byte show in
 * the timing. The configured pair is hashed once (it would be on every login otherwise).
 */
const configuredDigests = new WeakMap<IntrospectionClient, Buffer>();
function matches(presented: IntrospectionClient, client: IntrospectionClient): boolean {
  let expected = configuredDigests.get(client);
  if (expected === undefined) {
    expected = digestOf(client);
    configuredDigests.set(client, expected);
  }
  return timingSafeEqual(digestOf(presented), expected);
}

/** The id cannot contain the separator's role: it is length-prefixed. */
function digestOf({ id, secret }: IntrospectionClient): Buffer {
  return createHash('sha256').update(`${id.length}:${id}:${secret}`, 'utf8').digest();
}
