/**
 * The headers of every page: a strict Content-Security-Policy (no inline script or style), no
 * referrer, no sniffing, no caching (pages show secrets and CSRF tokens).
 * @module
 */

/** The headers for an HTML page; `formActionOrigins` are the IdPs a form may redirect to. */
export function pageSecurityHeaders(
  formActionOrigins: readonly string[] = [],
): Record<string, string> {
  const formAction = ["'self'", ...formActionOrigins].join(' ');
  return {
    'Content-Security-Policy':
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; " +
      `form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
}
