/**
 * WorkMailClient's configuration and how omitted settings are defaulted.
 * @module
 */
import { DEFAULT_REGION } from '../protocol/constants.js';
import type { RetryStrategy } from '../retry/standard-retry-strategy.js';
import { StandardRetryStrategy } from '../retry/standard-retry-strategy.js';
import type { AwsCredentials, CredentialsProvider } from './credentials.js';
import { toCredentialsProvider } from './credentials.js';

/** Milliseconds one attempt may take unless `timeoutMs` says otherwise. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** What `new WorkMailClient(config)` accepts. */
export interface WorkMailClientConfig {
  /** The server's base URL, e.g. `http://127.0.0.1:8080`. */
  endpoint: string | URL;
  /** Signing region; default `AWS_REGION`, then `AWS_DEFAULT_REGION`, then `us-east-1`. */
  region?: string;
  /** Default: `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` / `AWS_SESSION_TOKEN`. */
  credentials?: AwsCredentials | CredentialsProvider;
  /** Attempts per call, the first included; default 3. Ignored when `retryStrategy` is given. */
  maxAttempts?: number;
  /** Milliseconds one attempt may take, response body included; default 30 000, 0 for none. */
  timeoutMs?: number;
  /** Replaces the standard retry policy (e.g. with injected `random`/`sleep`). */
  retryStrategy?: RetryStrategy;
  /** Milliseconds added to the local clock when signing; corrected from the server's `Date`. */
  systemClockOffset?: number;
}

/** The configuration with every default applied. */
export interface ResolvedClientConfig {
  endpoint: URL;
  region: string;
  credentials: CredentialsProvider;
  timeoutMs: number;
  retryStrategy: RetryStrategy;
  systemClockOffset: number;
}

/** Applies defaults and rejects an endpoint that is not an http(s) URL or a negative timeout. */
export function resolveClientConfig(
  config: WorkMailClientConfig,
  env: NodeJS.ProcessEnv = process.env,
): ResolvedClientConfig {
  const endpoint = new URL(config.endpoint);
  if (endpoint.protocol !== 'http:' && endpoint.protocol !== 'https:') {
    throw new TypeError(`endpoint must be an http(s) URL, got ${endpoint.href}`);
  }
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!(timeoutMs >= 0)) throw new RangeError(`timeoutMs must be >= 0, got ${timeoutMs}`);
  return {
    endpoint,
    region: config.region || env.AWS_REGION || env.AWS_DEFAULT_REGION || DEFAULT_REGION,
    credentials: toCredentialsProvider(config.credentials),
    timeoutMs,
    retryStrategy:
      config.retryStrategy ?? new StandardRetryStrategy({ maxAttempts: config.maxAttempts }),
    systemClockOffset: config.systemClockOffset ?? 0,
  };
}
