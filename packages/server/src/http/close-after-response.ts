/**
 * Answers a request without reading the rest of its body: draining it would let a client hold
 * the connection (and the server's time) for as long as it keeps sending.
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Bodies up to this size left unread are still read and dropped, keeping the connection: a client
 * that sent a small body with a request answered early (a 401, a 429) reads its answer instead of
 * a reset. Larger or unbounded (chunked) ones are cut off.
 */
const DRAIN_LIMIT_BYTES = 64 * 1024;

/**
 * How long a cut-off connection keeps reading (and dropping) after its answer. Destroying it at
 * once would reset the connection while the client is still sending, and a reset can discard the
 * answer from the client's receive buffer before it reads it (the reason for nginx's
 * lingering_close); this bounds what that costs.
 */
const LINGER_MS = 2_000;

/** Sends `Connection: close` and closes the connection once the response is flushed. */
export function closeAfterResponse(req: IncomingMessage, res: ServerResponse): void {
  if (!res.headersSent) res.setHeader('Connection', 'close');
  req.pause();
  res.once('finish', () => lingeringClose(req));
}

/**
 * Half-closes the connection after the answer, drops whatever the client still sends for at most
 * LINGER_MS, then destroys it (at once if the client closes its side first).
 */
function lingeringClose(req: IncomingMessage): void {
  const socket = req.socket;
  socket.end();
  req.resume();
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}

/** Closes the connection once `res` is sent if `req` still has a large or unbounded body unread. */
export function cutOffLargeBodies(req: IncomingMessage, res: ServerResponse): void {
  res.once('finish', () => {
    if (req.complete) return;
    const length = req.headers['content-length'];
    if (length === undefined || Number(length) > DRAIN_LIMIT_BYTES) lingeringClose(req);
  });
}

/** Whether the request declares a body (chunked, or a non-zero Content-Length). */
export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}
