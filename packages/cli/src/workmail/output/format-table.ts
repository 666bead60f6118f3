/**
 * `--output table`: awscli's TableFormatter, ported byte for byte.
 * @module
 */
import { assertJsonValue } from './json-value.js';
import { buildTable } from './table/build-table.js';
import { MultiTable } from './table/multi-table.js';
import { OutputBuffer } from './table/output-stream.js';
import { COLORIZED_STYLER, PLAIN_STYLER } from './table/styler.js';

// Hand-written: no npm package draws awscli's table (its centering, East Asian widths, column
// scaling and colorama resets), and the output must match `aws ... --output table` exactly.

/** What the aws CLI decides from its options and the terminal before it draws the table. */
export interface TableOptions {
  /**
   * True for `--color on`, and for `--color auto` (the default) when stdout is a terminal; this is
   * awscli's ColorizedStyler. Then aws also writes one more `\x1b[0m` when it exits if stdout is a
   * terminal (colorama's atexit reset), even when the table is empty; that byte is not included.
   */
  color: boolean;
  /**
   * The terminal width awscli reads with `ioctl(stdout, TIOCGWINSZ)` (it ignores $COLUMNS):
   * `process.stdout.columns` when stdout is a TTY, else 80 (pipes, files, Windows). A TTY that
   * reports 0 columns gives 0, which makes every single-row section vertical.
   */
  width: number;
}

/**
 * The text `aws <service> <operation> --output table` prints for a response (or a `--query`
 * result), titled with the operation name, e.g. `ListPersonalAccessTokens`; '' when aws prints
 * nothing (a falsy value: {}, [], '', 0, false, null).
 *
 * @example
 * process.stdout.write(formatTable('ListUsers', response, { color: false, width: 80 }));
 * @throws UnformattableValueError where awscli itself raises (e.g. a list mixing dicts and scalars).
 */
export function formatTable(title: string, value: unknown, options: TableOptions): string {
  assertJsonValue(value);
  const styler = options.color ? COLORIZED_STYLER : PLAIN_STYLER;
  const table = new MultiTable(styler, options.width);
  if (!buildTable(table, title, value)) return '';
  const stream = new OutputBuffer(styler.autoreset);
  table.render(stream);
  return stream.toString();
}
