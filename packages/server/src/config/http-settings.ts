/**
 * Reads the connection limits: how many connections, how long for the headers and the request.
 * @module
 */
import {
  DEFAULT_HEADERS_TIMEOUT_MS,
  DEFAULT_MAX_CONNECTIONS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  HEADERS_TIMEOUT_MS_ENV,
  MAX_CONNECTIONS_ENV,
  MAX_TIMER_DELAY_MS,
  REQUEST_TIMEOUT_MS_ENV,
} from './constants.js';
import { readPositiveInteger } from './read-positive-integer.js';

/** What the HTTP server takes from the environment. */
export interface HttpSettings {
  /** Connections held at once; further ones are closed on arrival. */
  maxConnections: number;
  /** A request whose headers take longer is answered 408 and its connection closed. */
  headersTimeoutMs: number;
  /** A request, body included, that takes longer is answered 408 and its connection closed. */
  requestTimeoutMs: number;
}

/** Reads and checks the settings; a bad one throws an Error naming its variable. */
export function loadHttpSettings(env: NodeJS.ProcessEnv): HttpSettings {
  const headersTimeoutMs =
    readPositiveInteger(env, HEADERS_TIMEOUT_MS_ENV, MAX_TIMER_DELAY_MS) ??
    DEFAULT_HEADERS_TIMEOUT_MS;
  const requestTimeoutMs =
    readPositiveInteger(env, REQUEST_TIMEOUT_MS_ENV, MAX_TIMER_DELAY_MS) ??
    DEFAULT_REQUEST_TIMEOUT_MS;
  // Node refuses a headers timeout longer than the request's: the request includes its headers.
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new Error(
      `${HEADERS_TIMEOUT_MS_ENV} (${headersTimeoutMs}) must be at most ` +
        `${REQUEST_TIMEOUT_MS_ENV} (${requestTimeoutMs})`,
    );
  }
  return {
    maxConnections: readPositiveInteger(env, MAX_CONNECTIONS_ENV) ?? DEFAULT_MAX_CONNECTIONS,
    headersTimeoutMs,
    requestTimeoutMs,
  };
}
