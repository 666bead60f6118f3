/**
 * The keep-alive connection pool of one client.
 * @module
 */
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

/**
 * A keep-alive agent for the endpoint's scheme, so a scan pays one TCP (and TLS) handshake, not
 * one per page. Idle sockets are unref'd by node (they never keep the process alive) and closed
 * a second before the idle timeout the server announces in `Keep-Alive: timeout=N`, so a reused
 * socket is rarely one the server is closing. HTTPS trusts node's CA store, which includes
 * `NODE_EXTRA_CA_CERTS`.
 */
export function createAgent(protocol: string): HttpAgent {
  return protocol === 'https:'
    ? new HttpsAgent({ keepAlive: true })
    : new HttpAgent({ keepAlive: true });
}
