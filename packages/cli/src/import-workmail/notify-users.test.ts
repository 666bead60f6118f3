import { describe, expect, it } from 'vitest';
import type { ImportReport, ReportUser } from './import-report.js';
import type { Notification } from './notification-sender.js';
import { NOTIFY_CHECKPOINT_EVERY, notifyUsers } from './notify-users.js';

function user(name: string, extra: Partial<ReportUser> = {}): ReportUser {
  return {
    Name: name,
    Email: `${name}@example.com`,
    State: 'ENABLED',
    SourceUserId: `src-${name}`,
    TargetUserId: `dst-${name}`,
    Outcome: 'create',
    Password: 'not imported',
    Tokens: [{ PersonalAccessTokenId: `pat-${name}`, Name: `${name}'s laptop`, Scopes: ['IMAP'] }],
    ...extra,
  };
}

function report(users: ReportUser[]): ImportReport {
  return {
    Source: { EndpointUrl: 'https://workmail', OrganizationId: 'm-src', Alias: 'acme' },
    Target: { EndpointUrl: 'http://127.0.0.1:8080' },
    DryRun: false,
    AccountUrl: 'https://mail.example.org/account/',
    Users: users,
    Conflicts: [],
    Notes: [],
  };
}

describe('notifyUsers', () => {
  it('mails imported users with an address and tokens, once, and marks them', async () => {
    const sent: Notification[] = [];
    const sender = { send: async (n: Notification) => void sent.push(n), close: () => undefined };
    const built = report([
      user('ada'),
      user('bob', { Tokens: [] }),
      user('carol', { State: 'DISABLED', Email: undefined }),
      user('dan', { Outcome: 'conflict', Password: undefined }),
      user('eve', { NotifiedAt: '2026-11-30T00:00:00.000Z' }),
    ]);
    const count = await notifyUsers(
      built,
      sender,
      async () => undefined,
      () => new Date('2026-12-01T10:00:00Z'),
    );
    expect(count).toBe(1);
    expect(sent.map((n) => n.to)).toEqual(['ada@example.com']);
    expect(sent[0]!.text).toContain("  - ada's laptop (IMAP)");
    expect(sent[0]!.text).toContain('Create them at https://mail.example.org/account/');
    expect(built.Users[0]!.NotifiedAt).toBe('2026-12-01T10:00:00.000Z');
    expect(await notifyUsers(built, sender)).toBe(0);
  });

  it('keeps the marks of the users mailed before a failure', async () => {
    let calls = 0;
    const sender = {
      send: async () => {
        if (++calls === 2) throw new Error('relay down');
      },
      close: () => undefined,
    };
    const built = report([user('ada'), user('bob'), user('cid')]);
    await expect(notifyUsers(built, sender)).rejects.toThrow('relay down');
    expect(built.Users.map((u) => u.NotifiedAt !== undefined)).toEqual([true, false, false]);
  });
});

describe('notifyUsers checkpoints', () => {
  it('lets the caller save who was mailed every NOTIFY_CHECKPOINT_EVERY messages', async () => {
    const sender = { send: async () => undefined, close: () => undefined };
    const users = Array.from({ length: NOTIFY_CHECKPOINT_EVERY * 2 + 1 }, (_, i) => user(`u${i}`));
    const marked: number[] = [];
    const built = report(users);
    await notifyUsers(built, sender, async () => {
      marked.push(built.Users.filter((u) => u.NotifiedAt !== undefined).length);
    });
    expect(marked).toEqual([NOTIFY_CHECKPOINT_EVERY, NOTIFY_CHECKPOINT_EVERY * 2]);
  });
});
