/** @module Runs steps through real boto3 (python3) against a mailpat process. */
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MailpatProcess } from './mailpat-process.js';

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

/** Runs the steps in one python3 process and returns one outcome per step. */
export function runBoto3(server: MailpatProcess, steps: Boto3Step[]): Promise<Boto3Outcome[]> {
  const spec = JSON.stringify({
    endpoint: server.url,
    accessKeyId: server.accessKeyId,
    secretAccessKey: server.secretAccessKey,
    steps,
  });
  return new Promise((resolve, reject) => {
    const child = execFile(
      'python3',
      [DRIVER],
      { maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`boto3 driver failed: ${stderr || error.message}`));
        else resolve(JSON.parse(stdout) as Boto3Outcome[]);
      },
    );
    child.stdin!.end(spec);
  });
}
