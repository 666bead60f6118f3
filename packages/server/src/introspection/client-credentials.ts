/**
 * @module Authenticates the introspection caller (RFC 7662 §2.1 via RFC 6749 §2.3.1): HTTP Basic
 * or `client_id`/`client_secret` form fields, empty ones ignored (Dovecot sends both, one empty).
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** The one introspection client mailpat knows. */
export interface IntrospectionClient {
  id: string;
  secret: string;
}

/** From MAILPAT_INTROSPECTION_CLIENT_ID / _SECRET; undefined (endpoint answers 401) when unset. */
export function loadIntrospectionClient(env: NodeJS.ProcessEnv): IntrospectionClient | undefined {
  const id = env.MAILPAT_INTROSPECTION_CLIENT_ID;
  const secret = env.MAILPAT_INTROSPECTION_CLIENT_SECRET;
  return id && secret ? { id, secret } : undefined;
}

/** The presented client id when the credentials are right; undefined otherwise. */
export function authenticateClient(
  authorization: string | undefined,
  form: URLSearchParams,
  client: IntrospectionClient | undefined,
): string | undefined {
  const basic = fromBasic(authorization);
  const candidates = basic.length > 0 ? basic : [fromForm(form)];
  if (client === undefined) return undefined;
  for (const presented of candidates) {
    if (presented === undefined) continue;
    const idMatches = constantTimeEquals(presented.id, client.id);
    const secretMatches = constantTimeEquals(presented.secret, client.secret);
    if (idMatches && secretMatches) return presented.id;
  }
  return undefined;
}

/**
 * RFC 6749 §2.3.1 form-encodes both parts before Basic, Dovecot sends them as written in its
 * URL: both readings are tried.
 */
function fromBasic(authorization: string | undefined): IntrospectionClient[] {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '');
  if (!match) return [];
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return [];
  const raw = { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
  const formDecoded = { id: formDecode(raw.id), secret: formDecode(raw.secret) };
  const same = formDecoded.id === raw.id && formDecoded.secret === raw.secret;
  return same ? [raw] : [raw, formDecoded];
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
 * Compares digests, so neither the length nor the first differing byte shows in the timing. The
 * configured values are hashed once (on every login otherwise).
 */
const digests = new Map<string, Buffer>();
function constantTimeEquals(presented: string, configured: string): boolean {
  let expected = digests.get(configured);
  if (expected === undefined) {
    expected = digest(configured);
    if (digests.size < 16) digests.set(configured, expected);
  }
  return timingSafeEqual(digest(presented), expected);
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
