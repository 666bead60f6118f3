/**
 * A raw TCP connection to a server, for what HTTP clients never do: headers without their body,
 * a byte at a time, several requests in one write, a reset mid-body.
 * @module
 */
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { readdirSync } from 'node:fs';

/** An open connection and everything the server sent on it so far. */
export interface RawConnection {
  socket: Socket;
  /** The bytes received so far, as latin1 text. */
  received(): string;
  /** Resolves once the server closed (or reset) the connection. */
  closed: Promise<void>;
  /** Resolves once `text` was received; rejects after `timeoutMs` without it. */
  waitFor(text: string, timeoutMs: number): Promise<string>;
}

/** Opens a connection to the host and port of `url`. */
export function openRawConnection(url: string): Promise<RawConnection> {
  const { hostname, port } = new URL(url);
  const socket = connect({ host: hostname, port: Number(port) });
  let data = '';
  const listeners = new Set<() => void>();
  socket.on('data', (chunk: Buffer) => {
    data += chunk.toString('latin1');
    for (const listener of listeners) listener();
  });
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const waitFor = (text: string, timeoutMs: number) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        if (!data.includes(text)) return;
        listeners.delete(check);
        clearTimeout(timer);
        resolve(data);
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`no ${JSON.stringify(text)} within ${timeoutMs} ms; got ${data}`));
      }, timeoutMs);
      listeners.add(check);
      check();
    });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve({ socket, received: () => data, closed, waitFor }));
    socket.once('error', reject);
  });
}

/** The request line and headers of an HTTP/1.1 request, up to and including the blank line. */
export function requestHead(method: string, path: string, headers: Record<string, string>) {
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `${method} ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}

/** Resolves true once `promise` settles, false after `ms` if it has not. */
export async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const settled = await Promise.race([promise.then(() => true), timeout]);
  clearTimeout(timer);
  return settled;
}

/** The number of open file descriptors of process `pid` (Linux). */
export function countOpenFiles(pid: number): number {
  return readdirSync(`/proc/${pid}/fd`).length;
}
