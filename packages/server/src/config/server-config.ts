/**
 * Every setting `mailpat serve` takes from the environment, read and validated at once.
 * @module
 */
import type { IntrospectionClient } from '../introspection/client-credentials.js';
import {
  DATABASE_POOL_SIZE_ENV,
  DATABASE_QUERY_TIMEOUT_MS_ENV,
  DATABASE_STATEMENT_TIMEOUT_MS_ENV,
  DEFAULT_FLUSH_INTERVAL_MS,
  LAST_USED_FLUSH_MS_ENV,
  MAX_TIMER_DELAY_MS,
} from './constants.js';
import { loadHttpSettings } from './http-settings.js';
import type { HttpSettings } from './http-settings.js';
import { loadEventRetentionDays } from './event-retention-days.js';
import { loadIntrospectionClient } from './introspection-client.js';
import { loadMailSettings } from './mail-settings.js';
import type { MailSettings } from './mail-settings.js';
import { readPositiveInteger } from './read-positive-integer.js';
import { loadRootAccessKey } from './root-access-key.js';
import { loadWebSettings } from './web-settings.js';
import type { WebSettings } from './web-settings.js';

/** The server's settings besides the command line's. */
export interface ServerConfig {
  /** PostgreSQL connections per instance; undefined for the backend's default. */
  poolSize: number | undefined;
  /** PostgreSQL's statement and idle-in-transaction timeout; undefined for the default. */
  statementTimeoutMs: number | undefined;
  /** How long the client waits for PostgreSQL's answer; undefined for the default. */
  queryTimeoutMs: number | undefined;
  /** How often coalesced uses and events are written. */
  flushIntervalMs: number;
  /** Days token events are kept. */
  eventRetentionDays: number;
  /** The introspection client; undefined when mail login is off. */
  introspectionClient: IntrospectionClient | undefined;
  /** Connection cap and timeouts of the HTTP server. */
  http: HttpSettings;
  /** Sessions, public URL and mail host of the web app. */
  web: WebSettings;
  /** The relay and sender of expiry warnings; undefined when no relay is set (no mail is sent). */
  mail: MailSettings | undefined;
}

/**
 * Reads every setting; the first bad one throws an Error whose message names its variable, before
 * anything is opened. The root access key is only checked here: resolveRootCredentials reads it
 * where it decides between the pinned, the stored and a new key.
 */
export function loadServerConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const eventRetentionDays = loadEventRetentionDays(env);
  loadRootAccessKey(env);
  const introspectionClient = loadIntrospectionClient(env);
  return {
    poolSize: readPositiveInteger(env, DATABASE_POOL_SIZE_ENV),
    statementTimeoutMs: readPositiveInteger(
      env,
      DATABASE_STATEMENT_TIMEOUT_MS_ENV,
      MAX_TIMER_DELAY_MS,
    ),
    queryTimeoutMs: readPositiveInteger(env, DATABASE_QUERY_TIMEOUT_MS_ENV, MAX_TIMER_DELAY_MS),
    flushIntervalMs:
      readPositiveInteger(env, LAST_USED_FLUSH_MS_ENV, MAX_TIMER_DELAY_MS) ??
      DEFAULT_FLUSH_INTERVAL_MS,
    eventRetentionDays,
    introspectionClient,
    http: loadHttpSettings(env),
    web: loadWebSettings(env),
    mail: loadMailSettings(env),
  };
}
