/**
 * Bounds of outgoing mail. The expiry check waits for each message it sends; these keep a relay
 * that stops answering from holding a check (and the warnings after it) for nodemailer's default
 * minutes (2 min to connect, 10 min of silence).
 * @module
 */

/** Milliseconds to open the TCP (and TLS) connection to the relay. */
export const SMTP_CONNECTION_TIMEOUT_MS = 15_000;
/** Milliseconds for the relay's greeting once connected; a busy relay greets within seconds. */
export const SMTP_GREETING_TIMEOUT_MS = 30_000;
/** Milliseconds of silence in a session, e.g. while the relay checks a message after DATA. */
export const SMTP_SOCKET_TIMEOUT_MS = 60_000;
/** Milliseconds to resolve the relay's name. */
export const SMTP_DNS_TIMEOUT_MS = 15_000;
/** Connections to the relay at once: warnings are few, and a relay may limit clients. */
export const SMTP_MAX_CONNECTIONS = 2;
