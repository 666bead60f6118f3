/**
 * Runs steps through real boto3 (python3) against a mailpat process.
 * @module
 */
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MailpatProcess } from './mailpat-process.js';
import { recordSecretMembers } from './secret-ledger.js';

const DRIVER = join(dirname(fileURLToPath(import.meta.url)), 'boto3_driver.py');

export type Boto3Step =
  | { call: string; params?: Record<string, unknown> }
  | {
      paginate: string;
      params?: Record<string, unknown>;
      PaginationConfig?: Record<string, unknown>;
    };

export interface Boto3Outcome {
  result?: Record<string, unknown>;
  pages?: Record<string, unknown>[];
  resumeToken?: string | null;
  error?: string;
  message?: string;
  status?: number;
}

/** What the boto3 client is given beyond the server's endpoint and keys. */
export interface Boto3Options {
  /** `aws_session_token=`, as temporary (STS) credentials carry one. */
  sessionToken?: string;
}

/**
 * Runs the steps in one python3 process and returns one outcome per step. Over HTTPS, boto3
 * verifies the server against the process's `caFile`.
 */
export function runBoto3(
  server: MailpatProcess,
  steps: Boto3Step[],
  options: Boto3Options = {},
): Promise<Boto3Outcome[]> {
  const spec = JSON.stringify({
    endpoint: server.url,
    accessKeyId: server.accessKeyId,
    secretAccessKey: server.secretAccessKey,
    sessionToken: options.sessionToken,
    verify: server.caFile,
    steps,
  });
  return new Promise((resolve, reject) => {
    const child = execFile(
      'python3',
      [DRIVER],
      { maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`boto3 driver failed: ${stderr || error.message}`));
        else resolve(recordOutcomeSecrets(JSON.parse(stdout) as Boto3Outcome[]));
      },
    );
    child.stdin!.end(spec);
  });
}

/** For the log audit: the tokens boto3 was given and any password or secret it sent. */
function recordOutcomeSecrets(outcomes: Boto3Outcome[]): Boto3Outcome[] {
  for (const outcome of outcomes) recordSecretMembers(outcome.result);
  return outcomes;
}
