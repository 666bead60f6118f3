import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditLogs } from './log-audit.js';

/** A directory with the given ledger entries and server logs. */
function runDir(secrets: { kind: string; secret: string }[], logs: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'mailpat-log-audit-'));
  const ledger = secrets.map((entry) => `${JSON.stringify(entry)}\n`).join('');
  writeFileSync(join(dir, 'secrets-1.jsonl'), ledger);
  for (const [name, text] of Object.entries(logs)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('auditLogs', () => {
  it('names the log and the kind of each secret found, never the secret', () => {
    const dir = runDir(
      [
        { kind: 'PAT secret', secret: 'mpat_secretvalue0001' },
        { kind: 'user password', secret: 'correct horse battery' },
      ],
      {
        'server-a-1-1.stdout.log': '{"msg":"clean"}\n',
        'server-a-1-1.stderr.log': '{"msg":"bad mpat_secretvalue0001 here"}\n',
      },
    );
    const { leaks, logs, secrets } = auditLogs(dir);
    expect(leaks).toEqual([{ file: 'server-a-1-1.stderr.log', kind: 'PAT secret' }]);
    expect([logs, secrets]).toEqual([2, 2]);
    expect(JSON.stringify(leaks)).not.toContain('mpat_secretvalue0001');
  });

  it('finds a secret as a JSON line escapes it', () => {
    const secret = 'pass"word\\with-escapes';
    const dir = runDir([{ kind: 'user password', secret }], {
      'server-b-1-1.stdout.log': `${JSON.stringify({ msg: `got ${secret}` })}\n`,
    });
    expect(auditLogs(dir).leaks).toEqual([
      { file: 'server-b-1-1.stdout.log', kind: 'user password' },
    ]);
  });

  it('does not count a log holding only the start of a secret', () => {
    const dir = runDir([{ kind: 'root secret access key', secret: 'abcdefghijKLMNOP' }], {
      'server-c-1-1.stdout.log': 'abcdefghijKLMNO and abcdefghij\n',
    });
    expect(auditLogs(dir).leaks).toEqual([]);
  });

  it('reads only server logs: the ledger itself holds every secret', () => {
    const dir = runDir([{ kind: 'PAT secret', secret: 'mpat_secretvalue0002' }], {});
    expect(auditLogs(dir)).toEqual({ leaks: [], logs: 0, secrets: 1 });
  });
});
