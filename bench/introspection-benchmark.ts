/**
 * `npm run bench:introspection`: successful RFC 7662 introspections per second (DateLastUsed
 * tracking on, 100 tokens taken in turn) under wrk, against a bare node:http server sending the
 * same answer. Prints a JSON report.
 *
 * BENCH_DURATION (wrk's `-d`), BENCH_CONNECTIONS and BENCH_ROUNDS shrink it.
 *
 * @module
 */
import { it } from 'vitest';
import { WM, createToken } from '../packages/server/test/support/fixtures.js';
import { introspect } from '../packages/server/test/support/introspect.js';
import { startMailpat } from '../packages/server/test/support/mailpat-process.js';
import type { MailpatProcess } from '../packages/server/test/support/mailpat-process.js';
import { call } from '../packages/server/test/support/signed-request.js';
import { startBareServer } from './support/bare-server.js';
import { seedOrganization } from './support/seed-organization.js';
import { requireWrk, runWrk } from './support/wrk.js';
import { recordReport } from './support/bench-results.js';

const DURATION = process.env.BENCH_DURATION ?? '10s';
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const TOKENS = 100;
const CLIENT = { id: 'dovecot', secret: 'bench-introspection-secret' };
const BASIC = `Basic ${Buffer.from(`${CLIENT.id}:${CLIENT.secret}`).toString('base64')}`;

/** One introspection form per new token, the users of the organization taken in turn. */
async function createForms(server: MailpatProcess, organizationId: string): Promise<string[]> {
  const { Users } = (await call(server, WM('ListUsers'), {
    OrganizationId: organizationId,
    MaxResults: 100,
  })) as { Users: { Id: string }[] };
  const forms = [];
  for (let i = 0; i < TOKENS; i++) {
    const userId = Users[i % Users.length]!.Id;
    const { secret } = await createToken(server, organizationId, userId, `bench-${i}`);
    forms.push(`token=${secret}&client_id=&client_secret=`);
  }
  return forms;
}

/** The Lua lines that make wrk post the forms in turn, as the introspection client. */
function rotateForms(forms: string[]): string[] {
  const headers = `{["Content-Type"] = "application/x-www-form-urlencoded", ["Authorization"] = ${JSON.stringify(BASIC)}}`;
  return [
    `local forms = {${forms.map((form) => JSON.stringify(form)).join(',')}}`,
    'local i = 0',
    'request = function()',
    '  i = i % #forms + 1',
    `  return wrk.format("POST", "/oauth2/introspect", ${headers}, forms[i])`,
    'end',
  ];
}

it('introspections per second, against bare node:http', async () => {
  requireWrk();
  const { dataDir, organizationId } = await seedOrganization({
    tokens: 1000,
    prefix: 'mailpat-introspection-bench-',
  });
  const mailpat = await startMailpat({
    dataDir,
    env: {
      MAILPAT_INTROSPECTION_CLIENT_ID: CLIENT.id,
      MAILPAT_INTROSPECTION_CLIENT_SECRET: CLIENT.secret,
    },
  });
  try {
    const forms = await createForms(mailpat, organizationId);
    const sample = await introspect(mailpat, forms[0]!, { basic: `${CLIENT.id}:${CLIENT.secret}` });
    if (sample.body.active !== true) throw new Error(`introspection: ${JSON.stringify(sample)}`);
    // mailpat writes JSON.stringify of the answer: the same bytes again.
    const bare = await startBareServer({
      body: JSON.stringify(sample.body),
      headers: {
        'Content-Type': 'application/json',
        'Cache-Control': 'no-store',
        Pragma: 'no-cache',
      },
    });
    try {
      const options = { connections: CONNECTIONS, duration: DURATION };
      const script = rotateForms(forms);
      const best = { bare: 0, mailpat: 0 };
      for (let round = 0; round < ROUNDS; round++) {
        const bareRun = await runWrk(bare.url, script, `bare#${round}`, options);
        best.bare = Math.max(best.bare, bareRun.requestsPerSecond);
        const mailpatRun = await runWrk(mailpat.url, script, `mailpat#${round}`, options);
        best.mailpat = Math.max(best.mailpat, mailpatRun.requestsPerSecond);
      }
      recordReport('introspection', {
        wrk: { threads: 1, connections: CONNECTIONS, duration: DURATION, rounds: ROUNDS },
        tokens: TOKENS,
        bestRequestsPerSecond: { bareNodeHttp: best.bare, mailpat: best.mailpat },
        ratioToBareNodeHttp: Number((best.mailpat / best.bare).toFixed(3)),
        target: 0.5,
      });
    } finally {
      await bare.stop();
    }
  } finally {
    await mailpat.stop();
  }
});
