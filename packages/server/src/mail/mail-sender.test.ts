import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMailSettings } from '../config/mail-settings.js';
import type { MailSettings } from '../config/mail-settings.js';
import { startSmtpSink } from '../../test/support/smtp-sink.js';
import type { SmtpSink, SmtpSinkOptions } from '../../test/support/smtp-sink.js';
import { makeTestCertificate } from '../../test/support/tls-certificate.js';
import { createSmtpMailSender, MailDeliveryError } from './mail-sender.js';
import type { MailSender, SmtpMailSenderTestOptions } from './mail-sender.js';

const FROM = 'mailpat <mailpat@example.org>';
const MAIL = {
  to: 'ada@example.org',
  subject: 'Hello',
  text: 'Plain body',
  html: '<p>HTML body</p>',
};

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Settings for this relay URL, read the way `mailpat serve` reads them. */
function settingsFor(url: string): MailSettings {
  const settings = loadMailSettings({ MAILPAT_SMTP_URL: url, MAILPAT_MAIL_FROM: FROM });
  if (settings === undefined) throw new Error('no settings');
  return settings;
}

async function sink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const started = await startSmtpSink(options);
  cleanups.push(() => started.close());
  return started;
}

function sender(url: string, options?: SmtpMailSenderTestOptions): MailSender {
  const created = createSmtpMailSender(settingsFor(url), options);
  cleanups.push(() => created.close());
  return created;
}

/** The rejection of `promise`, which must reject with a MailDeliveryError. */
async function deliveryError(promise: Promise<unknown>): Promise<MailDeliveryError> {
  const error = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(MailDeliveryError);
  return error as MailDeliveryError;
}

describe('createSmtpMailSender', () => {
  it('delivers over plain SMTP, from the configured sender', async () => {
    const relay = await sink();
    await sender(`smtp://127.0.0.1:${relay.port}`).send(MAIL);
    const [received] = await relay.waitForMessages(1);
    expect(received?.from).toBe('mailpat@example.org');
    expect(received?.to).toEqual(['ada@example.org']);
    expect(received?.parsed.from?.value).toEqual([
      { name: 'mailpat', address: 'mailpat@example.org' },
    ]);
    expect(received?.parsed.subject).toBe('Hello');
    expect(received?.parsed.text?.trim()).toBe('Plain body');
    expect(received?.parsed.html).toBe('<p>HTML body</p>');
  });

  it('logs in with the URL credentials, and a wrong password is refused for good', async () => {
    const relay = await sink({ auth: { user: 'mail@example.org', pass: 'p@ss:word' } });
    const good = `smtp://mail%40example.org:p%40ss%3Aword@127.0.0.1:${relay.port}`;
    await sender(good).send(MAIL);
    const [received] = await relay.waitForMessages(1);
    expect(received?.authenticatedAs).toBe('mail@example.org');

    const bad = `smtp://mail%40example.org:Wrong-Secret@127.0.0.1:${relay.port}`;
    const error = await deliveryError(sender(bad).send(MAIL));
    expect(error.permanent).toBe(true);
    expect(error.responseCode).toBe(535);
    expect(error.message).toContain(`smtp://127.0.0.1:${relay.port}`);
    expect(error.message).not.toContain('Wrong-Secret');
    expect(relay.messages).toHaveLength(1);
  });

  it('delivers over implicit TLS (smtps) to a relay whose certificate it trusts', async () => {
    const certificate = makeTestCertificate();
    const relay = await sink({ tls: certificate });
    const url = `smtps://127.0.0.1:${relay.port}`;
    await sender(url, { tls: { ca: readFileSync(certificate.caFile, 'utf8') } }).send(MAIL);
    await relay.waitForMessages(1);
    // Without the CA the certificate is refused: TLS is really verified.
    const error = await deliveryError(sender(url).send(MAIL));
    expect(error.permanent).toBe(false);
    expect(relay.messages).toHaveLength(1);
  });

  it('delivers over LMTP, which an SMTP client cannot', async () => {
    const relay = await sink({ lmtp: true });
    await sender(`lmtp://127.0.0.1:${relay.port}`).send(MAIL);
    const [received] = await relay.waitForMessages(1);
    expect(received?.parsed.subject).toBe('Hello');
    await deliveryError(sender(`smtp://127.0.0.1:${relay.port}`).send(MAIL));
    expect(relay.messages).toHaveLength(1);
  });

  it.each([
    [true, 451, false],
    [550, 550, true],
  ])(
    'reports a recipient refused (%s: reply %s) as permanent=%s',
    async (refusal, code, permanent) => {
      const relay = await sink({ refuseRecipients: refusal });
      const error = await deliveryError(sender(`smtp://127.0.0.1:${relay.port}`).send(MAIL));
      expect(error.responseCode).toBe(code);
      expect(error.permanent).toBe(permanent);
      expect(relay.messages).toHaveLength(0);
    },
  );

  // The test's own 10 s bound: far above the 200 ms asked for, far below nodemailer's defaults.
  it('gives up on a relay that accepts the connection but never greets', async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          for (const socket of sockets) socket.destroy();
          silent.close(() => resolve());
        }),
    );
    const { port } = silent.address() as { port: number };
    const error = await deliveryError(
      sender(`smtp://127.0.0.1:${port}`, { timeoutMs: 200 }).send(MAIL),
    );
    expect(error.permanent).toBe(false);
    expect(sockets.size).toBe(1);
  }, 10_000);

  it('reports a relay that refuses the connection as temporary', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await deliveryError(sender(`smtp://127.0.0.1:${port}`).send(MAIL));
    expect(error.permanent).toBe(false);
    expect(error.responseCode).toBeUndefined();
  });

  it('refuses a message once closed, without connecting to the relay', async () => {
    const relay = await sink();
    const closing = sender(`smtp://127.0.0.1:${relay.port}`);
    await closing.send(MAIL);
    await relay.waitForMessages(1);
    closing.close();
    const error = await deliveryError(closing.send(MAIL));
    expect(error.message).toContain('the mail sender was closed');
    expect(relay.messages).toHaveLength(1);
  });
});
