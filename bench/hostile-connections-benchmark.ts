/**
 * `npm run bench:hostile`: mailpat under 2,000 slow connections (1 byte/s, reopened when the
 * headers timeout closes them) and 200 concurrent 1 MiB uploads at once. Reports the server's
 * peak RSS, the p99 of `GET /healthz` and of a signed ListPersonalAccessTokens sent meanwhile, and
 * the server's open files before and after. Prints a JSON report.
 *
 * BENCH_SLOW, BENCH_UPLOADS and BENCH_SECONDS shrink it. BENCH_UNKNOWN_KEY=1 signs the uploads with
 * an access key the server does not know (refused before their body is read).
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { it } from 'vitest';
import { WM, createOrgWithUsers } from '../packages/server/test/support/fixtures.js';
import { startMailpat } from '../packages/server/test/support/mailpat-process.js';
import type { MailpatProcess } from '../packages/server/test/support/mailpat-process.js';
import {
  countOpenFiles,
  openRawConnection,
} from '../packages/server/test/support/raw-connection.js';
import { sendSigned, signRequest } from '../packages/server/test/support/signed-request.js';

const SLOW = Number(process.env.BENCH_SLOW ?? 2000);
const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const UNKNOWN_KEY = process.env.BENCH_UNKNOWN_KEY === '1';
const MIB = 1024 * 1024;

/** The soft limit on open files of this process: it holds every client socket. */
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

/** Holds one connection that sends a request's headers a byte a second; reopens it when closed. */
async function holdSlowConnection(server: MailpatProcess, until: () => boolean, held: number[]) {
  const text = 'GET /healthz HTTP/1.1\r\nhost: x\r\nx-slow: ' + 'y'.repeat(10_000);
  while (until()) {
    const connection = await openRawConnection(server.url).catch(() => undefined);
    if (connection === undefined) continue;
    held[0]!++;
    let i = 0;
    const drip = setInterval(() => connection.socket.write(text[i++ % text.length]!), 1000);
    const stop = setInterval(() => until() || connection.socket.destroy(), 200);
    await connection.closed;
    clearInterval(drip);
    clearInterval(stop);
    held[0]!--;
  }
}

/** Sends signed 1 MiB requests back to back on fresh connections. */
async function uploadLoop(server: MailpatProcess, until: () => boolean, statuses: number[]) {
  const body = JSON.stringify({ OrganizationId: 'm-' + '0'.repeat(32), Pad: 'x'.repeat(MIB - 80) });
  const options = UNKNOWN_KEY ? { accessKeyId: 'AKIANOSUCHKEY0000000' } : {};
  const headers = await signRequest(server, WM('ListPersonalAccessTokens'), body, options);
  const { hostname, port } = new URL(server.url);
  while (until()) {
    const status = await new Promise<number>((resolve) => {
      const req = request({ hostname, port, method: 'POST', path: '/', headers, agent: false });
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', () => resolve(0));
      req.end(body);
    });
    statuses.push(status);
  }
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

it('holds slow connections and uploads with bounded memory and answers meanwhile', async () => {
  if (openFilesLimit() < SLOW + UPLOADS + 500) {
    throw new Error(`ulimit -n is ${openFilesLimit()}: raise it above ${SLOW + UPLOADS + 500}`);
  }
  const server = await startMailpat({ env: { MAILPAT_MAX_CONNECTIONS: String(SLOW + 1000) } });
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
    const end = Date.now() + SECONDS * 1000;
    const running = () => Date.now() < end;
    const held = [0];
    let maxHeld = 0;
    const watch = setInterval(() => (maxHeld = Math.max(maxHeld, held[0]!)), 100);
    const statuses: number[] = [];
    const attack = [
      ...Array.from({ length: SLOW }, () => holdSlowConnection(server, running, held)),
      ...Array.from({ length: UPLOADS }, () => uploadLoop(server, running, statuses)),
    ];
    const [healthzFigures, listFigures] = await Promise.all([
      sample(healthz, running),
      sample(list, running),
    ]);
    await Promise.all(attack);
    clearInterval(watch);
    const afterAttack = memoryOf(pid);
    // fetch keeps its own connections for reuse a few seconds; wait for the count to settle.
    let filesAfter = countOpenFiles(pid);
    for (let i = 0; i < 100 && filesAfter > filesBefore; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      filesAfter = countOpenFiles(pid);
    }
    const uploadStatuses: Record<number, number> = {};
    for (const status of statuses) uploadStatuses[status] = (uploadStatuses[status] ?? 0) + 1;
    console.log(
      JSON.stringify(
        {
          seconds: SECONDS,
          slowConnections: SLOW,
          maxSlowConnectionsHeld: maxHeld,
          concurrentUploads: UPLOADS,
          uploadsSignedWith: UNKNOWN_KEY ? 'an unknown key' : 'the root key',
          uploadsAnswered: statuses.length,
          uploadStatuses,
          idleRssMiB: idle.rssMiB,
          peakRssMiB: afterAttack.peakRssMiB,
          healthz: healthzFigures,
          signedList: listFigures,
          serverOpenFilesBefore: filesBefore,
          serverOpenFilesAfter: filesAfter,
        },
        null,
        2,
      ),
    );
  } finally {
    await server.stop();
  }
});
