/**
 * The report as readable text for stdout: one row per user, then the tokens each user must
 * re-create and where, then what could not be imported.
 * @module
 */
import type { ImportReport, ReportToken } from './import-report.js';

const DONE: Record<string, string> = {
  create: 'created',
  update: 'updated',
  unchanged: 'unchanged',
  conflict: 'skipped: conflict',
  'not-imported': 'not imported',
};

/** The report as a table and lists. */
export function formatReportTable(report: ImportReport): string {
  const header = [
    'User',
    'Old user ID',
    'New user ID',
    'State',
    'Password',
    report.DryRun ? 'Plan' : 'Outcome',
  ];
  const rows = report.Users.map((user) => [
    user.Name,
    user.SourceUserId,
    user.TargetUserId ?? '-',
    user.State,
    user.Password === undefined ? '-' : 'not imported',
    report.DryRun ? user.Outcome : (DONE[user.Outcome] ?? user.Outcome),
  ]);
  const lines = alignColumns([header, ...rows]);
  const withTokens = report.Users.filter((user) => user.Tokens.length > 0);
  lines.push('');
  if (withTokens.length === 0) {
    lines.push('No user had personal access tokens.');
  } else {
    lines.push(
      `Tokens to re-create at ${report.AccountUrl} (a token's secret cannot leave WorkMail):`,
    );
    for (const user of withTokens) {
      lines.push(`  ${user.Name}${user.Email ? ` <${user.Email}>` : ''}:`);
      for (const token of user.Tokens) lines.push(`    ${describeToken(token)}`);
    }
  }
  const imported = report.Users.filter((user) => user.Password !== undefined).length;
  if (imported > 0) {
    lines.push(
      '',
      `Passwords: not imported for any of the ${imported} imported users (WorkMail cannot export ` +
        'them). Set one with `mailpat workmail reset-password`, or let users sign in with ' +
        'single sign-on.',
    );
  }
  for (const note of report.Notes) lines.push(`Note: ${note}`);
  return `${lines.join('\n')}\n`;
}

function describeToken(token: ReportToken): string {
  const day = (iso: string | undefined) => (iso ? iso.slice(0, 10) : 'never');
  const scopes = token.Scopes.length ? token.Scopes.join(',') : 'no scopes';
  return (
    `${token.Name} (${scopes}; created ${day(token.DateCreated)}, ` +
    `last used ${day(token.DateLastUsed)}, expires ${day(token.ExpiresTime)})`
  );
}

function alignColumns(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('  '),
  );
}
