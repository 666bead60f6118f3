// `npm run bench:introspection`: successful RFC 7662 introspections per second (DateLastUsed
// tracking on, 100 tokens taken in turn) under wrk, against a bare node:http server sending the
// same answer. Prints a JSON report.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkMailClient } from '@mailpat/client';
import {
  BENCH_CREDENTIALS,
  BENCH_DIR,
  seedOrganization,
  startListening,
  startMailpat,
} from './bench-support.mjs';

const DURATION = process.env.BENCH_DURATION ?? '10s';
const CONNECTIONS = process.env.BENCH_CONNECTIONS ?? '32';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const TOKENS = 100;
const CLIENT = { id: 'dovecot', secret: 'bench-introspection-secret' };
const BASIC = `Basic ${Buffer.from(`${CLIENT.id}:${CLIENT.secret}`).toString('base64')}`;

/** Runs wrk posting the forms in turn; returns requests per second. */
function runWrk(url, forms, name, dir) {
  const script = join(dir, `${name}.lua`);
  writeFileSync(
    script,
    [
      `local forms = {${forms.map((form) => JSON.stringify(form)).join(',')}}`,
      'local i = 0',
      'request = function()',
      '  i = i % #forms + 1',
      `  return wrk.format("POST", "/oauth2/introspect", {["Content-Type"] = "application/x-www-form-urlencoded", ["Authorization"] = ${JSON.stringify(BASIC)}}, forms[i])`,
      'end',
    ].join('\n'),
  );
  const out = execFileSync('wrk', ['-t1', `-c${CONNECTIONS}`, `-d${DURATION}`, '-s', script, url], {
    encoding: 'utf8',
  });
  if (/Non-2xx/.test(out)) throw new Error(`${name}: non-2xx answers\n${out}`);
  return Number(/Requests\/sec:\s+([\d.]+)/.exec(out)[1]);
}

const { dataDir, organizationId } = seedOrganization(1000, 'mailpat-introspection-bench-');
const mailpat = await startMailpat(dataDir, {
  MAILPAT_INTROSPECTION_CLIENT_ID: CLIENT.id,
  MAILPAT_INTROSPECTION_CLIENT_SECRET: CLIENT.secret,
});
const scratch = mkdtempSync(join(tmpdir(), 'mailpat-introspection-wrk-'));
try {
  const client = new WorkMailClient({ endpoint: mailpat.url, credentials: BENCH_CREDENTIALS });
  const { Users } = await client.listUsers({ OrganizationId: organizationId, MaxResults: 100 });
  const forms = [];
  for (let i = 0; i < TOKENS; i++) {
    const { Token } = await client.createPersonalAccessToken({
      OrganizationId: organizationId,
      UserId: Users[i % Users.length].Id,
      Name: `bench-${i}`,
    });
    forms.push(`token=${Token}&client_id=&client_secret=`);
  }
  const sample = await fetch(`${mailpat.url}/oauth2/introspect`, {
    method: 'POST',
    headers: { authorization: BASIC, 'content-type': 'application/x-www-form-urlencoded' },
    body: forms[0],
  });
  const responseFile = join(scratch, 'response.json');
  const headers = {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-store',
    Pragma: 'no-cache',
  };
  writeFileSync(responseFile, JSON.stringify({ body: await sample.text(), headers }));
  const bare = await startListening([join(BENCH_DIR, 'bare-server.mjs'), responseFile]);
  try {
    const best = { bare: 0, mailpat: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      best.bare = Math.max(best.bare, runWrk(bare.url, forms, `bare#${round}`, scratch));
      best.mailpat = Math.max(
        best.mailpat,
        runWrk(mailpat.url, forms, `mailpat#${round}`, scratch),
      );
    }
    console.log(
      JSON.stringify({
        benchmark: 'introspection',
        wrk: { threads: 1, connections: Number(CONNECTIONS), duration: DURATION, rounds: ROUNDS },
        tokens: TOKENS,
        bestRequestsPerSecond: { bareNodeHttp: best.bare, mailpat: best.mailpat },
        ratioToBareNodeHttp: Number((best.mailpat / best.bare).toFixed(3)),
        target: 0.5,
      }),
    );
  } finally {
    bare.child.kill('SIGTERM');
  }
} finally {
  mailpat.child.kill('SIGTERM');
}
