/**
 * The server's logger: pino, one JSON object per line (or pino-pretty's lines on a terminal), info
 * and debug on stdout, warnings and errors on stderr, secrets redacted.
 * @module
 */
import { pino } from 'pino';
import type { DestinationStream, Logger as PinoLogger, SerializedError } from 'pino';
import type { LogSettings } from '../config/log-settings.js';
import type { LogFields, Logger } from './logger.js';
import { REDACT_PATHS, TOP_LEVEL_REDACT_PATHS } from './redact-paths.js';
import { scrubSecrets } from './scrub-secrets.js';

/** Where the lines go: the process's own streams, or any writable (tests). */
export interface LogStreams {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/**
 * A pino-backed Logger. pino-pretty is imported only when the format is pretty (a terminal, or
 * MAILPAT_LOG_FORMAT=pretty): a server under systemd or Docker never loads it.
 */
export async function createLogger(settings: LogSettings, streams: LogStreams): Promise<Logger> {
  const pretty =
    settings.format === 'pretty' || (settings.format === undefined && !!streams.stdout.isTTY);
  const out = pretty
    ? await prettyStream(streams.stdout, 1)
    : destination(streams.stdout, 1, false);
  // Warnings and errors are written synchronously: rare, and the last words before a crash.
  const err = pretty ? await prettyStream(streams.stderr, 2) : destination(streams.stderr, 2, true);
  // dedupe: each line goes to the one stream of the highest level it reaches.
  const lineStreams = pino.multistream(
    [
      { level: 'debug', stream: out },
      { level: 'warn', stream: err },
    ],
    { dedupe: true },
  );
  const withRedaction = (paths: readonly string[]) =>
    pino(
      {
        level: settings.level,
        base: { pid: process.pid },
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        redact: { paths: [...paths] },
        serializers: { err: serializeError },
      },
      lineStreams,
    );
  return adapt({
    nested: withRedaction(REDACT_PATHS),
    flat: withRedaction(TOP_LEVEL_REDACT_PATHS),
  });
}

/**
 * The process's own stdout/stderr as a sonic-boom file descriptor destination (pino's fast path;
 * asynchronous ones are flushed synchronously at exit by pino), any other stream as it is.
 */
function destination(stream: NodeJS.WritableStream, fd: 1 | 2, sync: boolean): DestinationStream {
  const own = stream === (fd === 1 ? process.stdout : process.stderr);
  return own ? pino.destination({ dest: fd, sync }) : (stream as DestinationStream);
}

async function prettyStream(stream: NodeJS.WritableStream & { isTTY?: boolean }, fd: 1 | 2) {
  const { PinoPretty } = await import('pino-pretty');
  const own = stream === (fd === 1 ? process.stdout : process.stderr);
  return PinoPretty({
    destination: own ? fd : stream,
    colorize: !!stream.isTTY,
    sync: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid',
  });
}

/**
 * pino's error serializer (message, stack, own properties, causes), then every string in it
 * masked: a driver's message may quote a URL. Errors are rare, so a JSON round trip is cheap.
 * A property JSON cannot write (a cycle, a BigInt) leaves type, message and stack only: logging
 * an error must never throw.
 */
function serializeError(error: Error): SerializedError {
  const serialized = pino.stdSerializers.err(error);
  try {
    return JSON.parse(scrubSecrets(JSON.stringify(serialized))) as SerializedError;
  } catch {
    const { type, message, stack } = serialized;
    return { type, message: scrubSecrets(message), stack: scrubSecrets(stack ?? '') } as never;
  }
}

/**
 * Two pino loggers on the same streams, redacting the same keys: `flat` only at the top level,
 * for lines whose fields hold no object (the access log, thousands a second); `nested` one level
 * down as well.
 */
interface RedactingLoggers {
  nested: PinoLogger;
  flat: PinoLogger;
}

/** The app's Logger over pino; every message is scrubbed of URL passwords and PATs. */
function adapt({ nested, flat }: RedactingLoggers): Logger {
  const write = (level: 'debug' | 'info' | 'warn', message: string, fields?: LogFields) =>
    fields === undefined
      ? flat[level](scrubSecrets(message))
      : (isFlat(fields) ? flat : nested)[level](fields, scrubSecrets(message));
  return {
    // Absent below the level: a caller skips the work of a line nobody will read.
    ...(nested.isLevelEnabled('debug')
      ? { debug: (message: string, fields?: LogFields) => write('debug', message, fields) }
      : {}),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, cause, fields) => {
      const detail =
        cause === undefined
          ? {}
          : cause instanceof Error
            ? { err: cause }
            : { detail: scrubSecrets(String(cause)) };
      nested.error({ ...fields, ...detail }, scrubSecrets(message));
    },
  };
}

/** No value is an object (or array): top-level redaction covers every key. */
function isFlat(fields: LogFields): boolean {
  for (const key in fields) {
    const value = (fields as Record<string, unknown>)[key];
    if (typeof value === 'object' && value !== null) return false;
  }
  return true;
}
