/**
 * Reads a mailpat server's JSON log lines (see README, "Logs"), for tests that assert on them.
 * @module
 */

/** One log line: pino's fields plus whatever the caller logged. */
export interface LogLine {
  level: string;
  time: string;
  msg: string;
  [field: string]: unknown;
}

/** Every line of `text`, parsed; throws naming the first line that is not a JSON log line. */
export function parseLogLines(text: string): LogLine[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        throw new Error(`not a JSON log line: ${line}`);
      }
      const { level, time, msg } = (parsed ?? {}) as Partial<LogLine>;
      if (typeof level !== 'string' || typeof time !== 'string' || typeof msg !== 'string') {
        throw new Error(`a log line without level, time and msg: ${line}`);
      }
      return parsed as LogLine;
    });
}

/** The messages of the lines at `level`. */
export function messagesAt(text: string, level: string): string[] {
  return parseLogLines(text)
    .filter((line) => line.level === level)
    .map((line) => line.msg);
}
