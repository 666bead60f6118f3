import { describe, expect, it } from 'vitest';
import { loadMailSettings } from './mail-settings.js';

const FROM = { MAILPAT_MAIL_FROM: 'mailpat <mailpat@example.org>' };

/** The settings for this relay URL, with a good sender. */
function load(url: string) {
  return loadMailSettings({ ...FROM, MAILPAT_SMTP_URL: url });
}

describe('loadMailSettings', () => {
  it('answers undefined when no relay is set, whatever the sender', () => {
    expect(loadMailSettings({})).toBeUndefined();
    expect(loadMailSettings({ MAILPAT_SMTP_URL: '', MAILPAT_MAIL_FROM: 'x' })).toBeUndefined();
  });

  it.each([
    ['smtp://relay.example', { port: 587, secure: false, lmtp: false }],
    ['smtps://relay.example', { port: 465, secure: true, lmtp: false }],
    ['lmtp://relay.example/', { port: 24, secure: false, lmtp: true }],
    ['SMTP://Relay.Example:2525', { port: 2525, secure: false, lmtp: false }],
  ])('reads %s with its scheme default port and security', (url, expected) => {
    const settings = load(url);
    expect(settings?.transport).toEqual({ host: 'relay.example', ...expected });
    expect(settings?.relay).toBe(
      `${url.slice(0, url.indexOf(':'))}://relay.example:${expected.port}`.toLowerCase(),
    );
    expect(settings?.from).toBe('mailpat <mailpat@example.org>');
  });

  it('reads percent-decoded credentials and keeps them out of the relay', () => {
    const settings = load('smtps://mail%40example.org:p%40ss%3Aw%2Frd%25@relay.example:1465');
    expect(settings?.transport.auth).toEqual({ user: 'mail@example.org', pass: 'p@ss:w/rd%' });
    expect(settings?.relay).toBe('smtps://relay.example:1465');
  });

  it('reads an IPv6 host without its brackets, keeping them in the relay', () => {
    const settings = load('smtp://[::1]:25');
    expect(settings?.transport.host).toBe('::1');
    expect(settings?.relay).toBe('smtp://[::1]:25');
  });

  it.each([
    'relay.example',
    'http://relay.example',
    'smtp:relay.example',
    'smtp://',
    'smtp://relay.example:0',
    'smtp://relay.example:99999',
    'smtp://relay.example/path',
    'smtp://relay.example?tls=no',
    'smtp://relay.example?',
    'smtp://relay.example#x',
    'smtp://relay%20example',
    'smtp://user:Secret-Pa55@relay.example/x',
    'smtp://user:Secret-Pa55@relay.example?x',
  ])('refuses %j, naming the variable', (url) => {
    expect(() => load(url)).toThrow('MAILPAT_SMTP_URL must be an smtp://, smtps:// or lmtp:// URL');
  });

  it.each([
    ['smtp://user@relay.example', 'must carry both a user and a password'],
    ['smtp://:Secret-Pa55@relay.example', 'must carry both a user and a password'],
    ['smtp://user:Secret-Pa55%ff@relay.example', 'must percent-encode its user and password'],
  ])('refuses the credentials of %j', (url, message) => {
    expect(() => load(url)).toThrow(`MAILPAT_SMTP_URL ${message}`);
  });

  it.each([
    'smtp://user:Secret-Pa55@relay.example/x',
    'smtp://user:Secret-Pa55@relay.example?x',
    'smtp://user:Secret-Pa55@relay.example:0',
    'smtp://user:Secret-Pa55@relay example',
    'smtp://:Secret-Pa55@relay.example',
    'smtp://user:Secret-Pa55%ff@relay.example',
    'ftp://user:Secret-Pa55@relay.example',
  ])('never puts the password of %j into its message', (url) => {
    let message = '';
    try {
      load(url);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^MAILPAT_SMTP_URL /);
    expect(message).not.toContain('Secret');
    expect(message).not.toContain('Pa55');
  });

  it.each(['mailpat@example.org', '"Mail Pat" <mailpat@example.org>', ' mailpat@example.org '])(
    'accepts the sender %j',
    (from) => {
      const settings = loadMailSettings({
        MAILPAT_SMTP_URL: 'smtp://relay',
        MAILPAT_MAIL_FROM: from,
      });
      expect(settings?.from).toBe(from.trim());
    },
  );

  it('requires a sender with a relay', () => {
    expect(() => loadMailSettings({ MAILPAT_SMTP_URL: 'smtp://relay' })).toThrow(
      'MAILPAT_MAIL_FROM must be set when MAILPAT_SMTP_URL is',
    );
  });

  it.each([
    'mailpat',
    'a@example.org, b@example.org',
    'team: a@example.org;',
    '<>',
    'mailpat <mailpat@example.org>\r\nBcc: victim@example.org',
    'mailpat\n<mailpat@example.org>',
  ])('refuses the sender %j, naming the variable', (from) => {
    expect(() =>
      loadMailSettings({ MAILPAT_SMTP_URL: 'smtp://relay', MAILPAT_MAIL_FROM: from }),
    ).toThrow('MAILPAT_MAIL_FROM must be one address');
  });
});
