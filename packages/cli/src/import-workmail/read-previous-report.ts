/**
 * Reads what an earlier run recorded in the `--report` file: which users `--notify-users` has
 * already mailed, so no one is mailed twice.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { CliUsageError } from '../workmail/cli-errors.js';

/** Source user ID -> when that user was mailed, from the file at `path` (empty if none). */
export async function readNotifiedUsers(
  path: string,
  organizationId: string,
): Promise<Map<string, string>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw new CliUsageError(`argument --report: cannot read ${path}`);
  }
  const report = parse(text);
  if (report?.Source?.OrganizationId !== organizationId || !Array.isArray(report.Users)) {
    throw new CliUsageError(
      `argument --report: ${path} is not a report of an import of ${organizationId}; ` +
        "name a new file or that import's report",
    );
  }
  const notified = new Map<string, string>();
  for (const user of report.Users as unknown[]) {
    const { SourceUserId, NotifiedAt } = (user ?? {}) as Record<string, unknown>;
    if (typeof SourceUserId === 'string' && typeof NotifiedAt === 'string') {
      notified.set(SourceUserId, NotifiedAt);
    }
  }
  return notified;
}

function parse(
  text: string,
): { Source?: { OrganizationId?: unknown }; Users?: unknown } | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}
