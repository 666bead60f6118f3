/**
 * `npm run bench:hostile`: mailpat under 2,000 slow connections (1 byte/s, reopened when the
 * headers timeout closes them) and 200 concurrent 1 MiB uploads at once, twice: with the default
 * connection cap (MAILPAT_MAX_CONNECTIONS, 1024) and with the cap above the attack. The attack runs
 * in its own process (support/hostile-load.mjs) so that this one measures only the server: its
 * peak RSS, the p99 of `GET /healthz` and of a signed ListPersonalAccessTokens sent meanwhile, and
 * its open files before and after. Prints a JSON report.
 *
 * BENCH_SLOW, BENCH_UPLOADS and BENCH_SECONDS shrink it. BENCH_UNKNOWN_KEY=1 signs the uploads with
 * an access key the server does not know (refused before their body is read).
 *
 * @module
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { it } from 'vitest';
import { WM, createOrgWithUsers } from '../packages/server/test/support/fixtures.js';
import { startMailpat } from '../packages/server/test/support/mailpat-process.js';
import { countOpenFiles } from '../packages/server/test/support/raw-connection.js';
import { sendSigned, signRequest } from '../packages/server/test/support/signed-request.js';
import { recordReport } from './support/bench-results.js';

const SLOW = Number(process.env.BENCH_SLOW ?? 2000);
const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const UNKNOWN_KEY = process.env.BENCH_UNKNOWN_KEY === '1';
const MIB = 1024 * 1024;
const LOAD_SCRIPT = fileURLToPath(new URL('./support/hostile-load.mjs', import.meta.url));

/** The soft limit on open files of this process (the load process inherits it). */
function openFilesLimit(): number {
  const line = /^Max open files\s+(\d+)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
  return Number(line?.[1] ?? 0);
}

/** VmHWM (peak RSS) and VmRSS of process `pid`, in MiB. */
function memoryOf(pid: number): { peakRssMiB: number; rssMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)![1]);
  return { peakRssMiB: Math.round(kib('VmHWM') / 1024), rssMiB: Math.round(kib('VmRSS') / 1024) };
}

/** Sends `probe` every 50 ms until `until()` is false; resolves with the latencies in ms. */
async function sample(probe: () => Promise<number>, until: () => boolean) {
  const latencies: number[] = [];
  let failures = 0;
  while (until()) {
    const start = performance.now();
    if ((await probe().catch(() => 0)) !== 200) failures++;
    latencies.push(performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(latencies[Math.floor(q * (latencies.length - 1))]! * 10) / 10;
  return { count: latencies.length, failures, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: at(1) };
}

/** One round: a fresh server with `maxConnections`, attacked for SECONDS while probed. */
async function attackRound(maxConnections: number) {
  const server = await startMailpat({ env: { MAILPAT_MAX_CONNECTIONS: String(maxConnections) } });
  const scratch = mkdtempSync(join(tmpdir(), 'mailpat-bench-hostile-'));
  try {
    const org = await createOrgWithUsers(server, 1);
    const list = () =>
      sendSigned(server, WM('ListPersonalAccessTokens'), {
        OrganizationId: org.organizationId,
      }).then((response) => response.status);
    const healthz = () => fetch(`${server.url}/healthz`).then((response) => response.status);
    const pid = server.child.pid!;
    const filesBefore = countOpenFiles(pid);
    const idle = memoryOf(pid);

    const body = JSON.stringify({ OrganizationId: org.organizationId, Pad: 'x'.repeat(MIB - 80) });
    const signing = UNKNOWN_KEY ? { accessKeyId: 'AKIANOSUCHKEY0000000' } : {};
    const headers = await signRequest(server, WM('ListPersonalAccessTokens'), body, signing);
    const bodyFile = join(scratch, 'body.json');
    writeFileSync(bodyFile, body);
    const configFile = join(scratch, 'config.json');
    const attack = { url: server.url, slow: SLOW, uploads: UPLOADS, seconds: SECONDS };
    writeFileSync(configFile, JSON.stringify({ ...attack, headers, bodyFile }));
    const load = promisify(execFile)(process.execPath, [LOAD_SCRIPT, configFile], {
      maxBuffer: MIB,
    });

    const end = Date.now() + SECONDS * 1000;
    const running = () => Date.now() < end;
    const [healthzFigures, listFigures] = await Promise.all([
      sample(healthz, running),
      sample(list, running),
    ]);
    const attacked = JSON.parse((await load).stdout) as Record<string, unknown>;
    const afterAttack = memoryOf(pid);
    // fetch keeps its own connections for reuse a few seconds; wait for the count to settle.
    let filesAfter = countOpenFiles(pid);
    for (let i = 0; i < 100 && filesAfter > filesBefore; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      filesAfter = countOpenFiles(pid);
    }
    return {
      maxConnections,
      slowConnections: SLOW,
      maxSlowConnectionsHeld: attacked.maxHeld,
      slowConnectionsRefused: attacked.refused,
      concurrentUploads: UPLOADS,
      uploadsSignedWith: UNKNOWN_KEY ? 'an unknown key' : 'the root key',
      uploadStatuses: attacked.uploadStatuses,
      idleRssMiB: idle.rssMiB,
      peakRssMiB: afterAttack.peakRssMiB,
      healthz: healthzFigures,
      signedList: listFigures,
      serverOpenFilesBefore: filesBefore,
      serverOpenFilesAfter: filesAfter,
    };
  } finally {
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

it('holds slow connections and uploads with bounded memory and answers meanwhile', async () => {
  if (openFilesLimit() < SLOW + UPLOADS + 500) {
    throw new Error(`ulimit -n is ${openFilesLimit()}: raise it above ${SLOW + UPLOADS + 500}`);
  }
  const withDefaultCap = await attackRound(1024);
  const withCapAboveAttack = await attackRound(SLOW + UPLOADS + 1000);
  const report = { seconds: SECONDS, withDefaultCap, withCapAboveAttack };
  recordReport('hostile-connections', report);
});
