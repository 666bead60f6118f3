/**
 * Prints a response as the aws CLI does: `--query` applied to the whole result for json
 * and table, page by page for text (where the resume token comes last, as its own section).
 * @module
 */
import type { PageIterator } from '@mailpat/client';
import { formatJson, formatTable, formatText } from '../output/index.js';
import type { OutputFormat } from './output-settings.js';
import type { OutputSettings } from './output-settings.js';
import { toPrintable } from './to-printable.js';

/** A single response, or a paginator's page iterator. */
export type CliResponse =
  { kind: 'single'; output: object } | { kind: 'paginated'; pages: PageIterator<object, object> };

/** Writes `response` to `write` as `settings` says; a table is titled with `operationName`. */
export async function renderResponse(
  operationName: string,
  response: CliResponse,
  settings: OutputSettings,
  write: (text: string) => void,
): Promise<void> {
  if (response.kind === 'paginated' && settings.format === 'text') {
    await renderTextPages(response.pages, settings, write);
    return;
  }
  const whole =
    response.kind === 'single' ? response.output : await response.pages.buildFullResult();
  const printable = settings.query(toPrintable(whole, settings.timestampFormat));
  write(formatAs(settings.format, operationName, printable, settings));
}

/** The TextFormatter's paginated branch: non-aggregate keys once, result keys of every page. */
async function renderTextPages(
  pages: PageIterator<object, object>,
  settings: OutputSettings,
  write: (text: string) => void,
): Promise<void> {
  let first = true;
  for await (const page of pages) {
    const current: Record<string, unknown> = first ? { ...pages.nonAggregatePart } : {};
    first = false;
    // The WorkMail result keys are plain member names, so a lookup is the JMESPath search.
    for (const key of pages.resultKeys) current[key] = (page as Record<string, unknown>)[key];
    write(formatText(settings.query(toPrintable(current, settings.timestampFormat))));
  }
  if (pages.resumeToken !== undefined) {
    write(formatText(settings.query({ NextToken: { NextToken: pages.resumeToken } })));
  }
}

function formatAs(
  format: OutputFormat,
  title: string,
  value: unknown,
  settings: OutputSettings,
): string {
  if (format === 'json') return formatJson(value);
  if (format === 'text') return formatText(value);
  return formatTable(title, value, { color: settings.color, width: settings.tableWidth });
}
