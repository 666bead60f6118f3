/**
 * Nothing acknowledged is lost: clients create, rotate and delete tokens at full speed while
 * `mailpat serve` is SIGKILLed at random moments and restarted on the same data; after every
 * restart each acknowledged write is there as acknowledged and no write is half done. Some
 * restarts are themselves killed while starting first.
 * CRASH_KILLS (default 20) and CRASH_SEED (default random) tune a run; a failure prints its seed.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { runCrashClient } from '../support/crash-client.js';
import type { CrashRun } from '../support/crash-client.js';
import { findHalfDoneWrites } from '../support/crash-database-checks.js';
import { CrashLedger } from '../support/crash-ledger.js';
import { checkListing, checkRecentSecrets, verifyLedger } from '../support/crash-verification.js';
import { createOrgWithUsers } from '../support/fixtures.js';
import { KillableServer } from '../support/killable-server.js';
import type { MailpatProcess } from '../support/mailpat-process.js';
import { SeededRandom } from '../support/seeded-random.js';

const KILLS = Number(process.env.CRASH_KILLS ?? 20);
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const CLIENTS = 4;
/** Users per client: each client owns its users and retires some (deregister, then delete). */
const USERS_PER_CLIENT = 4;
/** How long each incarnation lives before its SIGKILL, in ms: a seeded draw from this range. */
const LIFETIME_MS = [50, 400] as const;
/** The odds that a restart is first killed while it starts, and when: ms after the spawn. */
const STARTUP_KILL_ODDS = 0.2;
const STARTUP_KILL_MS = [0, 800] as const;
const INTROSPECTION = { id: 'crash-test', secret: 'crash-test-introspection-secret' };

it(
  `keeps every acknowledged write across ${KILLS} SIGKILLs (CRASH_SEED=${SEED})`,
  async () => {
    expect(Number.isInteger(KILLS) && Number.isInteger(SEED), 'CRASH_KILLS and CRASH_SEED').toBe(
      true,
    );
    const started = Date.now();
    const random = new SeededRandom(SEED);
    const server = await KillableServer.start({
      env: {
        MAILPAT_INTROSPECTION_CLIENT_ID: INTROSPECTION.id,
        MAILPAT_INTROSPECTION_CLIENT_SECRET: INTROSPECTION.secret,
      },
    });
    const org = await createOrgWithUsers(server.live.server, CLIENTS * USERS_PER_CLIENT);
    let stopping = false;
    const run: CrashRun = {
      server,
      ledger: new CrashLedger(),
      random,
      organizationId: org.organizationId,
      introspectionBasic: `${INTROSPECTION.id}:${INTROSPECTION.secret}`,
      stopping: () => stopping,
    };
    org.users.forEach((user, i) => run.ledger.addUser(i % CLIENTS, user.id));
    const failWith = (problems: string[], when: string) =>
      expect(problems, `${when}; replay with CRASH_SEED=${SEED}`).toEqual([]);
    const clients = Array.from({ length: CLIENTS }, (_, i) => runCrashClient(run, i));
    // A client that throws ends the run at once instead of after the remaining kills.
    const clientFailure = Promise.all(clients).then(() => new Promise<never>(() => {}));
    clientFailure.catch(() => {});
    const within = <T>(step: Promise<T>) => Promise.race([step, clientFailure]);

    let startupKills = 0;
    let last: MailpatProcess = server.live.server;
    try {
      for (let kill = 1; kill <= KILLS; kill++) {
        await within(sleep(random.int(...LIFETIME_MS)));
        await server.kill();
        if (random.next() < STARTUP_KILL_ODDS) {
          const killedBeforeListening = await server.killWhileStarting(
            random.int(...STARTUP_KILL_MS),
          );
          if (killedBeforeListening) startupKills++;
        }
        last = await server.restart();
        // Clients are held until publish: the check sees the data as the kill left it.
        failWith(await checkListing(run, last), `listing after kill ${kill}`);
        failWith(await checkRecentSecrets(run, last), `secrets after kill ${kill}`);
        failWith(await findHalfDoneWrites(last), `database after kill ${kill}`);
        server.publish(last);
      }
      await within(sleep(random.int(...LIFETIME_MS)));
      stopping = true;
      server.finish();
      await within(Promise.all(clients));

      failWith(await verifyLedger(run, last), 'final check');
      failWith(await findHalfDoneWrites(last), 'final database check');
      expect(run.ledger.figures.refused, `replay with CRASH_SEED=${SEED}`).toEqual({});
      expect(await last.stop()).toBe(0);
    } finally {
      stopping = true;
      server.finish();
      if (last.child.exitCode === null) last.child.kill('SIGKILL');
    }
    console.log(report(run, KILLS, startupKills, Date.now() - started));
  },
  Math.max(180_000, KILLS * 6_000),
);

function report(run: CrashRun, kills: number, startupKills: number, ms: number): string {
  const { acknowledged, unknown, neverSent, refused } = run.ledger.figures;
  const tokens = [...run.ledger.tokens.values()];
  return [
    `crash durability (${process.env.MAILPAT_E2E_BACKEND ?? 'sqlite'}, CRASH_SEED=${SEED}):`,
    `${kills} SIGKILLs under load (and ${startupKills} more while starting) survived`,
    `in ${(ms / 1000).toFixed(1)} s;`,
    `acknowledged ${JSON.stringify(acknowledged)};`,
    `cut by a kill before the answer ${JSON.stringify(unknown)};`,
    `${neverSent} writes sent while the server was down, none done;`,
    `refused ${JSON.stringify(refused)};`,
    `${tokens.filter((t) => !t.deleted).length} tokens left,`,
    `${run.ledger.revokedSecrets.length} replaced or deleted secrets refused`,
  ].join(' ');
}
