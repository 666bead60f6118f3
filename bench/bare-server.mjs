// The yardstick of the wrk benchmarks: a bare node:http server that answers every request with
// the very bytes mailpat answered (status line, headers and body), doing no work at all.
// Plain JavaScript on purpose, the one file of bench/ that is: it is the yardstick, so it runs as
// `mailpat serve` runs (plain `node` on JavaScript, no TypeScript loader, no vitest), and the
// ratio compares the two servers, not two ways of running them. bench/support/bare-server.ts
// starts it.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const { body, headers } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const bytes = Buffer.from(body);
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { ...headers, 'Content-Length': bytes.length });
    res.end(bytes);
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening on http://127.0.0.1:${server.address().port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
