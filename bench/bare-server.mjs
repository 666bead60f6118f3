// The yardstick of the list benchmark: a bare node:http server that answers every request with
// the very bytes mailpat answered (status line, headers and body), doing no work at all.
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
