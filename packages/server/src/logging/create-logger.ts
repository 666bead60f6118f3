/**
 * The server's logger: pino, one JSON object per line (or pino-pretty's lines on a terminal), info
 * and debug on stdout, warnings and errors on stderr, secrets redacted.
 * @module
 */
import { pino } from 'pino';
import type { DestinationStream, Logger as PinoLogger, SerializedError } from 'pino';
import type { LogSettings } from '../config/log-settings.js';
import type { LogFields, Logger } from './logger.js';
import { REDACT_PATHS } from './redact-paths.js';
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
  const logger = pino(
    {
      level: settings.level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: [...REDACT_PATHS] },
      serializers: { err: serializeError },
    },
    // dedupe: each line goes to the one stream of the highest level it reaches.
    pino.multistream(
      [
        { level: 'debug', stream: out },
        { level: 'warn', stream: err },
      ],
      { dedupe: true },
    ),
  );
  return adapt(logger);
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

/** The app's Logger over a pino logger; every message is scrubbed of URL passwords and PATs. */
function adapt(logger: PinoLogger): Logger {
  const write = (level: 'debug' | 'info' | 'warn', message: string, fields?: LogFields) =>
    fields === undefined
      ? logger[level](scrubSecrets(message))
      : logger[level](fields, scrubSecrets(message));
  return {
    // Absent below the level: a caller skips the work of a line nobody will read.
    ...(logger.isLevelEnabled('debug')
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
      logger.error({ ...fields, ...detail }, scrubSecrets(message));
    },
  };
}
