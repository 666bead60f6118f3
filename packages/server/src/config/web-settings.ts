/**
 * Reads the web app's settings: session lifetimes, the public URL and the mail host.
 * @module
 */
import {
  DEFAULT_SESSION_IDLE_MINUTES,
  DEFAULT_SESSION_MAX_HOURS,
  MAIL_HOST_ENV,
  SESSION_IDLE_MINUTES_ENV,
  SESSION_MAX_HOURS_ENV,
} from './constants.js';
import { loadPublicUrl } from './public-url.js';
import { readPositiveInteger } from './read-positive-integer.js';

const MINUTE_MS = 60_000;
/** A year: longer sessions are a typo, and the bound keeps the products far inside 2^53. */
const MAX_SESSION_MINUTES = 525_600;

/** What the web app takes from the environment. */
export interface WebSettings {
  /** A session unused this long ends. */
  sessionIdleMs: number;
  /** A session ends this long after sign-in, however busy. */
  sessionMaxMs: number;
  /** MAILPAT_PUBLIC_URL; undefined when unset. */
  publicUrl: URL | undefined;
  /** MAILPAT_MAIL_HOST, else the host of MAILPAT_PUBLIC_URL; undefined: the request's host. */
  mailHost: string | undefined;
}

/** Reads and checks the settings; a bad one throws an Error naming its variable. */
export function loadWebSettings(env: NodeJS.ProcessEnv): WebSettings {
  const idleMinutes =
    readPositiveInteger(env, SESSION_IDLE_MINUTES_ENV, MAX_SESSION_MINUTES) ??
    DEFAULT_SESSION_IDLE_MINUTES;
  const maxHours =
    readPositiveInteger(env, SESSION_MAX_HOURS_ENV, MAX_SESSION_MINUTES / 60) ??
    DEFAULT_SESSION_MAX_HOURS;
  const publicText = loadPublicUrl(env);
  const publicUrl = publicText === undefined ? undefined : new URL(publicText);
  const mailHost = env[MAIL_HOST_ENV] || publicUrl?.hostname;
  return {
    sessionIdleMs: idleMinutes * MINUTE_MS,
    sessionMaxMs: maxHours * 60 * MINUTE_MS,
    publicUrl,
    mailHost: mailHost?.replace(/^\[(.*)\]$/, '$1'),
  };
}
