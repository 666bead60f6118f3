/**
 * `npm run bench:imap`: IMAP LOGIN with a PAT through a real Dovecot whose oauth2 passdb
 * introspects at mailpat. Starts `mailpat serve` and Dovecot (needs root and `apt-get install -y
 * dovecot-imapd`), creates one token for each of BENCH_USERS users (default 50) through the admin
 * API, then runs BENCH_SESSIONS (default 2,000) sessions of connect, `LOGIN <email> <PAT>`,
 * LOGOUT, BENCH_CONCURRENCY (default 8) at a time, after BENCH_WARMUP (default 100) uncounted
 * ones. Reports p50/p90/p99 of the LOGIN command alone (request sent to tagged OK) and of the
 * whole session (connect to the server closing after LOGOUT), as one JSON line and one human
 * line, with the CPU time per session of this client, mailpat and all of Dovecot's processes
 * (on shared cores a latency says little without the work behind it). Every LOGIN must succeed.
 *
 * Dovecot runs the tests' config, whose service settings docs/dovecot.md recommends;
 * BENCH_DOVECOT_SETTINGS=defaults restores Dovecot's defaults for those settings (a login process
 * forked per connection, an imap process per login) for an A/B.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { it } from 'vitest';
import { isDovecotUsable, startDovecot } from '../packages/server/test/support/dovecot.js';
import type { DovecotProcess } from '../packages/server/test/support/dovecot.js';
import { createOrgWithUsers, createToken } from '../packages/server/test/support/fixtures.js';
import { ImapSession } from '../packages/server/test/support/imap-session.js';
import { startMailpat } from '../packages/server/test/support/mailpat-process.js';
import type { MailpatProcess } from '../packages/server/test/support/mailpat-process.js';
import { recordReport } from './support/bench-results.js';
import { processCpuMs, processTreeCpuMs } from './support/process-cpu.js';

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 2_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const USERS = Number(process.env.BENCH_USERS ?? 50);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 100);
const SETTINGS = process.env.BENCH_DOVECOT_SETTINGS ?? 'recommended';

/** Dovecot's own defaults for the service settings the tests' dovecot.conf tunes. */
const DOVECOT_DEFAULT_SERVICES = `
service imap-login {
  service_count = 1
  process_min_avail = 0
}
service imap {
  service_count = 1
  process_min_avail = 0
}
`;

/** A mailbox login: the user's address and an IMAP-scoped PAT. */
interface Account {
  email: string;
  secret: string;
}

/** Milliseconds of one session's LOGIN and of the whole session. */
interface Sample {
  loginMs: number;
  sessionMs: number;
}

/** An organization with an ACTIVE PAT policy and one IMAP token per user. */
async function createAccounts(server: MailpatProcess, count: number): Promise<Account[]> {
  const org = await createOrgWithUsers(server, count);
  const accounts = [];
  for (const user of org.users) {
    const token = await createToken(server, org.organizationId, user.id, 'imap-bench', {
      Scopes: ['IMAP'],
    });
    accounts.push({ email: user.email, secret: token.secret });
  }
  return accounts;
}

/** One connect + LOGIN + LOGOUT. */
async function runSession(dovecot: DovecotProcess, { email, secret }: Account): Promise<Sample> {
  const start = performance.now();
  const session = await ImapSession.connect(dovecot.imapPort);
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

/** `count` sessions, CONCURRENCY at a time, round-robin over the accounts. */
async function runSessions(dovecot: DovecotProcess, accounts: Account[], count: number) {
  const samples: Sample[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      samples.push(await runSession(dovecot, accounts[i % accounts.length]!));
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { samples, seconds: (performance.now() - start) / 1000 };
}

/** CPU ms so far of this process, mailpat and Dovecot. */
function readCpu(mailpat: MailpatProcess, dovecot: DovecotProcess) {
  const own = process.cpuUsage();
  return {
    client: (own.user + own.system) / 1000,
    mailpat: processCpuMs(mailpat.child.pid!),
    dovecot: processTreeCpuMs(dovecot.masterPid),
  };
}

/** p50/p90/p99 (nearest rank) and the mean, in ms with two decimals. */
function summarize(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  const round = (ms: number) => Number(ms.toFixed(2));
  const mean = sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
  return { p50: round(rank(50)), p90: round(rank(90)), p99: round(rank(99)), mean: round(mean) };
}

it('IMAP LOGIN through Dovecot', async () => {
  if (!isDovecotUsable()) {
    throw new Error('The benchmark needs root and Dovecot: apt-get install -y dovecot-imapd');
  }
  if (SETTINGS !== 'recommended' && SETTINGS !== 'defaults') {
    throw new Error(`BENCH_DOVECOT_SETTINGS must be recommended or defaults, not ${SETTINGS}`);
  }
  const clientId = `bench-${randomBytes(4).toString('hex')}`;
  const clientSecret = randomBytes(24).toString('hex');
  const mailpat = await startMailpat({
    env: {
      MAILPAT_INTROSPECTION_CLIENT_ID: clientId,
      MAILPAT_INTROSPECTION_CLIENT_SECRET: clientSecret,
    },
  });
  let dovecot: DovecotProcess | undefined;
  try {
    const mailpatPort = Number(new URL(mailpat.url).port);
    const extraConfig = SETTINGS === 'defaults' ? DOVECOT_DEFAULT_SERVICES : '';
    dovecot = await startDovecot({ mailpatPort, clientId, clientSecret, extraConfig });
    const accounts = await createAccounts(mailpat, USERS);
    await runSessions(dovecot, accounts, WARMUP);
    const cpuBefore = readCpu(mailpat, dovecot);
    const { samples, seconds } = await runSessions(dovecot, accounts, SESSIONS);
    const cpuAfter = readCpu(mailpat, dovecot);
    const perSession = (key: keyof typeof cpuBefore) =>
      Number(((cpuAfter[key] - cpuBefore[key]) / SESSIONS).toFixed(2));
    const login = summarize(samples.map((s) => s.loginMs));
    const session = summarize(samples.map((s) => s.sessionMs));
    const report = {
      dovecotSettings: SETTINGS,
      sessions: SESSIONS,
      concurrency: CONCURRENCY,
      users: USERS,
      warmup: WARMUP,
      seconds: Number(seconds.toFixed(2)),
      sessionsPerSecond: Math.round(SESSIONS / seconds),
      loginMs: login,
      connectLoginLogoutMs: session,
      cpuMsPerSession: {
        client: perSession('client'),
        mailpat: perSession('mailpat'),
        dovecot: perSession('dovecot'),
      },
    };
    recordReport('imap-login', report);
    console.log(
      `IMAP LOGIN via Dovecot (${SETTINGS} settings) -> mailpat: ${SESSIONS} sessions, ` +
        `concurrency ${CONCURRENCY}, ` +
        `${report.sessionsPerSecond}/s; LOGIN p50 ${login.p50} ms, p90 ${login.p90} ms, ` +
        `p99 ${login.p99} ms; connect+LOGIN+LOGOUT p50 ${session.p50} ms, ` +
        `p90 ${session.p90} ms, p99 ${session.p99} ms; CPU ms per session: client ` +
        `${report.cpuMsPerSession.client}, mailpat ${report.cpuMsPerSession.mailpat}, ` +
        `Dovecot ${report.cpuMsPerSession.dovecot}`,
    );
  } finally {
    await dovecot?.stop();
    await mailpat.stop();
  }
});
