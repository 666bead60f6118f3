/**
 * `npm run bench:import`: `mailpat import-workmail` of an organization of IMPORT_BENCH_USERS
 * users (default 10,000) with two tokens each, from a seeded source `mailpat serve` into a fresh
 * target, as a user runs it (the CLI, default concurrency): seconds for the import, and for the
 * second run that finds nothing to do.
 * @module
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';
import { clientFor } from '../packages/server/test/support/import-source.js';
import { cliEnv, runMailpatCli } from '../packages/server/test/support/mailpat-cli.js';
import { startMailpat } from '../packages/server/test/support/mailpat-process.js';
import { recordReport } from './support/bench-results.js';
import { seedOrganization } from './support/seed-organization.js';

const USERS = Number(process.env.IMPORT_BENCH_USERS ?? 10_000);

it('mailpat import-workmail of a seeded organization', async () => {
  const seed = await seedOrganization({
    tokens: USERS * 2,
    users: USERS,
    prefix: 'mailpat-bench-import-',
  });
  const [source, target] = await Promise.all([
    startMailpat({ dataDir: seed.dataDir }),
    startMailpat(),
  ]);
  try {
    const client = await clientFor(source);
    // The seed sets only the PAT policy; WorkMail always has the whole configuration.
    await client.putIdentityProviderConfiguration({
      OrganizationId: seed.organizationId,
      AuthenticationMode: 'IDENTITY_PROVIDER_AND_DIRECTORY',
      IdentityCenterConfiguration: {
        InstanceArn: 'arn:aws:sso:::instance/ssoins-1111111111111111',
        ApplicationArn:
          'arn:aws:sso::111122223333:application/ssoins-1111111111111111/apl-1111111111111111',
      },
      PersonalAccessTokenConfiguration: { Status: 'ACTIVE', LifetimeInDays: 365 },
    });
    client.destroy();
    const env = cliEnv(target, {
      AWS_MAX_ATTEMPTS: undefined,
      AWS_SHARED_CREDENTIALS_FILE: join(source.dataDir, 'credentials-bench'),
    });
    writeFileSync(
      join(source.dataDir, 'credentials-bench'),
      `[source]\naws_access_key_id = ${source.accessKeyId}\n` +
        `aws_secret_access_key = ${source.secretAccessKey}\n`,
    );
    const args = [
      'import-workmail',
      '--organization-id',
      seed.organizationId,
      '--source-endpoint-url',
      source.url,
      '--source-profile',
      'source',
      '--endpoint-url',
      target.url,
    ];
    const timed = async () => {
      const start = performance.now();
      const run = await runMailpatCli(args, env);
      if (run.code !== 0) throw new Error(`import failed: ${run.stderr}`);
      return {
        seconds: Number(((performance.now() - start) / 1000).toFixed(1)),
        stdout: run.stdout,
      };
    };
    const first = await timed();
    const second = await timed();
    if (!second.stdout.includes('Nothing to import')) throw new Error('the second run wrote');
    recordReport('import-workmail', {
      users: USERS,
      tokens: USERS * 2,
      importSeconds: first.seconds,
      usersPerSecond: Math.round(USERS / first.seconds),
      secondRunSeconds: second.seconds,
    });
  } finally {
    await Promise.all([source.stop(), target.stop()]);
  }
});
