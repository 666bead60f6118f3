import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpSink } from '../../test/support/smtp-sink.js';
import type { SmtpSink } from '../../test/support/smtp-sink.js';
import { Clock } from '../domain/clock.js';
import type { TokenRecord, UserRecord } from '../domain/records.js';
import { adminEventOf } from '../domain/token-events.js';
import type { Logger } from '../logging/logger.js';
import { createSmtpMailSender } from '../mail/mail-sender.js';
import { openStore } from '../storage/open-store.js';
import { aToken, aUser, anOrganization } from '../storage/store-fixtures.js';
import type { Store } from '../storage/store.js';
import { ExpiryWarningCheck } from './expiry-warning-check.js';

const DAY_MS = 86_400_000;
const FROM = 'mailpat <mailpat@mail.example.org>';
const ACCOUNT_URL = 'https://mailpat.example.org/account/';

const root = mkdtempSync(join(tmpdir(), 'mailpat-expiry-warnings-'));
let files = 0;
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A logger that keeps its warnings, to show why a mail did not go. */
function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { info: () => {}, warn: (line) => void warnings.push(line), error: () => {}, warnings };
}

describe('ExpiryWarningCheck', () => {
  let databaseUrl: string;
  let store: Store;
  let sink: SmtpSink;
  let user: UserRecord;
  /** The wall clock the checks read; tests move it. */
  let now: number;

  beforeEach(async () => {
    files += 1;
    databaseUrl = `sqlite:${join(root, `case-${files}`, 'mailpat.db')}`;
    store = await openStore(databaseUrl);
    sink = await startSmtpSink();
    const org = await store.insertOrganization(anOrganization());
    user = await store.insertUser(aUser(org.id, { displayName: 'Ada Lovelace' }));
  });
  afterEach(async () => {
    await store.close();
    await sink.close();
  });

  function aCheck(
    options: { store?: Store; log?: Logger; relayPort?: number; intervalMs?: number } = {},
  ) {
    return new ExpiryWarningCheck({
      store: options.store ?? store,
      sender: createSmtpMailSender({
        transport: {
          host: '127.0.0.1',
          port: options.relayPort ?? sink.port,
          secure: false,
          lmtp: false,
        },
        from: FROM,
        relay: 'smtp://127.0.0.1',
      }),
      clock: new Clock(() => now),
      log: options.log ?? recordingLogger(),
      accountUrl: ACCOUNT_URL,
      ...(options.intervalMs === undefined ? {} : { intervalMs: options.intervalMs }),
    });
  }
  async function aStoredToken(lifetimeDays: number, owner = user): Promise<TokenRecord> {
    const record = aToken(owner, { expiresAt: Date.now() + lifetimeDays * DAY_MS });
    return store.insertToken(record, adminEventOf(record, 'CREATED', record.createdAt));
  }
  /** Midnight UTC of the day the token expires, `days` before. */
  const daysBeforeExpiryDay = (token: TokenRecord, days: number) =>
    Math.floor(token.expiresAt / DAY_MS) * DAY_MS - days * DAY_MS;
  async function sentEvents(token: TokenRecord) {
    const events = await store.listTokenEvents(token.organizationId, {
      tokenId: token.id,
      limit: 100,
    });
    return events.items
      .filter((event) => event.type === 'EXPIRY_WARNING_SENT')
      .map((event) => event.expiryWarningDays);
  }

  it('should mail the owner each warning once, as its day comes', async () => {
    const token = await aStoredToken(90);
    const check = aCheck();
    try {
      now = daysBeforeExpiryDay(token, 61);
      expect(await check.runOnce()).toBe(0);
      now = daysBeforeExpiryDay(token, 60);
      expect(await check.runOnce()).toBe(1);
      expect(await check.runOnce()).toBe(0);
      now = daysBeforeExpiryDay(token, 30) + 3_600_000;
      expect(await check.runOnce()).toBe(1);
      now = daysBeforeExpiryDay(token, 7);
      expect(await check.runOnce()).toBe(1);
      now = daysBeforeExpiryDay(token, 0);
      expect(await check.runOnce()).toBe(1);
      now += DAY_MS;
      expect(await check.runOnce()).toBe(0);
    } finally {
      await check.close();
    }
    expect(await sentEvents(token)).toEqual([60, 30, 7, 0]);
    const messages = await sink.waitForMessages(4);
    expect(messages.map((message) => [message.from, message.to])).toEqual(
      Array(4).fill(['mailpat@mail.example.org', [user.email]]),
    );
    expect(messages[2]!.parsed.subject).toContain(token.name);
    expect(messages[2]!.parsed.text).toContain(ACCOUNT_URL);
  });

  it('should check at start and again every interval', async () => {
    const token = await aStoredToken(30);
    now = daysBeforeExpiryDay(token, 7);
    const check = aCheck({ intervalMs: 50 });
    check.start();
    try {
      await sink.waitForMessages(1);
      // The day comes while the check runs: the next pass mails the day's warning.
      now = daysBeforeExpiryDay(token, 0);
      await sink.waitForMessages(2);
    } finally {
      await check.close();
    }
    expect(await sentEvents(token)).toEqual([7, 0]);
  });

  it('should send only the tightest warning when it comes late, and none again after a restart', async () => {
    const token = await aStoredToken(90);
    now = daysBeforeExpiryDay(token, 5);
    const first = aCheck();
    expect(await first.runOnce()).toBe(1);
    await first.close();
    // A restarted instance reads what was sent from the database.
    const restartedStore = await openStore(databaseUrl);
    const restarted = aCheck({ store: restartedStore });
    try {
      expect(await restarted.runOnce()).toBe(0);
    } finally {
      await restarted.close();
      await restartedStore.close();
    }
    expect(await sentEvents(token)).toEqual([7]);
    expect(sink.messages).toHaveLength(1);
  });

  it('should mail each warning once when several instances check at the same moment', async () => {
    const tokens = [];
    for (let i = 0; i < 12; i++) tokens.push(await aStoredToken(30));
    now = daysBeforeExpiryDay(tokens[0]!, 7);
    // Three instances: three connections to the one database file, checking concurrently.
    const stores = [store, await openStore(databaseUrl), await openStore(databaseUrl)];
    const checks = stores.map((each) => aCheck({ store: each }));
    try {
      const sent = await Promise.all(checks.map((check) => check.runOnce()));
      expect(sent.reduce((a, b) => a + b, 0)).toBe(tokens.length);
    } finally {
      for (const check of checks) await check.close();
      for (const extra of stores.slice(1)) await extra.close();
    }
    const subjects = sink.messages.map((message) => message.parsed.subject);
    expect(new Set(subjects).size).toBe(tokens.length);
    for (const token of tokens) expect(await sentEvents(token)).toEqual([7]);
  });

  it('should send nothing to a disabled user or for a revoked token', async () => {
    const revoked = await aStoredToken(30);
    await store.deleteToken(
      revoked.organizationId,
      revoked.id,
      adminEventOf(revoked, 'DELETED', 1),
    );
    const ofDisabled = await aStoredToken(30);
    await store.updateUser(user.organizationId, user.id, { state: 'DISABLED' });
    now = daysBeforeExpiryDay(ofDisabled, 7);
    const check = aCheck();
    try {
      expect(await check.runOnce()).toBe(0);
    } finally {
      await check.close();
    }
    expect(sink.messages).toEqual([]);
    expect(await sentEvents(ofDisabled)).toEqual([]);
  });

  it('should record nothing while the relay refuses, and send on the next pass once it accepts', async () => {
    const token = await aStoredToken(30);
    now = daysBeforeExpiryDay(token, 7);
    const refusing = await startSmtpSink({ refuseRecipients: true });
    const log = recordingLogger();
    const failing = aCheck({ relayPort: refusing.port, log });
    try {
      expect(await failing.runOnce()).toBe(0);
    } finally {
      await failing.close();
      await refusing.close();
    }
    expect(await sentEvents(token)).toEqual([]);
    expect(log.warnings.join('\n')).toMatch(/could not mail the 7-day expiry warning/);
    // The claim was given back: the next pass, an hour later, sends it at once.
    now += 3_600_000;
    const check = aCheck();
    try {
      expect(await check.runOnce()).toBe(1);
    } finally {
      await check.close();
    }
    expect(await sentEvents(token)).toEqual([7]);
  });
});
