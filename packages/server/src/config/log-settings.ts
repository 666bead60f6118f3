/**
 * Reads how the server logs: MAILPAT_LOG_FORMAT and MAILPAT_LOG_LEVEL.
 * @module
 */
import { LOG_FORMAT_ENV, LOG_LEVEL_ENV } from './constants.js';

/** The formats a log line can take. */
export const LOG_FORMATS = ['json', 'pretty'] as const;
/** The levels an operator can choose, most severe first. */
export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;

/** `json` or `pretty`. */
export type LogFormat = (typeof LOG_FORMATS)[number];
/** The least severe level written. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** How the server logs. */
export interface LogSettings {
  /** undefined: pretty when stdout is a terminal, JSON otherwise. */
  format: LogFormat | undefined;
  level: LogLevel;
}

/** Unset or empty means the default; anything else not listed throws an Error naming the variable. */
export function loadLogSettings(env: NodeJS.ProcessEnv): LogSettings {
  return {
    format: readChoice(env, LOG_FORMAT_ENV, LOG_FORMATS),
    level: readChoice(env, LOG_LEVEL_ENV, LOG_LEVELS) ?? 'info',
  };
}

function readChoice<T extends string>(
  env: NodeJS.ProcessEnv,
  name: string,
  choices: readonly T[],
): T | undefined {
  const text = env[name];
  if (text === undefined || text === '') return undefined;
  // Exact spelling: `INFO` or `verbose` is a typo to fix, not a level to guess.
  if ((choices as readonly string[]).includes(text)) return text as T;
  throw new Error(`${name} must be one of ${choices.join(', ')}, not ${JSON.stringify(text)}`);
}
