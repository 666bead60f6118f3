/**
 * The attack of `npm run bench:hostile`, in a process of its own so that its thousands of sockets
 * do not slow the event loop that measures the server's answers. Plain JavaScript: it runs under
 * bare `node`, with no TypeScript loader.
 *
 * Usage: node hostile-load.mjs CONFIG.json. CONFIG: { url, slow, uploads, seconds, headers, bodyFile }:
 * `slow` connections each send a request's headers a byte a second (reopened when the server closes
 * them); `uploads` loops each POST the body in `bodyFile` with the pre-signed `headers` on fresh
 * connections. Prints one JSON line: the most slow connections held at once, connections refused,
 * and the uploads' answers by status.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { setInterval, clearInterval } from 'node:timers';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const { hostname, port } = new URL(config.url);
const body = readFileSync(config.bodyFile);
const end = Date.now() + config.seconds * 1000;
const running = () => Date.now() < end;

let held = 0;
let maxHeld = 0;
let refused = 0;
const uploadStatuses = {};

/** Resolves when the socket closes, whoever closes it. */
function holdOnce() {
  return new Promise((resolve) => {
    const text = 'GET /healthz HTTP/1.1\r\nhost: x\r\nx-slow: ' + 'y'.repeat(10_000);
    const socket = connect({ host: hostname, port: Number(port) });
    let connected = false;
    let i = 0;
    const drip = setInterval(() => socket.write(text[i++ % text.length]), 1000);
    const stop = setInterval(() => running() || socket.destroy(), 200);
    socket.on('connect', () => {
      connected = true;
      held++;
      maxHeld = Math.max(maxHeld, held);
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(drip);
      clearInterval(stop);
      if (connected) held--;
      else refused++;
      resolve();
    });
  });
}

async function holdSlowConnection() {
  while (running()) await holdOnce();
}

async function uploadLoop() {
  while (running()) {
    const status = await new Promise((resolve) => {
      const options = { hostname, port, method: 'POST', path: '/', headers: config.headers };
      const req = request({ ...options, agent: false });
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', () => resolve(0));
      req.end(body);
    });
    uploadStatuses[status] = (uploadStatuses[status] ?? 0) + 1;
  }
}

await Promise.all([
  ...Array.from({ length: config.slow }, holdSlowConnection),
  ...Array.from({ length: config.uploads }, uploadLoop),
]);
process.stdout.write(JSON.stringify({ maxHeld, refused, uploadStatuses }) + '\n');
