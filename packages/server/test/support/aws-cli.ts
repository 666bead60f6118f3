/** @module Runs the real aws CLI against a mailpat process. */
import { execFile } from 'node:child_process';
import type { MailpatProcess } from './mailpat-process.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  json: Record<string, unknown> | undefined;
}

/** `aws workmail <args> --endpoint-url <server>` with the server's credentials in the env. */
export function runAwsCli(server: MailpatProcess, args: string[]): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AWS_ACCESS_KEY_ID: server.accessKeyId,
    AWS_SECRET_ACCESS_KEY: server.secretAccessKey,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_MAX_ATTEMPTS: '1',
    AWS_PAGER: '',
  };
  delete env.AWS_PROFILE;
  return new Promise((resolve) => {
    execFile(
      'aws',
      ['workmail', ...args, '--endpoint-url', server.url, '--output', 'json'],
      { env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        let json: Record<string, unknown> | undefined;
        try {
          json = stdout.trim() ? (JSON.parse(stdout) as Record<string, unknown>) : undefined;
        } catch {
          json = undefined;
        }
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr, json });
      },
    );
  });
}
