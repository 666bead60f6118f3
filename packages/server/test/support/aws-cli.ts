/**
 * Runs the real aws CLI against a mailpat process.
 * @module
 */
import { execFile } from 'node:child_process';
import { cliEnv } from './mailpat-cli.js';
import type { MailpatProcess } from './mailpat-process.js';
import { recordSecretMembers } from './secret-ledger.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  json: Record<string, unknown> | undefined;
}

/**
 * `aws workmail <args> --endpoint-url <server>` with the server's credentials in the env; over
 * HTTPS with `--ca-bundle` set to the server's `caFile`.
 */
export function runAwsCli(server: MailpatProcess, args: string[]): Promise<CliResult> {
  const env = cliEnv(server);
  return new Promise((resolve) => {
    execFile(
      'aws',
      [
        'workmail',
        ...args,
        '--endpoint-url',
        server.url,
        '--output',
        'json',
        ...(server.caFile === undefined ? [] : ['--ca-bundle', server.caFile]),
      ],
      { env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        let json: Record<string, unknown> | undefined;
        try {
          json = stdout.trim() ? (JSON.parse(stdout) as Record<string, unknown>) : undefined;
        } catch {
          json = undefined;
        }
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        // For the log audit: a token the aws CLI was given.
        recordSecretMembers(json);
        resolve({ code, stdout, stderr, json });
      },
    );
  });
}
