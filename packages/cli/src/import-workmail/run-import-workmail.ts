/**
 * Runs one `mailpat import-workmail`: read both sides, plan, stop on conflicts, write (unless
 * `--dry-run`), report, and with `--notify-users` mail the users their tokens to re-create.
 * @module
 */
import { WorkMailClient } from '@mailpat/client';
import type { CommandIo } from '../command-io.js';
import { EXIT_CODES } from '../workmail/cli-errors.js';
import { resolveCliConfig } from '../workmail/config/resolve-cli-config.js';
import { applyPlan } from './apply-plan.js';
import type { ApplyResult } from './apply-plan.js';
import { describePlan } from './describe-plan.js';
import { formatReportTable } from './format-report-table.js';
import { ImportConflictError, ImportReadError } from './import-errors.js';
import type { ImportOptions } from './import-options.js';
import type { ImportPlan } from './import-plan.js';
import { planHasWrites } from './import-plan.js';
import type { ImportReport } from './import-report.js';
import { accountUrlFor, buildReport } from './import-report.js';
import type { ImportServices } from './notification-sender.js';
import { notifyUsers, usersToNotify } from './notify-users.js';
import { planImport } from './plan-import.js';
import { prepareNotifications } from './prepare-notifications.js';
import type { PreparedNotifications } from './prepare-notifications.js';
import { createProgress } from './progress.js';
import { readSource } from './read-source.js';
import { readTarget } from './read-target.js';
import { reportImportFailure } from './report-import-failure.js';
import { resolveSourceConfig } from './resolve-source-config.js';
import { writeReportFile } from './write-report-file.js';

/** Runs the import as `options` say; resolves to the exit code. */
export async function runImportWorkmail(
  options: ImportOptions,
  io: CommandIo,
  services: ImportServices = {},
): Promise<number> {
  const open: { destroy(): void }[] = [];
  try {
    const notifications = await prepareNotifications(options, io.env, services);
    const sender = notifications.sender;
    if (sender) open.push({ destroy: () => sender.close() });
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
    open.push(source, target);
    const read = { concurrency: options.concurrency, progress: createProgress(io.stderr) };
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
    let result = resultWithoutWrites(plan);
    if (options.dryRun) {
      io.stdout.write('Dry run: nothing was written.\n');
    } else if (!planHasWrites(plan)) {
      io.stdout.write('Nothing to import: the target already matches the source.\n');
    } else {
      result = await applyPlan(target, plan, read);
      io.stdout.write(`Imported into ${result.organizationId} at ${targetConfig.endpointUrl}.\n`);
    }
    const report = buildReport({
      source: sourceSnapshot,
      plan,
      sourceEndpointUrl: sourceConfig.endpointUrl,
      targetEndpointUrl: targetConfig.endpointUrl,
      accountUrl: accountUrlFor(io.env.MAILPAT_PUBLIC_URL, targetConfig.endpointUrl),
      targetOrganizationId: result.organizationId,
      userIds: result.userIds,
      dryRun: options.dryRun === true,
    });
    io.stdout.write(`\n${formatReportTable(report)}`);
    await finish(report, options, notifications, io);
    return EXIT_CODES.success;
  } catch (error) {
    const failure = reportImportFailure(error);
    io.stderr.write(failure.stderr);
    return failure.exitCode;
  } finally {
    for (const resource of open) resource.destroy();
  }
}

/** The target IDs the plan already knows: those of users the target has. */
function resultWithoutWrites(
  plan: ImportPlan,
): Partial<ApplyResult> & Pick<ApplyResult, 'userIds'> {
  const userIds = new Map<string, string>();
  for (const user of plan.users) {
    if (user.targetUserId && user.outcome !== 'conflict')
      userIds.set(user.source.id, user.targetUserId);
  }
  return { organizationId: plan.organization.organizationId, userIds };
}

/** Mails the users (`--notify-users`), then writes the report with whom it mailed. */
async function finish(
  report: ImportReport,
  options: ImportOptions,
  notifications: PreparedNotifications,
  io: CommandIo,
): Promise<void> {
  for (const user of report.Users) {
    const notifiedAt = notifications.notified.get(user.SourceUserId);
    if (notifiedAt !== undefined) user.NotifiedAt = notifiedAt;
  }
  try {
    if (notifications.sender && options.dryRun) {
      io.stdout.write(
        `Would mail ${usersToNotify(report).length} users their tokens to re-create.\n`,
      );
    } else if (notifications.sender) {
      const save = async () => {
        if (options.report !== undefined) await writeReportFile(options.report, report);
      };
      const sent = await notifyUsers(report, notifications.sender, save);
      io.stdout.write(`Mailed ${sent} users their tokens to re-create.\n`);
    }
  } finally {
    if (options.report !== undefined) await writeReportFile(options.report, report);
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
