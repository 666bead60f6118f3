// IMAP LOGIN with a PAT through a real Dovecot whose oauth2 passdb introspects at mailpat: starts
// `mailpat serve` and Dovecot (needs root and `apt-get install -y dovecot-imapd`), creates one
// token for each of BENCH_USERS users (default 50) through the admin API, then runs BENCH_SESSIONS
// (default 2,000) sessions of connect, `LOGIN <email> <PAT>`, LOGOUT, BENCH_CONCURRENCY (default 8)
// at a time, after BENCH_WARMUP (default 100) uncounted ones. Reports p50/p90/p99 of the LOGIN
// command alone (request sent to tagged OK) and of the whole session (connect to the server
// closing after LOGOUT), as one JSON line and one human line. Every LOGIN must succeed.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callMailpat, startMailpat } from './bench-support.mjs';
import { ImapSession, requireDovecot, startDovecot } from './dovecot-support.mjs';

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 2_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const USERS = Number(process.env.BENCH_USERS ?? 50);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 100);

/** An organization with an ACTIVE PAT policy and one IMAP token per user: `[{ email, secret }]`. */
async function createAccounts(url, count) {
  const wm = (op, input) => callMailpat(url, `WorkMailService.${op}`, input);
  const alias = `imap-bench-${Date.now().toString(36)}`;
  const { OrganizationId } = await wm('CreateOrganization', { Alias: alias });
  await wm('PutIdentityProviderConfiguration', {
    OrganizationId,
    AuthenticationMode: 'IDENTITY_PROVIDER_AND_DIRECTORY',
    IdentityCenterConfiguration: {
      InstanceArn: 'arn:aws:sso:::instance/ssoins-1111111111111111',
      ApplicationArn:
        'arn:aws:sso::111122223333:application/ssoins-1111111111111111/apl-1111111111111111',
    },
    PersonalAccessTokenConfiguration: { Status: 'ACTIVE', LifetimeInDays: 30 },
  });
  const accounts = [];
  for (let i = 0; i < count; i++) {
    const email = `user${i}@${alias}.awsapps.com`;
    const { UserId } = await wm('CreateUser', {
      OrganizationId,
      Name: `user${i}`,
      DisplayName: `User ${i}`,
    });
    await wm('RegisterToWorkMail', { OrganizationId, EntityId: UserId, Email: email });
    const { Token } = await callMailpat(url, 'MailpatService.CreatePersonalAccessToken', {
      OrganizationId,
      UserId,
      Name: 'imap-bench',
      Scopes: ['IMAP'],
    });
    accounts.push({ email, secret: Token });
  }
  return accounts;
}

/** One connect + LOGIN + LOGOUT; milliseconds of the LOGIN and of the whole session. */
async function runSession(imapPort, { email, secret }, dovecot) {
  const start = performance.now();
  const session = await ImapSession.connect(imapPort);
  try {
    const loginStart = performance.now();
    const login = await session.login(email, secret);
    const loginMs = performance.now() - loginStart;
    if (login.status !== 'OK') {
      const tail = dovecot.log().split('\n').slice(-10).join('\n');
      throw new Error(`LOGIN ${email}: ${login.status} ${login.text}\n${tail}`);
    }
    await session.logout();
    return { loginMs, sessionMs: performance.now() - start };
  } finally {
    session.close();
  }
}

/** `count` sessions, `concurrency` at a time, round-robin over the accounts. */
async function runSessions(imapPort, accounts, count, concurrency, dovecot) {
  const samples = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      samples.push(await runSession(imapPort, accounts[i % accounts.length], dovecot));
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { samples, seconds: (performance.now() - start) / 1000 };
}

/** p50/p90/p99 (nearest rank) and the mean, in ms with two decimals. */
function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  const round = (ms) => Number(ms.toFixed(2));
  const mean = sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
  return { p50: round(rank(50)), p90: round(rank(90)), p99: round(rank(99)), mean: round(mean) };
}

async function main() {
  requireDovecot();
  const clientId = `bench-${randomBytes(4).toString('hex')}`;
  const clientSecret = randomBytes(24).toString('hex');
  const mailpat = await startMailpat(mkdtempSync(join(tmpdir(), 'mailpat-bench-imap-')), {
    MAILPAT_INTROSPECTION_CLIENT_ID: clientId,
    MAILPAT_INTROSPECTION_CLIENT_SECRET: clientSecret,
  });
  let dovecot;
  try {
    dovecot = await startDovecot({
      mailpatPort: Number(new URL(mailpat.url).port),
      clientId,
      clientSecret,
    });
    const accounts = await createAccounts(mailpat.url, USERS);
    await runSessions(dovecot.imapPort, accounts, WARMUP, CONCURRENCY, dovecot);
    const { samples, seconds } = await runSessions(
      dovecot.imapPort,
      accounts,
      SESSIONS,
      CONCURRENCY,
      dovecot,
    );
    const login = summarize(samples.map((s) => s.loginMs));
    const session = summarize(samples.map((s) => s.sessionMs));
    const report = {
      benchmark: 'imap-login',
      sessions: SESSIONS,
      concurrency: CONCURRENCY,
      users: USERS,
      warmup: WARMUP,
      seconds: Number(seconds.toFixed(2)),
      sessionsPerSecond: Math.round(SESSIONS / seconds),
      loginMs: login,
      connectLoginLogoutMs: session,
    };
    console.log(JSON.stringify(report));
    console.log(
      `IMAP LOGIN via Dovecot -> mailpat: ${SESSIONS} sessions, concurrency ${CONCURRENCY}, ` +
        `${report.sessionsPerSecond}/s; LOGIN p50 ${login.p50} ms, p90 ${login.p90} ms, ` +
        `p99 ${login.p99} ms; connect+LOGIN+LOGOUT p50 ${session.p50} ms, ` +
        `p90 ${session.p90} ms, p99 ${session.p99} ms`,
    );
  } finally {
    await dovecot?.stop();
    mailpat.child.kill('SIGTERM');
  }
}

await main();
