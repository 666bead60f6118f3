/**
 * Two real `mailpat serve` processes for `mailpat import-workmail` tests: a source standing in
 * for WorkMail and a target, with different credentials (the source's only in a profile, the
 * target's only in the environment).
 * @module
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorkMailClient } from '@mailpat/client';
import { clientFor } from './import-source.js';
import { cliEnv } from './mailpat-cli.js';
import { startMailpat } from './mailpat-process.js';
import type { MailpatProcess } from './mailpat-process.js';

/** Both servers, a client for each, and how to call the import between them. */
export interface ImportPair {
  sourceServer: MailpatProcess;
  targetServer: MailpatProcess;
  source: WorkMailClient;
  target: WorkMailClient;
  /** The environment of an import run: the target's keys, the source's profile file. */
  env: NodeJS.ProcessEnv;
  /** A fresh directory for report files. */
  scratch: string;
  /** `import-workmail` arguments from the source to the target for `organizationId`. */
  importArgs(organizationId: string, ...more: string[]): string[];
  /** The target's live organization called `alias`, if any. */
  targetOrganizationId(alias: string): Promise<string | undefined>;
  /** How many users (any state) the target organization lists. */
  targetUserCount(organizationId: string): Promise<number>;
  stop(): Promise<void>;
}

/** Starts the pair. */
export async function startImportPair(): Promise<ImportPair> {
  const [sourceServer, targetServer] = await Promise.all([startMailpat(), startMailpat()]);
  const [source, target] = await Promise.all([clientFor(sourceServer), clientFor(targetServer)]);
  const scratch = mkdtempSync(join(tmpdir(), 'mailpat-import-'));
  writeFileSync(
    join(scratch, 'credentials'),
    `[source]\naws_access_key_id = ${sourceServer.accessKeyId}\n` +
      `aws_secret_access_key = ${sourceServer.secretAccessKey}\n`,
  );
  writeFileSync(join(scratch, 'config'), '');
  return {
    sourceServer,
    targetServer,
    source,
    target,
    scratch,
    env: cliEnv(targetServer, {
      AWS_SHARED_CREDENTIALS_FILE: join(scratch, 'credentials'),
      AWS_CONFIG_FILE: join(scratch, 'config'),
    }),
    importArgs: (organizationId, ...more) => [
      'import-workmail',
      '--organization-id',
      organizationId,
      '--source-endpoint-url',
      sourceServer.url,
      '--source-profile',
      'source',
      '--endpoint-url',
      targetServer.url,
      ...more,
    ],
    async targetOrganizationId(alias) {
      const { OrganizationSummaries } = await target.listOrganizations({ MaxResults: 100 });
      return OrganizationSummaries?.find((org) => org.Alias === alias && org.State === 'Active')
        ?.OrganizationId;
    },
    async targetUserCount(organizationId) {
      let count = 0;
      let NextToken: string | undefined;
      do {
        const page = await target.listUsers({ OrganizationId: organizationId, NextToken });
        count += page.Users?.length ?? 0;
        NextToken = page.NextToken;
      } while (NextToken);
      return count;
    },
    async stop() {
      source.destroy();
      target.destroy();
      await Promise.all([sourceServer.stop(), targetServer.stop()]);
    },
  };
}
