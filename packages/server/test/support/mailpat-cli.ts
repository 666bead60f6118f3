/**
 * Runs `mailpat workmail ...` and the real `aws workmail ...` side by side.
 * @module
 */
import { execFile } from 'node:child_process';
import { MAILPAT_BIN } from './mailpat-process.js';
import type { MailpatProcess } from './mailpat-process.js';

/** Exit code and both streams of one CLI run. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment both CLIs get: the server's keys, no profile, no pager, one attempt. */
export function cliEnv(server: MailpatProcess, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  // A developer's own temporary credentials would be sent along, and mailpat refuses them.
  const { AWS_SESSION_TOKEN: _token, AWS_SECURITY_TOKEN: _legacyToken, ...own } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...own,
    AWS_ACCESS_KEY_ID: server.accessKeyId,
    AWS_SECRET_ACCESS_KEY: server.secretAccessKey,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_MAX_ATTEMPTS: '1',
    AWS_PAGER: '',
    ...extra,
  };
  delete env.AWS_PROFILE;
  delete env.MAILPAT_ENDPOINT_URL;
  for (const [key, value] of Object.entries(extra)) if (value === undefined) delete env[key];
  return env;
}

function runProcess(
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd?: string,
): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(file, args, { env, cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** `mailpat <args>` as a separate process, exactly as a user runs it. */
export function runMailpatCli(
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd?: string,
): Promise<CliRun> {
  return runProcess(process.execPath, [MAILPAT_BIN, ...args], env, cwd);
}

/** `aws <args>` (the aws CLI v1 installed with python3). */
export function runRealAwsCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return runProcess('aws', args, env);
}
