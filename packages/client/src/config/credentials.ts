/**
 * AWS credentials: static, from a provider, or from the environment.
 * @module
 */

import { WorkMailClientError } from '../errors/workmail-client-error.js';

/** An access key pair, optionally temporary (with a session token). */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/** Resolves credentials on each request, so rotated ones are picked up. */
export type CredentialsProvider = () => Promise<AwsCredentials>;

/** No credentials were configured and the environment holds none. */
export class CredentialsProviderError extends WorkMailClientError {
  override readonly name = 'CredentialsProviderError';
}

/** Reads `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` / `AWS_SESSION_TOKEN` at each request. */
export function fromEnv(env: NodeJS.ProcessEnv = process.env): CredentialsProvider {
  return async () => {
    const accessKeyId = env.AWS_ACCESS_KEY_ID;
    const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
    if (!accessKeyId || !secretAccessKey) {
      throw new CredentialsProviderError(
        'No credentials: pass `credentials` or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY',
      );
    }
    const sessionToken = env.AWS_SESSION_TOKEN || undefined;
    return sessionToken
      ? { accessKeyId, secretAccessKey, sessionToken }
      : { accessKeyId, secretAccessKey };
  };
}

/** A provider for whatever the config holds: a provider as it is, static keys wrapped. */
export function toCredentialsProvider(
  credentials: AwsCredentials | CredentialsProvider | undefined,
): CredentialsProvider {
  if (credentials === undefined) return fromEnv();
  if (typeof credentials === 'function') return credentials;
  const fixed = { ...credentials };
  return async () => fixed;
}
