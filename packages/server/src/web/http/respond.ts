/**
 * Writes the web app's responses: pages with the security headers, redirects, cookies.
 * @module
 */
import type { ServerResponse } from 'node:http';
import { pageSecurityHeaders } from './security-headers.js';

/** Sends a complete HTML page; `cookies` are Set-Cookie values. */
export function sendPage(
  res: ServerResponse,
  status: number,
  html: string,
  options: { cookies?: string[]; formActionOrigins?: readonly string[] } = {},
): void {
  const body = Buffer.from(html, 'utf8');
  res.writeHead(status, {
    ...pageSecurityHeaders(options.formActionOrigins),
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': body.length,
    ...(options.cookies?.length ? { 'Set-Cookie': options.cookies } : {}),
  });
  res.end(body);
}

/** A 303 See Other to `location` (a path of this server): the browser follows it with a GET. */
export function redirect(res: ServerResponse, location: string, cookies: string[] = []): void {
  res.writeHead(303, {
    ...pageSecurityHeaders(),
    Location: location,
    'Content-Length': 0,
    ...(cookies.length ? { 'Set-Cookie': cookies } : {}),
  });
  res.end();
}
