/**
 * The address of the mail client behind an introspection, from the header Dovecot sends
 * with `send_auth_headers = yes` (2.3 src/lib-oauth2/oauth2-request.c: net_ipport2str, so
 * `1.2.3.4:993` or `[2001:db8::1]:993`).
 * @module
 */
import { isIPv4, isIPv6 } from 'node:net';

/** The header naming the IMAP/POP3/SMTP client's address and port. */
export const END_USER_ADDRESS_HEADER = 'x-dovecot-auth-remote';

/**
 * The address (without the port) in `header`, or undefined for anything that is not exactly one
 * IPv4 or bracketed IPv6 address and a port: a malformed or repeated header is ignored, never
 * half-read. Callers trust it only from an authenticated introspection client.
 */
export function parseEndUserAddress(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^(?:\[([0-9A-Fa-f:.]+)\]|([0-9.]+)):([0-9]{1,5})$/.exec(header);
  if (!match || Number(match[3]) > 65_535) return undefined;
  const [, v6, v4] = match;
  if (v6 !== undefined) return isIPv6(v6) ? v6 : undefined;
  return isIPv4(v4!) ? v4 : undefined;
}
