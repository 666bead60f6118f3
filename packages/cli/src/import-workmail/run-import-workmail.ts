/**
 * Runs one `mailpat import-workmail`: read both sides, plan, stop on conflicts, write (unless
 * `--dry-run`), report.
 * @module
 */
import { WorkMailClient } from '@mailpat/client';
import type { CommandIo } from '../command-io.js';
import { EXIT_CODES } from '../workmail/cli-errors.js';
import { resolveCliConfig } from '../workmail/config/resolve-cli-config.js';
import { applyPlan } from './apply-plan.js';
import { describePlan } from './describe-plan.js';
import { formatReportTable } from './format-report-table.js';
import { ImportConflictError, ImportReadError } from './import-errors.js';
import type { ImportOptions } from './import-options.js';
import { planHasWrites } from './import-plan.js';
import { accountUrlFor, buildReport } from './import-report.js';
import { planImport } from './plan-import.js';
import { createProgress } from './progress.js';
import { readSource } from './read-source.js';
import { readTarget } from './read-target.js';
import { reportImportFailure } from './report-import-failure.js';
import { resolveSourceConfig } from './resolve-source-config.js';
import { writeReportFile } from './write-report-file.js';

/** Runs the import as `options` say; resolves to the exit code. */
export async function runImportWorkmail(options: ImportOptions, io: CommandIo): Promise<number> {
  const clients: WorkMailClient[] = [];
  try {
    const sourceConfig = await resolveSourceConfig(options, io.env);
    const targetConfig = await resolveCliConfig(options, io.env);
    const source = new WorkMailClient({
      endpoint: sourceConfig.endpointUrl,
      region: sourceConfig.region,
      credentials: sourceConfig.credentials,
    });
    const target = new WorkMailClient({
      endpoint: targetConfig.endpointUrl,
      region: targetConfig.region,
      credentials: targetConfig.credentials,
      maxAttempts: targetConfig.maxAttempts,
    });
    clients.push(source, target);
    const progress = createProgress(io.stderr);
    const read = { concurrency: options.concurrency, progress };
    io.stderr.write(`Reading ${options.organizationId} from ${sourceConfig.endpointUrl}\n`);
    const sourceSnapshot = await readSide('source', sourceConfig.endpointUrl, () =>
      readSource(source, options.organizationId, read),
    );
    const targetSnapshot = await readSide('target', targetConfig.endpointUrl, () =>
      readTarget(target, sourceSnapshot.alias, read),
    );
    const plan = planImport(sourceSnapshot, targetSnapshot);
    const problems = [...plan.blockers, ...(options.onConflict === 'skip' ? [] : plan.conflicts)];
    io.stdout.write(describePlan(plan, options.dryRun === true || problems.length > 0));
    if (problems.length > 0) throw new ImportConflictError(problems);
    const context = {
      source: sourceSnapshot,
      plan,
      sourceEndpointUrl: sourceConfig.endpointUrl,
      targetEndpointUrl: targetConfig.endpointUrl,
      accountUrl: accountUrlFor(io.env.MAILPAT_PUBLIC_URL, targetConfig.endpointUrl),
    };
    let result = {
      organizationId: plan.organization.organizationId,
      userIds: new Map(
        plan.users.flatMap((u) =>
          u.targetUserId && u.outcome !== 'conflict' ? [[u.source.id, u.targetUserId]] : [],
        ),
      ),
    };
    if (options.dryRun) {
      io.stdout.write('Dry run: nothing was written.\n');
    } else if (!planHasWrites(plan)) {
      io.stdout.write('Nothing to import: the target already matches the source.\n');
    } else {
      result = await applyPlan(target, plan, read);
      io.stdout.write(`Imported into ${result.organizationId} at ${targetConfig.endpointUrl}.\n`);
    }
    const report = buildReport({
      ...context,
      targetOrganizationId: result.organizationId,
      userIds: result.userIds,
      dryRun: options.dryRun === true,
    });
    io.stdout.write(`\n${formatReportTable(report)}`);
    if (options.report !== undefined) await writeReportFile(options.report, report);
    return EXIT_CODES.success;
  } catch (error) {
    const failure = reportImportFailure(error);
    io.stderr.write(failure.stderr);
    return failure.exitCode;
  } finally {
    for (const client of clients) client.destroy();
  }
}

async function readSide<T>(
  side: 'source' | 'target',
  endpointUrl: string,
  read: () => Promise<T>,
): Promise<T> {
  try {
    return await read();
  } catch (cause) {
    throw new ImportReadError(side, endpointUrl, { cause });
  }
}
