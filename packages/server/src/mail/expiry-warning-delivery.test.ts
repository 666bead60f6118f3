import { afterEach, describe, expect, it } from 'vitest';
import { loadMailSettings } from '../config/mail-settings.js';
import { startSmtpSink } from '../../test/support/smtp-sink.js';
import type { SmtpSink } from '../../test/support/smtp-sink.js';
import { buildExpiryWarning } from './expiry-warning-message.js';
import { createSmtpMailSender } from './mail-sender.js';
import type { MailSender } from './mail-sender.js';

const NOW = Date.UTC(2026, 11, 1, 9, 30);
/** Headers nodemailer writes for a message with two alternatives; anything else was injected. */
const EXPECTED_HEADERS = [
  'content-type',
  'date',
  'from',
  'message-id',
  'mime-version',
  'subject',
  'to',
];

let sink: SmtpSink | undefined;
let sender: MailSender | undefined;
afterEach(async () => {
  sender?.close();
  await sink?.close();
});

describe('an expiry warning through a real relay', () => {
  it('arrives as multipart/alternative with both bodies, its subject intact, no header added', async () => {
    sink = await startSmtpSink();
    const settings = loadMailSettings({
      MAILPAT_SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      MAILPAT_MAIL_FROM: 'mailpat <mailpat@example.org>',
    });
    sender = createSmtpMailSender(settings!);
    const mail = buildExpiryWarning({
      thresholdDays: 7,
      user: { email: 'ada@example.org', displayName: 'Ada\r\nBcc: eve@example.org' },
      token: {
        name: 'Läptop <script>alert(1)</script> "&\'\r\nX-Injected: yes =?utf-8?q?x?=',
        scopes: ['IMAP', 'SMTP'],
        lastUsedAt: null,
        expiresAt: NOW + 7 * 86_400_000,
      },
      now: NOW,
      accountUrl: 'https://mail.example.org/account/',
    });
    await sender.send(mail);
    const [received] = await sink.waitForMessages(1);
    const parsed = received!.parsed;
    expect(received!.to).toEqual(['ada@example.org']);
    expect(parsed.subject).toBe(mail.subject);
    expect(parsed.subject).toContain('Läptop <script>alert(1)</script> "&\' X-Injected: yes');
    expect([...parsed.headers.keys()].sort()).toEqual(EXPECTED_HEADERS);
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    expect(parsed.text?.trim()).toBe(mail.text.trim());
    expect(parsed.html).toBe(mail.html);
  });
});
