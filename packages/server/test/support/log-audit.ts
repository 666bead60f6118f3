/**
 * The audit at the end of a test run: every server log of the run searched for every secret the
 * run created (see secret-ledger.ts).
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LedgerEntry } from './secret-ledger.js';
import { LEDGER_PREFIX, MIN_AUDITED_SECRET_LENGTH } from './secret-ledger.js';

/** The prefix of the files startMailpat tees a server's stdout and stderr into. */
export const SERVER_LOG_PREFIX = 'server-';

/** A secret found in a log: which file, which kind of secret (never the secret itself). */
export interface Leak {
  file: string;
  kind: string;
}

/** Reads every ledger of `dir`: the secrets and their kinds. */
function readLedgers(dir: string, files: string[]): LedgerEntry[] {
  return files
    .filter((name) => name.startsWith(LEDGER_PREFIX))
    .flatMap((name) => readFileSync(join(dir, name), 'utf8').split('\n'))
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as LedgerEntry);
}

/**
 * Each secret as it could appear in a log: as is, and JSON-escaped (a JSON line writes `"` and
 * `\` escaped). Keyed by their first MIN_AUDITED_SECRET_LENGTH characters, so a log is scanned
 * once whatever the number of secrets.
 */
function indexNeedles(entries: LedgerEntry[]): Map<string, LedgerEntry[]> {
  const index = new Map<string, LedgerEntry[]>();
  for (const entry of entries) {
    const escaped = JSON.stringify(entry.secret).slice(1, -1);
    for (const needle of new Set([entry.secret, escaped])) {
      const key = needle.slice(0, MIN_AUDITED_SECRET_LENGTH);
      const list = index.get(key) ?? [];
      list.push({ kind: entry.kind, secret: needle });
      index.set(key, list);
    }
  }
  return index;
}

/** The kinds of secret found in `text`. */
function findKinds(text: string, index: Map<string, LedgerEntry[]>): Set<string> {
  const kinds = new Set<string>();
  for (let at = 0; at + MIN_AUDITED_SECRET_LENGTH <= text.length; at += 1) {
    const candidates = index.get(text.slice(at, at + MIN_AUDITED_SECRET_LENGTH));
    for (const candidate of candidates ?? []) {
      if (text.startsWith(candidate.secret, at)) kinds.add(candidate.kind);
    }
  }
  return kinds;
}

/** Every (server log, kind of secret) pair where a recorded secret occurs in that log. */
export function auditLogs(dir: string): { leaks: Leak[]; logs: number; secrets: number } {
  const files = readdirSync(dir);
  const entries = readLedgers(dir, files);
  const index = indexNeedles(entries);
  const logs = files.filter((name) => name.startsWith(SERVER_LOG_PREFIX));
  const leaks = logs.flatMap((file) =>
    [...findKinds(readFileSync(join(dir, file), 'utf8'), index)].map((kind) => ({ file, kind })),
  );
  return { leaks, logs: logs.length, secrets: entries.length };
}
