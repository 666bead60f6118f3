/**
 * What the expiry-warning end-to-end tests read of a server whose clock runs ahead: the check's
 * log line, and a token's EXPIRY_WARNING_SENT events.
 * @module
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'vitest';
import { MP } from './fixtures.js';
import type { MailpatProcess } from './mailpat-process.js';
import { sendSigned } from './signed-request.js';

/** The line each pass of the check logs (expiry-warning-check.ts). */
const CHECK_DONE = /token expiry check: (\d+) warnings? mailed/;

/** Resolves with the number of warnings the check at start mailed, once the server logged it. */
export async function mailedAtStart(server: MailpatProcess, timeoutMs = 60_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = CHECK_DONE.exec(server.output().stdout);
    if (match) return Number(match[1]);
    if (Date.now() > deadline) {
      const { stdout, stderr } = server.output();
      throw new Error(`no expiry check logged:\n${stdout}\n${stderr}`);
    }
    await sleep(50);
  }
}

/** The ExpiryWarningDays of the token's EXPIRY_WARNING_SENT events, oldest first. */
export async function expiryWarningsOf(
  server: MailpatProcess,
  organizationId: string,
  tokenId: string,
  clockAheadMs: number,
): Promise<(number | undefined)[]> {
  const response = await sendSigned(
    server,
    MP('ListPersonalAccessTokenEvents'),
    { OrganizationId: organizationId, PersonalAccessTokenId: tokenId },
    // Signed by the server's clock: a request dated weeks before it would be refused as expired.
    { signingDate: new Date(Date.now() + clockAheadMs) },
  );
  expect(response.status, response.text).toBe(200);
  const { Events } = response.body as {
    Events: { EventType: string; ExpiryWarningDays?: number }[];
  };
  return Events.filter((event) => event.EventType === 'EXPIRY_WARNING_SENT').map(
    (event) => event.ExpiryWarningDays,
  );
}
